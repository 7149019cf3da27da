import type { CronJob, Job } from '../api/types';
import { ApiError } from '../api/errors';
import { clone, controllerOf, objectKey, parseKey, type KubeObject } from '../api/object';
import type { WatchEvent } from '../api/store';
import { parseSchedule, rfc3339In, timeZoneProblem, type Schedule } from '../batch/schedule';
import { rfc1123z } from '../kubectl/duration';
import { EPOCH_MS, fromRfc3339, rfc3339 } from '../time';
import { Controller, type ControllerContext } from './controller';
import { isJobFinished } from './job';
import { controllerRefTo } from './replicaset';

export const SCHEDULED_TIMESTAMP = 'batch.kubernetes.io/cronjob-scheduled-timestamp';
/** nextScheduleDelta: the controller wakes this long after a scheduled time. */
export const NEXT_SCHEDULE_DELTA_MS = 100;
const TOO_MANY_MISSED = 100;

type ObjectReference = NonNullable<NonNullable<CronJob['status']>['active']>[number];

/** Virtual ms ⇄ wall-clock ms: cron times are wall-clock, the cluster counts from EPOCH_MS. */
const wall = (virtual: number) => EPOCH_MS + virtual;
const virtual = (wallMs: number) => wallMs - EPOCH_MS;

/** The CronJob's schedule in its time zone (UTC when unset, the controller manager's zone). */
export function cronSchedule(cj: CronJob): Schedule | undefined {
  try {
    return parseSchedule(cj.spec!.schedule, cj.spec!.timeZone ?? 'UTC');
  } catch {
    return undefined;
  }
}

/**
 * mostRecentScheduleTime: the latest activation in (earliest, now], where earliest is the last
 * schedule time (or creation, or now − startingDeadlineSeconds), and roughly how many were missed.
 */
function mostRecentScheduleTime(cj: CronJob, now: number, schedule: Schedule, withDeadline: boolean): { earliest: number; mostRecent?: number; missed: number } {
  let earliest = wall(fromRfc3339(cj.status?.lastScheduleTime ?? cj.metadata!.creationTimestamp!));
  const deadline = cj.spec?.startingDeadlineSeconds;
  if (withDeadline && deadline !== undefined) earliest = Math.max(earliest, wall(now) - deadline * 1000);
  const t1 = schedule.next(earliest);
  const t2 = schedule.next(t1);
  const nowWall = wall(now);
  if (nowWall < t1) return { earliest, missed: 0 };
  if (nowWall < t2) return { earliest, mostRecent: t1, missed: 0 };
  const interval = Math.round((t2 - t1) / 1000);
  const missed = Math.floor((nowWall - t1) / 1000 / interval) + 1;
  let mostRecent = t1;
  for (let t = schedule.next(t1 + (missed - 2) * interval * 1000); t <= nowWall; t = schedule.next(t)) mostRecent = t;
  return { earliest, mostRecent, missed };
}

/** When the CronJob next creates a Job, in virtual ms; undefined when suspended or unschedulable. */
export function nextCronRun(cj: CronJob, now: number): number | undefined {
  const schedule = cronSchedule(cj);
  if (!schedule || cj.spec?.suspend) return undefined;
  return virtual(schedule.next(wall(now)));
}

/**
 * pkg/controller/cronjob (ControllerV2; k8s-semantics §9.5): creates a Job named after the
 * scheduled minute for the most recent unmet schedule time, honours concurrencyPolicy and
 * startingDeadlineSeconds, keeps the history limits, and requeues itself for the next time.
 */
export class CronJobController extends Controller {
  constructor(ctx: ControllerContext) {
    super('cronjob-controller', ctx);
  }

  onEvent({ object, old }: WatchEvent): void {
    if (object.kind === 'CronJob') {
      this.enqueue(objectKey('CronJob', object.metadata.namespace, object.metadata.name!));
      return;
    }
    if (object.kind !== 'Job') return;
    for (const job of [object, old]) {
      const ref = job && controllerOf(job);
      if (ref?.kind === 'CronJob') this.enqueue(objectKey('CronJob', object.metadata.namespace, ref.name));
    }
  }

  protected sync(key: string): void {
    const { namespace, name } = parseKey(key);
    const stored = this.ctx.api.get('CronJob', namespace, name) as CronJob | undefined;
    if (!stored) return;
    const cj = clone(stored);
    cj.status ??= {};
    const jobs = this.ctx.api.dependents(cj.metadata!.uid!).filter((o) => o.kind === 'Job' && controllerOf(o)?.uid === cj.metadata!.uid) as Job[];
    const before = JSON.stringify(stored.status ?? {});
    this.cleanupFinishedJobs(cj, jobs);
    const requeue = this.syncCronJob(cj, jobs);
    if (JSON.stringify(cj.status) !== before) this.ctx.api.updateStatus(cj as KubeObject, this.name);
    if (requeue !== undefined) this.enqueue(key, requeue);
  }

  /** syncCronJob: returns ms until the next look, or undefined to wait for a change. */
  private syncCronJob(cj: CronJob, jobs: Job[]): number | undefined {
    const now = this.ctx.clock.now();
    const status = cj.status!;
    const children = new Set(jobs.map((j) => j.metadata!.uid));
    for (const job of jobs) {
      const inActive = status.active?.some((r) => r.uid === job.metadata!.uid);
      if (inActive && isJobFinished(job)) {
        const finished = job.status!.conditions!.find((c) => (c.type === 'Complete' || c.type === 'Failed') && c.status === 'True')!;
        this.removeActive(cj, job.metadata!.uid!);
        this.record(cj, 'Normal', 'SawCompletedJob', `Saw completed job: ${job.metadata!.name}, status: ${finished.type}`);
      }
      if (job.status?.completionTime && job.status.conditions?.some((c) => c.type === 'Complete' && c.status === 'True')) {
        const last = status.lastSuccessfulTime;
        if (!last || fromRfc3339(job.status.completionTime) > fromRfc3339(last)) status.lastSuccessfulTime = job.status.completionTime;
      }
    }
    for (const ref of [...(status.active ?? [])]) {
      if (children.has(ref.uid)) continue;
      this.record(cj, 'Normal', 'MissingJob', `Active job went missing: ${ref.name}`);
      this.removeActive(cj, ref.uid!);
    }
    if (cj.metadata!.deletionTimestamp) return undefined;
    const zone = cj.spec!.timeZone;
    if (zone !== undefined) {
      const problem = timeZoneProblem(zone);
      if (problem) {
        this.record(cj, 'Warning', 'UnknownTimeZone', `invalid timeZone: ${JSON.stringify(zone)}: ${problem}`);
        return undefined;
      }
    }
    if (cj.spec!.suspend) return undefined;
    const schedule = cronSchedule(cj);
    if (!schedule) return undefined;
    const requeue = () => this.untilNext(cj, now, schedule);

    const { mostRecent, missed } = mostRecentScheduleTime(cj, now, schedule, true);
    if (mostRecent === undefined || mostRecent > wall(now)) return requeue();
    if (missed > TOO_MANY_MISSED) {
      this.record(cj, 'Warning', 'TooManyMissedTimes', 'too many missed start times. Set or decrease .spec.startingDeadlineSeconds or check clock skew');
    }
    const deadline = cj.spec!.startingDeadlineSeconds;
    if (deadline !== undefined && mostRecent + deadline * 1000 < wall(now)) {
      this.record(cj, 'Warning', 'MissSchedule', `Missed scheduled time to start a job: ${rfc1123z(rfc3339(virtual(mostRecent)))}`);
      return requeue();
    }
    const jobName = `${cj.metadata!.name}-${Math.floor(mostRecent / 60_000)}`;
    const lastScheduled = status.lastScheduleTime ? wall(fromRfc3339(status.lastScheduleTime)) : undefined;
    if (status.active?.some((r) => r.name === jobName) || lastScheduled === mostRecent) return requeue();
    if (cj.spec!.concurrencyPolicy === 'Forbid' && (status.active?.length ?? 0) > 0) {
      // lastScheduleTime stays put, so the slot still runs, late, once the active Job ends.
      this.record(cj, 'Normal', 'JobAlreadyActive', 'Not starting job because prior execution is running and concurrency policy is Forbid');
      return requeue();
    }
    if (cj.spec!.concurrencyPolicy === 'Replace') {
      for (const ref of [...(status.active ?? [])]) {
        const job = this.ctx.api.get('Job', ref.namespace, ref.name!) as Job | undefined;
        if (job && !this.deleteJob(cj, job)) return undefined;
      }
    }
    let job: Job;
    try {
      job = this.ctx.api.create(this.jobFromTemplate(cj, jobName, mostRecent), this.name) as Job;
      this.record(cj, 'Normal', 'SuccessfulCreate', `Created job ${job.metadata!.name}`);
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      if (err.reason !== 'AlreadyExists') {
        this.record(cj, 'Warning', 'FailedCreate', `Error creating job: ${err.message}`);
        return undefined;
      }
      const existing = this.ctx.api.get('Job', cj.metadata!.namespace, jobName) as Job;
      if (controllerOf(existing as KubeObject)?.uid !== cj.metadata!.uid || status.active?.some((r) => r.uid === existing.metadata!.uid)) return undefined;
      job = existing;
    }
    status.active = [...(status.active ?? []), this.refTo(job)];
    status.lastScheduleTime = rfc3339(virtual(mostRecent));
    return requeue();
  }

  /** nextScheduleTimeDuration: the next activation after the most recent one (or `earliest`), plus the delta. */
  private untilNext(cj: CronJob, now: number, schedule: Schedule): number {
    const { earliest, mostRecent } = mostRecentScheduleTime(cj, now, schedule, false);
    return virtual(schedule.next(mostRecent ?? earliest)) + NEXT_SCHEDULE_DELTA_MS - now;
  }

  /** getJobFromTemplate2: the template's labels and annotations, the scheduled time, and an owner reference. */
  private jobFromTemplate(cj: CronJob, name: string, scheduled: number): KubeObject {
    const template = cj.spec!.jobTemplate;
    return {
      apiVersion: 'batch/v1',
      kind: 'Job',
      metadata: {
        name,
        namespace: cj.metadata!.namespace,
        labels: clone(template.metadata?.labels) ?? {},
        annotations: { ...clone(template.metadata?.annotations), [SCHEDULED_TIMESTAMP]: rfc3339In(scheduled, cj.spec!.timeZone ?? 'UTC') },
        ownerReferences: [controllerRefTo(cj as KubeObject)],
      },
      spec: clone(template.spec),
    };
  }

  /** cleanupFinishedJobs: keep the newest successful and failed Jobs within the history limits. */
  private cleanupFinishedJobs(cj: CronJob, jobs: Job[]): void {
    const finishedAs = (job: Job, type: string) => job.status?.conditions?.some((c) => c.type === type && c.status === 'True');
    const limits: [string, number | undefined][] = [
      ['Complete', cj.spec!.successfulJobsHistoryLimit],
      ['Failed', cj.spec!.failedJobsHistoryLimit],
    ];
    for (const [type, limit] of limits) {
      if (limit === undefined) continue;
      const finished = jobs.filter((j) => finishedAs(j, type)).sort(byStartTime);
      for (const job of finished.slice(0, Math.max(0, finished.length - limit))) this.deleteJob(cj, job);
    }
  }

  /** deleteJob: the Job and, through the garbage collector, its pods; and its place in status.active. */
  private deleteJob(cj: CronJob, job: Job): boolean {
    try {
      this.ctx.api.delete('Job', job.metadata!.namespace, job.metadata!.name!, this.name, { propagationPolicy: 'Background' });
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      this.record(cj, 'Warning', 'FailedDelete', `Deleted job: ${err.message}`);
      return false;
    }
    this.removeActive(cj, job.metadata!.uid!);
    this.record(cj, 'Normal', 'SuccessfulDelete', `Deleted job ${job.metadata!.name}`);
    return true;
  }

  private removeActive(cj: CronJob, uid: string): void {
    const active = (cj.status!.active ?? []).filter((r) => r.uid !== uid);
    if (active.length) cj.status!.active = active;
    else delete cj.status!.active;
  }

  private refTo(job: Job): ObjectReference {
    return { apiVersion: 'batch/v1', kind: 'Job', name: job.metadata!.name, namespace: job.metadata!.namespace, resourceVersion: job.metadata!.resourceVersion, uid: job.metadata!.uid };
  }

  private record(cj: CronJob, type: 'Normal' | 'Warning', reason: string, message: string): void {
    this.ctx.recorder.record(cj as KubeObject, type, reason, message, { component: this.name });
  }
}

/** byJobStartTime: oldest start first, Jobs not yet started last, then by name. */
function byStartTime(a: Job, b: Job): number {
  const sa = a.status?.startTime;
  const sb = b.status?.startTime;
  if (sa && sb && sa !== sb) return fromRfc3339(sa) - fromRfc3339(sb);
  if (!sa !== !sb) return sa ? -1 : 1;
  return (a.metadata!.name ?? '').localeCompare(b.metadata!.name ?? '');
}
