import type { Deployment, DeploymentStrategy, LabelSelector, PodTemplateSpec, ReplicaSet } from '../types';
import type { FieldError } from '../errors';
import { goIntOrString, goLabelSelector, goStringMap, goValue } from '../gosyntax';
import { isEmptySelector, selectorMatches } from '../labels';
import { deepEqual } from '../../util/equal';
import { validateLabels } from './meta';
import { validatePodSpec } from './pod';
import { selectorConversionFails, validateSelectorRequirements } from './selector';

const PERCENT = /^[0-9]+%$/;

function validateNonNegative(value: number | undefined, field: string, errors: FieldError[]): void {
  if (value !== undefined && value < 0) errors.push({ field, message: `Invalid value: ${value}: must be greater than or equal to 0` });
}

/** ValidatePodTemplateSpecForReplicaSet: labels must match the selector; restartPolicy Always. */
function validateTemplate(template: PodTemplateSpec | undefined, selector: LabelSelector | undefined, errors: FieldError[]): void {
  if (!template) {
    errors.push({ field: 'spec.template', message: 'Required value' });
    return;
  }
  const labels = template.metadata?.labels;
  // A selector LabelSelectorAsSelector rejects is reported as invalid instead of compared.
  if (!selectorConversionFails(selector) && !selectorMatches(selector, labels)) {
    errors.push({ field: 'spec.template.metadata.labels', message: `Invalid value: ${goStringMap(labels)}: \`selector\` does not match template \`labels\`` });
  }
  validateLabels(labels, 'spec.template.metadata.labels', errors);
  validatePodSpec(template.spec, 'spec.template.spec', errors);
  const policy = template.spec?.restartPolicy;
  if (policy && policy !== 'Always') {
    errors.push({ field: 'spec.template.spec.restartPolicy', message: `Unsupported value: ${goValue(policy)}: supported values: "Always"` });
  }
  if (template.spec?.activeDeadlineSeconds !== undefined) {
    errors.push({ field: 'spec.template.spec.activeDeadlineSeconds', message: 'Forbidden: activeDeadlineSeconds in ReplicaSet is not Supported' });
  }
}

function validateSelector(selector: LabelSelector | undefined, kind: string, errors: FieldError[]): void {
  if (!selector) {
    errors.push({ field: 'spec.selector', message: 'Required value' });
    return;
  }
  if (isEmptySelector(selector)) {
    errors.push({ field: 'spec.selector', message: `Invalid value: ${goLabelSelector(selector)}: empty selector is invalid for ${kind}` });
  }
  validateLabels(selector.matchLabels, 'spec.selector.matchLabels', errors);
  validateSelectorRequirements(selector, 'spec.selector', errors);
  if (selectorConversionFails(selector)) errors.push({ field: 'spec.selector', message: `Invalid value: ${goLabelSelector(selector)}: invalid label selector` });
}

function intOrPercent(value: number | string | undefined, field: string, errors: FieldError[]): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value === 'number') {
    validateNonNegative(value, field, errors);
    return value;
  }
  if (!PERCENT.test(value)) {
    errors.push({ field, message: `Invalid value: ${goValue(value)}: a valid percent string must be a numeric string followed by an ending '%' (e.g. '1%',  or '93%', regex used for validation is '[0-9]+%')` });
    return undefined;
  }
  return parseInt(value, 10);
}

function validateStrategy(strategy: DeploymentStrategy | undefined, errors: FieldError[]): void {
  if (!strategy) return;
  if (strategy.type !== 'RollingUpdate' && strategy.type !== 'Recreate') {
    errors.push({ field: 'spec.strategy.type', message: `Unsupported value: ${goValue(strategy.type ?? '')}: supported values: "Recreate", "RollingUpdate"` });
    return;
  }
  if (strategy.type === 'Recreate') {
    if (strategy.rollingUpdate) errors.push({ field: 'spec.strategy.rollingUpdate', message: "Forbidden: may not be specified when strategy `type` is 'Recreate'" });
    return;
  }
  const ru = strategy.rollingUpdate;
  if (!ru) return;
  const surge = intOrPercent(ru.maxSurge, 'spec.strategy.rollingUpdate.maxSurge', errors);
  const unavailable = intOrPercent(ru.maxUnavailable, 'spec.strategy.rollingUpdate.maxUnavailable', errors);
  if (surge === 0 && unavailable === 0 && ru.maxUnavailable !== undefined) {
    errors.push({ field: 'spec.strategy.rollingUpdate.maxUnavailable', message: `Invalid value: ${goIntOrString(ru.maxUnavailable)}: may not be 0 when \`maxSurge\` is 0` });
  }
  if (typeof ru.maxUnavailable === 'string' && unavailable !== undefined && unavailable > 100) {
    errors.push({ field: 'spec.strategy.rollingUpdate.maxUnavailable', message: `Invalid value: ${goIntOrString(ru.maxUnavailable)}: must not be greater than 100%` });
  }
}

export function validateDeployment(d: Deployment, old: Deployment | undefined, errors: FieldError[]): void {
  const spec = d.spec;
  if (!spec) {
    errors.push({ field: 'spec.selector', message: 'Required value' }, { field: 'spec.template', message: 'Required value' });
    return;
  }
  validateNonNegative(spec.replicas, 'spec.replicas', errors);
  validateSelector(spec.selector, 'deployment', errors);
  validateTemplate(spec.template, spec.selector, errors);
  validateStrategy(spec.strategy, errors);
  validateNonNegative(spec.minReadySeconds, 'spec.minReadySeconds', errors);
  validateNonNegative(spec.revisionHistoryLimit, 'spec.revisionHistoryLimit', errors);
  if (spec.progressDeadlineSeconds !== undefined) {
    validateNonNegative(spec.progressDeadlineSeconds, 'spec.progressDeadlineSeconds', errors);
    if (spec.progressDeadlineSeconds <= (spec.minReadySeconds ?? 0)) {
      errors.push({ field: 'spec.progressDeadlineSeconds', message: `Invalid value: ${spec.progressDeadlineSeconds}: must be greater than minReadySeconds` });
    }
  }
  if (old && spec.selector && !deepEqual(spec.selector, old.spec?.selector)) {
    errors.push({ field: 'spec.selector', message: `Invalid value: ${goLabelSelector(spec.selector)}: field is immutable` });
  }
}

export function validateReplicaSet(rs: ReplicaSet, old: ReplicaSet | undefined, errors: FieldError[]): void {
  const spec = rs.spec;
  if (!spec) {
    errors.push({ field: 'spec.selector', message: 'Required value' });
    return;
  }
  validateNonNegative(spec.replicas, 'spec.replicas', errors);
  validateNonNegative(spec.minReadySeconds, 'spec.minReadySeconds', errors);
  // The apiserver's ReplicaSet check reuses the Deployment wording.
  validateSelector(spec.selector, 'deployment', errors);
  validateTemplate(spec.template, spec.selector, errors);
  if (old && spec.selector && !deepEqual(spec.selector, old.spec?.selector)) {
    errors.push({ field: 'spec.selector', message: `Invalid value: ${goLabelSelector(spec.selector)}: field is immutable` });
  }
}
