import { clone, keyOf, parseKey, type KubeObject } from '../api/object';
import type { WatchEvent } from '../api/store';
import type { Node, NodeCondition, Pod, Taint } from '../api/types';
import { fromRfc3339, rfc3339 } from '../time';
import { Controller, type ControllerContext } from './controller';

/** --node-monitor-period. */
const MONITOR_PERIOD_MS = 5_000;
/** --node-monitor-grace-period: 50 s from v1.32 (PR #126287; 40 s before). */
export const NODE_MONITOR_GRACE_MS = 50_000;
const MONITOR_KEY = 'monitor';
const KUBELET_CONDITIONS = ['MemoryPressure', 'DiskPressure', 'PIDPressure', 'Ready'];

export const TAINT_NOT_READY = 'node.kubernetes.io/not-ready';
export const TAINT_UNREACHABLE = 'node.kubernetes.io/unreachable';
export const TAINT_UNSCHEDULABLE = 'node.kubernetes.io/unschedulable';

/**
 * pkg/controller/nodelifecycle (k8s-semantics §5.2): marks nodes whose kubelet stopped renewing
 * its Lease as Unknown after the grace period, marks their pods not ready, and keeps the
 * condition taints (NoSchedule, plus NoExecute for not-ready/unreachable) in step with the node.
 */
export class NodeLifecycleController extends Controller {
  constructor(ctx: ControllerContext) {
    super('node-lifecycle-controller', ctx);
    this.enqueue(MONITOR_KEY);
  }

  onEvent({ object }: WatchEvent): void {
    if (object.kind === 'Node') this.enqueue(keyOf(object));
  }

  protected sync(key: string): void {
    if (key === MONITOR_KEY) {
      for (const node of this.ctx.api.list('Node')) this.monitor(node as Node);
      this.enqueue(MONITOR_KEY, MONITOR_PERIOD_MS);
      return;
    }
    const node = this.ctx.api.get('Node', undefined, parseKey(key).name) as Node | undefined;
    if (node) this.reconcileTaints(node);
  }

  /** monitorNodeHealth: a Lease older than the grace period turns the kubelet's conditions Unknown. */
  private monitor(node: Node): void {
    const name = node.metadata!.name!;
    const lease = this.ctx.api.get('Lease', 'kube-node-lease', name);
    const renew = (lease?.spec as { renewTime?: string } | undefined)?.renewTime;
    const lastSeen = renew ? fromRfc3339(renew) : fromRfc3339(node.metadata!.creationTimestamp!);
    const ready = node.status?.conditions?.find((c) => c.type === 'Ready');
    if (this.ctx.clock.now() - lastSeen <= NODE_MONITOR_GRACE_MS || ready?.status === 'Unknown') return;
    const now = rfc3339(this.ctx.clock.now());
    const next = clone(node);
    next.status!.conditions = (node.status?.conditions ?? []).map((c): NodeCondition =>
      KUBELET_CONDITIONS.includes(c.type)
        ? { ...c, status: 'Unknown', reason: 'NodeStatusUnknown', message: 'Kubelet stopped posting node status.', lastTransitionTime: now }
        : c,
    );
    this.ctx.api.updateStatus(next as KubeObject, this.name);
    this.ctx.recorder.record(node as KubeObject, 'Normal', 'NodeNotReady', `Node ${name} status is now: NodeNotReady`, { component: 'node-controller' });
    this.markPodsNotReady(name);
  }

  /** MarkPodsNotReady: the pods drop out of Service endpoints at once. */
  private markPodsNotReady(nodeName: string): void {
    const now = rfc3339(this.ctx.clock.now());
    for (const obj of this.ctx.api.list('Pod')) {
      const pod = obj as Pod;
      if (pod.spec?.nodeName !== nodeName) continue;
      const ready = pod.status?.conditions?.find((c) => c.type === 'Ready');
      if (!ready || ready.status === 'False') continue;
      const next = clone(pod);
      next.status!.conditions = pod.status!.conditions!.map((c) => (c.type === 'Ready' ? { ...c, status: 'False', lastTransitionTime: now } : c));
      this.ctx.api.updateStatus(next as KubeObject, this.name);
      this.ctx.recorder.record(pod as KubeObject, 'Warning', 'NodeNotReady', 'Node is not ready', { component: 'node-controller' });
    }
  }

  /** TaintNodesByCondition and the NoExecute taints of unhealthy nodes. */
  private reconcileTaints(node: Node): void {
    const ready = node.status?.conditions?.find((c) => c.type === 'Ready')?.status;
    const wanted: Taint[] = [];
    const keep = (key: string, effect: Taint['effect']) => node.spec?.taints?.find((t) => t.key === key && t.effect === effect);
    const add = (key: string, effect: 'NoSchedule' | 'NoExecute') => {
      wanted.push(keep(key, effect) ?? { key, effect, ...(effect === 'NoExecute' ? { timeAdded: rfc3339(this.ctx.clock.now()) } : {}) });
    };
    if (ready === 'Unknown') {
      add(TAINT_UNREACHABLE, 'NoSchedule');
      add(TAINT_UNREACHABLE, 'NoExecute');
    } else if (ready === 'False') {
      add(TAINT_NOT_READY, 'NoSchedule');
      add(TAINT_NOT_READY, 'NoExecute');
    }
    if (node.spec?.unschedulable) add(TAINT_UNSCHEDULABLE, 'NoSchedule');
    const managed = new Set([TAINT_NOT_READY, TAINT_UNREACHABLE, TAINT_UNSCHEDULABLE]);
    const others = (node.spec?.taints ?? []).filter((t) => !managed.has(t.key));
    const taints = [...others, ...wanted];
    if (JSON.stringify(taints) === JSON.stringify(node.spec?.taints ?? [])) return;
    const next = clone(node);
    next.spec = { ...next.spec, taints: taints.length ? taints : undefined };
    this.ctx.api.update(next as KubeObject, this.name, 'patch');
  }
}

