/** validateEnv's checks of valueFrom (pkg/apis/core/validation), for the Downward API mistakes students make. */
import type { Container } from '../types';
import type { FieldError } from '../errors';
import { goValue } from '../gosyntax';

/** validEnvDownwardAPIFieldPathExpressions, sorted as the error lists them. */
const ENV_FIELD_PATHS = [
  'metadata.name', 'metadata.namespace', 'metadata.uid', 'spec.nodeName', 'spec.serviceAccountName',
  'status.hostIP', 'status.hostIPs', 'status.podIP', 'status.podIPs',
];
const SUBSCRIPTED = /^metadata\.(labels|annotations)\['.+'\]$/;
const CONTAINER_RESOURCES = ['limits.cpu', 'limits.ephemeral-storage', 'limits.memory', 'requests.cpu', 'requests.ephemeral-storage', 'requests.memory'];

const quoted = (values: string[]) => values.map((v) => goValue(v)).join(', ');

export function validateEnv(containers: Container[] | undefined, path: string, errors: FieldError[]): void {
  (containers ?? []).forEach((c, i) => {
    (c.env ?? []).forEach((e, j) => {
      const from = e.valueFrom;
      if (!from) return;
      const fp = `${path}[${i}].env[${j}].valueFrom`;
      const sources = [from.fieldRef, from.resourceFieldRef, from.configMapKeyRef, from.secretKeyRef].filter(Boolean).length;
      if (e.value) errors.push({ field: fp, message: 'Invalid value: "": may not be specified when `value` is not empty' });
      if (sources > 1) errors.push({ field: fp, message: 'Invalid value: "": may not have more than one field specified at a time' });
      const fieldPath = from.fieldRef?.fieldPath;
      if (fieldPath !== undefined && !ENV_FIELD_PATHS.includes(fieldPath) && !SUBSCRIPTED.test(fieldPath)) {
        errors.push({ field: `${fp}.fieldRef.fieldPath`, message: `Unsupported value: ${goValue(fieldPath)}: supported values: ${quoted(ENV_FIELD_PATHS)}` });
      }
      const resource = from.resourceFieldRef?.resource;
      if (resource !== undefined && !CONTAINER_RESOURCES.includes(resource) && !/^(limits|requests)\.hugepages-/.test(resource)) {
        errors.push({ field: `${fp}.resourceFieldRef.resource`, message: `Unsupported value: ${goValue(resource)}: supported values: ${quoted(CONTAINER_RESOURCES)}` });
      }
    });
  });
}
