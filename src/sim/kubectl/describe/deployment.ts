/** `kubectl describe deployment` (describeDeployment). */
import { byCreation, equalIgnoreHash } from '../../controllers/deployment/util';
import type { KubeObject } from '../../api/object';
import type { ApiServer } from '../../api/server';
import type { Deployment, ReplicaSet } from '../../api/types';
import { rfc1123z } from '../duration';
import { selectorString } from '../format';
import { describePodTemplate } from './containers';
import { DescribeWriter, eventsFor, writeAnnotations, writeEvents, writeLabels } from './writer';

/** printReplicaSetsByLabels: "name (current/desired replicas created), ..." or "<none>". */
function replicaSetList(list: readonly ReplicaSet[]): string {
  return list.map((rs) => `${rs.metadata?.name} (${rs.status?.replicas ?? 0}/${rs.spec?.replicas ?? 0} replicas created)`).join(', ') || '<none>';
}

/**
 * deploymentutil.GetAllReplicaSets: the ReplicaSets the Deployment controls, the new one being
 * the oldest whose template equals the Deployment's (ignoring pod-template-hash).
 */
export function replicaSetsOf(api: ApiServer, d: Deployment): { oldRSs: ReplicaSet[]; newRS?: ReplicaSet } {
  const owned = (api.list('ReplicaSet', d.metadata?.namespace) as ReplicaSet[])
    .filter((rs) => rs.metadata?.ownerReferences?.some((r) => r.controller && r.uid === d.metadata?.uid))
    .sort(byCreation);
  const newRS = owned.find((rs) => equalIgnoreHash(rs.spec?.template, d.spec?.template));
  return { oldRSs: owned.filter((rs) => rs !== newRS), newRS };
}

export function describeDeployment(api: ApiServer, obj: KubeObject, now: number): string {
  const d = obj as Deployment;
  const w = new DescribeWriter();
  w.write(0, `Name:\t${d.metadata?.name ?? ''}\n`);
  w.write(0, `Namespace:\t${d.metadata?.namespace ?? ''}\n`);
  w.write(0, `CreationTimestamp:\t${rfc1123z(d.metadata?.creationTimestamp)}\n`);
  writeLabels(w, 'Labels', d.metadata?.labels);
  writeAnnotations(w, 'Annotations', d.metadata?.annotations);
  w.write(0, `Selector:\t${selectorString(d.spec?.selector)}\n`);
  const s = d.status;
  w.write(0, `Replicas:\t${d.spec?.replicas ?? 0} desired | ${s?.updatedReplicas ?? 0} updated | ${s?.replicas ?? 0} total | ${s?.availableReplicas ?? 0} available | ${s?.unavailableReplicas ?? 0} unavailable\n`);
  w.write(0, `StrategyType:\t${d.spec?.strategy?.type ?? ''}\n`);
  w.write(0, `MinReadySeconds:\t${d.spec?.minReadySeconds ?? 0}\n`);
  const ru = d.spec?.strategy?.rollingUpdate;
  if (ru) w.write(0, `RollingUpdateStrategy:\t${ru.maxUnavailable ?? '<nil>'} max unavailable, ${ru.maxSurge ?? '<nil>'} max surge\n`);
  describePodTemplate(w, d.spec?.template);
  if (s?.conditions?.length) {
    w.write(0, 'Conditions:\n  Type\tStatus\tReason\n');
    w.write(1, '----\t------\t------\n');
    for (const c of s.conditions) w.write(1, `${c.type} \t${c.status}\t${c.reason ?? ''}\n`);
  }
  const { oldRSs, newRS } = replicaSetsOf(api, d);
  if (oldRSs.length || newRS) {
    w.write(0, `OldReplicaSets:\t${replicaSetList(oldRSs)}\n`);
    w.write(0, `NewReplicaSet:\t${replicaSetList(newRS ? [newRS] : [])}\n`);
  }
  writeEvents(w, eventsFor(api, obj, { matchKind: true }), now);
  return w.toString();
}
