import type { FieldError } from '../errors';
import { goValue } from '../gosyntax';
import type { Ingress, IngressBackend } from '../types';

const PATH_TYPES = ['Exact', 'ImplementationSpecific', 'Prefix'];

function validateBackend(backend: IngressBackend, path: string, errors: FieldError[]): void {
  if (!backend.service && !backend.resource) {
    errors.push({ field: path, message: 'Invalid value: "": resource or service backend is required' });
    return;
  }
  if (backend.service) {
    if (!backend.service.name) errors.push({ field: `${path}.service.name`, message: 'Required value' });
    const port = backend.service.port;
    if (!port || (port.number === undefined && !port.name)) errors.push({ field: `${path}.service.port`, message: 'Invalid value: "": port name or number is required' });
  }
}

/** ValidateIngress for the rules kubesim routes by (networking/v1). */
export function validateIngress(ing: Ingress, errors: FieldError[]): void {
  const spec = ing.spec ?? {};
  if (!spec.defaultBackend && !(spec.rules ?? []).length) {
    errors.push({ field: 'spec', message: 'Invalid value: networking.IngressSpec{}: either `defaultBackend` or `rules` must be specified' });
  }
  if (spec.defaultBackend) validateBackend(spec.defaultBackend, 'spec.defaultBackend', errors);
  (spec.rules ?? []).forEach((rule, i) => {
    (rule.http?.paths ?? []).forEach((p, j) => {
      const path = `spec.rules[${i}].http.paths[${j}]`;
      if (!p.pathType) errors.push({ field: `${path}.pathType`, message: 'Required value: pathType must be specified' });
      else if (!PATH_TYPES.includes(p.pathType)) {
        errors.push({ field: `${path}.pathType`, message: `Unsupported value: ${goValue(p.pathType)}: supported values: "Exact", "ImplementationSpecific", "Prefix"` });
      }
      if (p.pathType !== 'ImplementationSpecific' && p.path !== undefined && !p.path.startsWith('/')) {
        errors.push({ field: `${path}.path`, message: `Invalid value: ${goValue(p.path)}: must be an absolute path` });
      }
      validateBackend(p.backend ?? {}, `${path}.backend`, errors);
    });
  });
}
