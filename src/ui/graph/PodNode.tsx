import { memo } from 'react';
import { Handle, Position, type NodeProps } from '@xyflow/react';
import type { Pod } from 'kubernetes-types/core/v1';
import { useCluster } from '../../state/cluster';
import { imageTag } from '../../state/objects';
import { podStatus } from '../../state/pod-status';
import { useSelection } from '../../state/selection';
import { useTraffic } from '../../state/traffic';
import { RestartIcon, ToneIcon } from '../icons';
import { VersionSwatch } from '../traffic/RecentTrafficLines';
import type { GraphNode } from './layout';
import { TONE_CLASSES } from './tone';
import { activateOnKey } from './keys';

/** Long generated names keep their head and their distinguishing tail: "nginx-dep…dd5-x2x8v". */
export function shortName(name: string, max = 22): string {
  if (name.length <= max) return name;
  const tail = Math.ceil((max - 1) / 2) + 1;
  return `${name.slice(0, max - 1 - tail)}…${name.slice(-tail)}`;
}

/** A pod chip. It subscribes to its own pod only, so one pod changing re-renders one chip. */
function PodNodeView({ data }: NodeProps<GraphNode>) {
  const key = data.objectKey;
  const pod = useCluster((s) => s.objects.get(key)) as Pod | undefined;
  const selected = useSelection((s) => s.selected === key);
  const select = useSelection((s) => s.select);
  // Requests per second this pod answered lately; unset when it answered none.
  const rate = useTraffic((s) => s.podRates.get(key));
  if (!pod) return null;

  const name = pod.metadata?.name ?? '';
  // The chip shows the restart count only, so it needs no clock.
  const { status, ready, restarts, tone } = podStatus(pod, 0);
  const images = pod.spec?.containers.map((c) => c.image) ?? [];
  const tag = imageTag(images[0]);
  const classes = TONE_CLASSES[tone];

  return (
    <div
      role="button"
      tabIndex={0}
      aria-label={`Pod ${name}`}
      aria-pressed={selected}
      title={`${name}\n${status} · ${ready} ready · ${images.join(', ')}`}
      onKeyDown={activateOnKey(() => select(key))}
      className={`motion-safe:animate-appear flex h-full w-full cursor-pointer flex-col justify-center gap-0.5 rounded-md border px-2 shadow-sm shadow-black/40 outline-none transition-colors focus-visible:ring-2 focus-visible:ring-sky-400 ${classes.chip} ${
        selected ? 'ring-2 ring-sky-400' : ''
      }`}
    >
      <Handle type="target" id="in" position={Position.Left} isConnectable={false} className="!pointer-events-none !opacity-0" />
      {/* Services sit to the right of the nodes; their endpoint edges end here. */}
      <Handle type="target" id="service" position={Position.Right} isConnectable={false} className="!pointer-events-none !opacity-0" />
      {/* Volumes hang below the nodes; the claims this pod mounts are reached from here. */}
      <Handle type="source" id="claims" position={Position.Bottom} isConnectable={false} className="!pointer-events-none !opacity-0" />
      <div className="flex items-center gap-1.5">
        <ToneIcon tone={tone} className={`size-3.5 shrink-0 ${classes.icon}`} />
        <span className="min-w-0 flex-1 truncate font-mono text-[11px] leading-tight text-slate-100">{shortName(name, 23)}</span>
      </div>
      <div className="flex min-w-0 items-center gap-1.5 overflow-hidden text-[11px] leading-tight">
        {/* STATUS is what the chip is for; the image tag gives way first. */}
        <span className={`shrink-0 font-semibold ${classes.text}`}>{status}</span>
        <span className="shrink-0 text-slate-400">{ready}</span>
        {rate !== undefined && (
          <span className="shrink-0 font-mono text-[10px] text-sky-200" title={`Answering ${rate} requests/s (last 3 s of cluster time)`}>
            {rate}/s
          </span>
        )}
        {restarts > 0 && (
          <span className="flex shrink-0 items-center gap-0.5 text-rose-300" title={`${restarts} restarts`}>
            <RestartIcon className="size-3" />
            {restarts}
          </span>
        )}
        {tag && (
          <span
            className="ml-auto flex min-w-[3ch] items-center gap-1 overflow-hidden rounded bg-slate-950/70 px-1 font-mono text-[10px] leading-4 text-slate-300"
            title={images.join(', ')}
          >
            {/* The colour of this version's request dots, while the pod answers requests. */}
            {rate !== undefined && images[0] && <VersionSwatch image={images[0]} />}
            <span className="truncate">
              {tag}
              {images.length > 1 ? ` +${images.length - 1}` : ''}
            </span>
          </span>
        )}
      </div>
    </div>
  );
}

export const PodNode = memo(PodNodeView);
