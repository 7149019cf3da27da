import { mapSelectorMatches } from '../api/labels';
import { clone, keyOf, objectKey, parseKey, type KubeObject } from '../api/object';
import { isPodReady } from '../api/pod';
import type { WatchEvent } from '../api/store';
import type { Endpoint, EndpointPort, EndpointSlice, Pod, Service, ServicePort } from '../api/types';
import { deepEqual } from '../util/equal';
import { Controller, type ControllerContext } from './controller';
import { controllerRefTo } from './replicaset';

export const SERVICE_NAME_LABEL = 'kubernetes.io/service-name';
export const MANAGED_BY_LABEL = 'endpointslice.kubernetes.io/managed-by';
export const MANAGED_BY = 'endpointslice-controller.k8s.io';
/** --max-endpoints-per-slice. */
const MAX_ENDPOINTS_PER_SLICE = 100;

/** A pod that backs a Service, with the ports its named targetPorts resolve to on that pod. */
export interface Backend {
  pod: Pod;
  ready: boolean;
  terminating: boolean;
  ports: EndpointPort[];
}

/** FindPort: a numeric targetPort as is; a named one from the pod's container ports. */
function resolvePort(pod: Pod, port: ServicePort): number | undefined {
  const target = port.targetPort ?? port.port;
  if (typeof target === 'number') return target;
  for (const c of pod.spec?.containers ?? []) {
    const found = c.ports?.find((p) => p.name === target && (p.protocol ?? 'TCP') === (port.protocol ?? 'TCP'));
    if (found) return found.containerPort;
  }
  return undefined;
}

/**
 * The pods a Service's selector picks in its namespace that can take traffic at all: not finished,
 * with an IP (ShouldPodBeInEndpoints). Terminating ones are kept and flagged.
 */
export function serviceBackends(svc: Service, pods: Pod[]): Backend[] {
  const selector = svc.spec?.selector;
  const publishNotReady = svc.spec?.publishNotReadyAddresses === true;
  return pods
    .filter((p) => mapSelectorMatches(selector, p.metadata?.labels))
    .filter((p) => p.status?.podIP && p.status.phase !== 'Succeeded' && p.status.phase !== 'Failed')
    .map((pod) => ({
      pod,
      ready: publishNotReady || isPodReady(pod),
      terminating: !!pod.metadata?.deletionTimestamp,
      ports: (svc.spec?.ports ?? [])
        .map((sp): EndpointPort | undefined => {
          const port = resolvePort(pod, sp);
          return port === undefined ? undefined : { name: sp.name ?? '', port, protocol: sp.protocol ?? 'TCP' };
        })
        .filter((p): p is EndpointPort => p !== undefined),
    }))
    .sort((a, b) => (a.pod.metadata!.name! < b.pod.metadata!.name! ? -1 : 1));
}

/** Services in a namespace whose selector picks these labels. */
function servicesSelecting(ctx: ControllerContext, namespace: string | undefined, labels: Record<string, string> | undefined): Service[] {
  return (ctx.api.list('Service', namespace) as Service[]).filter((s) => s.spec?.selector && mapSelectorMatches(s.spec.selector, labels));
}

/**
 * The Service keys a change makes dirty for the endpoint controllers: the Service itself, or
 * every Service whose selector picked the pod before or after the change.
 */
export function servicesToSync(ctx: ControllerContext, { object, old }: WatchEvent): string[] {
  if (object.kind === 'Service') return [keyOf(object)];
  if (object.kind !== 'Pod') return [];
  const ns = object.metadata.namespace;
  const keys = new Set<string>();
  for (const labels of [object.metadata.labels, old?.metadata.labels]) {
    for (const svc of servicesSelecting(ctx, ns, labels)) keys.add(objectKey('Service', ns, svc.metadata!.name!));
  }
  return [...keys];
}

/**
 * pkg/controller/endpointslice: one set of EndpointSlices per Service with a selector, an endpoint
 * per backing pod with its ready/serving/terminating conditions, at most 100 per slice, and one
 * slice per distinct resolved port set (k8s-semantics §6.2).
 */
export class EndpointSliceController extends Controller {
  constructor(ctx: ControllerContext) {
    super('endpointslice-controller', ctx);
  }

  onEvent(event: WatchEvent): void {
    for (const key of servicesToSync(this.ctx, event)) this.enqueue(key);
  }

  protected sync(key: string): void {
    const { namespace, name } = parseKey(key);
    const svc = this.ctx.api.get('Service', namespace, name) as Service | undefined;
    const existing = (this.ctx.api.list('EndpointSlice', namespace) as EndpointSlice[]).filter(
      (s) => s.metadata?.labels?.[SERVICE_NAME_LABEL] === name && s.metadata?.labels?.[MANAGED_BY_LABEL] === MANAGED_BY,
    );
    // Slices of a deleted Service go with it (owner references); without a selector there are none to manage.
    if (!svc || !svc.spec?.selector || svc.metadata?.deletionTimestamp) return;
    const backends = serviceBackends(svc, this.ctx.api.list('Pod', namespace) as Pod[]);
    const groups = new Map<string, { ports: EndpointPort[]; endpoints: Endpoint[] }>();
    for (const b of backends) {
      const portKey = JSON.stringify(b.ports);
      const group = groups.get(portKey) ?? { ports: b.ports, endpoints: [] };
      group.endpoints.push(this.endpoint(svc, b));
      groups.set(portKey, group);
    }
    const wanted: { ports: EndpointPort[]; endpoints: Endpoint[] }[] = [];
    for (const group of groups.values()) {
      for (let i = 0; i < group.endpoints.length; i += MAX_ENDPOINTS_PER_SLICE) {
        wanted.push({ ports: group.ports, endpoints: group.endpoints.slice(i, i + MAX_ENDPOINTS_PER_SLICE) });
      }
    }
    // A Service that selects nothing still gets one empty slice.
    if (wanted.length === 0) wanted.push({ ports: [], endpoints: [] });
    wanted.forEach((want, i) => this.write(svc, existing[i], want));
    for (const extra of existing.slice(wanted.length)) this.ctx.api.delete('EndpointSlice', namespace, extra.metadata!.name!, this.name);
  }

  private endpoint(svc: Service, b: Backend): Endpoint {
    const pod = b.pod;
    const hostname = pod.spec?.hostname && pod.spec.subdomain === svc.metadata!.name ? { hostname: pod.spec.hostname } : {};
    return {
      addresses: [pod.status!.podIP!],
      conditions: { ready: b.ready && !b.terminating, serving: b.ready, terminating: b.terminating },
      ...hostname,
      nodeName: pod.spec?.nodeName,
      targetRef: { kind: 'Pod', name: pod.metadata!.name, namespace: pod.metadata!.namespace, uid: pod.metadata!.uid },
    };
  }

  private write(svc: Service, current: EndpointSlice | undefined, want: { ports: EndpointPort[]; endpoints: Endpoint[] }): void {
    const body = {
      addressType: 'IPv4',
      ...(want.endpoints.length ? { endpoints: want.endpoints } : {}),
      ...(want.ports.length ? { ports: want.ports } : {}),
    };
    if (current) {
      const now = { addressType: current.addressType, endpoints: current.endpoints, ports: current.ports };
      if (deepEqual(now, body)) return;
      const next = clone(current) as KubeObject;
      delete next.endpoints;
      delete next.ports;
      this.ctx.api.update({ ...next, ...body }, this.name);
      return;
    }
    this.ctx.api.create(
      {
        apiVersion: 'discovery.k8s.io/v1',
        kind: 'EndpointSlice',
        metadata: {
          generateName: `${svc.metadata!.name}-`,
          namespace: svc.metadata!.namespace,
          labels: { [SERVICE_NAME_LABEL]: svc.metadata!.name!, [MANAGED_BY_LABEL]: MANAGED_BY },
          ownerReferences: [controllerRefTo(svc as KubeObject)],
        },
        ...body,
      },
      this.name,
    );
  }
}
