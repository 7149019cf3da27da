import { clone, parseKey, type KubeObject } from '../api/object';
import type { WatchEvent } from '../api/store';
import type { EndpointAddress, Endpoints, Pod, Service } from '../api/types';
import { rfc3339 } from '../time';
import { deepEqual } from '../util/equal';
import { Controller, type ControllerContext } from './controller';
import { serviceBackends, servicesToSync } from './endpointslice';

/** Endpoints objects hold at most this many addresses, then are marked truncated. */
const MAX_ADDRESSES = 1000;

const byIp = (a: EndpointAddress, b: EndpointAddress) => (a.ip < b.ip ? -1 : a.ip > b.ip ? 1 : 0);

/**
 * pkg/controller/endpoint: the legacy Endpoints object of a Service with a selector — ready pods
 * under `addresses`, not-ready ones under `notReadyAddresses`, terminating ones left out (§6.2).
 */
export class EndpointsController extends Controller {
  constructor(ctx: ControllerContext) {
    super('endpoint-controller', ctx);
  }

  onEvent(event: WatchEvent): void {
    for (const key of servicesToSync(this.ctx, event)) this.enqueue(key);
  }

  protected sync(key: string): void {
    const { namespace, name } = parseKey(key);
    const svc = this.ctx.api.get('Service', namespace, name) as Service | undefined;
    const current = this.ctx.api.get('Endpoints', namespace, name) as Endpoints | undefined;
    if (!svc) {
      if (current) this.ctx.api.delete('Endpoints', namespace, name, this.name);
      return;
    }
    if (!svc.spec?.selector) return;
    const subsets = new Map<string, { addresses: EndpointAddress[]; notReadyAddresses: EndpointAddress[]; ports: { name?: string; port: number; protocol: string }[] }>();
    for (const b of serviceBackends(svc, this.ctx.api.list('Pod', namespace) as Pod[])) {
      if (b.terminating) continue;
      const ports = b.ports.map((p) => ({ ...(p.name ? { name: p.name } : {}), port: p.port!, protocol: p.protocol ?? 'TCP' }));
      const subsetKey = JSON.stringify(ports);
      const subset = subsets.get(subsetKey) ?? { addresses: [], notReadyAddresses: [], ports };
      const pod = b.pod;
      const address: EndpointAddress = {
        ip: pod.status!.podIP!,
        nodeName: pod.spec?.nodeName,
        targetRef: { kind: 'Pod', name: pod.metadata!.name, namespace: pod.metadata!.namespace, uid: pod.metadata!.uid },
      };
      (b.ready ? subset.addresses : subset.notReadyAddresses).push(address);
      subsets.set(subsetKey, subset);
    }
    let total = 0;
    const list = [...subsets.values()].map((s) => {
      const addresses = s.addresses.sort(byIp).slice(0, Math.max(0, MAX_ADDRESSES - total));
      total += addresses.length;
      return {
        ...(addresses.length ? { addresses } : {}),
        ...(s.notReadyAddresses.length ? { notReadyAddresses: s.notReadyAddresses.sort(byIp) } : {}),
        ports: s.ports,
      };
    });
    const truncated = [...subsets.values()].reduce((n, s) => n + s.addresses.length, 0) > MAX_ADDRESSES;
    const body: Endpoints = {
      apiVersion: 'v1',
      kind: 'Endpoints',
      metadata: {
        name,
        namespace,
        labels: svc.metadata?.labels,
        ...(truncated ? { annotations: { 'endpoints.kubernetes.io/over-capacity': 'truncated' } } : {}),
      },
      ...(list.length ? { subsets: list } : {}),
    };
    if (!current) {
      this.ctx.api.create(body as KubeObject, this.name);
      return;
    }
    if (deepEqual(current.subsets, body.subsets) && deepEqual(current.metadata?.labels, body.metadata?.labels)) return;
    const next = clone(current);
    next.subsets = body.subsets;
    next.metadata!.labels = body.metadata!.labels;
    next.metadata!.annotations = { ...(next.metadata!.annotations ?? {}), 'endpoints.kubernetes.io/last-change-trigger-time': rfc3339(this.ctx.clock.now()) };
    if (!truncated) delete next.metadata!.annotations['endpoints.kubernetes.io/over-capacity'];
    else next.metadata!.annotations['endpoints.kubernetes.io/over-capacity'] = 'truncated';
    if (!next.subsets) delete next.subsets;
    this.ctx.api.update(next as KubeObject, this.name);
  }
}
