/** `kubectl describe statefulset` (describeStatefulSet, describeVolumeClaimTemplates). */
import type { KubeObject } from '../../api/object';
import type { ApiServer } from '../../api/server';
import type { PersistentVolumeClaim, StatefulSet } from '../../api/types';
import { rfc1123z } from '../duration';
import { selectorString } from '../format';
import { describePodTemplate } from './containers';
import { podPhaseCounts } from './replicaset';
import { DescribeWriter, eventsFor, writeAnnotations, writeEvents, writeLabels } from './writer';

/** printLabelsMultilineWithIndent with the "  " indent and a tab before the values. */
function writeIndentedLabels(w: DescribeWriter, title: string, labels: Record<string, string> | undefined): void {
  w.write(0, `  ${title}:\t`);
  const keys = Object.keys(labels ?? {}).sort();
  if (keys.length === 0) {
    w.write(0, '<none>\n');
    return;
  }
  keys.forEach((key, i) => w.write(0, `${i === 0 ? '' : '  \t'}${key}=${labels![key]}\n`));
}

/** describeVolumeClaimTemplates: each template's class, labels, capacity and access modes. */
function describeClaimTemplates(w: DescribeWriter, templates: readonly PersistentVolumeClaim[] | undefined): void {
  if (!templates?.length) {
    w.write(0, 'Volume Claims:\t<none>\n');
    return;
  }
  w.write(0, 'Volume Claims:\n');
  for (const pvc of templates) {
    w.write(1, `Name:\t${pvc.metadata?.name ?? ''}\n`);
    // storageutil.GetPersistentVolumeClaimClass: the beta annotation wins over the field.
    w.write(1, `StorageClass:\t${pvc.metadata?.annotations?.['volume.beta.kubernetes.io/storage-class'] ?? pvc.spec?.storageClassName ?? ''}\n`);
    writeIndentedLabels(w, 'Labels', pvc.metadata?.labels);
    writeIndentedLabels(w, 'Annotations', pvc.metadata?.annotations);
    w.write(1, `Capacity:\t${pvc.spec?.resources?.requests?.storage ?? '<default>'}\n`);
    w.write(1, `Access Modes:\t[${(pvc.spec?.accessModes ?? []).join(' ')}]\n`);
  }
}

export function describeStatefulSet(api: ApiServer, obj: KubeObject, now: number): string {
  const set = obj as StatefulSet;
  const w = new DescribeWriter();
  w.write(0, `Name:\t${set.metadata?.name ?? ''}\n`);
  w.write(0, `Namespace:\t${set.metadata?.namespace ?? ''}\n`);
  w.write(0, `CreationTimestamp:\t${rfc1123z(set.metadata?.creationTimestamp)}\n`);
  w.write(0, `Selector:\t${selectorString(set.spec?.selector)}\n`);
  writeLabels(w, 'Labels', set.metadata?.labels);
  writeAnnotations(w, 'Annotations', set.metadata?.annotations);
  w.write(0, `Replicas:\t${set.spec?.replicas ?? 0} desired | ${set.status?.replicas ?? 0} total\n`);
  const strategy = set.spec?.updateStrategy;
  w.write(0, `Update Strategy:\t${strategy?.type ?? ''}\n`);
  const ru = strategy?.rollingUpdate;
  if (ru?.partition !== undefined) {
    w.write(1, `Partition:\t${ru.partition}\n`);
    if (ru.maxUnavailable !== undefined) w.write(1, `MaxUnavailable:\t${ru.maxUnavailable}\n`);
  }
  w.write(0, `Pods Status:\t${podPhaseCounts(api, obj)}\n`);
  describePodTemplate(w, set.spec?.template);
  describeClaimTemplates(w, set.spec?.volumeClaimTemplates as PersistentVolumeClaim[] | undefined);
  writeEvents(w, eventsFor(api, obj, { matchKind: true }), now);
  return w.toString();
}
