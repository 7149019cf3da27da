/**
 * kube-proxy (iptables mode) and the paths a request can take into the cluster: a Service name or
 * ClusterIP, a node's IP and NodePort, a LoadBalancer's address, an Ingress host, or a pod IP
 * (k8s-semantics §6.3). Endpoints are picked uniformly at random per connection, ClientIP
 * affinity pins a client to one, and with no endpoint at all the connection is refused.
 */
import type { ApiServer } from '../api/server';
import type { Endpoint, EndpointSlice, Ingress, Node, Pod, Service, ServicePort } from '../api/types';
import { behaviourOf } from '../kubelet/behaviour';
import { parseImage } from '../kubelet/images';
import type { HttpApps } from '../kubelet/runtime';
import type { Rng } from '../rng';
import { lookup } from './dns';
import { matchIngress } from './ingress';

/** The simulated ingress-nginx controller's address (its LoadBalancer). */
export const INGRESS_CONTROLLER_IP = '172.18.255.100';

export interface Response {
  ok: boolean;
  /** HTTP status, or undefined when no connection was made. */
  status?: number;
  /** What a client prints: the body, or curl's error line. */
  text: string;
  /** The pod that answered. */
  pod?: { name: string; namespace: string; node?: string; image: string; version: string };
  /** The Service (and Ingress) the request went through, as "namespace/name". */
  service?: string;
  ingress?: string;
}

/** ClientIP session affinity: service key + client IP → pod IP, until it expires. */
export type AffinityTable = Map<string, { ip: string; until: number }>;

interface Target {
  host: string;
  port?: number;
  path: string;
  https: boolean;
}

export function parseUrl(url: string): Target {
  const m = /^(?:(https?):\/\/)?([^/:]+)(?::(\d+))?(\/.*)?$/.exec(url.trim());
  if (!m) return { host: url, path: '/', https: false };
  const [, scheme, host, port, path] = m;
  return { host, port: port ? Number(port) : scheme === 'https' ? 443 : undefined, path: path ?? '/', https: scheme === 'https' };
}

const refused = (host: string, port: number): Response => ({
  ok: false,
  text: `curl: (7) Failed to connect to ${host} port ${port} after 0 ms: Couldn't connect to server`,
});

export class Proxy {
  constructor(
    private readonly api: ApiServer,
    private readonly rng: Rng,
    private readonly affinity: AffinityTable,
    private readonly now: () => number,
    /** Demo apps that answer from their files (kubesim/visit-counter). */
    private readonly apps?: HttpApps,
  ) {}

  /** One request from a client pod or machine, as curl would make it. */
  request(url: string, clientIP = '10.244.0.100', namespace = 'default'): Response {
    const target = parseUrl(url);
    const port = target.port ?? 80;
    const services = this.api.list('Service') as Service[];

    const byClusterIp = services.find((s) => s.spec?.clusterIP === target.host);
    if (byClusterIp) return this.viaService(byClusterIp, port, target, clientIP);

    const node = (this.api.list('Node') as Node[]).find((n) => n.status?.addresses?.some((a) => a.address === target.host));
    if (node) {
      const svc = services.find((s) => s.spec?.ports?.some((p) => p.nodePort === port));
      if (!svc) return refused(target.host, port);
      return this.viaService(svc, port, target, clientIP, node.metadata!.name);
    }
    const byLb = services.find((s) => s.status?.loadBalancer?.ingress?.some((i) => i.ip === target.host));
    if (byLb) return this.viaService(byLb, port, target, clientIP);

    const pod = (this.api.list('Pod') as Pod[]).find((p) => p.status?.podIP === target.host && p.status.phase === 'Running');
    if (pod) return this.answer(pod, port, target, clientIP);

    if (/^\d+\.\d+\.\d+\.\d+$/.test(target.host)) {
      return target.host === INGRESS_CONTROLLER_IP ? this.viaIngress(target, clientIP) : refused(target.host, port);
    }
    const found = lookup(this.api, target.host, namespace);
    if (found.ok && found.service) {
      if (found.service.spec?.clusterIP === 'None') {
        const ip = found.addresses[0];
        const backend = ip && (this.api.list('Pod') as Pod[]).find((p) => p.status?.podIP === ip);
        return backend ? this.answer(backend, port, target, clientIP) : { ok: false, text: `curl: (6) Could not resolve host: ${target.host}` };
      }
      return this.viaService(found.service, port, target, clientIP);
    }
    if (this.ingresses().some((i) => (i.spec?.rules ?? []).some((r) => r.host === target.host))) return this.viaIngress(target, clientIP);
    return { ok: false, text: `curl: (6) Could not resolve host: ${target.host}` };
  }

  private ingresses(): Ingress[] {
    return this.api.list('Ingress') as Ingress[];
  }

  private viaIngress(target: Target, clientIP: string): Response {
    const match = matchIngress(this.ingresses(), target.host, target.path);
    if (!match?.backend.service) {
      return { ok: false, status: 404, text: '<html><head><title>404 Not Found</title></head><body><center><h1>404 Not Found</h1></center><hr><center>nginx</center></body></html>' };
    }
    // TLS ends at the ingress controller: a host without a tls entry gets its fake default certificate.
    if (target.https && !(match.ingress.spec?.tls ?? []).some((t) => (t.hosts ?? []).includes(target.host))) {
      return { ok: false, text: 'curl: (60) SSL certificate problem: self-signed certificate\nMore details here: https://curl.se/docs/sslcerts.html' };
    }
    const ns = match.ingress.metadata!.namespace!;
    const svc = this.api.get('Service', ns, match.backend.service.name) as Service | undefined;
    const ingress = `${ns}/${match.ingress.metadata!.name}`;
    if (!svc) return { ok: false, status: 503, text: '<html><head><title>503 Service Temporarily Unavailable</title></head></html>', ingress };
    const wanted = match.backend.service.port;
    const port = wanted?.number ?? svc.spec?.ports?.find((p) => p.name === wanted?.name)?.port ?? 80;
    const res = this.viaService(svc, port, target, clientIP);
    // ingress-nginx answers 503 itself when the Service has no endpoints.
    if (!res.ok && res.status === undefined) return { ok: false, status: 503, text: '<html><head><title>503 Service Temporarily Unavailable</title></head></html>', service: res.service, ingress };
    const tls = target.https ? ' (TLS terminated at the ingress)' : '';
    return { ...res, text: `${res.text}${tls}`, ingress };
  }

  private viaService(svc: Service, port: number, target: Target, clientIP: string, viaNode?: string): Response {
    const key = `${svc.metadata!.namespace}/${svc.metadata!.name}`;
    const servicePort = svc.spec?.ports?.find((p) => (viaNode ? p.nodePort === port : p.port === port));
    if (!servicePort) return { ...refused(target.host, port), service: key };
    let endpoints = this.endpoints(svc, servicePort);
    const localOnly = viaNode && svc.spec?.externalTrafficPolicy === 'Local';
    if (localOnly) endpoints = endpoints.filter((e) => e.nodeName === viaNode);
    // ProxyTerminatingEndpoints: with no ready endpoint, serving terminating ones are used.
    let usable = endpoints.filter((e) => e.conditions?.ready);
    if (usable.length === 0) usable = endpoints.filter((e) => e.conditions?.serving && e.conditions.terminating);
    if (usable.length === 0) return { ...refused(target.host, port), service: key };

    const chosen = this.pick(svc, key, clientIP, usable);
    const pod = this.api.get('Pod', chosen.targetRef?.namespace, chosen.targetRef?.name ?? '') as Pod | undefined;
    if (!pod) return { ...refused(target.host, port), service: key };
    return { ...this.answer(pod, chosen.port, target, clientIP), service: key };
  }

  /** Ready-or-not endpoints of the Service with the pod port this service port maps to. */
  private endpoints(svc: Service, servicePort: ServicePort): (Endpoint & { port: number })[] {
    const out: (Endpoint & { port: number })[] = [];
    const slices = (this.api.list('EndpointSlice', svc.metadata!.namespace) as EndpointSlice[]).filter(
      (s) => s.metadata?.labels?.['kubernetes.io/service-name'] === svc.metadata!.name,
    );
    for (const slice of slices) {
      const port = slice.ports?.find((p) => (p.name ?? '') === (servicePort.name ?? ''))?.port;
      if (port === undefined || port === null) continue;
      for (const e of slice.endpoints ?? []) out.push({ ...e, port });
    }
    return out.sort((a, b) => (a.addresses[0] < b.addresses[0] ? -1 : 1));
  }

  /** iptables' statistic-mode rules: uniform random; ClientIP affinity sticks for its timeout. */
  private pick(svc: Service, key: string, clientIP: string, usable: (Endpoint & { port: number })[]): Endpoint & { port: number } {
    const now = this.now();
    if (svc.spec?.sessionAffinity === 'ClientIP') {
      const sticky = this.affinity.get(`${key}|${clientIP}`);
      const still = sticky && sticky.until > now && usable.find((e) => e.addresses[0] === sticky.ip);
      if (still) return still;
    }
    const chosen = usable[this.rng.int(0, usable.length - 1)];
    if (svc.spec?.sessionAffinity === 'ClientIP') {
      const timeout = svc.spec.sessionAffinityConfig?.clientIP?.timeoutSeconds ?? 10800;
      this.affinity.set(`${key}|${clientIP}`, { ip: chosen.addresses[0], until: now + timeout * 1000 });
    }
    return chosen;
  }

  /** The pod's own answer, if its process listens on the port. */
  private answer(pod: Pod, port: number, target: Target, clientIP: string): Response {
    const host = target.host;
    const container = pod.spec?.containers.find((c) => {
      const ports = behaviourOf(c, pod.metadata?.annotations).ports;
      return ports === 'any' || ports.includes(port);
    });
    const running = pod.status?.containerStatuses?.some((c) => c.state?.running);
    if (!container || !running) return refused(host, port);
    const image = container.image ?? '';
    const version = parseImage(image).tag;
    return {
      ok: true,
      status: 200,
      text: this.apps?.serve(pod, container, { at: this.now(), clientIP, path: target.path }) ?? `Hello from ${pod.metadata!.name} (${image})`,
      pod: { name: pod.metadata!.name!, namespace: pod.metadata!.namespace!, node: pod.spec?.nodeName, image, version },
    };
  }
}
