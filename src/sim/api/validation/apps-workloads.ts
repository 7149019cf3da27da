/**
 * ValidateStatefulSet(Update) and ValidateDaemonSet(Update) of pkg/apis/apps/validation (v1.32;
 * k8s-semantics §7.5, §8, §12.3), with the apiserver's messages and its Go rendering of values.
 */
import type { DaemonSet, LabelSelector, PodTemplateSpec, StatefulSet } from '../types';

type StatefulSetSpec = NonNullable<StatefulSet['spec']>;
type DaemonSetSpec = NonNullable<DaemonSet['spec']>;
import type { FieldError } from '../errors';
import { goIntOrString, goLabelSelector, goStringMap, goValue } from '../gosyntax';
import { isEmptySelector, selectorMatches } from '../labels';
import { clone } from '../object';
import { deepEqual } from '../../util/equal';
import { validateLabels } from './meta';
import { validatePodSpec } from './pod';

const PERCENT = /^[0-9]+%$/;

// k8s-semantics §7.5, verbatim.
const STATEFULSET_UPDATE_FORBIDDEN =
  "Forbidden: updates to statefulset spec for fields other than 'replicas', 'ordinals', 'template', 'updateStrategy', 'persistentVolumeClaimRetentionPolicy' and 'minReadySeconds' are forbidden";

function nonNegative(value: number | undefined, field: string, errors: FieldError[]): void {
  if (value !== undefined && value < 0) errors.push({ field, message: `Invalid value: ${value}: must be greater than or equal to 0` });
}

function templateLabelsMatch(template: PodTemplateSpec | undefined, selector: LabelSelector | undefined, errors: FieldError[]): void {
  const labels = template?.metadata?.labels;
  if (!selectorMatches(selector, labels)) {
    errors.push({ field: 'spec.template.metadata.labels', message: `Invalid value: ${goStringMap(labels)}: \`selector\` does not match template \`labels\`` });
  }
}

function emptySelector(selector: LabelSelector | undefined, kind: string, errors: FieldError[]): void {
  if (selector && isEmptySelector(selector)) {
    errors.push({ field: 'spec.selector', message: `Invalid value: ${goLabelSelector(selector)}: empty selector is invalid for ${kind}` });
  }
}

function restartPolicyAlways(template: PodTemplateSpec | undefined, errors: FieldError[]): void {
  const policy = template?.spec?.restartPolicy;
  if (policy && policy !== 'Always') {
    errors.push({ field: 'spec.template.spec.restartPolicy', message: `Unsupported value: ${goValue(policy)}: supported values: "Always"` });
  }
}

/** A Go pointer field as %#v prints it inside a struct: nil, or an address that differs from run to run. */
const goPointer = (type: string, value: unknown) => `(*${type})(${value === undefined ? 'nil' : '0xc000a1e000'})`;

function validateRetentionPolicy(set: StatefulSet, errors: FieldError[]): void {
  const policy = set.spec?.persistentVolumeClaimRetentionPolicy;
  for (const field of ['whenDeleted', 'whenScaled'] as const) {
    const value = policy?.[field];
    if (value !== undefined && value !== 'Retain' && value !== 'Delete') {
      errors.push({ field: `spec.persistentVolumeClaimRetentionPolicy.${field}`, message: `Unsupported value: ${goValue(value)}: supported values: "Delete", "Retain"` });
    }
  }
}

function validateStatefulSetStrategy(set: StatefulSet, errors: FieldError[]): void {
  const strategy = set.spec?.updateStrategy ?? {};
  const ru = strategy.rollingUpdate;
  const ruText = ru && `apps.RollingUpdateStatefulSetStrategy{Partition:${ru.partition ?? 0}, MaxUnavailable:${goPointer('intstr.IntOrString', ru.maxUnavailable)}}`;
  switch (strategy.type) {
    case undefined:
    case '':
      errors.push({ field: 'spec.updateStrategy', message: 'Required value' });
      break;
    case 'OnDelete':
      if (ru) errors.push({ field: 'spec.updateStrategy.rollingUpdate', message: `Invalid value: ${ruText}: only allowed for updateStrategy 'RollingUpdate'` });
      break;
    case 'RollingUpdate':
      if (ru) nonNegative(ru.partition, 'spec.updateStrategy.rollingUpdate.partition', errors);
      break;
    default: {
      const value = `apps.StatefulSetUpdateStrategy{Type:${goValue(strategy.type)}, RollingUpdate:${goPointer('apps.RollingUpdateStatefulSetStrategy', ru)}}`;
      errors.push({ field: 'spec.updateStrategy', message: `Invalid value: ${value}: must be 'RollingUpdate' or 'OnDelete'` });
    }
  }
}

/** ValidateStatefulSetSpec: the pod template is checked for its labels only, not as a pod spec. */
function validateStatefulSetSpec(set: StatefulSet, errors: FieldError[]): void {
  const spec: Partial<StatefulSetSpec> = set.spec ?? {};
  const policy = spec.podManagementPolicy;
  if (!policy) errors.push({ field: 'spec.podManagementPolicy', message: 'Required value' });
  else if (policy !== 'OrderedReady' && policy !== 'Parallel') {
    errors.push({ field: 'spec.podManagementPolicy', message: `Invalid value: ${goValue(policy)}: must be 'OrderedReady' or 'Parallel'` });
  }
  validateStatefulSetStrategy(set, errors);
  validateRetentionPolicy(set, errors);
  nonNegative(spec.replicas, 'spec.replicas', errors);
  nonNegative(spec.ordinals?.start, 'spec.ordinals.start', errors);
  nonNegative(spec.minReadySeconds, 'spec.minReadySeconds', errors);
  if (!spec.selector) errors.push({ field: 'spec.selector', message: 'Required value' });
  else {
    validateLabels(spec.selector.matchLabels, 'spec.selector.matchLabels', errors);
    emptySelector(spec.selector, 'statefulset', errors);
  }
  if (!spec.selector || !isEmptySelector(spec.selector)) templateLabelsMatch(spec.template, spec.selector, errors);
  validateLabels(spec.template?.metadata?.labels, 'spec.template.labels', errors);
  restartPolicyAlways(spec.template, errors);
  if (spec.template?.spec?.activeDeadlineSeconds !== undefined) {
    errors.push({ field: 'spec.template.spec.activeDeadlineSeconds', message: 'Forbidden: activeDeadlineSeconds in StatefulSet is not Supported' });
  }
}

/** The spec with every field an update may change taken from the old object (ValidateStatefulSetUpdate). */
function immutablePart(set: StatefulSet, old: StatefulSet): unknown {
  const spec: Partial<StatefulSetSpec> = clone(set.spec ?? {});
  const o: Partial<StatefulSetSpec> = old.spec ?? {};
  spec.replicas = o.replicas;
  spec.ordinals = o.ordinals;
  spec.template = o.template;
  spec.updateStrategy = o.updateStrategy;
  spec.persistentVolumeClaimRetentionPolicy = o.persistentVolumeClaimRetentionPolicy;
  spec.minReadySeconds = o.minReadySeconds;
  return spec;
}

export function validateStatefulSet(set: StatefulSet, old: StatefulSet | undefined, errors: FieldError[]): void {
  validateStatefulSetSpec(set, errors);
  if (old && !deepEqual(immutablePart(set, old), old.spec ?? {})) errors.push({ field: 'spec', message: STATEFULSET_UPDATE_FORBIDDEN });
}

/** ValidatePositiveIntOrPercent and IsNotMoreThan100Percent; the value as getIntOrPercentValue reads it. */
function intOrPercent(value: number | string | undefined, field: string, errors: FieldError[]): number {
  if (value === undefined) return 0;
  if (typeof value === 'number') {
    nonNegative(value, field, errors);
    return value;
  }
  if (!PERCENT.test(value)) {
    errors.push({ field, message: `Invalid value: ${goIntOrString(value)}: a valid percent string must be a numeric string followed by an ending '%' (e.g. '1%',  or '93%', regex used for validation is '[0-9]+%')` });
    return 0;
  }
  const percent = parseInt(value, 10);
  if (percent > 100) errors.push({ field, message: `Invalid value: ${goIntOrString(value)}: must not be greater than 100%` });
  return percent;
}

function validateDaemonSetStrategy(ds: DaemonSet, errors: FieldError[]): void {
  const strategy = ds.spec?.updateStrategy ?? {};
  if (strategy.type === 'OnDelete') return;
  if (strategy.type !== 'RollingUpdate') {
    const value = `apps.DaemonSetUpdateStrategy{Type:${goValue(strategy.type ?? '')}, RollingUpdate:${goPointer('apps.RollingUpdateDaemonSet', strategy.rollingUpdate)}}`;
    errors.push({ field: 'spec.updateStrategy', message: `Unsupported value: ${value}: supported values: "RollingUpdate", "OnDelete"` });
    return;
  }
  const ru = strategy.rollingUpdate;
  if (!ru) {
    errors.push({ field: 'spec.updateStrategy.rollingUpdate', message: 'Required value' });
    return;
  }
  const path = 'spec.updateStrategy.rollingUpdate';
  const unavailable = intOrPercent(ru.maxUnavailable, `${path}.maxUnavailable`, errors);
  const surge = intOrPercent(ru.maxSurge, `${path}.maxSurge`, errors);
  // Exactly one of the two may be non-zero.
  if (unavailable !== 0 && surge !== 0) errors.push({ field: `${path}.maxSurge`, message: `Invalid value: ${goIntOrString(ru.maxSurge!)}: may not be set when maxUnavailable is non-zero` });
  if (unavailable === 0 && surge === 0) errors.push({ field: `${path}.maxUnavailable`, message: 'Required value: cannot be 0 when maxSurge is 0' });
}

/** ValidateDaemonSetSpec: unlike a StatefulSet's, the template is validated as a pod template. */
export function validateDaemonSet(ds: DaemonSet, old: DaemonSet | undefined, errors: FieldError[]): void {
  const spec: Partial<DaemonSetSpec> = ds.spec ?? {};
  validateLabels(spec.selector?.matchLabels, 'spec.selector.matchLabels', errors);
  templateLabelsMatch(spec.template, spec.selector, errors);
  emptySelector(spec.selector, 'daemonset', errors);
  validateLabels(spec.template?.metadata?.labels, 'spec.template.labels', errors);
  validatePodSpec(spec.template?.spec, 'spec.template.spec', errors);
  restartPolicyAlways(spec.template, errors);
  const deadline = spec.template?.spec?.activeDeadlineSeconds;
  if (deadline !== undefined) errors.push({ field: 'spec.template.spec.activeDeadlineSeconds', message: `Invalid value: ${deadline}: activeDeadlineSeconds must be nil for DaemonSets` });
  nonNegative(spec.minReadySeconds, 'spec.minReadySeconds', errors);
  validateDaemonSetStrategy(ds, errors);
  nonNegative(spec.revisionHistoryLimit, 'spec.revisionHistoryLimit', errors);
  if (old && spec.selector && !deepEqual(spec.selector, old.spec?.selector)) {
    errors.push({ field: 'spec.selector', message: `Invalid value: ${goLabelSelector(spec.selector)}: field is immutable` });
  }
}
