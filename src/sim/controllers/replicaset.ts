import type { OwnerReference, Pod, ReplicaSet, ReplicaSetCondition } from '../api/types';
import { ApiError } from '../api/errors';
import { selectorMatches } from '../api/labels';
import { clone, controllerOf, objectKey, parseKey, uniqueByKey, type KubeObject } from '../api/object';
import { isPodActive, isPodAvailable, isPodReady, podCondition } from '../api/pod';
import type { WatchEvent } from '../api/store';
import { fromRfc3339, rfc3339 } from '../time';
import { Controller, type ControllerContext } from './controller';

/** BurstReplicas: at most this many creates or deletes per sync. */
const BURST_REPLICAS = 500;

export function controllerRefTo(owner: KubeObject): OwnerReference {
  return {
    apiVersion: owner.apiVersion,
    kind: owner.kind,
    name: owner.metadata.name!,
    uid: owner.metadata.uid!,
    controller: true,
    blockOwnerDeletion: true,
  };
}

/**
 * pkg/controller/replicaset: keeps spec.replicas active pods that match the selector, adopting
 * orphans and releasing pods whose labels no longer match (k8s-semantics §2).
 */
export class ReplicaSetController extends Controller {
  constructor(ctx: ControllerContext) {
    super('replicaset-controller', ctx);
  }

  onEvent({ type, object, old }: WatchEvent): void {
    if (object.kind === 'ReplicaSet') {
      this.enqueue(objectKey('ReplicaSet', object.metadata.namespace, object.metadata.name!));
      return;
    }
    if (object.kind !== 'Pod') return;
    const pod = object as Pod;
    const owners = new Set<string>();
    for (const p of [pod, old as Pod | undefined]) {
      const ref = p && controllerOf(p as KubeObject);
      if (ref?.kind === 'ReplicaSet') owners.add(ref.name);
    }
    for (const name of owners) this.enqueue(objectKey('ReplicaSet', pod.metadata!.namespace, name));
    // An orphan may be adopted by any ReplicaSet whose selector matches it.
    if (type !== 'DELETED' && !controllerOf(object)) {
      for (const rs of this.ctx.api.list('ReplicaSet', pod.metadata!.namespace)) {
        if (selectorMatches((rs as ReplicaSet).spec?.selector, pod.metadata?.labels)) this.enqueue(objectKey('ReplicaSet', rs.metadata.namespace, rs.metadata.name!));
      }
    }
  }

  protected sync(key: string): void {
    const { namespace, name } = parseKey(key);
    const rs = this.ctx.api.get('ReplicaSet', namespace, name) as ReplicaSet | undefined;
    if (!rs) return;
    const pods = this.claimPods(rs);
    let manageError: { reason: 'FailedCreate' | 'FailedDelete'; message: string } | undefined;
    if (!rs.metadata!.deletionTimestamp) manageError = this.manageReplicas(rs, pods);
    this.updateStatus(rs, manageError);
    // A refused create (a quota, a terminating namespace) is retried with back-off, so the
    // ReplicaSet catches up once the cause goes away even if none of its pods changes.
    if (manageError) this.requeueRateLimited(key);
    else this.forget(key);
  }

  /** ClaimPods (§2.4): owned pods that still match, plus adopted orphans; releases the rest. */
  private claimPods(rs: ReplicaSet): Pod[] {
    const uid = rs.metadata!.uid;
    const selector = rs.spec!.selector;
    const claimed: Pod[] = [];
    // The pods this RS controls, and the orphans it may adopt: pods of other controllers never matter.
    const candidates = uniqueByKey([...this.ctx.api.dependents(uid!).filter((o) => o.kind === 'Pod'), ...this.ctx.api.uncontrolled('Pod', rs.metadata!.namespace)]);
    for (const obj of candidates) {
      const pod = obj as Pod;
      const ref = controllerOf(obj);
      const matches = selectorMatches(selector, pod.metadata!.labels);
      if (ref && ref.uid !== uid) continue;
      if (ref) {
        if (matches) claimed.push(pod);
        else if (!rs.metadata!.deletionTimestamp) this.release(pod, uid!);
        continue;
      }
      if (matches && !rs.metadata!.deletionTimestamp && !pod.metadata!.deletionTimestamp) claimed.push(this.adopt(rs, pod));
    }
    return claimed.filter(isPodActive);
  }

  private adopt(rs: ReplicaSet, pod: Pod): Pod {
    const next = clone(pod);
    next.metadata!.ownerReferences = [...(pod.metadata!.ownerReferences ?? []), controllerRefTo(rs as KubeObject)];
    return this.ctx.api.update(next as KubeObject, this.name, 'patch') as Pod;
  }

  private release(pod: Pod, uid: string): void {
    const next = clone(pod);
    next.metadata!.ownerReferences = pod.metadata!.ownerReferences!.filter((r) => r.uid !== uid);
    if (next.metadata!.ownerReferences.length === 0) delete next.metadata!.ownerReferences;
    this.ctx.api.update(next as KubeObject, this.name, 'patch');
  }

  private manageReplicas(rs: ReplicaSet, pods: Pod[]): { reason: 'FailedCreate' | 'FailedDelete'; message: string } | undefined {
    const diff = pods.length - (rs.spec!.replicas ?? 1);
    if (diff < 0) return this.createPods(rs, Math.min(-diff, BURST_REPLICAS));
    if (diff > 0) {
      for (const pod of this.podsToDelete(rs, pods, Math.min(diff, BURST_REPLICAS))) {
        try {
          this.ctx.api.delete('Pod', pod.metadata!.namespace, pod.metadata!.name!, this.name);
          this.ctx.recorder.record(rs as KubeObject, 'Normal', 'SuccessfulDelete', `Deleted pod: ${pod.metadata!.name}`, { component: this.name });
        } catch (err) {
          if (!(err instanceof ApiError)) throw err;
          this.ctx.recorder.record(rs as KubeObject, 'Warning', 'FailedDelete', `Error deleting: ${err.message}`, { component: this.name });
          return { reason: 'FailedDelete', message: err.message };
        }
      }
    }
    return undefined;
  }

  /** slowStartBatch: batches of 1, 2, 4, … stopping at the first batch with an error. */
  private createPods(rs: ReplicaSet, count: number): { reason: 'FailedCreate'; message: string } | undefined {
    let remaining = count;
    for (let batch = 1; remaining > 0; batch *= 2) {
      const size = Math.min(batch, remaining);
      for (let i = 0; i < size; i++) {
        try {
          const pod = this.ctx.api.create(this.podFromTemplate(rs), this.name);
          this.ctx.recorder.record(rs as KubeObject, 'Normal', 'SuccessfulCreate', `Created pod: ${pod.metadata.name}`, { component: this.name });
        } catch (err) {
          if (!(err instanceof ApiError)) throw err;
          this.ctx.recorder.record(rs as KubeObject, 'Warning', 'FailedCreate', `Error creating: ${err.message}`, { component: this.name });
          return { reason: 'FailedCreate', message: err.message };
        }
      }
      remaining -= size;
    }
    return undefined;
  }

  private podFromTemplate(rs: ReplicaSet): KubeObject {
    const template = rs.spec!.template!;
    return {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: {
        generateName: `${rs.metadata!.name}-`,
        namespace: rs.metadata!.namespace,
        labels: clone(template.metadata?.labels),
        annotations: clone(template.metadata?.annotations),
        ownerReferences: [controllerRefTo(rs as KubeObject)],
      },
      spec: clone(template.spec),
    };
  }

  /** getPodsToDelete with the ActivePodsWithRanks ordering of §2.3. */
  private podsToDelete(rs: ReplicaSet, pods: Pod[], count: number): Pod[] {
    if (count >= pods.length) return pods;
    const related = this.relatedPods(rs);
    const rank = new Map<Pod, number>();
    for (const pod of pods) {
      const node = pod.spec?.nodeName;
      rank.set(pod, node ? related.filter((p) => p.spec?.nodeName === node).length : 0);
    }
    const phaseOrder: Record<string, number> = { Pending: 0, Unknown: 1, Running: 2 };
    const readyTime = (p: Pod) => {
      const t = podCondition(p, 'Ready')?.lastTransitionTime;
      return t ? fromRfc3339(t) : Infinity;
    };
    const maxRestarts = (p: Pod) => Math.max(0, ...(p.status?.containerStatuses ?? []).map((c) => c.restartCount));
    const created = (p: Pod) => fromRfc3339(p.metadata!.creationTimestamp!);
    const sorted = [...pods].sort((a, b) => {
      const assigned = Number(!!a.spec?.nodeName) - Number(!!b.spec?.nodeName);
      if (assigned) return assigned;
      const phase = (phaseOrder[a.status?.phase ?? 'Pending'] ?? 0) - (phaseOrder[b.status?.phase ?? 'Pending'] ?? 0);
      if (phase) return phase;
      const ready = Number(isPodReady(a)) - Number(isPodReady(b));
      if (ready) return ready;
      const cost = deletionCost(a) - deletionCost(b);
      if (cost) return cost;
      const ranked = rank.get(b)! - rank.get(a)!;
      if (ranked) return ranked;
      if (isPodReady(a) && isPodReady(b) && readyTime(a) !== readyTime(b)) return readyTime(b) - readyTime(a);
      const restarts = maxRestarts(b) - maxRestarts(a);
      if (restarts) return restarts;
      return created(b) - created(a);
    });
    return sorted.slice(0, count);
  }

  /** Active pods of every ReplicaSet with the same controlling owner (the whole Deployment). */
  private relatedPods(rs: ReplicaSet): Pod[] {
    const owner = controllerOf(rs as KubeObject);
    const siblings = owner
      ? this.ctx.api.dependents(owner.uid).filter((o) => o.kind === 'ReplicaSet').map((o) => o.metadata.uid!)
      : [rs.metadata!.uid!];
    const pods: Pod[] = [];
    for (const uid of siblings) {
      for (const obj of this.ctx.api.dependents(uid)) if (obj.kind === 'Pod' && isPodActive(obj as Pod)) pods.push(obj as Pod);
    }
    return pods;
  }

  private updateStatus(rs: ReplicaSet, manageError: { reason: string; message: string } | undefined): void {
    const current = this.ctx.api.get('ReplicaSet', rs.metadata!.namespace, rs.metadata!.name!) as ReplicaSet | undefined;
    if (!current) return;
    const now = this.ctx.clock.now();
    const pods = this.ownedActivePods(current);
    const minReady = current.spec!.minReadySeconds ?? 0;
    const templateLabels = current.spec!.template?.metadata?.labels ?? {};
    const ready = pods.filter(isPodReady).length;
    const available = pods.filter((p) => isPodAvailable(p, minReady, now)).length;
    let conditions: ReplicaSetCondition[] = (current.status?.conditions ?? []).filter((c) => c.type !== 'ReplicaFailure');
    const existingFailure = current.status?.conditions?.find((c) => c.type === 'ReplicaFailure');
    if (manageError) {
      conditions = [
        ...conditions,
        existingFailure ?? { type: 'ReplicaFailure', status: 'True', reason: manageError.reason, message: manageError.message, lastTransitionTime: rfc3339(now) },
      ];
    }
    const status = {
      replicas: pods.length,
      fullyLabeledReplicas: pods.filter((p) => Object.entries(templateLabels).every(([k, v]) => p.metadata?.labels?.[k] === v)).length,
      readyReplicas: ready,
      availableReplicas: available,
      observedGeneration: current.metadata!.generation,
      ...(conditions.length ? { conditions } : {}),
    };
    this.ctx.api.updateStatus({ ...(current as KubeObject), status }, this.name);
    // Availability flips after minReadySeconds with no other event: look again then (§2.1).
    if (minReady > 0 && ready === (current.spec!.replicas ?? 1) && available !== ready) {
      this.enqueue(objectKey('ReplicaSet', current.metadata!.namespace, current.metadata!.name!), minReady * 1000 + 1000);
    }
  }

  private ownedActivePods(rs: ReplicaSet): Pod[] {
    return this.ctx.api
      .dependents(rs.metadata!.uid!)
      .filter((o) => o.kind === 'Pod' && controllerOf(o)?.uid === rs.metadata!.uid && isPodActive(o as Pod)) as Pod[];
  }
}

function deletionCost(pod: Pod): number {
  const value = Number(pod.metadata?.annotations?.['controller.kubernetes.io/pod-deletion-cost'] ?? 0);
  return Number.isFinite(value) ? value : 0;
}
