import type { Node, Pod, PodCondition } from '../api/types';
import { ApiError } from '../api/errors';
import { clone, keyOf, parseKey, type KubeObject } from '../api/object';
import type { WatchEvent } from '../api/store';
import { Controller, type ControllerContext } from '../controllers/controller';
import { rfc3339 } from '../time';
import { filterNode, fitErrorMessage, type FilterFailure, type NodeUsage } from './filters';
import { occupiesNode, podNonZeroRequests, podRequests, type Resources } from './resources';
import { preFilterMessage, VOLUME_KINDS, VolumeBinding } from './volumebinding';
import { balancedAllocation, intolerablePreferNoSchedule, leastAllocated, normalize, preferredAffinity } from './scores';

/**
 * How long a new pod waits before its scheduling cycle. A real idle kube-scheduler binds within
 * milliseconds; one virtual second keeps the Pending state visible (docs/SIMPLIFICATIONS.md).
 */
export const SCHEDULING_DELAY_MS = 1000;
const INITIAL_BACKOFF_MS = 1000;
const MAX_BACKOFF_MS = 10_000;
/** DefaultPodMaxInUnschedulablePodsDuration: unschedulable pods are retried at least this often. */
const MAX_UNSCHEDULABLE_MS = 5 * 60_000;

const WEIGHTS = { fit: 1, balanced: 1, taint: 3, affinity: 2 };

/**
 * kube-scheduler's default profile: filter, score, select the best node (ties at random), bind;
 * unschedulable pods get FailedScheduling and are retried when the cluster changes (§3).
 */
export class Scheduler extends Controller {
  /** Pod key → failed attempts, for the 1 s doubling to 10 s back-off. */
  private attempts = new Map<string, number>();
  /** The scheduler cache: what each pod holding resources takes on its node, and the totals per node. */
  private held = new Map<string, { node: string; request: Resources; nonZero: Resources }>();
  private usage = new Map<string, NodeUsage>();
  private readonly volumes: VolumeBinding;

  constructor(ctx: ControllerContext) {
    super('default-scheduler', ctx);
    this.volumes = new VolumeBinding(ctx.api, this.name);
  }

  onEvent({ type, object, old }: WatchEvent): void {
    if (object.kind === 'Pod') {
      const pod = object as Pod;
      const key = keyOf(object);
      this.account(key, type === 'DELETED' ? undefined : pod);
      if (type === 'DELETED') {
        this.attempts.delete(key);
        this.volumes.forget(key);
        if (pod.spec?.nodeName) this.retryUnschedulable();
      } else if (this.wantsScheduling(pod) && !this.attempts.has(key) && !this.queue.has(key)) {
        this.enqueue(key, SCHEDULING_DELAY_MS);
      } else if (pod.spec?.nodeName && old && occupiesNode(old as Pod) && !occupiesNode(pod)) {
        this.retryUnschedulable();
      }
    } else if (object.kind === 'Node') {
      this.retryUnschedulable();
    } else if (VOLUME_KINDS.has(object.kind)) {
      this.retryUnschedulable();
      for (const key of this.volumes.waitingPods()) this.enqueue(key);
    }
  }

  private wantsScheduling(pod: Pod): boolean {
    return !pod.spec?.nodeName && (pod.spec?.schedulerName ?? 'default-scheduler') === 'default-scheduler' && !pod.metadata?.deletionTimestamp;
  }

  /** A cluster change may make parked pods fit: move them back to the active queue with back-off. */
  private retryUnschedulable(): void {
    for (const [key, attempts] of this.attempts) {
      this.enqueue(key, Math.min(INITIAL_BACKOFF_MS * 2 ** (attempts - 1), MAX_BACKOFF_MS));
    }
  }

  protected sync(key: string): void {
    const { namespace, name } = parseKey(key);
    const pod = this.ctx.api.get('Pod', namespace, name) as Pod | undefined;
    if (!pod || !this.wantsScheduling(pod)) {
      this.attempts.delete(key);
      this.volumes.forget(key);
      return;
    }
    // A pod in PreBind waits for its volumes to bind before it is bound itself.
    const waiting = this.volumes.state(key, pod);
    if (waiting) {
      if ('failed' in waiting) {
        this.volumes.forget(key);
        this.fail(pod, key, waiting.failed);
      } else if (waiting.ready) {
        this.volumes.forget(key);
        this.bindPod(pod, key, waiting.node);
      }
      return;
    }
    const nodes = this.ctx.api.list('Node') as Node[];
    const volumes = this.volumes.preFilter(pod);
    if (typeof volumes === 'string') {
      this.fail(pod, key, preFilterMessage(nodes.length, volumes));
      return;
    }
    const usage = this.usage;
    const request = podRequests(pod);
    const nonZero = podNonZeroRequests(pod);
    const feasible: Node[] = [];
    const failures: FilterFailure[][] = [];
    for (const node of nodes) {
      const nodeUsage = usage.get(node.metadata!.name!) ?? emptyUsage();
      const resourceFailures = filterNode(pod, node, nodeUsage, request);
      const failed = resourceFailures.length ? resourceFailures : this.volumes.filter(volumes, node);
      if (failed.length) failures.push(failed);
      else feasible.push(node);
    }
    if (feasible.length === 0) {
      this.fail(pod, key, fitErrorMessage(nodes.length, failures));
      return;
    }
    const host = this.selectHost(pod, feasible, usage, nonZero);
    if (this.volumes.preBind(key, volumes, host)) this.bindPod(pod, key, host.metadata!.name!);
  }

  private bindPod(pod: Pod, key: string, node: string): void {
    try {
      this.ctx.api.bind(pod, node, this.name);
    } catch (err) {
      if (err instanceof ApiError) return;
      throw err;
    }
    this.attempts.delete(key);
    this.ctx.recorder.record(pod as KubeObject, 'Normal', 'Scheduled', `Successfully assigned ${pod.metadata!.namespace}/${pod.metadata!.name} to ${node}`, { component: this.name });
  }

  private selectHost(pod: Pod, nodes: Node[], usage: Map<string, NodeUsage>, request: { cpu: number; memory: number }): Node {
    const use = (n: Node) => usage.get(n.metadata!.name!) ?? emptyUsage();
    const fit = nodes.map((n) => leastAllocated(n, use(n), request));
    const balanced = nodes.map((n) => balancedAllocation(n, use(n), request));
    const taint = normalize(nodes.map((n) => intolerablePreferNoSchedule(pod, n)), true);
    const affinity = normalize(nodes.map((n) => preferredAffinity(pod, n)), false);
    const totals = nodes.map((_, i) => fit[i] * WEIGHTS.fit + balanced[i] * WEIGHTS.balanced + taint[i] * WEIGHTS.taint + affinity[i] * WEIGHTS.affinity);
    // selectHost: the best score, ties broken uniformly at random (reservoir sampling).
    let best = 0;
    let ties = 1;
    for (let i = 1; i < nodes.length; i++) {
      if (totals[i] > totals[best]) {
        best = i;
        ties = 1;
      } else if (totals[i] === totals[best]) {
        ties += 1;
        if (this.ctx.rng.int(1, ties) === 1) best = i;
      }
    }
    return nodes[best];
  }

  private fail(pod: Pod, key: string, message: string): void {
    const attempts = (this.attempts.get(key) ?? 0) + 1;
    this.attempts.set(key, attempts);
    this.enqueue(key, MAX_UNSCHEDULABLE_MS);
    this.ctx.recorder.record(pod as KubeObject, 'Warning', 'FailedScheduling', message.slice(0, 1024), { component: this.name });
    const next = clone(pod);
    const existing = pod.status?.conditions?.find((c) => c.type === 'PodScheduled');
    const condition: PodCondition = {
      type: 'PodScheduled',
      status: 'False',
      reason: 'Unschedulable',
      message,
      lastTransitionTime: existing?.status === 'False' ? existing.lastTransitionTime : rfc3339(this.ctx.clock.now()),
    };
    next.status = { ...next.status, conditions: [...(pod.status?.conditions ?? []).filter((c) => c.type !== 'PodScheduled'), condition] };
    this.ctx.api.updateStatus(next as KubeObject, this.name);
  }

  /** Keeps the per-node totals in step with one pod (undefined: the pod is gone). */
  private account(key: string, pod: Pod | undefined): void {
    const before = this.held.get(key);
    if (before) {
      this.add(before.node, before.request, before.nonZero, -1);
      this.held.delete(key);
    }
    if (!pod || !occupiesNode(pod)) return;
    const entry = { node: pod.spec!.nodeName!, request: podRequests(pod), nonZero: podNonZeroRequests(pod) };
    this.held.set(key, entry);
    this.add(entry.node, entry.request, entry.nonZero, 1);
  }

  private add(node: string, request: Resources, nonZero: Resources, sign: 1 | -1): void {
    const u = this.usage.get(node) ?? emptyUsage();
    u.pods += sign;
    u.requested.cpu += sign * request.cpu;
    u.requested.memory += sign * request.memory;
    u.nonZero.cpu += sign * nonZero.cpu;
    u.nonZero.memory += sign * nonZero.memory;
    this.usage.set(node, u);
  }

  override save(): unknown {
    return { queue: this.queue.save(), attempts: [...this.attempts], volumes: this.volumes.save() };
  }

  override load(state: unknown): void {
    const s = state as { queue: [string, number][]; attempts: [string, number][]; volumes?: [string, string][] };
    this.queue.load(s.queue);
    this.volumes.load(s.volumes);
    this.attempts = new Map(s.attempts);
    // The cache is derived from the store, as a restarted scheduler rebuilds it from a list.
    this.held.clear();
    this.usage.clear();
    for (const pod of this.ctx.api.list('Pod')) this.account(keyOf(pod), pod as Pod);
  }
}

function emptyUsage(): NodeUsage {
  return { pods: 0, requested: { cpu: 0, memory: 0 }, nonZero: { cpu: 0, memory: 0 } };
}
