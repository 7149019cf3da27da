import { selectorMatches } from '../api/labels';
import { clone, keyOf, parseKey, type KubeObject } from '../api/object';
import { isPodReady } from '../api/pod';
import { cpuMillis } from '../api/quantity';
import type { WatchEvent } from '../api/store';
import type { Deployment, HorizontalPodAutoscaler, HorizontalPodAutoscalerCondition, Pod } from '../api/types';
import type { PodUsage } from '../metrics';
import { rfc3339 } from '../time';
import { Controller, type ControllerContext } from './controller';

/** --horizontal-pod-autoscaler-sync-period. */
export const HPA_SYNC_MS = 15_000;
/** --horizontal-pod-autoscaler-tolerance: no change while the ratio is within 10 % of 1. */
export const TOLERANCE = 0.1;
/** Default scale-down stabilization window: the highest recommendation of the last 5 minutes wins. */
export const DOWNSCALE_STABILIZATION_MS = 300_000;

export type UsageSource = (pod: Pod) => PodUsage | undefined;

interface Recommendation {
  at: number;
  replicas: number;
}

const describeMetric = 'cpu resource utilization (percentage of request)';

/**
 * pkg/controller/podautoscaler for a CPU-utilization target: every 15 s, desired =
 * ceil(current × utilization / target) outside a 10 % tolerance, scale-up limited to
 * max(double, +4) per period, scale-down to the highest recommendation of the last 5 minutes,
 * clamped to [minReplicas, maxReplicas].
 */
export class HorizontalPodAutoscalerController extends Controller {
  private recommendations = new Map<string, Recommendation[]>();

  constructor(
    ctx: ControllerContext,
    private readonly usage: UsageSource,
  ) {
    super('horizontal-pod-autoscaler', ctx);
  }

  onEvent({ type, object }: WatchEvent): void {
    if (object.kind !== 'HorizontalPodAutoscaler') return;
    const key = keyOf(object);
    if (type === 'DELETED') this.recommendations.delete(key);
    else if (type === 'ADDED') this.enqueue(key);
  }

  protected sync(key: string): void {
    const { namespace, name } = parseKey(key);
    const hpa = this.ctx.api.get('HorizontalPodAutoscaler', namespace, name) as HorizontalPodAutoscaler | undefined;
    if (!hpa) return;
    this.enqueue(key, HPA_SYNC_MS);
    const ref = hpa.spec!.scaleTargetRef;
    const target = ref.kind === 'Deployment' ? (this.ctx.api.get('Deployment', namespace, ref.name) as Deployment | undefined) : undefined;
    if (!target) {
      this.writeStatus(hpa, {}, [this.condition('AbleToScale', 'False', 'FailedGetScale', `the HPA controller was unable to get the target's current scale: deployments/scale.apps "${ref.name}" not found`)]);
      this.event(hpa, 'Warning', 'FailedGetScale', `deployments/scale.apps "${ref.name}" not found`);
      return;
    }
    const current = target.spec?.replicas ?? 1;
    const min = hpa.spec!.minReplicas ?? 1;
    const max = hpa.spec!.maxReplicas;
    const metric = hpa.spec!.metrics?.find((m) => m.type === 'Resource' && m.resource?.name === 'cpu');
    const wanted = metric?.resource?.target.averageUtilization ?? 80;

    const pods = (this.ctx.api.list('Pod', namespace) as Pod[]).filter(
      (p) => !p.metadata!.deletionTimestamp && p.status?.phase !== 'Failed' && p.status?.phase !== 'Succeeded' && selectorMatches(target.spec!.selector, p.metadata!.labels),
    );
    const measured = this.measure(pods);
    if ('error' in measured) {
      this.writeStatus(hpa, { currentReplicas: current, desiredReplicas: current }, [
        this.condition('AbleToScale', 'True', 'SucceededGetScale', 'the HPA controller was able to get the target\'s current scale'),
        this.condition('ScalingActive', 'False', 'FailedGetResourceMetric', `the HPA was unable to compute the replica count: ${measured.error}`),
      ]);
      this.event(hpa, 'Warning', 'FailedGetResourceMetric', measured.error);
      return;
    }
    const utilization = measured.utilization;
    const ratio = utilization / wanted;
    let proposal = Math.abs(ratio - 1) <= TOLERANCE ? current : Math.ceil(ratio * measured.count);
    if (current === 0) proposal = 0;
    const now = this.ctx.clock.now();
    const windowSeconds = hpa.spec!.behavior?.scaleDown?.stabilizationWindowSeconds;
    const windowMs = windowSeconds === undefined || windowSeconds === null ? DOWNSCALE_STABILIZATION_MS : windowSeconds * 1000;
    const history = (this.recommendations.get(key) ?? []).filter((r) => r.at > now - windowMs);
    history.push({ at: now, replicas: proposal });
    this.recommendations.set(key, history);
    let desired = proposal;
    let stabilized = false;
    if (desired < current) {
      const highest = Math.max(...history.map((r) => r.replicas));
      if (highest > desired) stabilized = true;
      desired = Math.min(current, highest);
    }
    if (desired > current) desired = Math.min(desired, Math.max(2 * current, current + 4));
    let limited: HorizontalPodAutoscalerCondition = this.condition('ScalingLimited', 'False', 'DesiredWithinRange', 'the desired count is within the acceptable range');
    if (desired > max) {
      desired = max;
      limited = this.condition('ScalingLimited', 'True', 'TooManyReplicas', 'the desired replica count is more than the maximum replica count');
    } else if (desired < min) {
      desired = min;
      limited = this.condition('ScalingLimited', 'True', 'TooFewReplicas', 'the desired replica count is less than the minimum replica count');
    }

    let lastScaleTime = hpa.status?.lastScaleTime;
    let able = stabilized
      ? this.condition('AbleToScale', 'True', 'ScaleDownStabilized', 'recent recommendations were higher than current one, applying the highest recent recommendation')
      : this.condition('AbleToScale', 'True', 'ReadyForNewScale', 'recommended size matches current size');
    if (desired !== current) {
      const next = clone(target);
      next.spec!.replicas = desired;
      this.ctx.api.update(next as KubeObject, this.name, 'patch');
      lastScaleTime = rfc3339(now);
      const direction = desired > current ? 'above' : 'below';
      this.event(hpa, 'Normal', 'SuccessfulRescale', `New size: ${desired}; reason: ${desired > current ? describeMetric : 'All metrics'} ${direction} target`);
      able = this.condition('AbleToScale', 'True', 'SucceededRescale', `the HPA controller was able to update the target scale to ${desired}`);
    }
    this.writeStatus(
      hpa,
      {
        currentReplicas: current,
        desiredReplicas: desired,
        ...(lastScaleTime ? { lastScaleTime } : {}),
        currentMetrics: [{ type: 'Resource', resource: { name: 'cpu', current: { averageUtilization: Math.round(utilization), averageValue: `${Math.round(measured.averageMillis)}m` } } }],
      },
      [able, this.condition('ScalingActive', 'True', 'ValidMetricFound', `the HPA was able to successfully calculate a replica count from ${describeMetric}`), limited],
    );
  }

  /** Average utilization of the ready pods that have metrics (GetResourceReplicas). */
  private measure(pods: Pod[]): { utilization: number; averageMillis: number; count: number } | { error: string } {
    let used = 0;
    let requested = 0;
    let count = 0;
    for (const pod of pods) {
      for (const c of pod.spec?.containers ?? []) {
        if (c.resources?.requests?.cpu === undefined) {
          return { error: `failed to get cpu utilization: missing request for cpu in container ${c.name} of Pod ${pod.metadata!.name}` };
        }
      }
      const usage = this.usage(pod);
      if (!usage || !isPodReady(pod)) continue;
      used += usage.containers.reduce((s, c) => s + c.cpuMillis, 0);
      requested += (pod.spec?.containers ?? []).reduce((s, c) => s + cpuMillis(c.resources?.requests?.cpu), 0);
      count += 1;
    }
    if (count === 0) return { error: 'failed to get cpu utilization: unable to get metrics for resource cpu: no metrics returned from resource metrics API' };
    return { utilization: (100 * used) / requested, averageMillis: used / count, count };
  }

  private condition(type: string, status: 'True' | 'False', reason: string, message: string): HorizontalPodAutoscalerCondition {
    return { type, status, reason, message, lastTransitionTime: rfc3339(this.ctx.clock.now()) };
  }

  private writeStatus(hpa: HorizontalPodAutoscaler, fields: Partial<NonNullable<HorizontalPodAutoscaler['status']>>, conditions: HorizontalPodAutoscalerCondition[]): void {
    const current = this.ctx.api.get('HorizontalPodAutoscaler', hpa.metadata!.namespace, hpa.metadata!.name!) as HorizontalPodAutoscaler;
    const previous = current.status?.conditions ?? [];
    const merged = conditions.map((c) => {
      const old = previous.find((p) => p.type === c.type);
      return old && old.status === c.status ? { ...c, lastTransitionTime: old.lastTransitionTime } : c;
    });
    const next = clone(current);
    next.status = { currentReplicas: fields.currentReplicas ?? 0, desiredReplicas: fields.desiredReplicas ?? 0, ...fields, conditions: merged };
    this.ctx.api.updateStatus(next as KubeObject, this.name);
  }

  private event(hpa: HorizontalPodAutoscaler, type: 'Normal' | 'Warning', reason: string, message: string): void {
    this.ctx.recorder.record(hpa as KubeObject, type, reason, message, { component: this.name });
  }

  override save(): unknown {
    return { queue: this.queue.save(), recommendations: [...this.recommendations] };
  }

  override load(state: unknown): void {
    const s = state as { queue: [string, number][]; recommendations: [string, Recommendation[]][] };
    this.queue.load(s.queue);
    this.recommendations = new Map(s.recommendations);
  }
}
