import { memo } from 'react';
import { Handle, Position, type NodeProps } from '@xyflow/react';
import type { Node, Pod } from 'kubernetes-types/core/v1';
import { useShallow } from 'zustand/react/shallow';
import { isControlPlane, useCluster, type ClusterView } from '../../state/cluster';
import { nodeStatus, type NodeStatusSummary } from '../../state/node-status';
import { isTerminated, podRequests } from '../../state/objects';
import { bytes, cpuMillis, formatBytes, formatCpu } from '../../state/quantity';
import { useSelection } from '../../state/selection';
import { SimplifiedHint } from '../about/SimplifiedHint';
import { NodeActionButtons } from '../actions/NodeActionButtons';
import { BanIcon, CheckCircleIcon, PowerOffIcon, ServerIcon } from '../icons';
import type { GraphNode } from './layout';

interface Allocation {
  cpu: number;
  memory: number;
  pods: number;
}

/** What the scheduler has handed out on a node: requests of the pods bound to it that still run. */
function allocationOn(state: ClusterView, nodeName: string): Allocation {
  const total: Allocation = { cpu: 0, memory: 0, pods: 0 };
  for (const key of state.topology.podsByNode.get(nodeName) ?? []) {
    const pod = state.objects.get(key) as Pod | undefined;
    if (!pod || isTerminated(pod)) continue;
    const requests = podRequests(pod);
    total.cpu += requests.cpuMillis;
    total.memory += requests.memoryBytes;
    total.pods += 1;
  }
  return total;
}

function Bar({ label, used, capacity, format }: { label: string; used: number; capacity: number; format(n: number): string }) {
  const ratio = capacity > 0 ? Math.min(used / capacity, 1) : 0;
  const colour = ratio > 0.9 ? 'bg-rose-400' : ratio > 0.7 ? 'bg-amber-400' : 'bg-sky-400';
  const text = `${format(used)} / ${format(capacity)}`;
  return (
    <div className="min-w-0 flex-1">
      <div className="flex items-baseline justify-between gap-1 text-[10px] leading-4">
        <span className="font-medium uppercase tracking-wide text-slate-400">{label}</span>
        <span className="truncate font-mono text-slate-300">{text}</span>
      </div>
      <div
        role="meter"
        aria-label={`${label} allocated`}
        aria-valuemin={0}
        aria-valuemax={capacity}
        aria-valuenow={used}
        aria-valuetext={text}
        className="h-1.5 overflow-hidden rounded-full bg-slate-700/70"
      >
        <div className={`h-full rounded-full ${colour}`} style={{ width: `${ratio * 100}%` }} />
      </div>
    </div>
  );
}

/** The well-known prefix of the node lifecycle's taint keys, left off the chips to keep them short. */
const WELL_KNOWN_PREFIX = 'node.kubernetes.io/';

function TaintChips({ taints }: { taints: readonly string[] }) {
  if (taints.length === 0) return <span className="text-[10px] leading-4 text-slate-400">No taints</span>;
  return (
    <ul aria-label="Taints" className="flex flex-wrap gap-1 overflow-hidden">
      {taints.map((taint) => {
        const short = taint.startsWith(WELL_KNOWN_PREFIX) ? taint.slice(WELL_KNOWN_PREFIX.length) : taint;
        return (
          <li
            key={taint}
            aria-label={`Taint ${taint}`}
            title={`Taint ${taint}`}
            className="max-w-full truncate rounded border border-slate-600 bg-slate-950/60 px-1 font-mono text-[9px] leading-[14px] text-slate-300"
          >
            {short}
          </li>
        );
      })}
    </ul>
  );
}

/**
 * A cluster Node as a box that holds its pods (the pods are React Flow children placed inside it),
 * with allocated vs allocatable CPU, memory and pods so bin packing can be seen, its STATUS and
 * taints as the API reports them, and the actions a person can take on it.
 */
function NodeBoxView({ data }: NodeProps<GraphNode>) {
  const key = data.objectKey;
  const node = useCluster((s) => s.objects.get(key)) as Node | undefined;
  const name = node?.metadata?.name ?? '';
  const allocation = useCluster(useShallow((s) => allocationOn(s, name)));
  const selected = useSelection((s) => s.selected === key);
  const select = useSelection((s) => s.select);
  if (!node) return null;

  const controlPlane = isControlPlane(node);
  const status = nodeStatus(node);
  const allocatable = node.status?.allocatable ?? {};
  const frame = controlPlane
    ? 'border-dashed border-violet-400/60 bg-violet-950/30'
    : 'border-slate-600/80 bg-slate-900/80';

  return (
    <div
      role="group"
      aria-label={`Node ${name}`}
      aria-description={`STATUS ${status.status}`}
      className={`h-full w-full rounded-xl border-2 ${frame} ${status.notReady ? 'hatched border-slate-500' : ''} ${
        selected ? 'ring-2 ring-sky-400' : ''
      }`}
    >
      {/* The `kubernetes` Service's endpoint is the API server at this node's address. */}
      <Handle type="target" id="service" position={Position.Right} style={{ top: 20 }} isConnectable={false} className="!pointer-events-none !opacity-0" />
      <div className={`flex flex-col gap-1.5 px-3 pt-2 ${status.notReady ? 'opacity-70 grayscale' : ''}`}>
        <div className="flex items-center gap-2">
          <ServerIcon className={`size-4 shrink-0 ${controlPlane ? 'text-violet-300' : 'text-slate-400'}`} />
          <button
            type="button"
            onClick={() => select(key)}
            className="truncate rounded font-mono text-sm font-semibold text-slate-100 outline-none hover:underline focus-visible:ring-2 focus-visible:ring-sky-400"
          >
            {name}
          </button>
          {controlPlane && (
            <span className="shrink-0 rounded bg-violet-500/20 px-1.5 text-[10px] font-medium leading-4 text-violet-200">control plane</span>
          )}
          <span className="ml-auto">
            <NodeActionButtons name={name} controlPlane={controlPlane} cordoned={status.cordoned} size="compact" />
          </span>
        </div>
        <div className="flex gap-3">
          <Bar label="CPU" used={allocation.cpu} capacity={cpuMillis(allocatable.cpu)} format={formatCpu} />
          <Bar label="Memory" used={allocation.memory} capacity={bytes(allocatable.memory)} format={formatBytes} />
          <Bar label="Pods" used={allocation.pods} capacity={Number(allocatable.pods ?? 0)} format={String} />
        </div>
        <div className="flex h-4 min-w-0 items-center gap-1.5">
          <NodeStatusBadges status={status} />
          {status.notReady && status.message && (
            <span className="truncate text-[10px] leading-4 text-slate-300" title={`${status.reason ?? ''} ${status.message}`}>
              {status.message.replace(/\.$/, '')}
            </span>
          )}
        </div>
        <div className="h-[32px] min-w-0">
          <TaintChips taints={status.taints} />
        </div>
        {controlPlane && allocation.pods === 0 && (
          <p className="text-[11px] leading-4 text-violet-200/70">
            Tainted <span className="font-mono">NoSchedule</span>: only pods that tolerate it run here.
          </p>
        )}
      </div>
    </div>
  );
}

/** STATUS as `kubectl get nodes` words it, split into badges: never colour alone, always the word. */
export function NodeStatusBadges({ status }: { status: NodeStatusSummary }) {
  return (
    <>
      {status.notReady ? (
        <span className="flex shrink-0 items-center gap-1 rounded bg-slate-600/60 px-1.5 text-[10px] font-semibold leading-4 text-slate-100">
          <PowerOffIcon className="size-3" />
          NotReady
        </span>
      ) : (
        <span className="flex shrink-0 items-center gap-1 rounded bg-emerald-500/15 px-1.5 text-[10px] font-semibold leading-4 text-emerald-200">
          <CheckCircleIcon className="size-3" />
          Ready
        </span>
      )}
      {status.cordoned && (
        <span className="flex shrink-0 items-center gap-1 rounded bg-amber-500/20 px-1.5 text-[10px] font-semibold leading-4 text-amber-200">
          <BanIcon className="size-3" />
          SchedulingDisabled
        </span>
      )}
    </>
  );
}

export const NodeBox = memo(NodeBoxView);

/** Where pods wait until the scheduler binds them to a node. */
function UnscheduledAreaView() {
  const count = useCluster((s) => s.topology.unscheduled.length);
  return (
    <div role="group" aria-label="Unscheduled pods" className="h-full w-full rounded-xl border-2 border-dashed border-amber-400/40 bg-amber-950/10">
      <div className="px-3 pt-2.5">
        <div className="flex items-center gap-2">
          <span className="text-sm font-semibold text-amber-200">Unscheduled</span>
          <span className="rounded bg-amber-500/20 px-1.5 font-mono text-[10px] leading-4 text-amber-100">{count}</span>
          <span className="ml-auto">
            <SimplifiedHint id="scheduling-delay" />
          </span>
        </div>
        <p className="mt-1 truncate text-[11px] leading-4 text-slate-400">
          <span className="font-mono">Pending</span> pods wait here for the scheduler to find them a node.
        </p>
      </div>
    </div>
  );
}

export const UnscheduledArea = memo(UnscheduledAreaView);
