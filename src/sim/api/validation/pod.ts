import type { Container, PodSpec } from '../types';
import type { FieldError } from '../errors';
import { goValue } from '../gosyntax';
import { cpuMillis, bytes, isQuantity } from '../quantity';
import { nameProblems, portNameProblems } from './names';
import { validatePodVolumes } from './volumes';
import { validateEnv } from './env';

function validateResources(c: Container, path: string, errors: FieldError[]): void {
  const requests = (c.resources?.requests ?? {}) as Record<string, string | number>;
  const limits = (c.resources?.limits ?? {}) as Record<string, string | number>;
  for (const [kind, map] of [['requests', requests], ['limits', limits]] as const) {
    for (const [res, q] of Object.entries(map)) {
      if (!isQuantity(q)) errors.push({ field: `${path}.resources.${kind}[${res}]`, message: `Invalid value: ${goValue(q)}: quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'` });
    }
  }
  for (const res of ['cpu', 'memory'] as const) {
    const req = requests[res];
    const lim = limits[res];
    if (req === undefined || lim === undefined || !isQuantity(req) || !isQuantity(lim)) continue;
    const over = res === 'cpu' ? cpuMillis(req) > cpuMillis(lim) : bytes(req) > bytes(lim);
    if (over) errors.push({ field: `${path}.resources.requests`, message: `Invalid value: ${goValue(String(req))}: must be less than or equal to ${res} limit of ${lim}` });
  }
}

const PULL_POLICIES = ['Always', 'IfNotPresent', 'Never'];

function validateContainers(containers: Container[] | undefined, path: string, errors: FieldError[]): void {
  if (!containers || containers.length === 0) {
    errors.push({ field: path, message: 'Required value' });
    return;
  }
  const seen = new Set<string>();
  containers.forEach((c, i) => {
    const cp = `${path}[${i}]`;
    if (!c.name) errors.push({ field: `${cp}.name`, message: 'Required value' });
    else {
      for (const p of nameProblems(c.name, 'label')) errors.push({ field: `${cp}.name`, message: `Invalid value: ${goValue(c.name)}: ${p}` });
      if (seen.has(c.name)) errors.push({ field: `${cp}.name`, message: `Duplicate value: ${goValue(c.name)}` });
      seen.add(c.name);
    }
    if (!c.image) errors.push({ field: `${cp}.image`, message: 'Required value' });
    (c.ports ?? []).forEach((port, j) => {
      const pp = `${cp}.ports[${j}]`;
      if (port.containerPort < 1 || port.containerPort > 65535) {
        errors.push({ field: `${pp}.containerPort`, message: `Invalid value: ${port.containerPort}: must be between 1 and 65535, inclusive` });
      }
      if (port.name) for (const p of portNameProblems(port.name)) errors.push({ field: `${pp}.name`, message: `Invalid value: ${goValue(port.name)}: ${p}` });
    });
    if (c.imagePullPolicy && !PULL_POLICIES.includes(c.imagePullPolicy)) {
      errors.push({ field: `${cp}.imagePullPolicy`, message: `Unsupported value: ${goValue(c.imagePullPolicy)}: supported values: "Always", "IfNotPresent", "Never"` });
    }
    validateResources(c, cp, errors);
  });
}

/** ValidatePodSpec, for the fields kubesim acts on. `path` is "spec" or "spec.template.spec". */
export function validatePodSpec(spec: PodSpec | undefined, path: string, errors: FieldError[]): void {
  if (!spec) {
    errors.push({ field: `${path}.containers`, message: 'Required value' });
    return;
  }
  validatePodVolumes(spec, path, errors);
  validateEnv(spec.containers, `${path}.containers`, errors);
  validateContainers(spec.containers, `${path}.containers`, errors);
  if (spec.initContainers) validateContainers(spec.initContainers, `${path}.initContainers`, errors);
  const policies = ['Always', 'OnFailure', 'Never'];
  if (spec.restartPolicy && !policies.includes(spec.restartPolicy)) {
    errors.push({ field: `${path}.restartPolicy`, message: `Unsupported value: ${goValue(spec.restartPolicy)}: supported values: "Always", "OnFailure", "Never"` });
  }
  if (spec.terminationGracePeriodSeconds !== undefined && spec.terminationGracePeriodSeconds < 0) {
    errors.push({ field: `${path}.terminationGracePeriodSeconds`, message: `Invalid value: ${spec.terminationGracePeriodSeconds}: must be greater than or equal to 0` });
  }
}
