/** `kubectl describe daemonset` (describeDaemonSet). */
import type { KubeObject } from '../../api/object';
import type { ApiServer } from '../../api/server';
import type { DaemonSet } from '../../api/types';
import { formatLabels, selectorString } from '../format';
import { describePodTemplate } from './containers';
import { podPhaseCounts } from './replicaset';
import { DescribeWriter, eventsFor, writeAnnotations, writeEvents, writeLabels } from './writer';

export function describeDaemonSet(api: ApiServer, obj: KubeObject, now: number): string {
  const ds = obj as DaemonSet;
  const s = ds.status;
  const w = new DescribeWriter();
  w.write(0, `Name:\t${ds.metadata?.name ?? ''}\n`);
  w.write(0, `Namespace:\t${ds.metadata?.namespace ?? ''}\n`);
  w.write(0, `Selector:\t${selectorString(ds.spec?.selector)}\n`);
  w.write(0, `Node-Selector:\t${formatLabels(ds.spec?.template.spec?.nodeSelector)}\n`);
  writeLabels(w, 'Labels', ds.metadata?.labels);
  writeAnnotations(w, 'Annotations', ds.metadata?.annotations);
  // These five lines have no tab: kubectl leaves them out of the alignment.
  w.write(0, `Desired Number of Nodes Scheduled: ${s?.desiredNumberScheduled ?? 0}\n`);
  w.write(0, `Current Number of Nodes Scheduled: ${s?.currentNumberScheduled ?? 0}\n`);
  w.write(0, `Number of Nodes Scheduled with Up-to-date Pods: ${s?.updatedNumberScheduled ?? 0}\n`);
  w.write(0, `Number of Nodes Scheduled with Available Pods: ${s?.numberAvailable ?? 0}\n`);
  w.write(0, `Number of Nodes Misscheduled: ${s?.numberMisscheduled ?? 0}\n`);
  w.write(0, `Pods Status:\t${podPhaseCounts(api, obj)}\n`);
  describePodTemplate(w, ds.spec?.template);
  writeEvents(w, eventsFor(api, obj, { matchKind: true }), now);
  return w.toString();
}
