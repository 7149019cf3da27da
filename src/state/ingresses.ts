/**
 * Pure readers of Ingresses for the graph and the inspector: the routes of each rule and where
 * they lead, the class and the address the ingress controller published (k8s-semantics §6.4).
 */
import type { Ingress, IngressBackend, IngressClass } from 'kubernetes-types/networking/v1';
import type { WireObject } from '../protocol/messages';

/** The annotation that makes an IngressClass the default for Ingresses that name none. */
export const DEFAULT_CLASS_ANNOTATION = 'ingressclass.kubernetes.io/is-default-class';

export interface IngressRoute {
  /** Unset for a rule that matches every host, and for the default backend. */
  host?: string;
  /** Unset for the default backend. */
  path?: string;
  pathType?: string;
  /** "shop.example.com/api", "*\/api", or "default backend". */
  route: string;
  /** The backend Service's name; unset for a resource backend. */
  service?: string;
  /** The Service port, by number or name. */
  port?: string;
  /** How the backend reads in a table: "web:80", or the resource's kind and name. */
  backend: string;
}

function backendText(backend: IngressBackend): string {
  if (backend.service) {
    const port = backend.service.port?.number ?? backend.service.port?.name;
    return port === undefined ? backend.service.name : `${backend.service.name}:${port}`;
  }
  return backend.resource ? `${backend.resource.kind}/${backend.resource.name}` : '<none>';
}

function route(backend: IngressBackend, fields: Pick<IngressRoute, 'host' | 'path' | 'pathType'>, label: string): IngressRoute {
  const port = backend.service?.port?.number ?? backend.service?.port?.name;
  return { ...fields, route: label, service: backend.service?.name, port: port === undefined ? undefined : String(port), backend: backendText(backend) };
}

/** Every rule path in the order written, then the default backend. */
export function ingressRoutes(ingress: Ingress): IngressRoute[] {
  const routes: IngressRoute[] = [];
  for (const rule of ingress.spec?.rules ?? []) {
    for (const p of rule.http?.paths ?? []) {
      const path = p.path ?? '/';
      routes.push(route(p.backend, { host: rule.host, path, pathType: p.pathType }, `${rule.host ?? '*'}${path}`));
    }
  }
  const fallback = ingress.spec?.defaultBackend;
  if (fallback) routes.push(route(fallback, {}, 'default backend'));
  return routes;
}

/** HOSTS as `kubectl get ingress` prints them: the rule hosts, or "*" for rules without one. */
export function ingressHosts(ingress: Ingress): string[] {
  const hosts = (ingress.spec?.rules ?? []).map((r) => r.host ?? '*');
  return [...new Set(hosts.length ? hosts : ['*'])];
}

/** The addresses the ingress controller published, once it has synced the Ingress. */
export function ingressAddress(ingress: Ingress): string | undefined {
  const addresses = (ingress.status?.loadBalancer?.ingress ?? []).map((i) => i.ip || i.hostname || '').filter(Boolean);
  return addresses.length ? addresses.join(',') : undefined;
}

/** The class the Ingress names, or the default IngressClass that serves it when it names none. */
export function ingressClass(ingress: Ingress, classes: Iterable<WireObject>): { name?: string; defaulted: boolean } {
  const named = ingress.spec?.ingressClassName ?? ingress.metadata?.annotations?.['kubernetes.io/ingress.class'];
  if (named) return { name: named, defaulted: false };
  for (const c of classes) {
    if ((c as IngressClass).metadata?.annotations?.[DEFAULT_CLASS_ANNOTATION] === 'true') return { name: c.metadata.name, defaulted: true };
  }
  return { defaulted: false };
}

/** The hosts served over HTTPS: the TLS section's hosts (TLS ends at the ingress controller). */
export function tlsHosts(ingress: Ingress): Set<string> {
  return new Set((ingress.spec?.tls ?? []).flatMap((t) => t.hosts ?? []));
}

/**
 * Where a client reaches the Ingress: its first rule's host and path (a wildcard host as one name
 * under it), or its address for a rule without a host; HTTPS for a TLS host.
 */
export function ingressUrl(ingress: Ingress): string | undefined {
  const first = ingressRoutes(ingress)[0];
  const ruleHost = first?.host;
  const host = ruleHost?.replace(/^\*\./, 'www.') ?? ingressAddress(ingress)?.split(',')[0];
  if (!host) return undefined;
  const scheme = ruleHost && tlsHosts(ingress).has(ruleHost) ? 'https' : 'http';
  return `${scheme}://${host}${first?.path ?? '/'}`;
}
