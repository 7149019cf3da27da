/** SetDefaults_Job and SetDefaults_CronJob (batch/v1; k8s-semantics §9.1, §9.5). Pod templates are defaulted by defaults.ts. */
import type { CronJob, Job } from './types';

export function defaultJob(job: Job): void {
  const spec = job.spec;
  if (!spec) return;
  if (spec.completions === undefined && spec.parallelism === undefined) spec.completions = 1;
  spec.parallelism ??= 1;
  spec.backoffLimit ??= spec.backoffLimitPerIndex !== undefined ? 2_147_483_647 : 6;
  // A Job without labels takes its pod template's.
  const templateLabels = spec.template?.metadata?.labels;
  if (templateLabels && Object.keys(job.metadata?.labels ?? {}).length === 0) job.metadata = { ...job.metadata, labels: { ...templateLabels } };
  spec.completionMode ??= 'NonIndexed';
  spec.suspend ??= false;
  spec.podReplacementPolicy ??= spec.podFailurePolicy ? 'Failed' : 'TerminatingOrFailed';
}

export function defaultCronJob(cronJob: CronJob): void {
  const spec = cronJob.spec;
  if (!spec) return;
  spec.concurrencyPolicy ||= 'Allow';
  spec.suspend ??= false;
  spec.successfulJobsHistoryLimit ??= 3;
  spec.failedJobsHistoryLimit ??= 1;
}
