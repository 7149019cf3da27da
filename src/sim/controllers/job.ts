import type { Job, JobCondition, Pod } from '../api/types';
import { ApiError } from '../api/errors';
import { clone, controllerOf, objectKey, parseKey, type KubeObject } from '../api/object';
import { isPodReady } from '../api/pod';
import type { WatchEvent } from '../api/store';
import { fromRfc3339, rfc3339 } from '../time';
import { Controller, type ControllerContext } from './controller';
import { controllerRefTo } from './replicaset';

export const JOB_TRACKING_FINALIZER = 'batch.kubernetes.io/job-tracking';
export const COMPLETION_INDEX = 'batch.kubernetes.io/job-completion-index';
const BURST = 500;
/** Pod-failure back-off (k8s-semantics §9.2): 10 s doubling, capped at MaxJobPodFailureBackOff. */
const BACKOFF_BASE_MS = 10_000;
const BACKOFF_MAX_MS = 10 * 60_000;
const ORPHAN_PREFIX = 'orphan:';

interface Verdict {
  type: 'Complete' | 'Failed';
  reason: string;
  message: string;
}

const hasCondition = (job: Job, type: string) => job.status?.conditions?.some((c) => c.type === type && c.status === 'True') ?? false;

/** IsJobFinished: a Complete or Failed condition is True. */
export function isJobFinished(job: Job): boolean {
  return hasCondition(job, 'Complete') || hasCondition(job, 'Failed');
}

/** The time the Job finished: its Complete or Failed condition's transition. */
export function jobFinishTime(job: Job): number | undefined {
  const c = job.status?.conditions?.find((x) => (x.type === 'Complete' || x.type === 'Failed') && x.status === 'True');
  return c?.lastTransitionTime ? fromRfc3339(c.lastTransitionTime) : undefined;
}

const isTerminal = (p: Pod) => p.status?.phase === 'Succeeded' || p.status?.phase === 'Failed';

/** isPodFailed: Failed, or — unless only Failed pods are replaced — deleted before it succeeded. */
function isPodFailed(pod: Pod, job: Job): boolean {
  if (pod.status?.phase === 'Failed') return true;
  if (job.spec?.podReplacementPolicy === 'Failed') return false;
  return !!pod.metadata?.deletionTimestamp && pod.status?.phase !== 'Succeeded';
}

/** getFinishedTime: the last container exit, else the deletion time less its grace period. */
function finishedAt(pod: Pod): number | undefined {
  const times = [...(pod.status?.initContainerStatuses ?? []), ...(pod.status?.containerStatuses ?? [])]
    .map((s) => s.state?.terminated?.finishedAt)
    .filter((t): t is string => !!t)
    .map(fromRfc3339);
  if (times.length) return Math.max(...times);
  const deletion = pod.metadata?.deletionTimestamp;
  return deletion ? fromRfc3339(deletion) - (pod.metadata?.deletionGracePeriodSeconds ?? 0) * 1000 : undefined;
}

const indexOf = (pod: Pod): number | undefined => {
  const value = pod.metadata?.annotations?.[COMPLETION_INDEX];
  return value !== undefined && /^\d+$/.test(value) ? Number(value) : undefined;
};

/** "0-2,4": the compressed interval list of status.completedIndexes. */
function formatIndexes(indexes: Set<number>): string {
  const sorted = [...indexes].sort((a, b) => a - b);
  const parts: string[] = [];
  for (let i = 0; i < sorted.length; i++) {
    const start = sorted[i];
    while (i + 1 < sorted.length && sorted[i + 1] === sorted[i] + 1) i++;
    parts.push(start === sorted[i] ? `${start}` : `${start}-${sorted[i]}`);
  }
  return parts.join(',');
}

function parseIndexes(text: string | undefined): Set<number> {
  const set = new Set<number>();
  for (const part of (text ?? '').split(',').filter(Boolean)) {
    const [a, b] = part.split('-').map(Number);
    for (let i = a; i <= (b ?? a); i++) set.add(i);
  }
  return set;
}

/**
 * pkg/controller/job (k8s-semantics §9.2–9.3, v1.32 with JobPodReplacementPolicy and
 * JobSuccessPolicy on): runs pods to `completions` successes with at most `parallelism` at once,
 * counts each finished pod once by removing its tracking finalizer, backs off after failures, and
 * finishes through the interim FailureTarget / SuccessCriteriaMet conditions.
 */
export class JobController extends Controller {
  constructor(ctx: ControllerContext) {
    super('job-controller', ctx);
  }

  onEvent({ object, old }: WatchEvent): void {
    if (object.kind === 'Job') {
      this.enqueue(objectKey('Job', object.metadata.namespace, object.metadata.name!));
      return;
    }
    if (object.kind !== 'Pod') return;
    for (const pod of [object, old]) {
      const ref = pod && controllerOf(pod);
      if (ref?.kind === 'Job') this.enqueue(objectKey('Job', object.metadata.namespace, ref.name));
    }
    if (!object.metadata.finalizers?.includes(JOB_TRACKING_FINALIZER)) return;
    const ref = controllerOf(object);
    const job = ref && (this.ctx.api.getByUid(ref.uid) as Job | undefined);
    if (!job || isJobFinished(job)) this.enqueue(ORPHAN_PREFIX + objectKey('Pod', object.metadata.namespace, object.metadata.name!));
  }

  protected sync(key: string): void {
    if (key.startsWith(ORPHAN_PREFIX)) {
      this.syncOrphanPod(key.slice(ORPHAN_PREFIX.length));
      return;
    }
    const { namespace, name } = parseKey(key);
    const job = this.ctx.api.get('Job', namespace, name) as Job | undefined;
    if (!job || isJobFinished(job)) return;
    this.syncJob(job, key);
  }

  /** A tracked pod whose Job is gone or finished is not counted any more: let it go. */
  private syncOrphanPod(podKey: string): void {
    const { namespace, name } = parseKey(podKey);
    const pod = this.ctx.api.get('Pod', namespace, name);
    const ref = pod && controllerOf(pod);
    if (!pod || !pod.metadata.finalizers?.includes(JOB_TRACKING_FINALIZER)) return;
    const job = ref && (this.ctx.api.getByUid(ref.uid) as Job | undefined);
    if (!job || isJobFinished(job)) this.ctx.api.removeFinalizer(pod, JOB_TRACKING_FINALIZER, this.name);
  }

  private syncJob(job: Job, key: string): void {
    const now = this.ctx.clock.now();
    const spec = job.spec!;
    const indexed = spec.completionMode === 'Indexed';
    const suspended = !!spec.suspend;
    const status = clone(job.status ?? {});
    const conditions: JobCondition[] = status.conditions ?? [];
    const pods = this.ctx.api.dependents(job.metadata!.uid!).filter((o) => o.kind === 'Pod' && controllerOf(o)?.uid === job.metadata!.uid) as Pod[];
    const tracked = (p: Pod) => p.metadata?.finalizers?.includes(JOB_TRACKING_FINALIZER);

    // A Job that reached its interim condition only waits for its pods to go (delayTerminalCondition).
    const interim = conditions.find((c) => (c.type === 'FailureTarget' || c.type === 'SuccessCriteriaMet') && c.status === 'True');
    let verdict: Verdict | undefined = interim && { type: interim.type === 'FailureTarget' ? 'Failed' : 'Complete', reason: interim.reason ?? '', message: interim.message ?? '' };
    if (!status.startTime && !suspended) status.startTime = rfc3339(now);

    let active = pods.filter((p) => !isTerminal(p) && !p.metadata?.deletionTimestamp);
    let terminating = pods.filter((p) => !isTerminal(p) && !!p.metadata?.deletionTimestamp).length;
    const completed = parseIndexes(status.completedIndexes);
    const countSucceeded = (list: Pod[]) => {
      for (const p of list) {
        const i = indexOf(p);
        if (i !== undefined && i < (spec.completions ?? 0)) completed.add(i);
      }
      return indexed ? completed.size : (status.succeeded ?? 0) + list.length;
    };
    const newlySucceeded = pods.filter((p) => tracked(p) && p.status?.phase === 'Succeeded');
    const newlyFailed = pods.filter((p) => tracked(p) && p.status?.phase !== 'Succeeded' && isPodFailed(p, job));
    const succeeded = countSucceeded(newlySucceeded);
    let failed = (status.failed ?? 0) + newlyFailed.length;

    if (!verdict) {
      if (failed > (spec.backoffLimit ?? 6) || this.pastBackoffLimitOnFailure(job, active)) {
        verdict = { type: 'Failed', reason: 'BackoffLimitExceeded', message: 'Job has reached the specified backoff limit' };
      } else if (this.pastActiveDeadline(job, status.startTime, now)) {
        verdict = { type: 'Failed', reason: 'DeadlineExceeded', message: 'Job was active longer than specified deadline' };
      } else if (spec.activeDeadlineSeconds !== undefined && !suspended && status.startTime) {
        this.enqueue(key, fromRfc3339(status.startTime) + spec.activeDeadlineSeconds * 1000 - now);
      }
    }

    const toRelease = [...newlySucceeded, ...newlyFailed];
    if (verdict?.type === 'Failed') {
      // A failing Job stops its running pods; each counts as failed (every unfinished pod does).
      for (const pod of active) this.deletePod(job, pod);
      terminating += active.length;
      failed += active.filter(tracked).length;
      toRelease.push(...active.filter(tracked));
      active = [];
    } else if (!verdict) {
      // A Job being deleted makes no more pods: the garbage collector is taking them.
      if (!job.metadata?.deletionTimestamp) active = this.manageJob(job, key, pods, active, succeeded, completed, now);
      const complete = spec.completions === undefined ? succeeded > 0 && active.length === 0 : succeeded >= spec.completions && active.length === 0;
      if (complete) verdict = { type: 'Complete', reason: 'CompletionsReached', message: 'Reached expected number of succeeded pods' };
      else this.updateSuspended(job, conditions, status, now);
    }

    let finishedNow: Verdict | undefined;
    if (verdict) {
      const interimType = verdict.type === 'Failed' ? 'FailureTarget' : 'SuccessCriteriaMet';
      if (!conditions.some((c) => c.type === interimType)) conditions.push(this.condition(interimType, verdict.reason, verdict.message, now));
      // The final condition waits until no pod of the Job is still terminating.
      if (terminating === 0) {
        conditions.push(this.condition(verdict.type, verdict.reason, verdict.message, now));
        if (verdict.type === 'Complete') status.completionTime = rfc3339(now);
        finishedNow = verdict;
      }
    }

    const next = {
      ...status,
      ...(conditions.length ? { conditions } : {}),
      active: active.length || undefined,
      ready: active.filter(isPodReady).length,
      succeeded: succeeded || undefined,
      failed: failed || undefined,
      terminating,
      uncountedTerminatedPods: {},
      ...(indexed ? { completedIndexes: formatIndexes(completed) } : {}),
    };
    for (const field of ['active', 'succeeded', 'failed'] as const) if (next[field] === undefined) delete next[field];
    this.ctx.api.updateStatus({ ...(job as KubeObject), status: next }, this.name);
    // Counted in the status written above: the pods may go now.
    for (const pod of toRelease) this.ctx.api.removeFinalizer(pod as KubeObject, JOB_TRACKING_FINALIZER, this.name);
    if (finishedNow?.type === 'Complete') this.record(job, 'Normal', 'Completed', 'Job completed');
    else if (finishedNow) this.record(job, 'Warning', finishedNow.reason, finishedNow.message);
  }

  /** restartPolicy OnFailure: the kubelet restarts in place, and the restarts count toward backoffLimit. */
  private pastBackoffLimitOnFailure(job: Job, active: Pod[]): boolean {
    if (job.spec?.template.spec?.restartPolicy !== 'OnFailure') return false;
    let restarts = 0;
    for (const pod of active) {
      if (pod.status?.phase !== 'Running' && pod.status?.phase !== 'Pending') continue;
      for (const s of [...(pod.status.initContainerStatuses ?? []), ...(pod.status.containerStatuses ?? [])]) restarts += s.restartCount;
    }
    const limit = job.spec.backoffLimit ?? 6;
    return limit === 0 ? restarts > 0 : restarts >= limit;
  }

  private pastActiveDeadline(job: Job, startTime: string | undefined, now: number): boolean {
    const deadline = job.spec?.activeDeadlineSeconds;
    if (deadline === undefined || !startTime || job.spec?.suspend) return false;
    return now - fromRfc3339(startTime) >= deadline * 1000;
  }

  /** The Suspended condition follows spec.suspend; resuming restarts the activeDeadlineSeconds clock. */
  private updateSuspended(job: Job, conditions: JobCondition[], status: NonNullable<Job['status']>, now: number): void {
    const current = conditions.find((c) => c.type === 'Suspended');
    if (job.spec?.suspend) {
      if (current?.status === 'True') return;
      const next = this.condition('Suspended', 'JobSuspended', 'Job suspended', now);
      if (current) Object.assign(current, next);
      else conditions.push(next);
      this.record(job, 'Normal', 'Suspended', 'Job suspended');
    } else if (current?.status === 'True') {
      Object.assign(current, { ...this.condition('Suspended', 'JobResumed', 'Job resumed', now), status: 'False' });
      status.startTime = rfc3339(now);
      this.record(job, 'Normal', 'Resumed', 'Job resumed');
    }
  }

  /** manageJob: deletes surplus pods and creates missing ones; returns the active pods after. */
  private manageJob(job: Job, key: string, pods: Pod[], active: Pod[], succeeded: number, completed: Set<number>, now: number): Pod[] {
    const spec = job.spec!;
    if (spec.suspend) {
      for (const pod of active) this.deletePod(job, pod);
      return [];
    }
    const parallelism = spec.parallelism ?? 1;
    const wantActive = spec.completions === undefined ? (succeeded > 0 ? active.length : parallelism) : Math.max(0, Math.min(spec.completions - succeeded, parallelism));
    // Under podReplacementPolicy Failed a terminating pod still holds its place.
    const holding = spec.podReplacementPolicy === 'Failed' ? pods.filter((p) => !isTerminal(p) && !!p.metadata?.deletionTimestamp).length : 0;
    const surplus = active.length + holding - wantActive;
    if (surplus > 0) {
      // Pending pods first, then the youngest (activePodsForRemoval's ranking, in short).
      const victims = [...active]
        .sort((a, b) => Number(a.status?.phase === 'Running') - Number(b.status?.phase === 'Running') || fromRfc3339(b.metadata!.creationTimestamp!) - fromRfc3339(a.metadata!.creationTimestamp!))
        .slice(0, Math.min(surplus, BURST));
      for (const pod of victims) this.deletePod(job, pod);
      return active.filter((p) => !victims.includes(p));
    }
    const deficit = Math.min(-surplus, BURST);
    if (deficit <= 0) return active;
    const wait = this.backoffRemaining(job, pods, now);
    if (wait > 0) {
      this.enqueue(key, wait);
      return active;
    }
    const indexes = spec.completionMode === 'Indexed' ? this.missingIndexes(spec.completions ?? 0, completed, active, deficit) : undefined;
    return [...active, ...this.createPods(job, deficit, indexes)];
  }

  /** Back-off before replacing failed pods: 10 s·2^(k-1) after the k-th failure since the last success. */
  private backoffRemaining(job: Job, pods: Pod[], now: number): number {
    const lastSuccess = Math.max(-Infinity, ...pods.filter((p) => p.status?.phase === 'Succeeded').map((p) => finishedAt(p) ?? -Infinity));
    const failures = pods
      .filter((p) => isPodFailed(p, job))
      .map((p) => finishedAt(p) ?? now)
      .filter((t) => t > lastSuccess);
    if (failures.length === 0) return 0;
    const delay = Math.min(BACKOFF_BASE_MS * 2 ** (failures.length - 1), BACKOFF_MAX_MS);
    return Math.max(0, Math.max(...failures) + delay - now);
  }

  /** The lowest indexes neither completed nor running. */
  private missingIndexes(completions: number, completed: Set<number>, active: Pod[], count: number): number[] {
    const running = new Set(active.map(indexOf));
    const missing: number[] = [];
    for (let i = 0; i < completions && missing.length < count; i++) if (!completed.has(i) && !running.has(i)) missing.push(i);
    return missing;
  }

  /** Slow start: batches of 1, 2, 4… stopping at the first error (k-semantics §9.2). */
  private createPods(job: Job, count: number, indexes: number[] | undefined): Pod[] {
    const created: Pod[] = [];
    const total = indexes ? indexes.length : count;
    for (let batch = 1; created.length < total; batch *= 2) {
      const size = Math.min(batch, total - created.length);
      for (let i = 0; i < size; i++) {
        try {
          const pod = this.ctx.api.create(this.podFromTemplate(job, indexes?.[created.length]), this.name) as Pod;
          this.record(job, 'Normal', 'SuccessfulCreate', `Created pod: ${pod.metadata!.name}`);
          created.push(pod);
        } catch (err) {
          if (!(err instanceof ApiError)) throw err;
          this.record(job, 'Warning', 'FailedCreate', `Error creating: ${err.message}`);
          return created;
        }
      }
    }
    return created;
  }

  private podFromTemplate(job: Job, index: number | undefined): KubeObject {
    const template = job.spec!.template;
    const name = job.metadata!.name!;
    const spec = clone(template.spec)!;
    const labels = clone(template.metadata?.labels) ?? {};
    const annotations = clone(template.metadata?.annotations) ?? {};
    if (index !== undefined) {
      // Indexed pods (§9.1): the index as annotation and label, a stable hostname, and JOB_COMPLETION_INDEX.
      annotations[COMPLETION_INDEX] = String(index);
      labels[COMPLETION_INDEX] = String(index);
      spec.hostname = `${name}-${index}`;
      for (const c of [...(spec.initContainers ?? []), ...spec.containers]) {
        c.env = [...(c.env ?? []), { name: 'JOB_COMPLETION_INDEX', valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath: `metadata.annotations['${COMPLETION_INDEX}']` } } }];
      }
    }
    return {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: {
        generateName: index === undefined ? `${name}-` : `${name}-${index}-`,
        namespace: job.metadata!.namespace,
        labels,
        ...(Object.keys(annotations).length ? { annotations } : {}),
        ownerReferences: [controllerRefTo(job as KubeObject)],
        finalizers: [JOB_TRACKING_FINALIZER],
      },
      spec,
    };
  }

  private deletePod(job: Job, pod: Pod): void {
    try {
      this.ctx.api.delete('Pod', pod.metadata!.namespace, pod.metadata!.name!, this.name);
      this.record(job, 'Normal', 'SuccessfulDelete', `Deleted pod: ${pod.metadata!.name}`);
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      this.record(job, 'Warning', 'FailedDelete', `Error deleting: ${err.message}`);
    }
  }

  private condition(type: string, reason: string, message: string, now: number): JobCondition {
    const time = rfc3339(now);
    return { type, status: 'True', reason, message, lastProbeTime: time, lastTransitionTime: time };
  }

  private record(job: Job, type: 'Normal' | 'Warning', reason: string, message: string): void {
    this.ctx.recorder.record(job as KubeObject, type, reason, message, { component: this.name });
  }
}
