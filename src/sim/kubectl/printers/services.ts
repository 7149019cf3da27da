/**
 * `kubectl get services` (printService; k8s-semantics §6.1): CLUSTER-IP is the first of
 * `spec.clusterIPs`, EXTERNAL-IP depends on the type, PORT(S) is `port[:nodePort]/protocol`.
 */
import type { KubeObject } from '../../api/object';
import type { Service } from '../../api/types';
import { age } from '../duration';
import { formatLabels } from '../format';
import type { Cell, TablePrinter } from './table';

/** printers.go's loadBalancerWidth: the EXTERNAL-IP cell is cut to this many bytes unless -o wide. */
const LOAD_BALANCER_WIDTH = 16;

/** loadBalancerStatusStringer: the ingress IPs (or hostnames), de-duplicated and sorted. */
function loadBalancerStatus(service: Service, wide: boolean): string {
  const addresses = new Set<string>();
  for (const ingress of service.status?.loadBalancer?.ingress ?? []) {
    if (ingress.ip) addresses.add(ingress.ip);
    else if (ingress.hostname) addresses.add(ingress.hostname);
  }
  const text = [...addresses].sort().join(',');
  return !wide && text.length > LOAD_BALANCER_WIDTH ? `${text.slice(0, LOAD_BALANCER_WIDTH - 3)}...` : text;
}

/** getServiceExternalIP. */
export function serviceExternalIP(service: Service, wide: boolean): string {
  const externalIPs = service.spec?.externalIPs ?? [];
  switch (service.spec?.type) {
    case 'ClusterIP':
    case 'NodePort':
      return externalIPs.length ? externalIPs.join(',') : '<none>';
    case 'LoadBalancer': {
      const ingress = loadBalancerStatus(service, wide);
      if (externalIPs.length) return [...(ingress ? ingress.split(',') : []), ...externalIPs].join(',');
      return ingress || '<pending>';
    }
    case 'ExternalName':
      return service.spec.externalName ?? '';
    default:
      return '<unknown>';
  }
}

/** makePortString: "80/TCP", "80:31234/TCP", comma-joined. */
export function servicePorts(service: Service): string {
  return (service.spec?.ports ?? [])
    .map((p) => (p.nodePort ? `${p.port}:${p.nodePort}/${p.protocol ?? ''}` : `${p.port}/${p.protocol ?? ''}`))
    .join(',');
}

export const servicePrinter: TablePrinter = {
  kind: 'Service',
  columns: [
    { name: 'Name', priority: 0, isName: true },
    { name: 'Type', priority: 0 },
    { name: 'Cluster-IP', priority: 0 },
    { name: 'External-IP', priority: 0 },
    { name: 'Port(s)', priority: 0 },
    { name: 'Age', priority: 0 },
    { name: 'Selector', priority: 1 },
  ],
  row(obj: KubeObject, now: number, wide: boolean): Cell[] {
    const service = obj as Service;
    return [
      service.metadata?.name ?? '',
      service.spec?.type ?? '',
      service.spec?.clusterIPs?.[0] ?? '<none>',
      serviceExternalIP(service, wide),
      servicePorts(service) || '<none>',
      age(service.metadata?.creationTimestamp, now),
      formatLabels(service.spec?.selector),
    ];
  },
};
