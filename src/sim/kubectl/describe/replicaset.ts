/** `kubectl describe replicaset` (describeReplicaSet). */
import type { KubeObject } from '../../api/object';
import type { ApiServer } from '../../api/server';
import type { Pod, ReplicaSet } from '../../api/types';
import { formatLabelSelector } from '../format';
import { describePodTemplate } from './containers';
import { controllerText, DescribeWriter, eventsFor, writeAnnotations, writeEvents, writeLabels } from './writer';

/** getPodStatusForController: the phases of the pods this controller owns. */
export function podPhaseCounts(api: ApiServer, owner: KubeObject): string {
  const counts = { Running: 0, Pending: 0, Succeeded: 0, Failed: 0 };
  for (const pod of api.list('Pod', owner.metadata.namespace) as Pod[]) {
    const ref = pod.metadata?.ownerReferences?.find((r) => r.controller);
    if (!ref || ref.uid !== owner.metadata.uid) continue;
    const phase = pod.status?.phase;
    if (phase === 'Running' || phase === 'Pending' || phase === 'Succeeded' || phase === 'Failed') counts[phase]++;
  }
  return `${counts.Running} Running / ${counts.Pending} Waiting / ${counts.Succeeded} Succeeded / ${counts.Failed} Failed`;
}

export function describeReplicaSet(api: ApiServer, obj: KubeObject, now: number): string {
  const rs = obj as ReplicaSet;
  const w = new DescribeWriter();
  w.write(0, `Name:\t${rs.metadata?.name ?? ''}\n`);
  w.write(0, `Namespace:\t${rs.metadata?.namespace ?? ''}\n`);
  w.write(0, `Selector:\t${formatLabelSelector(rs.spec?.selector)}\n`);
  writeLabels(w, 'Labels', rs.metadata?.labels);
  writeAnnotations(w, 'Annotations', rs.metadata?.annotations);
  const controller = controllerText(obj);
  if (controller) w.write(0, `Controlled By:\t${controller}\n`);
  w.write(0, `Replicas:\t${rs.status?.replicas ?? 0} current / ${rs.spec?.replicas ?? 0} desired\n`);
  w.write(0, `Pods Status:\t${podPhaseCounts(api, obj)}\n`);
  describePodTemplate(w, rs.spec?.template);
  if (rs.status?.conditions?.length) {
    w.write(0, 'Conditions:\n  Type\tStatus\tReason\n');
    w.write(1, '----\t------\t------\n');
    for (const c of rs.status.conditions) w.write(1, `${c.type} \t${c.status}\t${c.reason ?? ''}\n`);
  }
  writeEvents(w, eventsFor(api, obj, { matchKind: true }), now);
  return w.toString();
}
