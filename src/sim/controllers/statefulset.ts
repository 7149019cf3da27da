import { ApiError } from '../api/errors';
import { selectorMatches } from '../api/labels';
import { clone, controllerOf, objectKey, parseKey, uniqueByKey, type KubeObject } from '../api/object';
import { isPodAvailable, isPodReady } from '../api/pod';
import type { WatchEvent } from '../api/store';
import type { ControllerRevision, OwnerReference, PersistentVolumeClaim, Pod, StatefulSet, StatefulSetStatus, Volume } from '../api/types';
import { Controller, type ControllerContext } from './controller';
import { CONTROLLER_REVISION_HASH, syncRevisions, templateOf, truncateHistory, type Revisions } from './history';
import { controllerRefTo } from './replicaset';

export const POD_NAME_LABEL = 'statefulset.kubernetes.io/pod-name';
export const POD_INDEX_LABEL = 'apps.kubernetes.io/pod-index';

/** getParentNameAndOrdinal: "web-2" → ["web", 2]; a name without an ordinal → -1. */
export function parentAndOrdinal(podName: string): [string, number] {
  const m = /^(.*)-([0-9]+)$/.exec(podName);
  return m ? [m[1], parseInt(m[2], 10)] : ['', -1];
}

const ordinalOf = (pod: Pod) => parentAndOrdinal(pod.metadata!.name!)[1];
const isTerminating = (pod: Pod) => !!pod.metadata?.deletionTimestamp;
const isRunningAndReady = (pod: Pod) => pod.status?.phase === 'Running' && isPodReady(pod);
const isHealthy = (pod: Pod | undefined) => !!pod && isRunningAndReady(pod) && !isTerminating(pod);
const revisionOfPod = (pod: Pod) => pod.metadata?.labels?.[CONTROLLER_REVISION_HASH] ?? '';

/** A claim the set wants for one ordinal: `<template>-<set>-<ordinal>` (k8s-semantics §7.1). */
interface WantedClaim {
  template: PersistentVolumeClaim;
  name: string;
}

/** What processing one pod tells the loop: go on, stop this pass, or stop it for an API error. */
type Step = 'continue' | 'exit' | 'error';

/**
 * pkg/controller/statefulset: pods `<set>-0…N-1` with stable names, hostnames and claims, created
 * in order (OrderedReady) or all at once (Parallel), removed from the highest ordinal, and
 * rolled from the highest ordinal down to the partition (k8s-semantics §7).
 */
export class StatefulSetController extends Controller {
  constructor(ctx: ControllerContext) {
    super('statefulset-controller', ctx);
  }

  onEvent({ type, object, old }: WatchEvent): void {
    const ns = object.metadata.namespace;
    if (object.kind === 'StatefulSet') {
      this.enqueue(objectKey('StatefulSet', ns, object.metadata.name!));
    } else if (object.kind === 'Pod') {
      const owners = new Set<string>();
      for (const p of [object, old]) {
        const ref = p && controllerOf(p);
        if (ref?.kind === 'StatefulSet') owners.add(ref.name);
      }
      for (const name of owners) this.enqueue(objectKey('StatefulSet', ns, name));
      if (type !== 'DELETED' && !controllerOf(object)) this.enqueueMatching(object);
    } else if (object.kind === 'PersistentVolumeClaim' && type === 'DELETED') {
      // A stale claim (§7.4) blocks its pod's re-creation until the garbage collector removes it.
      this.enqueueMatching(object);
    }
  }

  private enqueueMatching(object: KubeObject): void {
    for (const set of this.ctx.api.list('StatefulSet', object.metadata.namespace)) {
      if (selectorMatches((set as StatefulSet).spec?.selector, object.metadata.labels)) this.enqueue(objectKey('StatefulSet', set.metadata.namespace, set.metadata.name!));
    }
  }

  protected sync(key: string): void {
    const { namespace, name } = parseKey(key);
    const set = this.ctx.api.get('StatefulSet', namespace, name) as StatefulSet | undefined;
    if (!set) return;
    const pods = this.claimPods(set);
    const revisions = syncRevisions(this.ctx.api, this.name, set as KubeObject, set.status?.currentRevision);
    const failed = !set.metadata!.deletionTimestamp && this.updateStatefulSet(set, revisions, pods);
    // A failed create goes back on the queue with the controllers' per-item back-off.
    if (failed) this.requeueRateLimited(key);
    else this.forget(key);
    const status = this.writeStatus(set, revisions);
    const live = new Set([revisions.current.metadata!.name, revisions.update.metadata!.name, ...this.ownedPods(set).map(revisionOfPod)]);
    truncateHistory(this.ctx.api, this.name, revisions.all, (r) => live.has(r.metadata!.name), set.spec!.revisionHistoryLimit ?? 10);
    const minReady = set.spec!.minReadySeconds ?? 0;
    if (minReady > 0 && status && (status.availableReplicas ?? 0) !== (set.spec!.replicas ?? 1)) this.enqueue(key, minReady * 1000 + 1000);
  }

  /** getPodsForStatefulSet: pods named `<set>-<n>` that match the selector, adopting orphans and releasing strays. */
  private claimPods(set: StatefulSet): Pod[] {
    const uid = set.metadata!.uid!;
    const candidates = uniqueByKey([...this.ctx.api.dependents(uid).filter((o) => o.kind === 'Pod'), ...this.ctx.api.uncontrolled('Pod', set.metadata!.namespace)]);
    const claimed: Pod[] = [];
    for (const obj of candidates) {
      const pod = obj as Pod;
      const ref = controllerOf(obj);
      const matches = selectorMatches(set.spec!.selector, pod.metadata!.labels) && parentAndOrdinal(pod.metadata!.name!)[0] === set.metadata!.name;
      if (ref && ref.uid !== uid) continue;
      if (ref && matches) claimed.push(pod);
      else if (ref && !set.metadata!.deletionTimestamp) {
        const next = clone(pod);
        next.metadata!.ownerReferences = pod.metadata!.ownerReferences!.filter((r) => r.uid !== uid);
        this.ctx.api.update(next as KubeObject, this.name, 'patch');
      } else if (!ref && matches && !set.metadata!.deletionTimestamp && !isTerminating(pod)) {
        const next = clone(pod);
        next.metadata!.ownerReferences = [...(pod.metadata!.ownerReferences ?? []), controllerRefTo(set as KubeObject)];
        claimed.push(this.ctx.api.update(next as KubeObject, this.name, 'patch') as Pod);
      }
    }
    return claimed;
  }

  private ownedPods(set: StatefulSet): Pod[] {
    return this.ctx.api.dependents(set.metadata!.uid!).filter((o) => o.kind === 'Pod' && controllerOf(o)?.uid === set.metadata!.uid) as Pod[];
  }

  /** updateStatefulSet (stateful_set_control.go): replicas, then condemned pods, then the update. True when a write failed. */
  private updateStatefulSet(set: StatefulSet, revisions: Revisions, pods: Pod[]): boolean {
    const start = set.spec!.ordinals?.start ?? 0;
    const count = set.spec!.replicas ?? 1;
    const replicas: (Pod | undefined)[] = new Array(count).fill(undefined);
    const condemned: Pod[] = [];
    for (const pod of pods) {
      const ord = ordinalOf(pod);
      if (ord >= start && ord < start + count) replicas[ord - start] = pod;
      else if (ord >= 0) condemned.push(pod);
    }
    condemned.sort((a, b) => ordinalOf(b) - ordinalOf(a));
    // The first unhealthy pod: a replica in ordinal order, else the lowest condemned one.
    const firstUnhealthy = replicas.find((p) => !isHealthy(p)) ?? [...condemned].reverse().find((p) => !isHealthy(p));
    const monotonic = set.spec!.podManagementPolicy !== 'Parallel';

    let failed = false;
    const noting = (step: Step): Step => {
      if (step === 'error') failed = true;
      return step;
    };
    if (this.runForAll(replicas.length, (i) => noting(this.processReplica(set, revisions, monotonic, replicas, i)), monotonic)) return failed;
    if (this.runForAll(condemned.length, (i) => (this.fixClaims(set, condemned[i]), 'continue'), monotonic)) return false;
    if (this.runForAll(condemned.length, (i) => this.processCondemned(set, firstUnhealthy, monotonic, condemned[i]), monotonic)) return false;
    if (set.spec!.updateStrategy?.type === 'OnDelete') return false;

    // k8s-semantics §7.3: delete the highest pod not at the update revision, waiting for each to be healthy.
    const partition = set.spec!.updateStrategy?.rollingUpdate?.partition ?? 0;
    for (let target = replicas.length - 1; target >= partition; target--) {
      const pod = replicas[target];
      if (pod && revisionOfPod(pod) !== revisions.update.metadata!.name && !isTerminating(pod)) {
        this.deletePod(set, pod);
        return false;
      }
      if (!isHealthy(pod)) return false;
    }
    return false;
  }

  /**
   * runForAll: in order, stopping at the first step that says so (OrderedReady); or in slow-start
   * batches of 1, 2, 4… that stop only after a batch with an error (Parallel). True: stop the pass.
   */
  private runForAll(n: number, fn: (i: number) => Step, monotonic: boolean): boolean {
    if (monotonic) {
      for (let i = 0; i < n; i++) if (fn(i) !== 'continue') return true;
      return false;
    }
    let i = 0;
    for (let batch = 1; i < n; batch *= 2) {
      let failed = false;
      for (const end = Math.min(n, i + batch); i < end; i++) if (fn(i) === 'error') failed = true;
      if (failed) return true;
    }
    return false;
  }

  /** processReplica: replace finished pods, create missing ones, wait for health under OrderedReady. */
  private processReplica(set: StatefulSet, revisions: Revisions, monotonic: boolean, replicas: (Pod | undefined)[], i: number): Step {
    const start = set.spec!.ordinals?.start ?? 0;
    let pod = replicas[i];
    const ns = set.metadata!.namespace;
    if (pod && (pod.status?.phase === 'Failed' || pod.status?.phase === 'Succeeded')) {
      const failed = pod.status.phase === 'Failed';
      const message = `StatefulSet ${ns}/${set.metadata!.name} is recreating ${failed ? 'failed' : 'terminated'} Pod ${pod.metadata!.name}`;
      this.record(set, failed ? 'Warning' : 'Normal', failed ? 'RecreatingFailedPod' : 'RecreatingTerminatedPod', message);
      this.deletePod(set, pod);
      pod = replicas[i] = undefined;
    }
    if (!pod) {
      const ordinal = i + start;
      if (this.claimIsStale(set, ordinal)) return 'exit';
      const created = this.createPod(set, revisions, ordinal);
      if (!created) return 'error';
      replicas[i] = pod = created;
      if (monotonic) return 'exit';
    }
    if (pod.status?.phase === 'Pending' && !isTerminating(pod) && this.createClaims(set, pod)) return 'error';
    if (monotonic && (isTerminating(pod) || !isRunningAndReady(pod) || !isPodAvailable(pod, set.spec!.minReadySeconds ?? 0, this.ctx.clock.now()))) return 'exit';
    this.enforceIdentity(set, pod);
    return 'continue';
  }

  /** processCondemned: one at a time from the highest ordinal, only once every other pod is healthy. */
  private processCondemned(set: StatefulSet, firstUnhealthy: Pod | undefined, monotonic: boolean, pod: Pod): Step {
    if (isTerminating(pod)) return monotonic ? 'exit' : 'continue';
    const available = isRunningAndReady(pod) && isPodAvailable(pod, set.spec!.minReadySeconds ?? 0, this.ctx.clock.now());
    if (monotonic && !available && pod !== firstUnhealthy) return 'exit';
    this.deletePod(set, pod);
    return 'exit';
  }

  /** UpdateStatefulPod: restore the identity labels and the claims' retention owner references. */
  private enforceIdentity(set: StatefulSet, pod: Pod): void {
    const labels = pod.metadata?.labels ?? {};
    const ordinal = ordinalOf(pod);
    const identity = labels[POD_NAME_LABEL] === pod.metadata!.name && labels[POD_INDEX_LABEL] === String(ordinal);
    const retention = this.fixClaims(set, pod) === 'continue';
    if (identity && retention) return;
    if (!identity) {
      const next = clone(pod);
      next.metadata!.labels = { ...labels, [POD_NAME_LABEL]: pod.metadata!.name!, [POD_INDEX_LABEL]: String(ordinal) };
      this.ctx.api.update(next as KubeObject, this.name);
    }
    this.record(set, 'Normal', 'SuccessfulUpdate', `update Pod ${pod.metadata!.name} in StatefulSet ${set.metadata!.name} successful`);
  }

  /** getPersistentVolumeClaims: one claim per volumeClaimTemplate, labelled with the selector's matchLabels. */
  private wantedClaims(set: StatefulSet, ordinal: number): WantedClaim[] {
    return (set.spec!.volumeClaimTemplates ?? []).map((template) => ({ template: template as PersistentVolumeClaim, name: `${template.metadata?.name}-${set.metadata!.name}-${ordinal}` }));
  }

  /** createPersistentVolumeClaims: the missing claims of a pod, each with its event; the errors, as an aggregate's text. */
  private createClaims(set: StatefulSet, pod: Pod): string | undefined {
    const ns = set.metadata!.namespace;
    const errors: string[] = [];
    for (const { template, name } of this.wantedClaims(set, ordinalOf(pod))) {
      const existing = this.ctx.api.get('PersistentVolumeClaim', ns, name);
      if (existing) {
        if (existing.metadata.deletionTimestamp) errors.push(`pvc ${name} is being deleted`);
        continue;
      }
      const claim: PersistentVolumeClaim = {
        apiVersion: 'v1',
        kind: 'PersistentVolumeClaim',
        metadata: {
          name,
          namespace: ns,
          labels: { ...(template.metadata?.labels ?? {}), ...(set.spec!.selector?.matchLabels ?? {}) },
          ...(template.metadata?.annotations ? { annotations: clone(template.metadata.annotations) } : {}),
        },
        spec: clone(template.spec),
      };
      try {
        this.ctx.api.create(claim as KubeObject, this.name);
        this.record(set, 'Normal', 'SuccessfulCreate', `create Claim ${name} Pod ${pod.metadata!.name} in StatefulSet ${set.metadata!.name} success`);
      } catch (err) {
        if (!(err instanceof ApiError)) throw err;
        this.record(set, 'Warning', 'FailedCreate', `create Claim ${name} for Pod ${pod.metadata!.name} in StatefulSet ${set.metadata!.name} failed error: ${err.message}`);
        errors.push(`failed to create PVC ${name}: ${err.message}`);
      }
    }
    // utilerrors.NewAggregate: one error reads as itself, several as "[e1, e2]".
    if (errors.length === 0) return undefined;
    return errors.length === 1 ? errors[0] : `[${errors.join(', ')}]`;
  }

  /** PodClaimIsStale: under whenScaled Delete, a claim still owned by an earlier pod of this ordinal. */
  private claimIsStale(set: StatefulSet, ordinal: number): boolean {
    if ((set.spec!.persistentVolumeClaimRetentionPolicy?.whenScaled ?? 'Retain') === 'Retain') return false;
    const podName = `${set.metadata!.name}-${ordinal}`;
    return this.wantedClaims(set, ordinal).some(({ name }) => {
      const claim = this.ctx.api.get('PersistentVolumeClaim', set.metadata!.namespace, name);
      return !!claim?.metadata.ownerReferences?.some((r) => r.kind === 'Pod' && r.name === podName);
    });
  }

  /** CreateStatefulPod: claims first, then the pod at its revision, then the claims' retention refs. */
  private createPod(set: StatefulSet, revisions: Revisions, ordinal: number): Pod | undefined {
    const start = set.spec!.ordinals?.start ?? 0;
    const strategy = set.spec!.updateStrategy;
    // newVersionedStatefulSetPod: ordinals below the partition are created at the current revision.
    const atCurrent =
      (strategy?.type === 'RollingUpdate' && !strategy.rollingUpdate && ordinal < start + (set.status?.currentReplicas ?? 0)) ||
      (!!strategy?.rollingUpdate && ordinal < start + (strategy.rollingUpdate.partition ?? 0));
    const revision = atCurrent ? revisions.current : revisions.update;
    const pod = this.newPod(set, revision, ordinal);
    const name = pod.metadata!.name!;
    const claimError = this.createClaims(set, pod);
    if (claimError) {
      this.record(set, 'Warning', 'FailedCreate', `create Pod ${name} in StatefulSet ${set.metadata!.name} failed error: ${claimError}`);
      return undefined;
    }
    try {
      const created = this.ctx.api.create(pod as KubeObject, this.name) as Pod;
      this.fixClaims(set, created);
      this.record(set, 'Normal', 'SuccessfulCreate', `create Pod ${name} in StatefulSet ${set.metadata!.name} successful`);
      return created;
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      if (err.reason !== 'AlreadyExists') this.record(set, 'Warning', 'FailedCreate', `create Pod ${name} in StatefulSet ${set.metadata!.name} failed error: ${err.message}`);
      return undefined;
    }
  }

  /** newStatefulSetPod: the revision's template with the identity of §7.1 and the claims as volumes. */
  private newPod(set: StatefulSet, revision: ControllerRevision, ordinal: number): Pod {
    const template = templateOf(revision);
    const name = `${set.metadata!.name}-${ordinal}`;
    const claims: Volume[] = this.wantedClaims(set, ordinal).map(({ template: t, name: claimName }) => ({ name: t.metadata!.name!, persistentVolumeClaim: { claimName } }));
    const claimed = new Set(claims.map((v) => v.name));
    const spec = clone(template.spec!);
    const volumes = [...claims, ...(spec.volumes ?? []).filter((v) => !claimed.has(v.name))];
    return {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: {
        name,
        namespace: set.metadata!.namespace,
        labels: { ...(template.metadata?.labels ?? {}), [CONTROLLER_REVISION_HASH]: revision.metadata!.name!, [POD_NAME_LABEL]: name, [POD_INDEX_LABEL]: String(ordinal) },
        ...(template.metadata?.annotations ? { annotations: clone(template.metadata.annotations) } : {}),
        ownerReferences: [controllerRefTo(set as KubeObject)],
      },
      spec: { ...spec, hostname: name, ...(set.spec!.serviceName ? { subdomain: set.spec!.serviceName } : {}), ...(volumes.length ? { volumes } : {}) },
    };
  }

  /**
   * updateClaimOwnerRefForSetAndPod (§7.4): whenDeleted Delete gives a claim an owner reference to
   * the set; whenScaled Delete gives a condemned pod's claims one to the pod. Returns 'exit' when
   * it had to change a claim (ClaimsMatchRetentionPolicy was false).
   */
  private fixClaims(set: StatefulSet, pod: Pod): Step {
    const policy = set.spec!.persistentVolumeClaimRetentionPolicy;
    const start = set.spec!.ordinals?.start ?? 0;
    const ordinal = ordinalOf(pod);
    const scaledDown = ordinal < start || ordinal >= start + (set.spec!.replicas ?? 1);
    const wantSet = policy?.whenDeleted === 'Delete' && !(scaledDown && policy.whenScaled === 'Delete');
    const wantPod = policy?.whenScaled === 'Delete' && scaledDown;
    let changed = false;
    for (const { name } of this.wantedClaims(set, ordinal)) {
      const claim = this.ctx.api.get('PersistentVolumeClaim', set.metadata!.namespace, name) as PersistentVolumeClaim | undefined;
      if (!claim || claim.metadata?.deletionTimestamp) continue;
      const refs = (claim.metadata!.ownerReferences ?? []).filter((r) => r.uid !== set.metadata!.uid && r.uid !== pod.metadata!.uid);
      const ref = (owner: KubeObject): OwnerReference => ({ apiVersion: owner.apiVersion, kind: owner.kind, name: owner.metadata.name!, uid: owner.metadata.uid! });
      const wanted = [...refs, ...(wantSet ? [ref(set as KubeObject)] : []), ...(wantPod ? [ref(pod as KubeObject)] : [])];
      const current = claim.metadata!.ownerReferences ?? [];
      const same = wanted.length === current.length && wanted.every((w) => current.some((c) => c.uid === w.uid));
      if (same) continue;
      const next = clone(claim);
      next.metadata!.ownerReferences = wanted.length ? wanted : undefined;
      this.ctx.api.update(next as KubeObject, this.name);
      changed = true;
    }
    return changed ? 'exit' : 'continue';
  }

  private deletePod(set: StatefulSet, pod: Pod): void {
    const name = pod.metadata!.name!;
    try {
      this.ctx.api.delete('Pod', pod.metadata!.namespace, name, this.name);
      this.record(set, 'Normal', 'SuccessfulDelete', `delete Pod ${name} in StatefulSet ${set.metadata!.name} successful`);
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      if (err.reason !== 'NotFound') this.record(set, 'Warning', 'FailedDelete', `delete Pod ${name} in StatefulSet ${set.metadata!.name} failed error: ${err.message}`);
    }
  }

  /** updateStatus / completeRollingUpdate: counts from the pods as they now are. */
  private writeStatus(set: StatefulSet, revisions: Revisions): StatefulSetStatus | undefined {
    const current = this.ctx.api.get('StatefulSet', set.metadata!.namespace, set.metadata!.name!) as StatefulSet | undefined;
    if (!current) return undefined;
    const now = this.ctx.clock.now();
    const minReady = current.spec!.minReadySeconds ?? 0;
    const counts = { replicas: 0, ready: 0, available: 0, current: 0, updated: 0 };
    for (const pod of this.ownedPods(current)) {
      counts.replicas++;
      if (isRunningAndReady(pod)) {
        counts.ready++;
        if (isPodAvailable(pod, minReady, now)) counts.available++;
      }
      if (isTerminating(pod)) continue;
      if (revisionOfPod(pod) === revisions.current.metadata!.name) counts.current++;
      if (revisionOfPod(pod) === revisions.update.metadata!.name) counts.updated++;
    }
    let currentRevision = revisions.current.metadata!.name!;
    if (current.spec!.updateStrategy?.type === 'RollingUpdate' && counts.updated === counts.replicas && counts.ready === counts.replicas) {
      counts.current = counts.updated;
      currentRevision = revisions.update.metadata!.name!;
    }
    const status: StatefulSetStatus = {
      observedGeneration: current.metadata!.generation,
      replicas: counts.replicas,
      ...(counts.ready ? { readyReplicas: counts.ready } : {}),
      ...(counts.current ? { currentReplicas: counts.current } : {}),
      ...(counts.updated ? { updatedReplicas: counts.updated } : {}),
      availableReplicas: counts.available,
      currentRevision,
      updateRevision: revisions.update.metadata!.name,
      collisionCount: revisions.collisionCount,
    };
    this.ctx.api.updateStatus({ ...(current as KubeObject), status }, this.name);
    return status;
  }

  private record(set: StatefulSet, type: 'Normal' | 'Warning', reason: string, message: string): void {
    this.ctx.recorder.record(set as KubeObject, type, reason, message, { component: this.name });
  }
}
