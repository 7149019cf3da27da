/** ValidateJob and ValidateCronJob (pkg/apis/batch/validation; k8s-semantics §9.1, §9.5), with the apiserver's messages. */
import type { CronJob, Job, JobSpec } from '../types';
import type { FieldError } from '../errors';
import { goLabelSelector, goStringMap, goValue } from '../gosyntax';
import { selectorMatches } from '../labels';
import { scheduleProblem, timeZoneProblem } from '../../batch/schedule';
import { deepEqual } from '../../util/equal';
import { validateLabels } from './meta';
import { nameProblems } from './names';
import { validatePodSpec } from './pod';

/** The cronjob controller appends "-" and 8+ digits to make a Job name, which must stay within 63. */
const MAX_CRONJOB_NAME = 52;

function nonNegative(value: number | undefined, field: string, errors: FieldError[]): void {
  if (value !== undefined && value < 0) errors.push({ field, message: `Invalid value: ${value}: must be greater than or equal to 0` });
}

/** validateJobSpec: counts, modes and the pod template, whose restartPolicy must be OnFailure or Never. */
function validateJobSpec(spec: JobSpec, path: string, errors: FieldError[]): void {
  nonNegative(spec.parallelism, `${path}.parallelism`, errors);
  nonNegative(spec.completions, `${path}.completions`, errors);
  nonNegative(spec.activeDeadlineSeconds, `${path}.activeDeadlineSeconds`, errors);
  nonNegative(spec.backoffLimit, `${path}.backoffLimit`, errors);
  nonNegative(spec.ttlSecondsAfterFinished, `${path}.ttlSecondsAfterFinished`, errors);
  const mode = spec.completionMode;
  if (mode !== undefined && mode !== 'NonIndexed' && mode !== 'Indexed') {
    errors.push({ field: `${path}.completionMode`, message: `Unsupported value: ${goValue(mode)}: supported values: "NonIndexed", "Indexed"` });
  }
  if (mode === 'Indexed' && spec.completions === undefined) errors.push({ field: `${path}.completions`, message: 'Required value: when completion mode is Indexed' });
  const replacement = spec.podReplacementPolicy;
  if (replacement !== undefined && replacement !== 'Failed' && replacement !== 'TerminatingOrFailed') {
    errors.push({ field: `${path}.podReplacementPolicy`, message: `Unsupported value: ${goValue(replacement)}: supported values: "Failed", "TerminatingOrFailed"` });
  }
  const template = spec.template;
  validateLabels(template?.metadata?.labels, `${path}.template.metadata.labels`, errors);
  validatePodSpec(template?.spec, `${path}.template.spec`, errors);
  // Pod templates default restartPolicy to Always, so an omitted one lands here too (§9.1).
  const policy = template?.spec?.restartPolicy;
  if (!policy || policy === 'Always') {
    errors.push({ field: `${path}.template.spec.restartPolicy`, message: 'Required value: valid values: "OnFailure", "Never"' });
  } else if (policy !== 'OnFailure' && policy !== 'Never') {
    errors.push({ field: `${path}.template.spec.restartPolicy`, message: `Unsupported value: ${goValue(policy)}: supported values: "OnFailure", "Never"` });
  }
}

export function validateJob(job: Job, old: Job | undefined, errors: FieldError[]): void {
  const spec = job.spec;
  if (!spec) {
    errors.push({ field: 'spec.selector', message: 'Required value' });
    return;
  }
  validateJobSpec(spec, 'spec', errors);
  if (!spec.selector) errors.push({ field: 'spec.selector', message: 'Required value' });
  else if (!selectorMatches(spec.selector, spec.template?.metadata?.labels)) {
    errors.push({ field: 'spec.template.metadata.labels', message: `Invalid value: ${goStringMap(spec.template?.metadata?.labels)}: \`selector\` does not match template \`labels\`` });
  }
  if (spec.completionMode === 'Indexed' && (spec.completions ?? 0) > 0) {
    const hostname = `${job.metadata?.name}-${spec.completions! - 1}`;
    if (nameProblems(hostname, 'label').length) {
      errors.push({ field: 'metadata.name', message: `Invalid value: ${goValue(job.metadata?.name)}: will not able to create pod with invalid DNS label: ${hostname}` });
    }
  }
  if (!old?.spec) return;
  // ValidateJobSpecUpdate: what a Job runs is fixed once created.
  if (spec.selector && !deepEqual(spec.selector, old.spec.selector)) {
    errors.push({ field: 'spec.selector', message: `Invalid value: ${goLabelSelector(spec.selector)}: field is immutable` });
  }
  if (spec.completionMode !== 'Indexed' && spec.completions !== old.spec.completions) {
    errors.push({ field: 'spec.completions', message: `Invalid value: ${spec.completions ?? 'null'}: field is immutable` });
  }
  if (!deepEqual(spec.template, old.spec.template)) {
    errors.push({ field: 'spec.template', message: 'Invalid value: core.PodTemplateSpec{...}: field is immutable' });
  }
}

export function validateCronJob(cronJob: CronJob, old: CronJob | undefined, errors: FieldError[]): void {
  const name = cronJob.metadata?.name ?? '';
  const spec = cronJob.spec;
  if (spec) {
    const schedule = spec.schedule;
    if (!schedule) errors.push({ field: 'spec.schedule', message: 'Required value' });
    else {
      const problem = scheduleProblem(schedule);
      if (problem) errors.push({ field: 'spec.schedule', message: `Invalid value: ${goValue(schedule)}: ${problem}` });
      // An inline zone is refused unless the stored schedule already had one (validateScheduleFormat).
      const allowTZ = old?.spec?.schedule.includes('TZ') ?? false;
      if (allowTZ && schedule.includes('TZ') && spec.timeZone !== undefined) {
        errors.push({ field: 'spec.schedule', message: `Invalid value: ${goValue(schedule)}: cannot use both timeZone field and TZ or CRON_TZ in schedule` });
      } else if (!allowTZ && schedule.includes('TZ')) {
        errors.push({ field: 'spec.schedule', message: `Invalid value: ${goValue(schedule)}: cannot use TZ or CRON_TZ in schedule, use timeZone field instead` });
      }
    }
    nonNegative(spec.startingDeadlineSeconds, 'spec.startingDeadlineSeconds', errors);
    if (spec.timeZone !== undefined && spec.timeZone !== old?.spec?.timeZone) validateTimeZone(spec.timeZone, errors);
    const policy = spec.concurrencyPolicy;
    if (!policy) errors.push({ field: 'spec.concurrencyPolicy', message: 'Required value' });
    else if (!['Allow', 'Forbid', 'Replace'].includes(policy)) {
      errors.push({ field: 'spec.concurrencyPolicy', message: `Unsupported value: ${goValue(policy)}: supported values: "Allow", "Forbid", "Replace"` });
    }
    const jobSpec = spec.jobTemplate.spec;
    if (jobSpec) {
      validateJobSpec(jobSpec, 'spec.jobTemplate.spec', errors);
      if (jobSpec.selector) errors.push({ field: 'spec.jobTemplate.spec.selector', message: `Invalid value: ${goLabelSelector(jobSpec.selector)}: \`selector\` will be auto-generated` });
      if (jobSpec.manualSelector) errors.push({ field: 'spec.jobTemplate.spec.manualSelector', message: 'Unsupported value: true: supported values: "nil", "false"' });
    }
    nonNegative(spec.successfulJobsHistoryLimit, 'spec.successfulJobsHistoryLimit', errors);
    nonNegative(spec.failedJobsHistoryLimit, 'spec.failedJobsHistoryLimit', errors);
  }
  // Only on create, so older CronJobs with longer names can still be updated and deleted.
  if (!old && name.length > MAX_CRONJOB_NAME) {
    errors.push({ field: 'metadata.name', message: `Invalid value: ${goValue(name)}: must be no more than ${MAX_CRONJOB_NAME} characters` });
  }
}

/** validateTimeZone: IANA naming rules, no "Local", and a zone the database knows. */
function validateTimeZone(zone: string, errors: FieldError[]): void {
  const field = 'spec.timeZone';
  if (zone === '') {
    errors.push({ field, message: 'Invalid value: "": timeZone must be nil or non-empty string' });
    return;
  }
  if (zone.split('/').some((part) => part === '.' || part === '..' || part.startsWith('-') || !/^[A-Za-z.\-_0-9+]{1,14}$/.test(part))) {
    errors.push({ field, message: `Invalid value: ${goValue(zone)}: unknown time zone ${zone}` });
    return;
  }
  if (zone.toLowerCase() === 'local') {
    errors.push({ field, message: `Invalid value: ${goValue(zone)}: timeZone must be an explicit time zone as defined in https://www.iana.org/time-zones` });
  }
  const problem = timeZoneProblem(zone);
  if (problem) errors.push({ field, message: `Invalid value: ${goValue(zone)}: ${problem}` });
}
