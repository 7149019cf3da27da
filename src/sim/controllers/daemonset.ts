import { TEMPLATE_GENERATION_ANNOTATION } from '../api/admission/daemonset';
import { ApiError } from '../api/errors';
import { isEmptySelector, selectorMatches } from '../api/labels';
import { clone, controllerOf, objectKey, parseKey, uniqueByKey, type KubeObject } from '../api/object';
import { isPodAvailable, isPodReady } from '../api/pod';
import type { WatchEvent } from '../api/store';
import type { Affinity, ControllerRevision, DaemonSet, DaemonSetStatus, Node, Pod, PodSpec, Taint, Toleration } from '../api/types';
import { affinityMatches, tolerates } from '../scheduler/filters';
import { fromRfc3339 } from '../time';
import { Controller, type ControllerContext } from './controller';
import { scaledValue } from './deployment/util';
import { CONTROLLER_REVISION_HASH, syncRevisions } from './history';
import { controllerRefTo } from './replicaset';

export const TEMPLATE_GENERATION_LABEL = 'pod-template-generation';
/** BurstReplicas: at most this many creates or deletes per sync. */
const BURST_REPLICAS = 250;
/** The failed-pod back-off per node (failedPodsBackoff): 1 s doubling to 15 min. */
const FAILED_BACKOFF_INITIAL_MS = 1000;
const FAILED_BACKOFF_MAX_MS = 15 * 60_000;

/** AddOrUpdateDaemonPodTolerations (v1.32): daemons ride out node problems and cordons. */
const DAEMON_TOLERATIONS: Toleration[] = [
  { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute' },
  { key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute' },
  { key: 'node.kubernetes.io/disk-pressure', operator: 'Exists', effect: 'NoSchedule' },
  { key: 'node.kubernetes.io/memory-pressure', operator: 'Exists', effect: 'NoSchedule' },
  { key: 'node.kubernetes.io/pid-pressure', operator: 'Exists', effect: 'NoSchedule' },
  { key: 'node.kubernetes.io/unschedulable', operator: 'Exists', effect: 'NoSchedule' },
];
const NETWORK_UNAVAILABLE: Toleration = { key: 'node.kubernetes.io/network-unavailable', operator: 'Exists', effect: 'NoSchedule' };

export function addDaemonTolerations(spec: PodSpec): void {
  const tolerations = spec.tolerations ?? [];
  for (const t of [...DAEMON_TOLERATIONS, ...(spec.hostNetwork ? [NETWORK_UNAVAILABLE] : [])]) {
    const same = tolerations.findIndex((o) => o.key === t.key && o.effect === t.effect && (o.operator ?? 'Equal') === t.operator && !o.value);
    if (same >= 0) tolerations[same] = { ...t };
    else tolerations.push({ ...t });
  }
  spec.tolerations = tolerations;
}

/** ReplaceDaemonSetPodNodeNameNodeAffinity: the required terms become "metadata.name In [node]". */
function pinToNode(affinity: Affinity | undefined, node: string): Affinity {
  const required = { nodeSelectorTerms: [{ matchFields: [{ key: 'metadata.name', operator: 'In', values: [node] }] }] };
  const next = clone(affinity ?? {});
  next.nodeAffinity = { ...next.nodeAffinity, requiredDuringSchedulingIgnoredDuringExecution: required };
  return next;
}

/** GetTargetNodeName: spec.nodeName, or the node its matchFields affinity pins it to. */
export function targetNode(pod: Pod): string | undefined {
  if (pod.spec?.nodeName) return pod.spec.nodeName;
  const terms = pod.spec?.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms ?? [];
  for (const term of terms) {
    for (const f of term.matchFields ?? []) if (f.key === 'metadata.name' && f.operator === 'In' && f.values?.length === 1) return f.values[0];
  }
  return undefined;
}

const untolerated = (taints: readonly Taint[], tolerations: readonly Toleration[], effects: string[]) =>
  taints.some((taint) => effects.includes(taint.effect) && !tolerations.some((t) => tolerates(t, taint)));

/**
 * NodeShouldRunDaemonPod (k8s-semantics §8): shouldRun when node name, nodeSelector, required
 * affinity and NoSchedule/NoExecute taints all allow the daemon pod; shouldContinueRunning while
 * only NoSchedule taints stand in the way.
 */
export function nodeShouldRunDaemonPod(node: Node, ds: DaemonSet): { shouldRun: boolean; shouldContinueRunning: boolean } {
  const spec = clone(ds.spec!.template.spec!);
  addDaemonTolerations(spec);
  const name = node.metadata!.name!;
  if (spec.nodeName && spec.nodeName !== name) return { shouldRun: false, shouldContinueRunning: false };
  if (!affinityMatches({ spec } as Pod, node)) return { shouldRun: false, shouldContinueRunning: false };
  const taints = node.spec?.taints ?? [];
  if (untolerated(taints, spec.tolerations!, ['NoSchedule', 'NoExecute'])) {
    return { shouldRun: false, shouldContinueRunning: !untolerated(taints, spec.tolerations!, ['NoExecute']) };
  }
  return { shouldRun: true, shouldContinueRunning: true };
}

/** podByCreationTimestampAndPhase: scheduled first, then oldest, then by name. */
function byCreationAndPhase(a: Pod, b: Pod): number {
  const scheduled = Number(!!b.spec?.nodeName) - Number(!!a.spec?.nodeName);
  if (scheduled) return scheduled;
  const t = fromRfc3339(a.metadata!.creationTimestamp!) - fromRfc3339(b.metadata!.creationTimestamp!);
  if (t) return t;
  return a.metadata!.name! < b.metadata!.name! ? -1 : 1;
}

interface Backoff {
  delayMs: number;
  lastUpdate: number;
}

/**
 * pkg/controller/daemon: one pod per eligible node, placed by the default scheduler through a
 * node-name affinity; failed pods replaced with a back-off; RollingUpdate within maxUnavailable
 * or maxSurge; history as ControllerRevisions (k8s-semantics §8).
 */
export class DaemonSetController extends Controller {
  private failedBackoff = new Map<string, Backoff>();

  constructor(ctx: ControllerContext) {
    super('daemonset-controller', ctx);
  }

  onEvent({ type, object, old }: WatchEvent): void {
    const ns = object.metadata.namespace;
    if (object.kind === 'DaemonSet') {
      this.enqueue(objectKey('DaemonSet', ns, object.metadata.name!));
    } else if (object.kind === 'Pod') {
      const owners = new Set<string>();
      for (const p of [object, old]) {
        const ref = p && controllerOf(p);
        if (ref?.kind === 'DaemonSet') owners.add(ref.name);
      }
      for (const name of owners) this.enqueue(objectKey('DaemonSet', ns, name));
      if (type !== 'DELETED' && !controllerOf(object)) {
        for (const ds of this.ctx.api.list('DaemonSet', ns)) {
          if (selectorMatches((ds as DaemonSet).spec?.selector, object.metadata.labels)) this.enqueue(objectKey('DaemonSet', ns, ds.metadata.name!));
        }
      }
    } else if (object.kind === 'Node' && (type !== 'MODIFIED' || schedulingView(object as Node) !== schedulingView(old as Node))) {
      for (const ds of this.ctx.api.list('DaemonSet')) this.enqueue(objectKey('DaemonSet', ds.metadata.namespace, ds.metadata.name!));
    }
  }

  protected sync(key: string): void {
    const { namespace, name } = parseKey(key);
    const ds = this.ctx.api.get('DaemonSet', namespace, name) as DaemonSet | undefined;
    if (!ds) return;
    if (ds.spec?.selector && isEmptySelector(ds.spec.selector)) {
      this.record(ds, 'Warning', 'SelectingAll', 'This daemon set is selecting all pods. A non-empty selector is required.');
      return;
    }
    // Its history may already be gone: a DaemonSet being deleted is left alone, status included.
    if (ds.metadata!.deletionTimestamp) return;
    const nodes = (this.ctx.api.list('Node') as Node[]).sort((a, b) => (a.metadata!.name! < b.metadata!.name! ? -1 : 1));
    const revisions = syncRevisions(this.ctx.api, this.name, ds as KubeObject, undefined);
    const hash = revisions.update.metadata!.labels![CONTROLLER_REVISION_HASH];
    this.manage(ds, nodes, hash);
    if (ds.spec!.updateStrategy?.type === 'RollingUpdate') this.rollingUpdate(ds, nodes, hash);
    this.cleanupHistory(ds, revisions.all.filter((r) => r.metadata!.name !== revisions.update.metadata!.name));
    this.updateStatus(ds, nodes, hash, revisions.collisionCount);
  }

  /** cleanupHistory: beyond revisionHistoryLimit old revisions, delete the oldest that no pod still runs. */
  private cleanupHistory(ds: DaemonSet, old: ControllerRevision[]): void {
    let toKill = old.length - (ds.spec!.revisionHistoryLimit ?? 10);
    if (toKill <= 0) return;
    const live = new Set(this.nodeToDaemonPods(ds, true).flatMap(([, pods]) => pods.map((p) => p.metadata?.labels?.[CONTROLLER_REVISION_HASH])));
    for (const revision of old) {
      if (toKill <= 0) break;
      if (live.has(revision.metadata!.labels?.[CONTROLLER_REVISION_HASH])) continue;
      this.ctx.api.delete('ControllerRevision', revision.metadata!.namespace, revision.metadata!.name!, this.name);
      toKill--;
    }
  }

  /** Owned pods that match, plus adopted orphans; owned pods that stopped matching are released. */
  private claimPods(ds: DaemonSet): Pod[] {
    const uid = ds.metadata!.uid!;
    const candidates = uniqueByKey([...this.ctx.api.dependents(uid).filter((o) => o.kind === 'Pod'), ...this.ctx.api.uncontrolled('Pod', ds.metadata!.namespace)]);
    const claimed: Pod[] = [];
    for (const obj of candidates) {
      const pod = obj as Pod;
      const ref = controllerOf(obj);
      const matches = selectorMatches(ds.spec!.selector, pod.metadata!.labels);
      if (ref && ref.uid !== uid) continue;
      if (ref && matches) claimed.push(pod);
      else if (ref) {
        const next = clone(pod);
        next.metadata!.ownerReferences = pod.metadata!.ownerReferences!.filter((r) => r.uid !== uid);
        this.ctx.api.update(next as KubeObject, this.name, 'patch');
      } else if (matches && !pod.metadata!.deletionTimestamp) {
        const next = clone(pod);
        next.metadata!.ownerReferences = [...(pod.metadata!.ownerReferences ?? []), controllerRefTo(ds as KubeObject)];
        claimed.push(this.ctx.api.update(next as KubeObject, this.name, 'patch') as Pod);
      }
    }
    return claimed;
  }

  /** getNodesToDaemonPods: the daemon pods by target node; finished pods being deleted are left out unless asked for. */
  private nodeToDaemonPods(ds: DaemonSet, includeDeletedTerminal = false): [string, Pod[]][] {
    const byNode = new Map<string, Pod[]>();
    for (const pod of this.claimPods(ds)) {
      const finished = pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed';
      if (!includeDeletedTerminal && finished && pod.metadata?.deletionTimestamp) continue;
      const node = targetNode(pod) ?? '';
      byNode.set(node, [...(byNode.get(node) ?? []), pod]);
    }
    return [...byNode];
  }

  /** manage: create daemon pods where missing, delete them where they must not (or no longer may) run. */
  private manage(ds: DaemonSet, nodes: Node[], hash: string): void {
    const byNode = new Map(this.nodeToDaemonPods(ds));
    const needing: string[] = [];
    const toDelete: Pod[] = [];
    for (const node of nodes) {
      const name = node.metadata!.name!;
      const [create, remove] = this.podsShouldBeOnNode(ds, node, byNode.get(name), hash);
      if (create) needing.push(name);
      toDelete.push(...remove);
    }
    // Unscheduled pods for nodes that are gone would never be scheduled or collected.
    const names = new Set(nodes.map((n) => n.metadata!.name));
    for (const [node, pods] of byNode) if (!names.has(node)) toDelete.push(...pods.filter((p) => !p.spec?.nodeName && !p.metadata?.deletionTimestamp));
    this.syncNodes(ds, toDelete, needing, hash);
  }

  /** podsShouldBeOnNode: whether the node needs a pod, and which of its daemon pods to delete. */
  private podsShouldBeOnNode(ds: DaemonSet, node: Node, pods: Pod[] | undefined, hash: string): [boolean, Pod[]] {
    const { shouldRun, shouldContinueRunning } = nodeShouldRunDaemonPod(node, ds);
    const name = node.metadata!.name!;
    if (shouldRun && !pods) return [true, []];
    if (!pods) return [false, []];
    if (!shouldContinueRunning) return [false, pods.filter((p) => !p.metadata?.deletionTimestamp)];
    const toDelete: Pod[] = [];
    const running: Pod[] = [];
    for (const pod of pods) {
      if (pod.metadata?.deletionTimestamp) continue;
      const ref = `${pod.metadata!.namespace}/${pod.metadata!.name}`;
      if (pod.status?.phase === 'Failed') {
        // The kubelet may keep rejecting the pod: replace it no faster than the per-node back-off allows.
        const key = `${ds.metadata!.uid}/${name}`;
        const delay = this.backoffRemaining(key);
        if (delay > 0) {
          this.enqueue(objectKey('DaemonSet', ds.metadata!.namespace, ds.metadata!.name!), delay);
          continue;
        }
        this.nextBackoff(key);
        this.record(ds, 'Warning', 'FailedDaemonPod', `Found failed daemon pod ${ref} on node ${name}, will try to kill it`);
        toDelete.push(pod);
      } else if (pod.status?.phase === 'Succeeded') {
        this.record(ds, 'Normal', 'SucceededDaemonPod', `Found succeeded daemon pod ${ref} on node ${name}, will try to delete it`);
        toDelete.push(pod);
      } else {
        running.push(pod);
      }
    }
    running.sort(byCreationAndPhase);
    if (!this.surges(ds)) return [false, [...toDelete, ...running.slice(1)]];
    if (running.length <= 1) return [running.length === 0 && shouldRun, toDelete];
    // Surging: keep the oldest new and the oldest old pod, the old one only while the new one is not yet available.
    let oldestNew: Pod | undefined;
    let oldestOld: Pod | undefined;
    for (const pod of running) {
      const isNew = pod.metadata?.labels?.[CONTROLLER_REVISION_HASH] === hash;
      if (isNew && !oldestNew) oldestNew = pod;
      else if (!isNew && !oldestOld) oldestOld = pod;
      else toDelete.push(pod);
    }
    if (oldestNew && oldestOld && (!isPodReady(oldestOld) || this.available(ds, oldestNew))) toDelete.push(oldestOld);
    return [false, toDelete];
  }

  private backoffRemaining(key: string): number {
    const entry = this.failedBackoff.get(key);
    if (!entry) return 0;
    return Math.max(0, entry.lastUpdate + entry.delayMs - this.ctx.clock.now());
  }

  private nextBackoff(key: string): void {
    const now = this.ctx.clock.now();
    const entry = this.failedBackoff.get(key);
    const expired = !entry || now - entry.lastUpdate > 2 * FAILED_BACKOFF_MAX_MS;
    this.failedBackoff.set(key, { delayMs: expired ? FAILED_BACKOFF_INITIAL_MS : Math.min(entry.delayMs * 2, FAILED_BACKOFF_MAX_MS), lastUpdate: now });
  }

  private surges(ds: DaemonSet): boolean {
    const ru = ds.spec!.updateStrategy?.rollingUpdate;
    return ds.spec!.updateStrategy?.type === 'RollingUpdate' && scaledValue(ru?.maxSurge, 1, true) > 0;
  }

  private available(ds: DaemonSet, pod: Pod): boolean {
    return isPodAvailable(pod, ds.spec!.minReadySeconds ?? 0, this.ctx.clock.now());
  }

  /** syncNodes: deletes, then creates pods in slow-start batches (stopping at a failed batch). */
  private syncNodes(ds: DaemonSet, toDelete: Pod[], nodes: string[], hash: string): void {
    for (const pod of toDelete.slice(0, BURST_REPLICAS)) {
      try {
        this.ctx.api.delete('Pod', pod.metadata!.namespace, pod.metadata!.name!, this.name);
        this.record(ds, 'Normal', 'SuccessfulDelete', `Deleted pod: ${pod.metadata!.name}`);
      } catch (err) {
        if (!(err instanceof ApiError)) throw err;
        if (err.reason !== 'NotFound') this.record(ds, 'Warning', 'FailedDelete', `Error deleting: ${err.message}`);
      }
    }
    const create = nodes.slice(0, BURST_REPLICAS);
    let pos = 0;
    for (let batch = 1; pos < create.length; batch *= 2) {
      let failed = false;
      for (const end = Math.min(create.length, pos + batch); pos < end; pos++) {
        try {
          const pod = this.ctx.api.create(this.newPod(ds, create[pos], hash), this.name);
          this.record(ds, 'Normal', 'SuccessfulCreate', `Created pod: ${pod.metadata.name}`);
        } catch (err) {
          if (!(err instanceof ApiError)) throw err;
          this.record(ds, 'Warning', 'FailedCreate', `Error creating: ${err.message}`);
          failed = true;
        }
      }
      if (failed) return;
    }
  }

  /** CreatePodTemplate + the node affinity: template generation and hash labels, the daemon tolerations. */
  private newPod(ds: DaemonSet, node: string, hash: string): KubeObject {
    const template = ds.spec!.template;
    const spec = clone(template.spec!);
    addDaemonTolerations(spec);
    spec.affinity = pinToNode(spec.affinity, node);
    const generation = ds.metadata!.annotations?.[TEMPLATE_GENERATION_ANNOTATION];
    return {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: {
        generateName: `${ds.metadata!.name}-`,
        namespace: ds.metadata!.namespace,
        labels: { ...(template.metadata?.labels ?? {}), ...(generation ? { [TEMPLATE_GENERATION_LABEL]: generation } : {}), [CONTROLLER_REVISION_HASH]: hash },
        ...(template.metadata?.annotations ? { annotations: clone(template.metadata.annotations) } : {}),
        ownerReferences: [controllerRefTo(ds as KubeObject)],
      },
      spec,
    };
  }

  /** IsPodUpdated: the current hash, or (for old pods) the current template generation. */
  private isUpdated(ds: DaemonSet, pod: Pod, hash: string): boolean {
    const labels = pod.metadata?.labels ?? {};
    const generation = ds.metadata!.annotations?.[TEMPLATE_GENERATION_ANNOTATION];
    return labels[CONTROLLER_REVISION_HASH] === hash || (generation !== undefined && labels[TEMPLATE_GENERATION_LABEL] === generation);
  }

  /**
   * rollingUpdate (update.go; k8s-semantics §8): without surge, delete old pods on as many nodes as
   * maxUnavailable leaves room for (unavailable old pods at once); with surge, start new pods next
   * to old ones up to maxSurge and delete each old pod once its replacement is available.
   */
  private rollingUpdate(ds: DaemonSet, nodes: Node[], hash: string): void {
    const byNode = new Map(this.nodeToDaemonPods(ds));
    let desired = 0;
    const eligible = new Map<string, Pod[]>();
    for (const node of nodes) {
      const name = node.metadata!.name!;
      if (byNode.has(name)) eligible.set(name, byNode.get(name)!);
      if (!nodeShouldRunDaemonPod(node, ds).shouldRun) continue;
      desired++;
      if (!eligible.has(name)) eligible.set(name, []);
    }
    const ru = ds.spec!.updateStrategy?.rollingUpdate;
    let maxUnavailable = scaledValue(ru?.maxUnavailable, desired, true);
    const maxSurge = this.surges(ds) ? scaledValue(ru?.maxSurge, desired, true) : 0;
    if (desired > 0 && maxUnavailable === 0 && maxSurge === 0) maxUnavailable = 1;

    const split = (pods: Pod[]): { newPod?: Pod; oldPod?: Pod; ok: boolean } => {
      let newPod: Pod | undefined;
      let oldPod: Pod | undefined;
      for (const pod of pods) {
        if (pod.metadata?.deletionTimestamp) continue;
        if (this.isUpdated(ds, pod, hash)) {
          if (newPod) return { ok: false };
          newPod = pod;
        } else {
          if (oldPod) return { ok: false };
          oldPod = pod;
        }
      }
      return { newPod, oldPod, ok: true };
    };

    if (maxSurge === 0) {
      let unavailable = 0;
      const replace: Pod[] = [];
      const candidates: Pod[] = [];
      for (const pods of eligible.values()) {
        const { newPod, oldPod, ok } = split(pods);
        if (!ok || (!oldPod && !newPod) || (oldPod && newPod)) unavailable++;
        else if (newPod) {
          if (!this.available(ds, newPod)) unavailable++;
        } else if (!this.available(ds, oldPod!)) {
          replace.push(oldPod!);
          unavailable++;
        } else if (unavailable < maxUnavailable) candidates.push(oldPod!);
      }
      const room = Math.min(Math.max(0, maxUnavailable - unavailable), candidates.length);
      this.syncNodes(ds, [...replace, ...candidates.slice(0, room)], [], hash);
      return;
    }

    let surging = 0;
    const toDelete: Pod[] = [];
    const allowed: string[] = [];
    const candidates: string[] = [];
    for (const [name, pods] of eligible) {
      const { newPod, oldPod, ok } = split(pods);
      if (!ok) {
        surging++;
        continue;
      }
      if (!oldPod) continue;
      if (!newPod) {
        if (this.available(ds, oldPod)) candidates.push(name);
        else {
          const node = nodes.find((n) => n.metadata!.name === name);
          if (node && nodeShouldRunDaemonPod(node, ds).shouldRun) allowed.push(name);
          else toDelete.push(oldPod);
        }
      } else if (!this.available(ds, newPod)) surging++;
      else toDelete.push(oldPod);
    }
    const room = Math.min(Math.max(0, maxSurge - surging), candidates.length);
    this.syncNodes(ds, toDelete, [...allowed, ...candidates.slice(0, room)], hash);
  }

  /** updateDaemonSetStatus / storeDaemonSetStatus: §8's counts, judged by each node's oldest daemon pod. */
  private updateStatus(ds: DaemonSet, nodes: Node[], hash: string, collisionCount: number): void {
    const current = this.ctx.api.get('DaemonSet', ds.metadata!.namespace, ds.metadata!.name!) as DaemonSet | undefined;
    if (!current) return;
    const byNode = new Map(this.nodeToDaemonPods(current));
    const c = { desired: 0, current: 0, misscheduled: 0, ready: 0, updated: 0, available: 0 };
    for (const node of nodes) {
      const pods = byNode.get(node.metadata!.name!) ?? [];
      if (!nodeShouldRunDaemonPod(node, current).shouldRun) {
        if (pods.length) c.misscheduled++;
        continue;
      }
      c.desired++;
      if (!pods.length) continue;
      c.current++;
      const pod = [...pods].sort(byCreationAndPhase)[0];
      if (isPodReady(pod)) {
        c.ready++;
        if (this.available(current, pod)) c.available++;
      }
      if (this.isUpdated(current, pod, hash)) c.updated++;
    }
    const status: DaemonSetStatus = {
      currentNumberScheduled: c.current,
      numberMisscheduled: c.misscheduled,
      desiredNumberScheduled: c.desired,
      numberReady: c.ready,
      observedGeneration: current.metadata!.generation,
      ...(c.updated ? { updatedNumberScheduled: c.updated } : {}),
      ...(c.available ? { numberAvailable: c.available } : {}),
      ...(c.desired - c.available ? { numberUnavailable: c.desired - c.available } : {}),
      ...(collisionCount ? { collisionCount } : {}),
    };
    this.ctx.api.updateStatus({ ...(current as KubeObject), status }, this.name);
    const minReady = current.spec!.minReadySeconds ?? 0;
    if (minReady > 0 && c.ready !== c.available) this.enqueue(objectKey('DaemonSet', current.metadata!.namespace, current.metadata!.name!), minReady * 1000 + 1000);
  }

  private record(ds: DaemonSet, type: 'Normal' | 'Warning', reason: string, message: string): void {
    this.ctx.recorder.record(ds as KubeObject, type, reason, message, { component: this.name });
  }

  override save(): unknown {
    return { ...(super.save() as object), failedBackoff: [...this.failedBackoff] };
  }

  override load(state: unknown): void {
    super.load(state);
    this.failedBackoff = new Map((state as { failedBackoff?: [string, Backoff][] }).failedBackoff ?? []);
  }
}

/** What of a Node decides where daemons run (shouldIgnoreNodeUpdate): labels, taints, condition statuses. */
function schedulingView(node: Node | undefined): string {
  return JSON.stringify([node?.metadata?.labels, node?.spec?.taints, node?.spec?.unschedulable, node?.status?.conditions?.map((c) => `${c.type}=${c.status}`)]);
}
