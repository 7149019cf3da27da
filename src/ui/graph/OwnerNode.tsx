import { memo } from 'react';
import { Handle, Position, type NodeProps } from '@xyflow/react';
import type { Deployment, ReplicaSet } from 'kubernetes-types/apps/v1';
import { useCluster } from '../../state/cluster';
import { imageTag } from '../../state/objects';
import { useSelection } from '../../state/selection';
import { activateOnKey } from './keys';
import type { GraphNode } from './layout';
import { shortName } from './PodNode';

/** One number of an owner card with its kubectl column name under it; amber when it is short of what is wanted. */
export function Count({ label, value, warn }: { label: string; value: number | string; warn?: boolean }) {
  return (
    <span className="flex flex-col">
      <span className={`font-mono text-xs leading-4 font-semibold ${warn ? 'text-amber-300' : 'text-slate-100'}`}>{value}</span>
      <span className="text-[9px] leading-3 tracking-wide text-slate-400 uppercase">{label}</span>
    </span>
  );
}

/** An owner card: kind, name and image tag, the counts as children; its edges leave from the right (or bottom for a tree). */
export function OwnerFrame({
  objectKey,
  kind,
  name,
  accent,
  tag,
  faded,
  treeSource,
  children,
  extra,
}: {
  objectKey: string;
  kind: string;
  name: string;
  accent: string;
  tag: string;
  faded: boolean;
  /** A Deployment's (or CronJob's) edges leave from its bottom-left, down the tree to its ReplicaSets (or Jobs). */
  treeSource?: boolean;
  children: React.ReactNode;
  /** Rows under the counts: a StatefulSet's ordinals, a CronJob's schedule. */
  extra?: React.ReactNode;
}) {
  const selected = useSelection((s) => s.selected === objectKey);
  const select = useSelection((s) => s.select);
  return (
    <div
      role="button"
      tabIndex={0}
      aria-label={`${kind} ${name}`}
      aria-pressed={selected}
      title={`${kind} ${name}`}
      onKeyDown={activateOnKey(() => select(objectKey))}
      className={`motion-safe:animate-appear flex h-full w-full cursor-pointer flex-col justify-center gap-0.5 rounded-lg border border-l-4 bg-slate-900 px-2.5 shadow-md shadow-black/40 outline-none focus-visible:ring-2 focus-visible:ring-sky-400 ${accent} ${
        selected ? 'ring-2 ring-sky-400' : ''
      } ${faded ? 'opacity-50' : ''}`}
    >
      <Handle type="target" id="in" position={Position.Left} isConnectable={false} className="!pointer-events-none !opacity-0" />
      <div className="flex items-center gap-1.5">
        <span className="text-[10px] font-semibold uppercase tracking-wide text-slate-400">{kind}</span>
        {tag && <span className="ml-auto rounded bg-slate-800 px-1 font-mono text-[9px] leading-4 text-slate-300">{tag}</span>}
      </div>
      <div className="truncate font-mono text-xs font-semibold text-slate-100">{shortName(name, 30)}</div>
      <div className="flex gap-4">{children}</div>
      {extra}
      <Handle
        type="source"
        id="out"
        position={treeSource ? Position.Bottom : Position.Right}
        style={treeSource ? { left: 14 } : undefined}
        isConnectable={false}
        className="!pointer-events-none !opacity-0"
      />
    </div>
  );
}

function DeploymentNodeView({ data }: NodeProps<GraphNode>) {
  const deployment = useCluster((s) => s.objects.get(data.objectKey)) as Deployment | undefined;
  if (!deployment) return null;
  const desired = deployment.spec?.replicas ?? 1;
  const status = deployment.status ?? {};
  const ready = status.readyReplicas ?? 0;
  return (
    <OwnerFrame
      objectKey={data.objectKey}
      kind="Deployment"
      name={deployment.metadata?.name ?? ''}
      accent="border-indigo-400/50 border-l-indigo-400"
      tag={imageTag(deployment.spec?.template.spec?.containers[0]?.image)}
      faded={false}
      treeSource
    >
      <Count label="ready" value={`${ready}/${desired}`} warn={ready !== desired} />
      <Count label="up-to-date" value={status.updatedReplicas ?? 0} />
      <Count label="available" value={status.availableReplicas ?? 0} />
    </OwnerFrame>
  );
}

function ReplicaSetNodeView({ data }: NodeProps<GraphNode>) {
  const rs = useCluster((s) => s.objects.get(data.objectKey)) as ReplicaSet | undefined;
  if (!rs) return null;
  const desired = rs.spec?.replicas ?? 1;
  const current = rs.status?.replicas ?? 0;
  const ready = rs.status?.readyReplicas ?? 0;
  return (
    <OwnerFrame
      objectKey={data.objectKey}
      kind="ReplicaSet"
      name={rs.metadata?.name ?? ''}
      accent="border-cyan-400/40 border-l-cyan-400"
      tag={imageTag(rs.spec?.template?.spec?.containers[0]?.image)}
      faded={desired === 0 && current === 0}
    >
      <Count label="desired" value={desired} />
      <Count label="current" value={current} warn={current !== desired} />
      <Count label="ready" value={ready} warn={ready !== desired} />
    </OwnerFrame>
  );
}

export const DeploymentNode = memo(DeploymentNodeView);
export const ReplicaSetNode = memo(ReplicaSetNodeView);
