import type { Service } from 'kubernetes-types/core/v1';
import type { ServiceEndpoint } from '../../state/services';
import { externalAddress, portMapping, selectorText, serviceDnsName } from '../../state/services';
import { useSelection } from '../../state/selection';
import { shortName } from '../graph/PodNode';
import { CheckCircleIcon, HourglassIcon } from '../icons';
import { Field, Section } from './parts';

/** A Service's rows of the inspector's summary: how it is reached and what it selects. */
export function ServiceFields({ service }: { service: Service }) {
  const spec = service.spec;
  const external = externalAddress(service);
  return (
    <>
      <Field label="Type">{spec?.type ?? 'ClusterIP'}</Field>
      <Field label="Cluster IP">{spec?.clusterIP === 'None' ? 'None (headless)' : (spec?.clusterIP ?? '…')}</Field>
      {external !== undefined && <Field label="External IP">{external}</Field>}
      <Field label="Ports">
        {(spec?.ports ?? []).length === 0 ? (
          '<none>'
        ) : (
          <ul className="flex flex-col gap-0.5">
            {(spec?.ports ?? []).map((port) => (
              <li key={`${port.port}/${port.protocol ?? 'TCP'}`}>
                {port.name && <span className="text-slate-400">{port.name} </span>}
                {portMapping(port)}
                {port.nodePort ? <span className="text-slate-400"> · NodePort {port.nodePort}</span> : null}
              </li>
            ))}
          </ul>
        )}
      </Field>
      <Field label="Selector">{selectorText(service) ?? '<none>'}</Field>
      <Field label="DNS name">{serviceDnsName(service)}</Field>
      {spec?.sessionAffinity === 'ClientIP' && <Field label="Affinity">ClientIP</Field>}
    </>
  );
}

/** The endpoints from the Service's EndpointSlices: which pod, at which address, and whether it gets traffic. */
export function ServiceEndpoints({ endpoints }: { endpoints: readonly ServiceEndpoint[] }) {
  const select = useSelection((s) => s.select);
  const ready = endpoints.filter((e) => e.ready).length;
  return (
    <Section title={`Endpoints (${ready} ready${endpoints.length > ready ? `, ${endpoints.length - ready} not ready` : ''})`}>
      {endpoints.length === 0 ? (
        <p className="text-xs text-slate-400">&lt;none&gt;</p>
      ) : (
        <ul aria-label="Endpoints" className="flex flex-col gap-1">
          {endpoints.map((e) => (
            <li key={`${e.ip}/${e.podKey ?? ''}`} className="flex items-center gap-2 text-xs">
              {e.ready ? (
                <CheckCircleIcon className="size-3.5 shrink-0 text-emerald-300" />
              ) : (
                <HourglassIcon className="size-3.5 shrink-0 text-amber-300" />
              )}
              {e.podKey && e.podName ? (
                <button
                  type="button"
                  onClick={() => select(e.podKey ?? null)}
                  title={e.podName}
                  className="min-w-0 truncate rounded font-mono text-sky-300 hover:underline focus-visible:ring-2 focus-visible:ring-sky-400 focus-visible:outline-none"
                >
                  {shortName(e.podName, 22)}
                </button>
              ) : (
                <span className="font-mono text-slate-400">—</span>
              )}
              <span className="ml-auto shrink-0 font-mono text-slate-300">{e.ip}</span>
              <span className={`w-[4.5rem] shrink-0 text-right ${e.ready ? 'text-emerald-300' : 'text-amber-300'}`}>
                {e.ready ? 'ready' : e.terminating ? 'terminating' : 'not ready'}
              </span>
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}
