import { memo, useMemo } from 'react';
import { Handle, Position, type NodeProps } from '@xyflow/react';
import type { Service } from 'kubernetes-types/core/v1';
import { useShallow } from 'zustand/react/shallow';
import { useCluster } from '../../state/cluster';
import { useSelection } from '../../state/selection';
import { externalAddress, portText } from '../../state/services';
import { AlertIcon, CheckCircleIcon } from '../icons';
import { RecentTrafficLines } from '../traffic/RecentTrafficLines';
import { TrafficControl } from '../traffic/TrafficControl';
import { serviceTarget } from '../traffic/traffic-actions';
import { activateOnKey } from './keys';
import type { GraphNode } from './layout';
import { shortName } from './PodNode';

/** Each Service type in its own accent, so a NodePort or LoadBalancer stands out from ClusterIPs. */
const TYPE_ACCENT: Record<string, string> = {
  ClusterIP: 'border-violet-400/50 border-r-violet-400',
  NodePort: 'border-fuchsia-400/50 border-r-fuchsia-400',
  LoadBalancer: 'border-pink-400/50 border-r-pink-400',
  ExternalName: 'border-slate-500/50 border-r-slate-400',
};

const NO_COUNT = { ready: 0, notReady: 0 };

function Row({ label, children, title }: { label: string; children: React.ReactNode; title?: string }) {
  return (
    <div className="flex min-w-0 items-baseline gap-1.5 text-[11px] leading-4" title={title}>
      <span className="w-[4.25rem] shrink-0 text-[9px] tracking-wide text-slate-400 uppercase">{label}</span>
      <span className="min-w-0 truncate font-mono text-slate-200">{children}</span>
    </div>
  );
}

/**
 * A Service on the right of the graph: type, ClusterIP, ports and its endpoints, what traffic it
 * carries now, and a control to send it some. Its edges to the endpoint pods come from the
 * EndpointSlices; "0 endpoints" is shown in amber rather than hidden. The traffic control sits
 * beside the card, not inside it, so the card stays one button and the control stays reachable.
 */
function ServiceNodeView({ data }: NodeProps<GraphNode>) {
  const key = data.objectKey;
  const service = useCluster((s) => s.objects.get(key)) as Service | undefined;
  // Shallow: a new topology rebuilds every count, but this node redraws only when its own changes.
  const count = useCluster(useShallow((s) => s.topology.endpointCounts.get(key) ?? NO_COUNT));
  const selected = useSelection((s) => s.selected === key);
  const select = useSelection((s) => s.select);
  const target = useMemo(() => service && serviceTarget(service), [service]);
  if (!service || !target) return null;

  const name = service.metadata?.name ?? '';
  const type = service.spec?.type ?? 'ClusterIP';
  const ports = (service.spec?.ports ?? []).map(portText).join(', ');
  const external = externalAddress(service);
  const headless = service.spec?.clusterIP === 'None';
  const hasSelector = Object.keys(service.spec?.selector ?? {}).length > 0;
  const empty = count.ready === 0;
  const endpointsText = `${count.ready} ${count.ready === 1 ? 'endpoint' : 'endpoints'}`;

  return (
    <div className="motion-safe:animate-appear relative h-full w-full">
      <div
        role="button"
        tabIndex={0}
        aria-label={`Service ${name}`}
        aria-pressed={selected}
        title={`Service ${name}\n${type} ${service.spec?.clusterIP ?? ''} · ${ports}`}
        onKeyDown={activateOnKey(() => select(key))}
        className={`flex h-full w-full cursor-pointer flex-col gap-px rounded-lg border border-r-4 bg-slate-900 px-2.5 pt-2 pb-9 shadow-md shadow-black/40 outline-none focus-visible:ring-2 focus-visible:ring-sky-400 ${
          TYPE_ACCENT[type] ?? TYPE_ACCENT.ClusterIP
        } ${selected ? 'ring-2 ring-sky-400' : ''}`}
      >
        <Handle type="source" id="endpoints" position={Position.Left} isConnectable={false} className="!pointer-events-none !opacity-0" />
        {/* Ingresses above the column route into the Service from its right. */}
        <Handle type="target" id="ingress" position={Position.Right} isConnectable={false} className="!pointer-events-none !opacity-0" />
        <div className="flex items-center gap-1.5">
          <span className="text-[10px] font-semibold tracking-wide text-slate-400 uppercase">Service</span>
          <span className="ml-auto rounded bg-slate-800 px-1 font-mono text-[9px] leading-4 text-slate-300">{headless ? `${type} · headless` : type}</span>
        </div>
        <div className="truncate font-mono text-xs font-semibold text-slate-100">{shortName(name, 30)}</div>
        <Row label="Cluster-IP">{service.spec?.clusterIP ?? '…'}</Row>
        <Row label="Ports" title={ports}>
          {ports || '<none>'}
        </Row>
        {external !== undefined && <Row label="External-IP">{external}</Row>}
        <div className={`flex items-center gap-1 text-[11px] leading-4 font-semibold ${empty && hasSelector ? 'text-amber-300' : 'text-emerald-300'}`}>
          {empty && hasSelector ? <AlertIcon className="size-3.5 shrink-0" /> : <CheckCircleIcon className="size-3.5 shrink-0" />}
          <span>{endpointsText}</span>{' '}
          {count.notReady > 0 && <span className="font-normal text-slate-400">· {count.notReady} not ready</span>}
        </div>
        <div className="mt-1 flex flex-col gap-px border-t border-slate-800 pt-1">
          <RecentTrafficLines objectKey={key} />
        </div>
      </div>
      {hasSelector && (
        <div className="absolute right-3 bottom-2 left-2.5">
          <TrafficControl target={target} size="compact" />
        </div>
      )}
    </div>
  );
}

export const ServiceNode = memo(ServiceNodeView);
