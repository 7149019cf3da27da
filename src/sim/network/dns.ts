/**
 * CoreDNS for the simulated cluster (k8s-semantics §6.1): Service names, pod names behind headless
 * Services, and the search path a pod's resolv.conf gives (`<ns>.svc.cluster.local`, …).
 */
import type { ApiServer } from '../api/server';
import type { Pod, Service } from '../api/types';

export const CLUSTER_DOMAIN = 'cluster.local';

export type Lookup = { ok: true; fqdn: string; addresses: string[]; service?: Service } | { ok: false; fqdn: string };

/** The names a short name expands to from a pod in `namespace`, in resolv.conf search order. */
export function searchNames(name: string, namespace: string): string[] {
  const trimmed = name.replace(/\.$/, '');
  if (trimmed.endsWith(`.${CLUSTER_DOMAIN}`)) return [trimmed];
  return [`${trimmed}.${namespace}.svc.${CLUSTER_DOMAIN}`, `${trimmed}.svc.${CLUSTER_DOMAIN}`, `${trimmed}.${CLUSTER_DOMAIN}`, trimmed];
}

/** One fully qualified name: `<svc>.<ns>.svc.cluster.local` or `<hostname>.<svc>.<ns>.svc.cluster.local`. */
function resolveFqdn(api: ApiServer, fqdn: string): Lookup {
  const suffix = `.svc.${CLUSTER_DOMAIN}`;
  if (!fqdn.endsWith(suffix)) return { ok: false, fqdn };
  const labels = fqdn.slice(0, -suffix.length).split('.');
  if (labels.length === 2) {
    const [name, namespace] = labels;
    const service = api.get('Service', namespace, name) as Service | undefined;
    if (!service) return { ok: false, fqdn };
    if (service.spec?.clusterIP === 'None') return { ok: true, fqdn, addresses: headlessAddresses(api, service), service };
    if (service.spec?.type === 'ExternalName') return { ok: true, fqdn, addresses: [service.spec.externalName ?? ''], service };
    return { ok: true, fqdn, addresses: [service.spec!.clusterIP!], service };
  }
  if (labels.length === 3) {
    const [hostname, name, namespace] = labels;
    const pod = (api.list('Pod', namespace) as Pod[]).find((p) => (p.spec?.hostname ?? p.metadata?.name) === hostname && p.spec?.subdomain === name && p.status?.podIP);
    const service = api.get('Service', namespace, name) as Service | undefined;
    if (!pod || !service || service.spec?.clusterIP !== 'None') return { ok: false, fqdn };
    return { ok: true, fqdn, addresses: [pod.status!.podIP!], service };
  }
  return { ok: false, fqdn };
}

/** A headless Service answers with its ready endpoints' pod IPs. */
function headlessAddresses(api: ApiServer, service: Service): string[] {
  const slices = api.list('EndpointSlice', service.metadata!.namespace).filter((s) => s.metadata.labels?.['kubernetes.io/service-name'] === service.metadata!.name);
  const out: string[] = [];
  for (const slice of slices) {
    for (const e of (slice.endpoints as { addresses: string[]; conditions?: { ready?: boolean } }[] | undefined) ?? []) {
      if (e.conditions?.ready !== false) out.push(...e.addresses);
    }
  }
  return out.sort();
}

/** Resolves a name as a pod in `namespace` would; NXDOMAIN when no search name matches. */
export function lookup(api: ApiServer, name: string, namespace = 'default'): Lookup {
  const candidates = searchNames(name, namespace);
  for (const fqdn of candidates) {
    const found = resolveFqdn(api, fqdn);
    if (found.ok) return found;
  }
  return { ok: false, fqdn: candidates[0] };
}
