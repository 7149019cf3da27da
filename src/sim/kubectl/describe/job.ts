/** `kubectl describe job` and `kubectl describe cronjob` (describeJob, describeCronJob of kubectl v1.32). */
import type { KubeObject } from '../../api/object';
import type { ApiServer } from '../../api/server';
import type { CronJob, Job, JobSpec } from '../../api/types';
import { scheduleInWords } from '../../batch/schedule-words';
import { fromRfc3339 } from '../../time';
import { humanDuration, rfc1123z } from '../duration';
import { selectorString } from '../format';
import { describePodTemplate } from './containers';
import { controllerText, DescribeWriter, eventsFor, writeAnnotations, writeEvents, writeLabels } from './writer';

/** capIndexesListOrNone: the completed indexes, cut after the interval that crosses 50 characters. */
function capIndexes(indexes: string | undefined): string {
  if (!indexes) return '<none>';
  const cut = indexes.indexOf(',', 50);
  return indexes.length <= 50 || cut < 0 ? indexes : `${indexes.slice(0, cut + 1)}...`;
}

export function describeJob(api: ApiServer, obj: KubeObject, now: number): string {
  const job = obj as Job;
  const spec = job.spec;
  const status = job.status;
  const w = new DescribeWriter();
  w.write(0, `Name:\t${job.metadata?.name ?? ''}\n`);
  w.write(0, `Namespace:\t${job.metadata?.namespace ?? ''}\n`);
  w.write(0, `Selector:\t${selectorString(spec?.selector)}\n`);
  writeLabels(w, 'Labels', job.metadata?.labels);
  writeAnnotations(w, 'Annotations', job.metadata?.annotations);
  const controller = controllerText(obj);
  if (controller) w.write(0, `Controlled By:\t${controller}\n`);
  if (spec?.parallelism !== undefined) w.write(0, `Parallelism:\t${spec.parallelism}\n`);
  w.write(0, `Completions:\t${spec?.completions ?? '<unset>'}\n`);
  if (spec?.completionMode) w.write(0, `Completion Mode:\t${spec.completionMode}\n`);
  if (spec?.suspend !== undefined) w.write(0, `Suspend:\t${spec.suspend}\n`);
  if (spec?.backoffLimit !== undefined) w.write(0, `Backoff Limit:\t${spec.backoffLimit}\n`);
  if (spec?.ttlSecondsAfterFinished !== undefined) w.write(0, `TTL Seconds After Finished:\t${spec.ttlSecondsAfterFinished}\n`);
  if (status?.startTime) w.write(0, `Start Time:\t${rfc1123z(status.startTime)}\n`);
  if (status?.completionTime) w.write(0, `Completed At:\t${rfc1123z(status.completionTime)}\n`);
  if (status?.startTime && status.completionTime) w.write(0, `Duration:\t${humanDuration(fromRfc3339(status.completionTime) - fromRfc3339(status.startTime))}\n`);
  if (spec?.activeDeadlineSeconds !== undefined) w.write(0, `Active Deadline Seconds:\t${spec.activeDeadlineSeconds}s\n`);
  const counts = `${status?.succeeded ?? 0} Succeeded / ${status?.failed ?? 0} Failed`;
  if (status?.ready === undefined) w.write(0, `Pods Statuses:\t${status?.active ?? 0} Active / ${counts}\n`);
  else w.write(0, `Pods Statuses:\t${status.active ?? 0} Active (${status.ready} Ready) / ${counts}\n`);
  if (spec?.completionMode === 'Indexed') w.write(0, `Completed Indexes:\t${capIndexes(status?.completedIndexes)}\n`);
  describePodTemplate(w, spec?.template);
  writeEvents(w, eventsFor(api, obj, { matchKind: true }), now);
  return w.toString();
}

/** describeJobTemplate: what each Job of the CronJob will be. */
function describeJobTemplate(w: DescribeWriter, spec: JobSpec | undefined): void {
  w.write(0, `Selector:\t${spec?.selector ? selectorString(spec.selector) : '<unset>'}\n`);
  w.write(0, `Parallelism:\t${spec?.parallelism ?? '<unset>'}\n`);
  w.write(0, `Completions:\t${spec?.completions ?? '<unset>'}\n`);
  if (spec?.activeDeadlineSeconds !== undefined) w.write(0, `Active Deadline Seconds:\t${spec.activeDeadlineSeconds}s\n`);
  describePodTemplate(w, spec?.template);
}

export function describeCronJob(api: ApiServer, obj: KubeObject, now: number): string {
  const cj = obj as CronJob;
  const spec = cj.spec;
  const w = new DescribeWriter();
  w.write(0, `Name:\t${cj.metadata?.name ?? ''}\n`);
  w.write(0, `Namespace:\t${cj.metadata?.namespace ?? ''}\n`);
  writeLabels(w, 'Labels', cj.metadata?.labels);
  writeAnnotations(w, 'Annotations', cj.metadata?.annotations);
  w.write(0, `Schedule:\t${spec?.schedule ?? ''}\n`);
  // kubesim's own line (docs/SIMPLIFICATIONS.md): the schedule read out, in its time zone.
  const words = spec?.schedule ? scheduleInWords(spec.schedule) : undefined;
  if (words) w.write(0, `Schedule In Words:\t${words} (${spec?.timeZone ?? 'UTC'})\n`);
  w.write(0, `Concurrency Policy:\t${spec?.concurrencyPolicy ?? ''}\n`);
  w.write(0, `Suspend:\t${spec?.suspend === undefined ? '<unset>' : spec.suspend ? 'True' : 'False'}\n`);
  w.write(0, `Successful Job History Limit:\t${spec?.successfulJobsHistoryLimit ?? '<unset>'}\n`);
  w.write(0, `Failed Job History Limit:\t${spec?.failedJobsHistoryLimit ?? '<unset>'}\n`);
  w.write(0, `Starting Deadline Seconds:\t${spec?.startingDeadlineSeconds === undefined ? '<unset>' : `${spec.startingDeadlineSeconds}s`}\n`);
  describeJobTemplate(w, spec?.jobTemplate.spec);
  const last = cj.status?.lastScheduleTime;
  w.write(0, `Last Schedule Time:\t${last ? rfc1123z(last) : '<unset>'}\n`);
  const active = cj.status?.active ?? [];
  w.write(0, `Active Jobs:\t${active.length ? active.map((r) => r.name).join(', ') : '<none>'}\n`);
  writeEvents(w, eventsFor(api, obj, { matchKind: true }), now);
  return w.toString();
}
