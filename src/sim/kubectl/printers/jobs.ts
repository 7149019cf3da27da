/** `kubectl get jobs` and `kubectl get cronjobs` (printJob, printCronJob of v1.32; k8s-semantics §9.4, §9.5). */
import type { KubeObject } from '../../api/object';
import type { CronJob, Job } from '../../api/types';
import { fromRfc3339 } from '../../time';
import { age, humanDuration } from '../duration';
import { containerCells, formatLabelSelector } from '../format';
import type { Cell, TablePrinter } from './table';

const hasCondition = (job: Job, type: string) => job.status?.conditions?.some((c) => c.type === type && c.status === 'True') ?? false;

/** The STATUS column (v1.30+): the first that holds of Complete, Failed, Terminating, Suspended, FailureTarget, else Running. */
export function jobStatus(job: Job): string {
  if (hasCondition(job, 'Complete')) return 'Complete';
  if (hasCondition(job, 'Failed')) return 'Failed';
  if (job.metadata?.deletionTimestamp) return 'Terminating';
  if (hasCondition(job, 'Suspended')) return 'Suspended';
  if (hasCondition(job, 'FailureTarget')) return 'FailureTarget';
  return 'Running';
}

/** COMPLETIONS: succeeded/completions, or for a work queue succeeded/1, "of <parallelism>" when parallel. */
export function jobCompletions(job: Job): string {
  const succeeded = job.status?.succeeded ?? 0;
  if (job.spec?.completions !== undefined) return `${succeeded}/${job.spec.completions}`;
  const parallelism = job.spec?.parallelism ?? 0;
  return parallelism > 1 ? `${succeeded}/1 of ${parallelism}` : `${succeeded}/1`;
}

/** DURATION: from start to completion, or to now while it runs; empty before it starts. */
function jobDuration(job: Job, now: number): string {
  const start = job.status?.startTime;
  if (!start) return '';
  const end = job.status?.completionTime ? fromRfc3339(job.status.completionTime) : now;
  return humanDuration(end - fromRfc3339(start));
}

export const jobPrinter: TablePrinter = {
  kind: 'Job',
  columns: [
    { name: 'Name', priority: 0, isName: true },
    { name: 'Status', priority: 0 },
    { name: 'Completions', priority: 0 },
    { name: 'Duration', priority: 0 },
    { name: 'Age', priority: 0 },
    { name: 'Containers', priority: 1 },
    { name: 'Images', priority: 1 },
    { name: 'Selector', priority: 1 },
  ],
  row(obj: KubeObject, now: number): Cell[] {
    const job = obj as Job;
    const [containers, images] = containerCells(job.spec?.template.spec?.containers);
    return [job.metadata?.name ?? '', jobStatus(job), jobCompletions(job), jobDuration(job, now), age(job.metadata?.creationTimestamp, now), containers, images, formatLabelSelector(job.spec?.selector)];
  },
};

export const cronJobPrinter: TablePrinter = {
  kind: 'CronJob',
  columns: [
    { name: 'Name', priority: 0, isName: true },
    { name: 'Schedule', priority: 0 },
    { name: 'Timezone', priority: 0 },
    { name: 'Suspend', priority: 0 },
    { name: 'Active', priority: 0 },
    { name: 'Last Schedule', priority: 0 },
    { name: 'Age', priority: 0 },
    { name: 'Containers', priority: 1 },
    { name: 'Images', priority: 1 },
    { name: 'Selector', priority: 1 },
  ],
  row(obj: KubeObject, now: number): Cell[] {
    const cj = obj as CronJob;
    const spec = cj.spec;
    const [containers, images] = containerCells(spec?.jobTemplate.spec?.template.spec?.containers);
    const suspend = spec?.suspend === undefined ? '<unset>' : spec.suspend ? 'True' : 'False';
    const last = cj.status?.lastScheduleTime ? age(cj.status.lastScheduleTime, now) : '<none>';
    return [
      cj.metadata?.name ?? '',
      spec?.schedule ?? '',
      spec?.timeZone ?? '<none>',
      suspend,
      cj.status?.active?.length ?? 0,
      last,
      age(cj.metadata?.creationTimestamp, now),
      containers,
      images,
      formatLabelSelector(spec?.jobTemplate.spec?.selector),
    ];
  },
};
