/**
 * Pure readers of Services and their EndpointSlices for the graph and the inspector: which pods
 * are a Service's endpoints and whether each is ready, its ports and DNS name (k8s-semantics §6).
 */
import type { Service, ServicePort } from 'kubernetes-types/core/v1';
import type { EndpointSlice } from 'kubernetes-types/discovery/v1';
import type { WireObject } from '../protocol/messages';
import { objectKey } from './objects';

/** The label that ties a managed EndpointSlice to its Service. */
export const SERVICE_NAME_LABEL = 'kubernetes.io/service-name';

export interface ServiceEndpoint {
  /** The address kube-proxy sends to. */
  ip: string;
  /** `conditions.ready`: the pod is Ready and not terminating, so kube-proxy routes to it (§6.2). */
  ready: boolean;
  terminating: boolean;
  nodeName?: string;
  /** The pod behind the address, when the slice names one ("Pod/ns/name"). */
  podKey?: string;
  podName?: string;
}

/** The key of the Service a managed EndpointSlice belongs to, if it names one. */
export function sliceServiceKey(slice: WireObject): string | undefined {
  const service = slice.metadata.labels?.[SERVICE_NAME_LABEL];
  return service ? objectKey('Service', slice.metadata.namespace, service) : undefined;
}

/** The endpoints of one slice, in the slice's order; a missing `ready` means ready, as kube-proxy reads it. */
export function sliceEndpoints(slice: WireObject): ServiceEndpoint[] {
  return ((slice as unknown as EndpointSlice).endpoints ?? []).map((e) => {
    const ref = e.targetRef;
    const pod = ref && (ref.kind ?? 'Pod') === 'Pod' && ref.name ? ref.name : undefined;
    return {
      ip: e.addresses[0] ?? '',
      ready: e.conditions?.ready ?? true,
      terminating: e.conditions?.terminating ?? false,
      nodeName: e.nodeName,
      podKey: pod && objectKey('Pod', ref?.namespace ?? slice.metadata.namespace, pod),
      podName: pod,
    };
  });
}

/** Every endpoint of a Service across its slices. */
export function serviceEndpoints(slices: ReadonlyMap<string, WireObject> | undefined, serviceKey: string): ServiceEndpoint[] {
  return [...(slices?.values() ?? [])].filter((s) => sliceServiceKey(s) === serviceKey).flatMap(sliceEndpoints);
}

/** "80/TCP", "80:31234/TCP": a port as `kubectl get svc` prints it. */
export function portText(port: ServicePort): string {
  return port.nodePort ? `${port.port}:${port.nodePort}/${port.protocol ?? 'TCP'}` : `${port.port}/${port.protocol ?? 'TCP'}`;
}

/** "80 → 8080": the Service port and the pod port it forwards to. */
export function portMapping(port: ServicePort): string {
  const target = port.targetPort ?? port.port;
  return String(target) === String(port.port) ? `${port.port}/${port.protocol ?? 'TCP'}` : `${port.port} → ${target}/${port.protocol ?? 'TCP'}`;
}

/** `<svc>.<ns>.svc.cluster.local` (§6.1). */
export function serviceDnsName(service: Service): string {
  return `${service.metadata?.name ?? ''}.${service.metadata?.namespace ?? 'default'}.svc.cluster.local`;
}

/** The external address as `kubectl get svc` shows it: ingress IPs, external IPs, `<pending>`, or undefined when there is none. */
export function externalAddress(service: Service): string | undefined {
  const spec = service.spec;
  const external = spec?.externalIPs ?? [];
  if (spec?.type === 'ExternalName') return spec.externalName;
  if (spec?.type !== 'LoadBalancer') return external.length ? external.join(',') : undefined;
  const ingress = (service.status?.loadBalancer?.ingress ?? []).map((i) => i.ip || i.hostname || '').filter(Boolean);
  const all = [...ingress, ...external];
  return all.length ? all.join(',') : '<pending>';
}

/** "app=web,tier=db", or undefined for a Service without a selector. */
export function selectorText(service: Service): string | undefined {
  const entries = Object.entries(service.spec?.selector ?? {});
  return entries.length ? entries.map(([k, v]) => `${k}=${v}`).join(',') : undefined;
}
