/**
 * The Service registry's allocators (pkg/registry/core/service): a ClusterIP from the service
 * CIDR and node ports from 30000–32767, with the apiserver's messages when a requested one is
 * out of range or taken (k8s-semantics §6.1).
 */
import type { FieldError } from './errors';
import type { Rng } from '../rng';
import type { Service } from './types';

/** kubeadm's --service-cluster-ip-range. */
export const SERVICE_CIDR = '10.96.0.0/12';
const CIDR_BASE = ipToNumber('10.96.0.0');
const CIDR_SIZE = 2 ** 20;
/** The first address is the `kubernetes` Service's; kube-dns conventionally takes .10. */
export const KUBERNETES_SERVICE_IP = '10.96.0.1';
export const NODE_PORT_MIN = 30000;
export const NODE_PORT_MAX = 32767;

export function ipToNumber(ip: string): number {
  return ip.split('.').reduce((n, octet) => n * 256 + Number(octet), 0);
}

export function numberToIp(n: number): string {
  return [24, 16, 8, 0].map((shift) => Math.floor(n / 2 ** shift) % 256).join('.');
}

function inRange(ip: string): boolean {
  if (!/^\d{1,3}(\.\d{1,3}){3}$/.test(ip)) return false;
  const n = ipToNumber(ip);
  return n > CIDR_BASE && n < CIDR_BASE + CIDR_SIZE - 1;
}

export function needsNodePorts(svc: Service): boolean {
  const type = svc.spec?.type;
  return type === 'NodePort' || (type === 'LoadBalancer' && svc.spec?.allocateLoadBalancerNodePorts !== false);
}

/**
 * Fills in spec.clusterIP(s) and nodePorts of a Service being created or updated, given the other
 * Services in the cluster. Returns field errors for requested values it cannot give.
 */
export function allocateServiceAddresses(svc: Service, old: Service | undefined, others: Service[], rng: Rng): FieldError[] {
  const errors: FieldError[] = [];
  const spec = svc.spec!;
  const usedIps = new Set(others.map((o) => o.spec?.clusterIP).filter((ip): ip is string => !!ip && ip !== 'None'));
  const usedPorts = new Set(others.flatMap((o) => (o.spec?.ports ?? []).map((p) => p.nodePort)).filter((p): p is number => !!p));

  if (spec.type === 'ExternalName') {
    delete spec.clusterIP;
    delete spec.clusterIPs;
  } else if (old?.spec?.clusterIP && !spec.clusterIP) {
    spec.clusterIP = old.spec.clusterIP;
  } else if (old?.spec?.clusterIP && spec.clusterIP !== old.spec.clusterIP) {
    errors.push({ field: 'spec.clusterIPs[0]', message: `Invalid value: "${spec.clusterIP}": may not change once set` });
  } else if (!old && spec.clusterIP && spec.clusterIP !== 'None') {
    const ip = spec.clusterIP;
    if (!inRange(ip)) {
      errors.push({ field: 'spec.clusterIPs', message: `Invalid value: []string{"${ip}"}: failed to allocate IP ${ip}: the provided IP (${ip}) is not in the valid range. The range of valid IPs is ${SERVICE_CIDR}` });
    } else if (usedIps.has(ip)) {
      errors.push({ field: 'spec.clusterIPs', message: `Invalid value: []string{"${ip}"}: failed to allocate IP ${ip}: provided IP is already allocated` });
    }
  } else if (!spec.clusterIP) {
    spec.clusterIP = freeIp(usedIps, rng);
  }
  if (spec.clusterIP) spec.clusterIPs = [spec.clusterIP];

  const wantsPorts = needsNodePorts(svc);
  (spec.ports ?? []).forEach((port, i) => {
    const previous = old?.spec?.ports?.find((p) => (p.name ?? '') === (port.name ?? '') && p.port === port.port) ?? old?.spec?.ports?.[i];
    if (!wantsPorts) {
      // dropTypeDependentFields: a node port the user did not change goes with the type that needed it.
      if (port.nodePort && previous?.nodePort === port.nodePort) delete port.nodePort;
      if (port.nodePort) errors.push({ field: `spec.ports[${i}].nodePort`, message: `Forbidden: may not be used when \`type\` is '${spec.type}'` });
      return;
    }
    if (!port.nodePort) {
      const given = previous?.nodePort ?? freePort(usedPorts, rng);
      if (given === undefined) errors.push({ field: `spec.ports[${i}].nodePort`, message: 'Internal error: range is full' });
      else port.nodePort = given;
    } else if (port.nodePort !== previous?.nodePort) {
      if (port.nodePort < NODE_PORT_MIN || port.nodePort > NODE_PORT_MAX) {
        errors.push({ field: `spec.ports[${i}].nodePort`, message: `Invalid value: ${port.nodePort}: provided port is not in the valid range. The range of valid ports is ${NODE_PORT_MIN}-${NODE_PORT_MAX}` });
      } else if (usedPorts.has(port.nodePort)) {
        errors.push({ field: `spec.ports[${i}].nodePort`, message: `Invalid value: ${port.nodePort}: provided port is already allocated` });
      }
    }
    if (port.nodePort) usedPorts.add(port.nodePort);
  });
  return errors;
}

function freeIp(used: Set<string>, rng: Rng): string {
  for (;;) {
    const ip = numberToIp(CIDR_BASE + rng.int(2, CIDR_SIZE - 2));
    if (!used.has(ip) && ip !== KUBERNETES_SERVICE_IP) return ip;
  }
}

/** A random free node port, or undefined when all 2,768 are taken. */
function freePort(used: Set<number>, rng: Rng): number | undefined {
  for (let tries = 0; tries < 100; tries++) {
    const port = rng.int(NODE_PORT_MIN, NODE_PORT_MAX);
    if (!used.has(port)) return port;
  }
  for (let port = NODE_PORT_MIN; port <= NODE_PORT_MAX; port++) if (!used.has(port)) return port;
  return undefined;
}
