import type { Deployment, DeploymentStatus, Pod, ReplicaSet } from '../../api/types';
import { ApiError } from '../../api/errors';
import { selectorMatches } from '../../api/labels';
import { clone, controllerOf, objectKey, parseKey, uniqueByKey, type KubeObject } from '../../api/object';
import type { WatchEvent } from '../../api/store';
import { fromRfc3339, rfc3339 } from '../../time';
import { Controller, type ControllerContext } from '../controller';
import { controllerRefTo } from '../replicaset';
import {
  DESIRED_REPLICAS,
  HASH_LABEL,
  REVISION,
  byCreation,
  computeHash,
  equalIgnoreHash,
  getCondition,
  maxRevision,
  maxSurge,
  maxUnavailable,
  newRSNewReplicas,
  proportion,
  removeCondition,
  replicasOf,
  revisionOf,
  setCondition,
  setNewReplicaSetAnnotations,
  setReplicasAnnotations,
} from './util';

const PROGRESSING = 'Progressing';
const AVAILABLE = 'Available';
const REPLICA_FAILURE = 'ReplicaFailure';

/**
 * pkg/controller/deployment: rolls a Deployment's ReplicaSets towards its template, with the
 * RollingUpdate and Recreate strategies, proportional scaling, pause, history cleanup and the
 * Progressing/Available conditions (k8s-semantics §1).
 */
export class DeploymentController extends Controller {
  constructor(ctx: ControllerContext) {
    super('deployment-controller', ctx);
  }

  onEvent({ type, object, old }: WatchEvent): void {
    const ns = object.metadata.namespace;
    if (object.kind === 'Deployment') {
      this.enqueue(objectKey('Deployment', ns, object.metadata.name!));
    } else if (object.kind === 'ReplicaSet') {
      const ref = controllerOf(object) ?? (old && controllerOf(old));
      if (ref?.kind === 'Deployment') this.enqueue(objectKey('Deployment', ns, ref.name));
      else if (type !== 'DELETED') {
        for (const d of this.ctx.api.list('Deployment', ns)) {
          if (selectorMatches((d as Deployment).spec?.selector, object.metadata.labels)) this.enqueue(objectKey('Deployment', ns, d.metadata.name!));
        }
      }
    } else if (object.kind === 'Pod' && type === 'DELETED') {
      // Recreate waits for old pods to be gone, so their deletion is news to the Deployment.
      const rsRef = controllerOf(object);
      const rs = rsRef?.kind === 'ReplicaSet' ? this.ctx.api.get('ReplicaSet', ns, rsRef.name) : undefined;
      const dRef = rs && controllerOf(rs);
      if (dRef?.kind === 'Deployment') this.enqueue(objectKey('Deployment', ns, dRef.name));
    }
  }

  /** syncDeployment (§1.4), in its exact order. */
  protected sync(key: string): void {
    const { namespace, name } = parseKey(key);
    const d = this.ctx.api.get('Deployment', namespace, name) as Deployment | undefined;
    if (!d) return;
    const rsList = this.claimReplicaSets(d);
    if (d.metadata!.deletionTimestamp) {
      this.syncStatusOnly(d, rsList);
      return;
    }
    const current = this.checkPausedConditions(d);
    if (current.spec!.paused) {
      this.syncScale(current, rsList);
      return;
    }
    if (this.isScalingEvent(current, rsList)) {
      this.syncScale(current, rsList);
      return;
    }
    if (current.spec!.strategy?.type === 'Recreate') this.rolloutRecreate(current, rsList);
    else this.rolloutRolling(current, rsList);
  }

  private fresh(d: Deployment): Deployment {
    return this.ctx.api.get('Deployment', d.metadata!.namespace, d.metadata!.name!) as Deployment;
  }

  /** ReplicaSetControllerRefManager: adopt matching orphans, release owned ones that stopped matching. */
  private claimReplicaSets(d: Deployment): ReplicaSet[] {
    const uid = d.metadata!.uid!;
    const claimed: ReplicaSet[] = [];
    const candidates = uniqueByKey([...this.ctx.api.dependents(uid).filter((o) => o.kind === 'ReplicaSet'), ...this.ctx.api.uncontrolled('ReplicaSet', d.metadata!.namespace)]);
    for (const obj of candidates) {
      const rs = obj as ReplicaSet;
      const ref = controllerOf(obj);
      const matches = selectorMatches(d.spec!.selector, rs.metadata!.labels);
      if (ref && ref.uid !== uid) continue;
      if (ref) {
        if (matches) claimed.push(rs);
        else if (!d.metadata!.deletionTimestamp) {
          const next = clone(rs);
          next.metadata!.ownerReferences = rs.metadata!.ownerReferences!.filter((r) => r.uid !== uid);
          this.ctx.api.update(next as KubeObject, this.name, 'patch');
        }
        continue;
      }
      if (matches && !d.metadata!.deletionTimestamp && !rs.metadata!.deletionTimestamp) {
        const next = clone(rs);
        next.metadata!.ownerReferences = [...(rs.metadata!.ownerReferences ?? []), controllerRefTo(d as KubeObject)];
        claimed.push(this.ctx.api.update(next as KubeObject, this.name, 'patch') as ReplicaSet);
      }
    }
    return claimed;
  }

  /** getAllReplicaSetsAndSyncRevision: the new RS (created when asked) and the old ones. */
  private getAllReplicaSets(d: Deployment, rsList: ReplicaSet[], create: boolean): { newRS?: ReplicaSet; oldRSs: ReplicaSet[]; d: Deployment } {
    const sorted = [...rsList].sort(byCreation);
    const existing = sorted.find((rs) => equalIgnoreHash(rs.spec?.template, d.spec?.template));
    const oldRSs = sorted.filter((rs) => rs !== existing);
    const newRevision = maxRevision(oldRSs) + 1;

    if (existing) {
      const copy = clone(existing);
      const annotationsChanged = setNewReplicaSetAnnotations(d, copy, newRevision, true);
      const minReadyChanged = (copy.spec!.minReadySeconds ?? 0) !== (d.spec!.minReadySeconds ?? 0);
      if (annotationsChanged || minReadyChanged) {
        copy.spec!.minReadySeconds = d.spec!.minReadySeconds;
        return { newRS: this.ctx.api.update(copy as KubeObject, this.name) as ReplicaSet, oldRSs, d };
      }
      const status = clone(d.status ?? {});
      const annotations = { ...(d.metadata!.annotations ?? {}) };
      let needsUpdate = false;
      if (annotations[REVISION] !== copy.metadata!.annotations?.[REVISION]) {
        annotations[REVISION] = copy.metadata!.annotations![REVISION];
        needsUpdate = true;
      }
      if (!getCondition(status, PROGRESSING)) {
        setCondition(status, this.condition(PROGRESSING, 'True', 'FoundNewReplicaSet', `Found new replica set "${copy.metadata!.name}"`));
        needsUpdate = true;
      }
      const next = needsUpdate ? this.writeStatus(d, status, annotations) : d;
      return { newRS: copy, oldRSs, d: next };
    }
    if (!create) return { oldRSs, d };

    const template = clone(d.spec!.template!);
    const hash = computeHash(template, d.status?.collisionCount);
    template.metadata = { ...(template.metadata ?? {}), labels: { ...(template.metadata?.labels ?? {}), [HASH_LABEL]: hash } };
    const selector = clone(d.spec!.selector!);
    selector.matchLabels = { ...(selector.matchLabels ?? {}), [HASH_LABEL]: hash };
    const newRS: ReplicaSet = {
      apiVersion: 'apps/v1',
      kind: 'ReplicaSet',
      metadata: {
        name: `${d.metadata!.name}-${hash}`,
        namespace: d.metadata!.namespace,
        ownerReferences: [controllerRefTo(d as KubeObject)],
        labels: { ...template.metadata.labels },
      },
      spec: { replicas: 0, minReadySeconds: d.spec!.minReadySeconds, selector, template },
    };
    newRS.spec!.replicas = newRSNewReplicas(d, [...oldRSs, newRS], newRS);
    setNewReplicaSetAnnotations(d, newRS, newRevision, false);
    let created: ReplicaSet;
    try {
      created = this.ctx.api.create(newRS as KubeObject, this.name) as ReplicaSet;
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      return { oldRSs, d: this.handleCreateError(d, newRS, err) };
    }
    if (replicasOf(created) > 0) {
      this.event(d, 'Normal', 'ScalingReplicaSet', `Scaled up replica set ${created.metadata!.name} to ${replicasOf(created)}`);
    }
    const status = clone(d.status ?? {});
    setCondition(status, this.condition(PROGRESSING, 'True', 'NewReplicaSetCreated', `Created new replica set "${created.metadata!.name}"`));
    const annotations = { ...(d.metadata!.annotations ?? {}), [REVISION]: String(newRevision) };
    return { newRS: created, oldRSs, d: this.writeStatus(d, status, annotations) };
  }

  /** A hash collision bumps collisionCount for the next sync; other errors mark the rollout failed. */
  private handleCreateError(d: Deployment, rs: ReplicaSet, err: ApiError): Deployment {
    const status = clone(d.status ?? {});
    if (err.reason === 'AlreadyExists') {
      status.collisionCount = (status.collisionCount ?? 0) + 1;
      this.enqueue(objectKey('Deployment', d.metadata!.namespace, d.metadata!.name!));
      return this.writeStatus(d, status);
    }
    const message = `Failed to create new replica set "${rs.metadata!.name}": ${err.message}`;
    setCondition(status, this.condition(PROGRESSING, 'False', 'ReplicaSetCreateError', message));
    this.event(d, 'Warning', 'ReplicaSetCreateError', message);
    return this.writeStatus(d, status);
  }

  /** rolloutRolling (§1.6): scale the new RS up first, then the old ones down. */
  private rolloutRolling(d: Deployment, rsList: ReplicaSet[]): void {
    const all = this.getAllReplicaSets(d, rsList, true);
    d = all.d;
    if (!all.newRS) return;
    const newRS = all.newRS;
    if (this.reconcileNewReplicaSet(d, [...all.oldRSs, newRS], newRS)) {
      this.syncRolloutStatus(d);
      return;
    }
    if (this.reconcileOldReplicaSets(d, all.oldRSs, this.current(newRS))) {
      this.syncRolloutStatus(d);
      return;
    }
    if (this.deploymentComplete(d, this.calculateStatus(d))) this.cleanupDeployment(d, all.oldRSs);
    this.syncRolloutStatus(d);
  }

  private reconcileNewReplicaSet(d: Deployment, allRSs: ReplicaSet[], newRS: ReplicaSet): boolean {
    const replicas = d.spec!.replicas ?? 1;
    if (replicasOf(newRS) === replicas) return false;
    if (replicasOf(newRS) > replicas) return this.scaleAndRecord(newRS, replicas, d);
    return this.scaleAndRecord(newRS, newRSNewReplicas(d, allRSs, newRS), d);
  }

  /** reconcileOldReplicaSets (§1.6.3), reading RS status as last written (the real one-step lag). */
  private reconcileOldReplicaSets(d: Deployment, oldRSs: ReplicaSet[], newRS: ReplicaSet): boolean {
    const olds = oldRSs.map((rs) => this.current(rs)).filter((rs) => rs !== undefined);
    const oldPods = olds.reduce((s, rs) => s + replicasOf(rs), 0);
    if (oldPods === 0) return false;
    const allPods = oldPods + replicasOf(newRS);
    const minAvailable = (d.spec!.replicas ?? 1) - maxUnavailable(d);
    const newUnavailable = replicasOf(newRS) - (newRS.status?.availableReplicas ?? 0);
    const maxScaledDown = allPods - minAvailable - newUnavailable;
    if (maxScaledDown <= 0) return false;

    let cleaned = 0;
    for (const rs of [...olds].sort(byCreation)) {
      if (cleaned >= maxScaledDown) break;
      const available = rs.status?.availableReplicas ?? 0;
      if (replicasOf(rs) === 0 || replicasOf(rs) === available) continue;
      const n = Math.min(maxScaledDown - cleaned, replicasOf(rs) - available);
      this.scaleReplicaSet(rs, replicasOf(rs) - n, d, 'down');
      cleaned += n;
    }

    const current = [...olds.map((rs) => this.current(rs)), this.current(newRS)].filter((rs) => rs !== undefined);
    const availablePods = current.reduce((s, rs) => s + (rs.status?.availableReplicas ?? 0), 0);
    let scaledDown = 0;
    if (availablePods > minAvailable) {
      const total = availablePods - minAvailable;
      for (const rs of olds.map((r) => this.current(r)).filter((r) => r !== undefined).sort(byCreation)) {
        if (scaledDown >= total) break;
        if (replicasOf(rs) === 0) continue;
        const n = Math.min(replicasOf(rs), total - scaledDown);
        this.scaleReplicaSet(rs, replicasOf(rs) - n, d, 'down');
        scaledDown += n;
      }
    }
    return cleaned + scaledDown > 0;
  }

  /** rolloutRecreate (§1.7): every old pod gone before the new RS is scaled up. */
  private rolloutRecreate(d: Deployment, rsList: ReplicaSet[]): void {
    let all = this.getAllReplicaSets(d, rsList, false);
    d = all.d;
    let scaled = false;
    for (const rs of all.oldRSs) if (replicasOf(rs) > 0) scaled = this.scaleAndRecord(rs, 0, d) || scaled;
    if (scaled) {
      this.syncRolloutStatus(d);
      return;
    }
    if (this.oldPodsRunning(all.oldRSs)) {
      this.syncRolloutStatus(d);
      return;
    }
    if (!all.newRS) {
      all = this.getAllReplicaSets(d, rsList, true);
      d = all.d;
    }
    if (all.newRS) this.scaleAndRecord(this.current(all.newRS), d.spec!.replicas ?? 1, d);
    if (this.deploymentComplete(d, this.calculateStatus(d))) this.cleanupDeployment(d, all.oldRSs);
    this.syncRolloutStatus(d);
  }

  private oldPodsRunning(oldRSs: ReplicaSet[]): boolean {
    for (const rs of oldRSs) {
      const current = this.current(rs);
      if ((current?.status?.replicas ?? 0) > 0) return true;
      for (const obj of this.ctx.api.dependents(rs.metadata!.uid!)) {
        const phase = (obj as Pod).status?.phase;
        if (obj.kind === 'Pod' && phase !== 'Failed' && phase !== 'Succeeded') return true;
      }
    }
    return false;
  }

  private isScalingEvent(d: Deployment, rsList: ReplicaSet[]): boolean {
    const { newRS, oldRSs } = this.getAllReplicaSets(d, rsList, false);
    return [...oldRSs, ...(newRS ? [newRS] : [])].some((rs) => {
      const desired = rs.metadata?.annotations?.[DESIRED_REPLICAS];
      return replicasOf(rs) > 0 && desired !== undefined && parseInt(desired, 10) !== (d.spec!.replicas ?? 1);
    });
  }

  /** sync(): scaling only, used while paused and on scaling events (§1.8). */
  private syncScale(d: Deployment, rsList: ReplicaSet[]): void {
    const all = this.getAllReplicaSets(d, rsList, false);
    d = all.d;
    this.scale(d, all.newRS, all.oldRSs);
    if (d.spec!.paused) this.cleanupDeployment(d, all.oldRSs);
    this.syncStatusOnly(d, rsList);
  }

  private scale(d: Deployment, newRS: ReplicaSet | undefined, oldRSs: ReplicaSet[]): void {
    const replicas = d.spec!.replicas ?? 1;
    const active = [...(newRS ? [newRS] : []), ...oldRSs].filter((rs) => replicasOf(rs) > 0);
    if (active.length <= 1) {
      const target = active[0] ?? newRS ?? [...oldRSs].sort(byCreation).reverse()[0];
      if (target && replicasOf(target) !== replicas) this.scaleAndRecord(target, replicas, d);
      return;
    }
    if (newRS && this.isSaturated(d, newRS)) {
      for (const rs of oldRSs) if (replicasOf(rs) > 0) this.scaleAndRecord(rs, 0, d);
      return;
    }
    if (d.spec!.strategy?.type === 'Recreate') return;
    const allowed = replicas > 0 ? replicas + maxSurge(d) : 0;
    const toAdd = allowed - active.reduce((s, rs) => s + replicasOf(rs), 0);
    const created = (rs: ReplicaSet) => fromRfc3339(rs.metadata!.creationTimestamp!);
    if (toAdd > 0) active.sort((a, b) => replicasOf(b) - replicasOf(a) || created(b) - created(a));
    else if (toAdd < 0) active.sort((a, b) => replicasOf(b) - replicasOf(a) || created(a) - created(b));
    let added = 0;
    const sizes = active.map((rs) => {
      if (toAdd === 0) return replicasOf(rs);
      const p = proportion(rs, d, toAdd, added);
      added += p;
      return replicasOf(rs) + p;
    });
    if (toAdd !== 0) sizes[0] = Math.max(0, sizes[0] + toAdd - added);
    const operation = toAdd > 0 ? 'up' : 'down';
    active.forEach((rs, i) => this.scaleReplicaSet(rs, sizes[i], d, operation));
  }

  private isSaturated(d: Deployment, rs: ReplicaSet): boolean {
    const replicas = d.spec!.replicas ?? 1;
    const desired = parseInt(rs.metadata?.annotations?.[DESIRED_REPLICAS] ?? '', 10);
    return replicasOf(rs) === replicas && desired === replicas && (rs.status?.availableReplicas ?? 0) === replicas;
  }

  private scaleAndRecord(rs: ReplicaSet, size: number, d: Deployment): boolean {
    if (replicasOf(rs) === size) return false;
    return this.scaleReplicaSet(rs, size, d, replicasOf(rs) < size ? 'up' : 'down');
  }

  /** scaleReplicaSet: new size plus desired/max-replicas annotations; an event when the size changed. */
  private scaleReplicaSet(stale: ReplicaSet, size: number, d: Deployment, operation: 'up' | 'down'): boolean {
    // Write over what is stored now: an earlier step of this sync may have updated the RS.
    const rs = this.current(stale);
    const copy = clone(rs);
    const replicas = d.spec!.replicas ?? 1;
    const annotationsChanged = setReplicasAnnotations(copy, replicas, replicas + maxSurge(d));
    const sizeChanged = replicasOf(rs) !== size;
    if (!sizeChanged && !annotationsChanged) return false;
    copy.spec!.replicas = size;
    this.ctx.api.update(copy as KubeObject, this.name);
    if (sizeChanged) this.event(d, 'Normal', 'ScalingReplicaSet', `Scaled ${operation} replica set ${rs.metadata!.name} to ${size} from ${replicasOf(rs)}`);
    return sizeChanged;
  }

  /** cleanupDeployment (§1.11): delete the oldest fully scaled-down RSes past revisionHistoryLimit. */
  private cleanupDeployment(d: Deployment, oldRSs: ReplicaSet[]): void {
    const limit = d.spec!.revisionHistoryLimit;
    if (limit === undefined) return;
    const cleanable = oldRSs.map((rs) => this.current(rs)).filter((rs) => rs !== undefined && !rs.metadata!.deletionTimestamp) as ReplicaSet[];
    const diff = cleanable.length - limit;
    if (diff <= 0) return;
    cleanable.sort((a, b) => revisionOf(a) - revisionOf(b) || byCreation(a, b));
    for (const rs of cleanable.slice(0, diff)) {
      const idle = (rs.status?.replicas ?? 0) === 0 && replicasOf(rs) === 0 && (rs.status?.observedGeneration ?? 0) >= (rs.metadata!.generation ?? 0);
      if (idle) this.ctx.api.delete('ReplicaSet', rs.metadata!.namespace, rs.metadata!.name!, this.name);
    }
  }

  private current(rs: ReplicaSet): ReplicaSet {
    return (this.ctx.api.get('ReplicaSet', rs.metadata!.namespace, rs.metadata!.name!) as ReplicaSet | undefined) ?? rs;
  }

  private ownedReplicaSets(d: Deployment): ReplicaSet[] {
    return this.ctx.api
      .dependents(d.metadata!.uid!)
      .filter((o) => o.kind === 'ReplicaSet' && controllerOf(o)?.uid === d.metadata!.uid) as ReplicaSet[];
  }

  /** calculateStatus (§1.9) from the RSes as stored now. */
  private calculateStatus(d: Deployment): DeploymentStatus {
    const rss = this.ownedReplicaSets(d);
    const newRS = [...rss].sort(byCreation).find((rs) => equalIgnoreHash(rs.spec?.template, d.spec?.template));
    const sum = (f: (rs: ReplicaSet) => number) => rss.reduce((s, rs) => s + f(rs), 0);
    const available = sum((rs) => rs.status?.availableReplicas ?? 0);
    const status: DeploymentStatus = {
      observedGeneration: d.metadata!.generation,
      replicas: sum((rs) => rs.status?.replicas ?? 0),
      updatedReplicas: newRS?.status?.replicas ?? 0,
      readyReplicas: sum((rs) => rs.status?.readyReplicas ?? 0),
      availableReplicas: available,
      unavailableReplicas: Math.max(0, sum(replicasOf) - available),
      ...(d.status?.collisionCount !== undefined ? { collisionCount: d.status.collisionCount } : {}),
      conditions: clone(d.status?.conditions ?? []),
    };
    if (available >= (d.spec!.replicas ?? 1) - maxUnavailable(d)) {
      setCondition(status, this.condition(AVAILABLE, 'True', 'MinimumReplicasAvailable', 'Deployment has minimum availability.'));
    } else {
      setCondition(status, this.condition(AVAILABLE, 'False', 'MinimumReplicasUnavailable', 'Deployment does not have minimum availability.'));
    }
    return status;
  }

  private deploymentComplete(d: Deployment, s: DeploymentStatus): boolean {
    const replicas = d.spec!.replicas ?? 1;
    return s.updatedReplicas === replicas && s.replicas === replicas && s.availableReplicas === replicas && (s.observedGeneration ?? 0) >= (d.metadata!.generation ?? 0);
  }

  private deploymentProgressing(d: Deployment, s: DeploymentStatus): boolean {
    const old = d.status ?? {};
    const oldOld = (old.replicas ?? 0) - (old.updatedReplicas ?? 0);
    const newOld = (s.replicas ?? 0) - (s.updatedReplicas ?? 0);
    return (s.updatedReplicas ?? 0) > (old.updatedReplicas ?? 0) || newOld < oldOld || (s.readyReplicas ?? 0) > (old.readyReplicas ?? 0) || (s.availableReplicas ?? 0) > (old.availableReplicas ?? 0);
  }

  private deploymentTimedOut(d: Deployment, s: DeploymentStatus): boolean {
    const cond = getCondition(s, PROGRESSING);
    if (!cond || cond.reason === 'NewReplicaSetAvailable') return false;
    if (cond.reason === 'ProgressDeadlineExceeded') return true;
    return fromRfc3339(cond.lastUpdateTime!) + (d.spec!.progressDeadlineSeconds ?? 600) * 1000 < this.ctx.clock.now();
  }

  /** syncRolloutStatus (§1.9): status, the Progressing condition, ReplicaFailure, and the deadline re-check. */
  private syncRolloutStatus(d: Deployment): void {
    d = this.fresh(d);
    const status = this.calculateStatus(d);
    const rss = this.ownedReplicaSets(d);
    const newRS = [...rss].sort(byCreation).find((rs) => equalIgnoreHash(rs.spec?.template, d.spec?.template));
    const subject = newRS ? `ReplicaSet "${newRS.metadata!.name}"` : `Deployment "${d.metadata!.name}"`;
    const current = getCondition(d.status, PROGRESSING);
    const complete = status.replicas === status.updatedReplicas && current?.reason === 'NewReplicaSetAvailable';
    if (!complete) {
      if (this.deploymentComplete(d, status)) {
        setCondition(status, this.condition(PROGRESSING, 'True', 'NewReplicaSetAvailable', `${subject} has successfully progressed.`));
      } else if (this.deploymentProgressing(d, status)) {
        const condition = this.condition(PROGRESSING, 'True', 'ReplicaSetUpdated', `${subject} is progressing.`);
        if (current?.status === 'True' && current.lastTransitionTime) condition.lastTransitionTime = current.lastTransitionTime;
        removeCondition(status, PROGRESSING);
        setCondition(status, condition);
      } else if (this.deploymentTimedOut(d, status)) {
        setCondition(status, this.condition(PROGRESSING, 'False', 'ProgressDeadlineExceeded', `${subject} has timed out progressing.`));
      }
    }
    const failure = [newRS, ...rss].map((rs) => rs?.status?.conditions?.find((c) => c.type === REPLICA_FAILURE)).find(Boolean);
    if (failure) setCondition(status, { type: REPLICA_FAILURE, status: failure.status, reason: failure.reason, message: failure.message, lastUpdateTime: rfc3339(this.ctx.clock.now()), lastTransitionTime: failure.lastTransitionTime });
    else removeCondition(status, REPLICA_FAILURE);
    const written = this.writeStatus(d, status);
    this.requeueStuck(written);
  }

  /** requeueStuckDeployment: look again when the progress deadline would pass. */
  private requeueStuck(d: Deployment): void {
    const cond = getCondition(d.status, PROGRESSING);
    if (!cond || cond.reason === 'NewReplicaSetAvailable' || cond.reason === 'ProgressDeadlineExceeded' || !cond.lastUpdateTime) return;
    const deadline = fromRfc3339(cond.lastUpdateTime) + (d.spec!.progressDeadlineSeconds ?? 600) * 1000;
    const after = deadline - this.ctx.clock.now();
    this.enqueue(objectKey('Deployment', d.metadata!.namespace, d.metadata!.name!), after < 1000 ? 0 : after + 1000);
  }

  private syncStatusOnly(d: Deployment, _rsList: ReplicaSet[]): void {
    d = this.fresh(d);
    this.writeStatus(d, this.calculateStatus(d));
  }

  /** checkPausedConditions (§1.10). */
  private checkPausedConditions(d: Deployment): Deployment {
    const cond = getCondition(d.status, PROGRESSING);
    if (cond?.reason === 'ProgressDeadlineExceeded') return d;
    const pausedExists = cond?.reason === 'DeploymentPaused';
    const status = clone(d.status ?? {});
    if (d.spec!.paused && !pausedExists) setCondition(status, this.condition(PROGRESSING, 'Unknown', 'DeploymentPaused', 'Deployment is paused'));
    else if (!d.spec!.paused && pausedExists) setCondition(status, this.condition(PROGRESSING, 'Unknown', 'DeploymentResumed', 'Deployment is resumed'));
    else return d;
    return this.writeStatus(d, status);
  }

  private condition(type: string, status: 'True' | 'False' | 'Unknown', reason: string, message: string) {
    const now = rfc3339(this.ctx.clock.now());
    return { type, status, reason, message, lastUpdateTime: now, lastTransitionTime: now };
  }

  /** The status write; the Deployment's status strategy also carries annotations (the revision). */
  private writeStatus(d: Deployment, status: DeploymentStatus, annotations?: Record<string, string>): Deployment {
    const current = this.fresh(d);
    const next = { ...(current as KubeObject), status };
    if (annotations) next.metadata = { ...current.metadata!, annotations };
    return this.ctx.api.updateStatus(next, this.name) as Deployment;
  }

  private event(d: Deployment, type: 'Normal' | 'Warning', reason: string, message: string): void {
    this.ctx.recorder.record(d as KubeObject, type, reason, message, { component: this.name });
  }
}
