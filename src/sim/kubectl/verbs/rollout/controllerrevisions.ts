/**
 * `kubectl rollout` for StatefulSets and DaemonSets (polymorphichelpers/{history,rollback,
 * rollout_status}.go): their history is their ControllerRevisions (k8s-semantics §7.3, §8).
 */
import { ApiError } from '../../../api/errors';
import { clone, type KubeObject } from '../../../api/object';
import type { ApiServer } from '../../../api/server';
import type { ControllerRevision, DaemonSet, PodTemplateSpec, StatefulSet, StatefulSetStatus } from '../../../api/types';
import { ownedRevisions, revisionMatches, revisionNumber, templateOf } from '../../../controllers/history';
import { KubectlError } from '../../errors';

export interface HistoryEntry {
  changeCause?: string;
  template?: PodTemplateSpec;
}

/** controlledHistories by revision number (a later one wins a duplicated number, as printHistory's map). */
export function revisionHistory(api: ApiServer, owner: KubeObject): Map<number, ControllerRevision> {
  return new Map(ownedRevisions(api, owner).map((r) => [revisionNumber(r), r]));
}

/** findHistory: the revision asked for, or for 0 the one before the latest. */
function findHistory(api: ApiServer, owner: KubeObject, toRevision: number): ControllerRevision | undefined {
  const all = ownedRevisions(api, owner);
  if (toRevision === 0) return all.length > 1 ? all[all.length - 2] : undefined;
  return all.find((r) => revisionNumber(r) === toRevision);
}

/**
 * StatefulSetRollbacker / DaemonSetRollbacker.Rollback: the operation the name printer shows.
 * The revision's data is a patch that replaces the template, so the template is all that changes.
 */
export function rollbackToRevision(api: ApiServer, owner: KubeObject, toRevision: number): string {
  const notFound = new KubectlError(`unable to find specified revision ${toRevision} in history`);
  if (toRevision < 0) throw notFound;
  if (toRevision === 0 && ownedRevisions(api, owner).length <= 1) throw new KubectlError('no last revision to roll back to');
  const target = findHistory(api, owner, toRevision);
  if (!target) throw notFound;
  const workload = owner as StatefulSet | DaemonSet;
  if (revisionMatches(target, workload.spec?.template)) return `skipped rollback (current template already matches revision ${toRevision})`;
  const patched = clone(workload);
  patched.spec!.template = templateOf(target);
  try {
    api.update(patched as KubeObject, 'kubectl', 'patch');
  } catch (err) {
    if (!(err instanceof ApiError)) throw err;
    throw new KubectlError(`failed restoring revision ${toRevision}: ${err.message}`);
  }
  return 'rolled back';
}

export interface StatusResult {
  message: string;
  done: boolean;
}

const ONLY_ROLLING = 'rollout status is only available for RollingUpdate strategy type';

/** StatefulSetStatusViewer.Status: a set with a partition (0 by default) reports a partitioned roll out. */
export function statefulSetStatus(set: StatefulSet): StatusResult {
  const strategy = set.spec?.updateStrategy;
  if (strategy?.type !== 'RollingUpdate') throw new KubectlError(ONLY_ROLLING);
  const s: Partial<StatefulSetStatus> = set.status ?? {};
  if (!s.observedGeneration || (set.metadata?.generation ?? 0) > s.observedGeneration) return { message: 'Waiting for statefulset spec update to be observed...\n', done: false };
  const replicas = set.spec?.replicas ?? 1;
  if ((s.readyReplicas ?? 0) < replicas) return { message: `Waiting for ${replicas - (s.readyReplicas ?? 0)} pods to be ready...\n`, done: false };
  const partition = strategy.rollingUpdate?.partition;
  if (strategy.rollingUpdate) {
    if (partition !== undefined && (s.updatedReplicas ?? 0) < replicas - partition) {
      return { message: `Waiting for partitioned roll out to finish: ${s.updatedReplicas ?? 0} out of ${replicas - partition} new pods have been updated...\n`, done: false };
    }
    return { message: `partitioned roll out complete: ${s.updatedReplicas ?? 0} new pods have been updated...\n`, done: true };
  }
  if (s.updateRevision !== s.currentRevision) {
    return { message: `waiting for statefulset rolling update to complete ${s.updatedReplicas ?? 0} pods at revision ${s.updateRevision}...\n`, done: false };
  }
  return { message: `statefulset rolling update complete ${s.currentReplicas ?? 0} pods at revision ${s.currentRevision}...\n`, done: true };
}

/** DaemonSetStatusViewer.Status. */
export function daemonSetStatus(ds: DaemonSet): StatusResult {
  if (ds.spec?.updateStrategy?.type !== 'RollingUpdate') throw new KubectlError(ONLY_ROLLING);
  const s = ds.status;
  const name = JSON.stringify(ds.metadata?.name ?? '');
  if ((ds.metadata?.generation ?? 0) > (s?.observedGeneration ?? 0)) return { message: 'Waiting for daemon set spec update to be observed...\n', done: false };
  const desired = s?.desiredNumberScheduled ?? 0;
  if ((s?.updatedNumberScheduled ?? 0) < desired) {
    return { message: `Waiting for daemon set ${name} rollout to finish: ${s?.updatedNumberScheduled ?? 0} out of ${desired} new pods have been updated...\n`, done: false };
  }
  if ((s?.numberAvailable ?? 0) < desired) {
    return { message: `Waiting for daemon set ${name} rollout to finish: ${s?.numberAvailable ?? 0} of ${desired} updated pods are available...\n`, done: false };
  }
  return { message: `daemon set ${name} successfully rolled out\n`, done: true };
}
