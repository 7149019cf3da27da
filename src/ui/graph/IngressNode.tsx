import { memo, useMemo } from 'react';
import { Handle, Position, type NodeProps } from '@xyflow/react';
import type { Ingress } from 'kubernetes-types/networking/v1';
import { useCluster } from '../../state/cluster';
import { ingressAddress, ingressClass, ingressHosts, tlsHosts } from '../../state/ingresses';
import { useSelection } from '../../state/selection';
import { GlobeIcon, HourglassIcon } from '../icons';
import { RecentTrafficLines } from '../traffic/RecentTrafficLines';
import { TrafficControl } from '../traffic/TrafficControl';
import { ingressTarget } from '../traffic/traffic-actions';
import { activateOnKey } from './keys';
import type { GraphNode } from './layout';
import { shortName } from './PodNode';

/** How many hosts the card lists before "+N". */
const HOSTS_SHOWN = 2;

function Row({ label, children, title }: { label: string; children: React.ReactNode; title?: string }) {
  return (
    <div className="flex min-w-0 items-baseline gap-1.5 text-[11px] leading-4" title={title}>
      <span className="w-[3.75rem] shrink-0 text-[9px] tracking-wide text-slate-400 uppercase">{label}</span>
      <span className="min-w-0 truncate font-mono text-slate-200">{children}</span>
    </div>
  );
}

/**
 * An Ingress above the Service column: its class, hosts and the address the ingress controller
 * published (pending until it syncs), the traffic through it, and edges to its backend Services.
 */
function IngressNodeView({ data }: NodeProps<GraphNode>) {
  const key = data.objectKey;
  const ingress = useCluster((s) => s.objects.get(key)) as Ingress | undefined;
  const classes = useCluster((s) => s.byKind.get('IngressClass'));
  const selected = useSelection((s) => s.selected === key);
  const select = useSelection((s) => s.select);
  const target = useMemo(() => ingress && ingressTarget(key, ingress), [key, ingress]);
  if (!ingress) return null;

  const name = ingress.metadata?.name ?? '';
  const hosts = ingressHosts(ingress);
  const tls = tlsHosts(ingress);
  const address = ingressAddress(ingress);
  const cls = ingressClass(ingress, classes?.values() ?? []);
  const hostsText = hosts.slice(0, HOSTS_SHOWN).join(', ') + (hosts.length > HOSTS_SHOWN ? ` +${hosts.length - HOSTS_SHOWN}` : '');

  return (
    <div className="motion-safe:animate-appear relative h-full w-full">
      <div
        role="button"
        tabIndex={0}
        aria-label={`Ingress ${name}`}
        aria-pressed={selected}
        title={`Ingress ${name}\n${hosts.join(', ')} → ${address ?? 'address pending'}`}
        onKeyDown={activateOnKey(() => select(key))}
        className={`flex h-full w-full cursor-pointer flex-col gap-0.5 rounded-lg border border-t-4 border-teal-400/50 border-t-teal-400 bg-slate-900 px-2.5 pt-1.5 pb-1 shadow-md shadow-black/40 outline-none focus-visible:ring-2 focus-visible:ring-sky-400 ${
          selected ? 'ring-2 ring-sky-400' : ''
        }`}
      >
        <Handle type="source" id="backends" position={Position.Right} isConnectable={false} className="!pointer-events-none !opacity-0" />
        <div className="flex items-center gap-1.5">
          <GlobeIcon className="size-3.5 shrink-0 text-teal-300" />
          <span className="text-[10px] font-semibold tracking-wide text-slate-400 uppercase">Ingress</span>
          <span className="truncate font-mono text-xs font-semibold text-slate-100">{shortName(name, 28)}</span>
          <span
            className="ml-auto shrink-0 rounded bg-slate-800 px-1 font-mono text-[9px] leading-4 text-slate-300"
            title={cls.defaulted ? `No ingressClassName: the default IngressClass ${cls.name} serves it` : undefined}
          >
            class {cls.name ?? '<none>'}
            {cls.defaulted ? ' (default)' : ''}
          </span>
        </div>
        <Row label="Hosts" title={hosts.map((h) => (tls.has(h) ? `${h} (HTTPS)` : h)).join('\n')}>
          {hostsText}
          {hosts.some((h) => tls.has(h)) ? ' · TLS' : ''}
        </Row>
        <Row label="Address">
          {address ?? (
            <span className="inline-flex items-center gap-1 text-amber-300">
              <HourglassIcon className="size-3" />
              pending
            </span>
          )}
        </Row>
        {/* Room on the right for the traffic control beside the card. */}
        <div className="flex min-w-0 flex-col pr-40">
          <RecentTrafficLines objectKey={key} />
        </div>
      </div>
      {target && (
        <div className="absolute right-2.5 bottom-1.5">
          <TrafficControl target={target} size="compact" />
        </div>
      )}
    </div>
  );
}

export const IngressNode = memo(IngressNodeView);
