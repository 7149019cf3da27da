/**
 * Ingress rule matching as ingress-nginx does it: host (exact, or `*.` matching one label), then
 * the path with the longest match winning and Exact before Prefix on a tie; ImplementationSpecific
 * is treated as Prefix. No match: the Ingress's defaultBackend, else the controller's 404.
 */
import type { Ingress, IngressBackend } from '../api/types';

export interface IngressMatch {
  ingress: Ingress;
  backend: IngressBackend;
  path: string;
}

export function hostMatches(ruleHost: string | undefined, host: string): boolean {
  if (!ruleHost) return true;
  if (ruleHost.startsWith('*.')) {
    const suffix = ruleHost.slice(1);
    return host.endsWith(suffix) && !host.slice(0, -suffix.length).includes('.') && host.length > suffix.length;
  }
  return ruleHost === host;
}

/** Prefix matching is element-wise on "/": /foo matches /foo and /foo/bar but not /foobar. */
function pathMatches(pathType: string, rulePath: string, path: string): boolean {
  if (pathType === 'Exact') return rulePath === path;
  if (rulePath === '/' || rulePath === '') return true;
  const trimmed = rulePath.replace(/\/$/, '');
  return path === trimmed || path.startsWith(`${trimmed}/`);
}

export function matchIngress(ingresses: Ingress[], host: string, path: string): IngressMatch | undefined {
  let best: (IngressMatch & { length: number; exact: boolean; hostSpecific: boolean }) | undefined;
  for (const ingress of ingresses) {
    for (const rule of ingress.spec?.rules ?? []) {
      if (!hostMatches(rule.host, host)) continue;
      for (const p of rule.http?.paths ?? []) {
        const rulePath = p.path ?? '/';
        const type = p.pathType ?? 'Prefix';
        if (!pathMatches(type, rulePath, path)) continue;
        const candidate = { ingress, backend: p.backend, path: rulePath, length: rulePath.length, exact: type === 'Exact', hostSpecific: !!rule.host };
        const better =
          !best ||
          (candidate.hostSpecific && !best.hostSpecific) ||
          (candidate.hostSpecific === best.hostSpecific && (candidate.length > best.length || (candidate.length === best.length && candidate.exact && !best.exact)));
        if (better) best = candidate;
      }
    }
  }
  if (best) return { ingress: best.ingress, backend: best.backend, path: best.path };
  const withDefault = ingresses.find((i) => i.spec?.defaultBackend && (i.spec.rules ?? []).every((r) => !r.host || hostMatches(r.host, host)));
  return withDefault ? { ingress: withDefault, backend: withDefault.spec!.defaultBackend!, path: '' } : undefined;
}
