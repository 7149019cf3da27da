/**
 * The Job REST strategy's selector generation (pkg/registry/batch/job/strategy.go): unless
 * manualSelector is set, a new Job selects its pods by its own uid, and its pod template carries
 * the labels that make it so (k8s-semantics §9.1). It runs at create, once the uid exists.
 */
import type { Job } from './types';

export const CONTROLLER_UID_LABEL = 'batch.kubernetes.io/controller-uid';
export const JOB_NAME_LABEL = 'batch.kubernetes.io/job-name';
export const LEGACY_CONTROLLER_UID_LABEL = 'controller-uid';
export const LEGACY_JOB_NAME_LABEL = 'job-name';

export function generateJobSelector(job: Job): void {
  const spec = job.spec;
  if (!spec || spec.manualSelector) return;
  const uid = job.metadata!.uid!;
  const name = job.metadata!.name!;
  spec.template ??= {};
  spec.template.metadata ??= {};
  // Labels the user set are kept; a conflict is then refused by validation.
  const labels = (spec.template.metadata.labels ??= {});
  for (const key of [LEGACY_JOB_NAME_LABEL, JOB_NAME_LABEL]) labels[key] ??= name;
  for (const key of [LEGACY_CONTROLLER_UID_LABEL, CONTROLLER_UID_LABEL]) labels[key] ??= uid;
  spec.selector ??= {};
  spec.selector.matchLabels ??= {};
  spec.selector.matchLabels[CONTROLLER_UID_LABEL] ??= uid;
  // SetDefaults_Job runs again when the Job is read back from storage: a Job without labels takes these.
  if (Object.keys(job.metadata!.labels ?? {}).length === 0) job.metadata!.labels = { ...labels };
}
