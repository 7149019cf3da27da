import type { Ingress } from 'kubernetes-types/networking/v1';
import { useCluster } from '../../state/cluster';
import { ingressAddress, ingressClass, ingressRoutes, tlsHosts } from '../../state/ingresses';
import { objectKey } from '../../state/objects';
import { useSelection } from '../../state/selection';
import { AlertIcon } from '../icons';
import { Field, Section } from './parts';

/** An Ingress's rows of the inspector's summary: its class, address and TLS hosts. */
export function IngressFields({ ingress }: { ingress: Ingress }) {
  const classes = useCluster((s) => s.byKind.get('IngressClass'));
  const cls = ingressClass(ingress, classes?.values() ?? []);
  const tls = [...tlsHosts(ingress)];
  return (
    <>
      <Field label="Class">
        {cls.name ?? '<none>'}
        {cls.defaulted && <span className="font-sans break-normal text-slate-400"> (the default IngressClass: spec.ingressClassName is empty)</span>}
      </Field>
      <Field label="Address">{ingressAddress(ingress) ?? '<pending>: the ingress controller has not synced it yet'}</Field>
      {tls.length > 0 && (
        <Field label="TLS">
          {tls.join(', ')}
          <span className="block font-sans break-normal text-slate-400">HTTPS ends at the ingress controller; it forwards plain HTTP to the Service.</span>
        </Field>
      )}
    </>
  );
}

/**
 * The rules as ingress-nginx matches them: host, path and pathType, and the backend each leads
 * to, with a warning where the backend Service does not exist.
 */
export function IngressRules({ ingress }: { ingress: Ingress }) {
  const namespace = ingress.metadata?.namespace;
  const services = useCluster((s) => s.byKind.get('Service'));
  const select = useSelection((s) => s.select);
  const routes = ingressRoutes(ingress);
  return (
    <Section title={`Rules (${routes.length})`}>
      <p className="mb-2 text-xs text-slate-400">The longest matching path wins; Exact beats Prefix on a tie. Unmatched requests get a 404 from the controller.</p>
      <table aria-label="Rules" className="w-full table-fixed text-xs">
        <thead>
          <tr className="text-left text-[10px] tracking-wide text-slate-400 uppercase">
            <th className="w-[34%] pb-1 font-medium">Host</th>
            <th className="w-[16%] pb-1 font-medium">Path</th>
            <th className="w-[22%] pb-1 font-medium">PathType</th>
            <th className="pb-1 font-medium">Backend</th>
          </tr>
        </thead>
        <tbody className="font-mono">
          {routes.map((r, i) => {
            const key = r.service ? objectKey('Service', namespace, r.service) : undefined;
            const exists = key !== undefined && services?.has(key);
            return (
              <tr key={i} className="align-top">
                <td className="py-0.5 pr-1 break-all text-slate-200">
                  {r.path === undefined ? <span className="font-sans text-slate-400">default backend</span> : (r.host ?? '*')}
                </td>
                <td className="py-0.5 pr-1 break-all text-slate-200">
                  {r.path ?? ''}
                </td>
                <td className="truncate py-0.5 pr-1 text-slate-400" title={r.pathType}>
                  {r.pathType ?? ''}
                </td>
                <td className="py-0.5 break-words">
                  {exists ? (
                    <button type="button" onClick={() => select(key ?? null)} className="rounded text-sky-300 hover:underline focus-visible:ring-2 focus-visible:ring-sky-400 focus-visible:outline-none">
                      {r.backend}
                    </button>
                  ) : key ? (
                    <span className="inline-flex items-start gap-1 text-amber-300" title={`No Service ${r.service} in namespace ${namespace}`}>
                      <AlertIcon className="mt-0.5 size-3 shrink-0" />
                      <span className="min-w-0">
                        <span className="break-all">{r.backend}</span>
                        <span className="block font-sans">no such Service</span>
                      </span>
                    </span>
                  ) : (
                    <span className="text-slate-300">{r.backend}</span>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </Section>
  );
}
