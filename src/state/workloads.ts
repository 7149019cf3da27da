/**
 * What the graph and the inspector say about StatefulSets, DaemonSets and Jobs, in kubectl's
 * words: a Job's STATUS and COMPLETIONS (`printJob`, k8s-semantics §9.4) and a StatefulSet's pods
 * by ordinal (§7.1).
 */
import type { StatefulSet } from 'kubernetes-types/apps/v1';
import type { Job, JobCondition } from 'kubernetes-types/batch/v1';
import type { Pod, Service } from 'kubernetes-types/core/v1';
import { humanDuration } from './age';
import { podStatus, type StatusTone } from './pod-status';

function isTrue(conditions: readonly JobCondition[] | undefined, type: string): boolean {
  return conditions?.some((c) => c.type === type && c.status === 'True') ?? false;
}

/** kubectl's Job STATUS column (v1.30+), in the order `printJob` checks the conditions. */
export function jobStatus(job: Job): string {
  const conditions = job.status?.conditions;
  if (isTrue(conditions, 'Complete')) return 'Complete';
  if (isTrue(conditions, 'Failed')) return 'Failed';
  if (job.metadata?.deletionTimestamp) return 'Terminating';
  if (isTrue(conditions, 'Suspended')) return 'Suspended';
  if (isTrue(conditions, 'FailureTarget')) return 'FailureTarget';
  if (isTrue(conditions, 'SuccessCriteriaMet')) return 'SuccessCriteriaMet';
  return 'Running';
}

/** The colour family of a Job STATUS: finished well, broke, or still under way. */
export function jobTone(status: string): StatusTone {
  if (status === 'Complete' || status === 'SuccessCriteriaMet') return 'completed';
  if (status === 'Failed' || status === 'FailureTarget') return 'failed';
  if (status === 'Terminating') return 'terminating';
  return 'progress';
}

/** kubectl's COMPLETIONS: "1/3"; "0/1" for a work queue; "0/1 of 4" for a work queue run 4 wide. */
export function jobCompletions(job: Job): string {
  const succeeded = job.status?.succeeded ?? 0;
  const completions = job.spec?.completions;
  if (completions !== undefined && completions !== null) return `${succeeded}/${completions}`;
  const parallelism = job.spec?.parallelism ?? 1;
  return parallelism > 1 ? `${succeeded}/1 of ${parallelism}` : `${succeeded}/1`;
}

/** kubectl's DURATION: from startTime to completionTime, or to now while it runs; "" before it starts. */
export function jobDuration(job: Job, nowMs: number): string {
  const start = job.status?.startTime;
  if (!start) return '';
  const end = job.status?.completionTime;
  return humanDuration((end ? Date.parse(end) : nowMs) - Date.parse(start));
}

/** The ordinal in a StatefulSet pod's name, `<sts>-<ordinal>`; undefined for any other name. */
export function podOrdinal(setName: string, podName: string): number | undefined {
  if (!podName.startsWith(`${setName}-`)) return undefined;
  const rest = podName.slice(setName.length + 1);
  return /^(0|[1-9]\d*)$/.test(rest) ? Number(rest) : undefined;
}

export interface OrdinalSlot {
  ordinal: number;
  /** The pod's name, also when it does not exist yet. */
  name: string;
  /** Its STATUS, or undefined while the controller has not created it. */
  status?: string;
  tone?: StatusTone;
  /** An ordinal at or above `replicas`: the controller removes it on scale-down. */
  condemned: boolean;
}

/**
 * One slot per ordinal the StatefulSet wants (`ordinals.start` … + replicas − 1), plus the
 * condemned ones whose pods still exist, in ordinal order.
 */
export function ordinalSlots(set: StatefulSet, pods: readonly Pod[]): OrdinalSlot[] {
  const name = set.metadata?.name ?? '';
  const start = set.spec?.ordinals?.start ?? 0;
  const replicas = set.spec?.replicas ?? 1;
  const byOrdinal = new Map<number, Pod>();
  for (const pod of pods) {
    const ordinal = podOrdinal(name, pod.metadata?.name ?? '');
    if (ordinal !== undefined) byOrdinal.set(ordinal, pod);
  }
  const ordinals = new Set<number>();
  for (let i = 0; i < replicas; i++) ordinals.add(start + i);
  for (const ordinal of byOrdinal.keys()) ordinals.add(ordinal);
  return [...ordinals]
    .sort((a, b) => a - b)
    .map((ordinal) => {
      const pod = byOrdinal.get(ordinal);
      const summary = pod && podStatus(pod, 0);
      return {
        ordinal,
        name: `${name}-${ordinal}`,
        status: summary?.status,
        tone: summary?.tone,
        condemned: ordinal < start || ordinal >= start + replicas,
      };
    });
}

/**
 * A StatefulSet pod's stable DNS name, `<pod>.<serviceName>.<ns>.svc.cluster.local`: cluster DNS
 * serves it only while `spec.serviceName` names a headless Service (clusterIP None) in the namespace.
 */
export function statefulPodDnsName(pod: Pod, set: StatefulSet, service: Service | undefined): string | undefined {
  const serviceName = set.spec?.serviceName;
  if (!serviceName || !service || service.metadata?.name !== serviceName || service.spec?.clusterIP !== 'None') return undefined;
  return `${pod.metadata?.name ?? ''}.${serviceName}.${pod.metadata?.namespace ?? 'default'}.svc.cluster.local`;
}
