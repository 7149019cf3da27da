/**
 * `kubectl get endpoints` (printEndpoints) and `kubectl get endpointslices` (printEndpointSlice),
 * k8s-semantics §6.2: the first three addresses, then "+ N more...".
 */
import type { KubeObject } from '../../api/object';
import type { EndpointSlice, Endpoints } from '../../api/types';
import { age } from '../duration';
import type { Cell, TablePrinter } from './table';

const MAX_LISTED = 3;

/** net.JoinHostPort: IPv6 addresses are bracketed. */
export function joinHostPort(host: string, port: number | undefined): string {
  return host.includes(':') ? `[${host}]:${port ?? 0}` : `${host}:${port ?? 0}`;
}

/**
 * formatEndpoints with every port: each ready address once per port, "<none>" without subsets.
 * A subset without ports (a headless Service that names none) lists bare IPs.
 */
export function formatEndpoints(endpoints: Endpoints): string {
  const subsets = endpoints.subsets ?? [];
  if (subsets.length === 0) return '<none>';
  const list: string[] = [];
  let more = false;
  let count = 0;
  const add = (text: string) => {
    count++;
    if (list.length === MAX_LISTED) more = true;
    else list.push(text);
  };
  for (const subset of subsets) {
    const addresses = subset.addresses ?? [];
    if (!subset.ports?.length) {
      for (const address of addresses) add(address.ip);
      continue;
    }
    for (const port of subset.ports) for (const address of addresses) add(joinHostPort(address.ip, port.port));
  }
  const text = list.join(',');
  return more ? `${text} + ${count - MAX_LISTED} more...` : text;
}

/** listWithMoreString: "<unset>" for an empty list. */
function listWithMore(list: readonly string[], count: number): string {
  if (count > MAX_LISTED) return `${list.slice(0, MAX_LISTED).join(',')} + ${count - MAX_LISTED} more...`;
  return list.join(',') || '<unset>';
}

/** formatDiscoveryPorts: port numbers, or the name when a port has none, or "*". */
export function formatSlicePorts(slice: EndpointSlice): string {
  const ports = slice.ports ?? [];
  return listWithMore(
    ports.map((p) => (p.port !== undefined && p.port !== null ? String(p.port) : (p.name ?? '*'))),
    ports.length,
  );
}

/** formatDiscoveryEndpoints: every address of every endpoint, ready or not. */
export function formatSliceEndpoints(slice: EndpointSlice): string {
  const addresses = (slice.endpoints ?? []).flatMap((e) => e.addresses);
  return listWithMore(addresses, addresses.length);
}

export const endpointsPrinter: TablePrinter = {
  kind: 'Endpoints',
  columns: [
    { name: 'Name', priority: 0, isName: true },
    { name: 'Endpoints', priority: 0 },
    { name: 'Age', priority: 0 },
  ],
  row(obj: KubeObject, now: number): Cell[] {
    const endpoints = obj as Endpoints;
    return [endpoints.metadata?.name ?? '', formatEndpoints(endpoints), age(endpoints.metadata?.creationTimestamp, now)];
  },
};

export const endpointSlicePrinter: TablePrinter = {
  kind: 'EndpointSlice',
  columns: [
    { name: 'Name', priority: 0, isName: true },
    { name: 'AddressType', priority: 0 },
    { name: 'Ports', priority: 0 },
    { name: 'Endpoints', priority: 0 },
    { name: 'Age', priority: 0 },
  ],
  row(obj: KubeObject, now: number): Cell[] {
    const slice = obj as EndpointSlice;
    return [slice.metadata?.name ?? '', slice.addressType, formatSlicePorts(slice), formatSliceEndpoints(slice), age(slice.metadata?.creationTimestamp, now)];
  },
};
