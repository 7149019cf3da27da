import type { FieldError } from '../errors';
import { goValue } from '../gosyntax';
import type { Service } from '../types';
import { validateLabels } from './meta';
import { nameProblems, portNameProblems } from './names';

const TYPES = ['ClusterIP', 'ExternalName', 'LoadBalancer', 'NodePort'];
const PROTOCOLS = ['SCTP', 'TCP', 'UDP'];

function validPort(port: number | undefined, field: string, errors: FieldError[]): void {
  if (port === undefined || port < 1 || port > 65535) {
    errors.push({ field, message: `Invalid value: ${port ?? 0}: must be between 1 and 65535, inclusive` });
  }
}

/** ValidateService for the fields kubesim uses (k8s-semantics §6.1, §12.3). */
export function validateService(svc: Service, errors: FieldError[]): void {
  const spec = svc.spec ?? {};
  const type = spec.type ?? 'ClusterIP';
  if (!TYPES.includes(type)) {
    errors.push({ field: 'spec.type', message: `Unsupported value: ${goValue(type)}: supported values: ${TYPES.map((t) => `"${t}"`).join(', ')}` });
    return;
  }
  const headless = spec.clusterIP === 'None';
  const ports = spec.ports ?? [];
  if (ports.length === 0 && type !== 'ExternalName' && !headless) errors.push({ field: 'spec.ports', message: 'Required value' });
  if (type === 'ExternalName' && !spec.externalName) errors.push({ field: 'spec.externalName', message: 'Required value' });
  const names = new Set<string>();
  ports.forEach((port, i) => {
    const path = `spec.ports[${i}]`;
    if (ports.length > 1 && !port.name) errors.push({ field: `${path}.name`, message: 'Required value' });
    if (port.name) {
      for (const p of nameProblems(port.name, 'label')) errors.push({ field: `${path}.name`, message: `Invalid value: ${goValue(port.name)}: ${p}` });
      if (names.has(port.name)) errors.push({ field: `${path}.name`, message: `Duplicate value: ${goValue(port.name)}` });
      names.add(port.name);
    }
    validPort(port.port, `${path}.port`, errors);
    if (port.protocol && !PROTOCOLS.includes(port.protocol)) {
      errors.push({ field: `${path}.protocol`, message: `Unsupported value: ${goValue(port.protocol)}: supported values: "SCTP", "TCP", "UDP"` });
    }
    const target = port.targetPort;
    if (typeof target === 'number') validPort(target, `${path}.targetPort`, errors);
    else if (typeof target === 'string') {
      for (const p of portNameProblems(target)) errors.push({ field: `${path}.targetPort`, message: `Invalid value: ${goValue(target)}: ${p}` });
    }
  });
  validateLabels(spec.selector, 'spec.selector', errors);
}
