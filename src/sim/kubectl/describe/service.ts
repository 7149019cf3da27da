/**
 * `kubectl describe service` (describeService): the spec, then per port its target, node port and
 * the ready endpoints of the Service's EndpointSlices (kubectl ≥ v1.30 reads slices, not Endpoints).
 */
import type { KubeObject } from '../../api/object';
import type { ApiServer } from '../../api/server';
import type { EndpointSlice, Service } from '../../api/types';
import { formatLabels } from '../format';
import { joinHostPort } from '../printers/endpoints';
import { DescribeWriter, eventsFor, writeAnnotations, writeEvents, writeLabels } from './writer';

const SERVICE_NAME_LABEL = 'kubernetes.io/service-name';
const MAX_LISTED = 3;

/** The EndpointSlices kubectl lists for a Service: by the `kubernetes.io/service-name` label. */
export function slicesOf(api: ApiServer, service: Service): EndpointSlice[] {
  const name = service.metadata?.name;
  return (api.list('EndpointSlice', service.metadata?.namespace) as EndpointSlice[]).filter((s) => s.metadata?.labels?.[SERVICE_NAME_LABEL] === name);
}

/**
 * formatEndpointSlices for one port name: ready endpoints as "ip:port", the first three then
 * "+ N more...". Like kubectl, it sets "more" on reaching three listed before it skips a not-ready
 * endpoint, so three ready ones followed by a not-ready one read "… + 0 more...". "<none>" when
 * there are no slices at all, and an empty value when the slices hold no ready endpoint.
 */
export function formatEndpointSlices(slices: readonly EndpointSlice[], portName: string): string {
  if (slices.length === 0) return '<none>';
  const list: string[] = [];
  let more = false;
  let count = 0;
  const visit = (address: string, ready: boolean | undefined, port?: number) => {
    if (list.length === MAX_LISTED) more = true;
    // A missing `ready` means unknown, which consumers treat as ready.
    if (ready === false) return;
    if (!more) list.push(port === undefined ? address : joinHostPort(address, port));
    count++;
  };
  for (const slice of slices) {
    const endpoints = slice.endpoints ?? [];
    if (!slice.ports?.length) {
      for (const e of endpoints) visit(e.addresses[0], e.conditions?.ready);
      continue;
    }
    for (const port of slice.ports) {
      if ((port.name ?? '') !== portName) continue;
      for (const e of endpoints) visit(e.addresses[0], e.conditions?.ready, port.port ?? 0);
    }
  }
  const text = list.join(',');
  return more ? `${text} + ${count - MAX_LISTED} more...` : text;
}

/** buildIngressString: "IP (ipMode)" or the hostname, comma-space separated. */
function ingressText(service: Service): string {
  return (service.status?.loadBalancer?.ingress ?? []).map((i) => (i.ip ? (i.ipMode ? `${i.ip} (${i.ipMode})` : i.ip) : (i.hostname ?? ''))).join(', ');
}

export function describeService(api: ApiServer, obj: KubeObject, now: number): string {
  const service = obj as Service;
  const spec = service.spec ?? {};
  const slices = slicesOf(api, service);
  const w = new DescribeWriter();
  w.write(0, `Name:\t${service.metadata?.name ?? ''}\n`);
  w.write(0, `Namespace:\t${service.metadata?.namespace ?? ''}\n`);
  writeLabels(w, 'Labels', service.metadata?.labels);
  writeAnnotations(w, 'Annotations', service.metadata?.annotations);
  w.write(0, `Selector:\t${formatLabels(spec.selector)}\n`);
  w.write(0, `Type:\t${spec.type ?? ''}\n`);
  if (spec.ipFamilyPolicy) w.write(0, `IP Family Policy:\t${spec.ipFamilyPolicy}\n`);
  w.write(0, `IP Families:\t${spec.ipFamilies?.length ? spec.ipFamilies.join(',') : '<none>'}\n`);
  w.write(0, `IP:\t${spec.clusterIP ?? ''}\n`);
  w.write(0, `IPs:\t${spec.clusterIPs?.length ? spec.clusterIPs.join(',') : '<none>'}\n`);
  if (spec.externalIPs?.length) w.write(0, `External IPs:\t${spec.externalIPs.join(',')}\n`);
  if (spec.loadBalancerIP) w.write(0, `Desired LoadBalancer IP:\t${spec.loadBalancerIP}\n`);
  if (spec.externalName) w.write(0, `External Name:\t${spec.externalName}\n`);
  if (service.status?.loadBalancer?.ingress?.length) w.write(0, `LoadBalancer Ingress:\t${ingressText(service)}\n`);
  for (const port of spec.ports ?? []) {
    const name = port.name || '<unset>';
    const protocol = port.protocol ?? '';
    w.write(0, `Port:\t${name}\t${port.port}/${protocol}\n`);
    w.write(0, `TargetPort:\t${port.targetPort ?? 0}/${protocol}\n`);
    if (port.appProtocol) w.write(0, `AppProtocol:\t${port.appProtocol}\n`);
    if (port.nodePort) w.write(0, `NodePort:\t${name}\t${port.nodePort}/${protocol}\n`);
    w.write(0, `Endpoints:\t${formatEndpointSlices(slices, port.name ?? '')}\n`);
  }
  w.write(0, `Session Affinity:\t${spec.sessionAffinity ?? ''}\n`);
  if (spec.externalTrafficPolicy) w.write(0, `External Traffic Policy:\t${spec.externalTrafficPolicy}\n`);
  if (spec.internalTrafficPolicy) w.write(0, `Internal Traffic Policy:\t${spec.internalTrafficPolicy}\n`);
  if (spec.healthCheckNodePort) w.write(0, `HealthCheck NodePort:\t${spec.healthCheckNodePort}\n`);
  if (spec.loadBalancerSourceRanges?.length) w.write(0, `LoadBalancer Source Ranges:\t${spec.loadBalancerSourceRanges.join(',')}\n`);
  if (spec.trafficDistribution) w.write(0, `Traffic Distribution:\t${spec.trafficDistribution}\n`);
  writeEvents(w, eventsFor(api, obj, { matchKind: true }), now);
  return w.toString();
}
