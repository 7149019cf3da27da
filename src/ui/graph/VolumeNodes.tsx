/**
 * PersistentVolumeClaims and PersistentVolumes in the band below the nodes: each claim above the
 * volume bound to it, its phase in colour, icon and word, and its StorageClass. Pods that mount a
 * claim reach it from above; the claim reaches its volume below.
 */
import { memo } from 'react';
import { Handle, Position, type NodeProps } from '@xyflow/react';
import type { PersistentVolume, PersistentVolumeClaim } from 'kubernetes-types/core/v1';
import { useCluster } from '../../state/cluster';
import { useSelection } from '../../state/selection';
import {
  accessModesText,
  claimCapacity,
  claimPhase,
  claimRequest,
  phaseTone,
  storageClassOf,
  volumeCapacity,
  volumePhase,
  type VolumeTone,
} from '../../state/storage';
import { AlertIcon, CheckCircleIcon, HourglassIcon } from '../icons';
import { activateOnKey } from './keys';
import type { GraphNode } from './layout';
import { shortName } from './PodNode';

export const VOLUME_TONE_CLASSES: Record<VolumeTone, { card: string; text: string }> = {
  bound: { card: 'border-emerald-500/50', text: 'text-emerald-300' },
  pending: { card: 'border-amber-400/60', text: 'text-amber-300' },
  available: { card: 'border-sky-400/50', text: 'text-sky-300' },
  released: { card: 'border-slate-500/60 border-dashed', text: 'text-slate-400' },
  failed: { card: 'border-rose-500/70', text: 'text-rose-300' },
};

/** An empty disc waits for a claim; a broken one was released and nobody may claim it as it is. */
function DiscIcon({ className, broken }: { className?: string; broken?: boolean }) {
  return (
    <svg viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth={2} strokeLinecap="round" aria-hidden="true" className={className}>
      <circle cx="12" cy="12" r="9" strokeDasharray={broken ? '4 3' : undefined} />
      <circle cx="12" cy="12" r="2" />
    </svg>
  );
}

export function VolumeToneIcon({ tone, className }: { tone: VolumeTone; className?: string }) {
  switch (tone) {
    case 'bound':
      return <CheckCircleIcon className={className} />;
    case 'pending':
      return <HourglassIcon className={className} />;
    case 'available':
      return <DiscIcon className={className} />;
    case 'released':
      return <DiscIcon className={className} broken />;
    case 'failed':
      return <AlertIcon className={className} />;
  }
}

function VolumeFrame({
  objectKey,
  kind,
  label,
  name,
  phase,
  lines,
  title,
}: {
  objectKey: string;
  /** The kind as kubectl's short name says it: PVC or PV. */
  kind: string;
  /** The accessible name's kind word. */
  label: string;
  name: string;
  phase: string;
  lines: React.ReactNode;
  title: string;
}) {
  const selected = useSelection((s) => s.selected === objectKey);
  const select = useSelection((s) => s.select);
  const tone = phaseTone(phase);
  const classes = VOLUME_TONE_CLASSES[tone];
  return (
    <div
      role="button"
      tabIndex={0}
      aria-label={`${label} ${name}`}
      aria-pressed={selected}
      title={title}
      onKeyDown={activateOnKey(() => select(objectKey))}
      className={`motion-safe:animate-appear flex h-full w-full cursor-pointer flex-col justify-center gap-0.5 rounded-lg border border-t-4 border-t-orange-300/80 bg-slate-900 px-2.5 shadow-md shadow-black/40 outline-none focus-visible:ring-2 focus-visible:ring-sky-400 ${classes.card} ${
        selected ? 'ring-2 ring-sky-400' : ''
      }`}
    >
      {/* A claim is entered by the pods that mount it and leads to its volume; a volume is entered by its claim. */}
      <Handle type="target" id={kind === 'PVC' ? 'pods' : 'claim'} position={Position.Top} isConnectable={false} className="!pointer-events-none !opacity-0" />
      <div className="flex items-center gap-1.5">
        <span className="text-[10px] font-semibold tracking-wide text-slate-400 uppercase">{kind}</span>
        <span className={`ml-auto flex items-center gap-1 text-[11px] leading-4 font-semibold ${classes.text}`}>
          <VolumeToneIcon tone={tone} className="size-3 shrink-0" />
          {phase}
        </span>
      </div>
      <div className="truncate font-mono text-xs font-semibold text-slate-100">{shortName(name, 28)}</div>
      <div className="flex min-w-0 items-center gap-1.5 overflow-hidden font-mono text-[10px] leading-4 text-slate-300">{lines}</div>
      {kind === 'PVC' && <Handle type="source" id="volume" position={Position.Bottom} isConnectable={false} className="!pointer-events-none !opacity-0" />}
    </div>
  );
}

/** The StorageClass a claim or volume names; "" reads as "no class" (it binds only to class-less volumes). */
function ClassBadge({ name }: { name: string }) {
  return (
    <span className="ml-auto truncate rounded bg-slate-800 px-1 text-slate-300" title={name ? `StorageClass ${name}` : 'No StorageClass'}>
      {name || 'no class'}
    </span>
  );
}

function ClaimNodeView({ data }: NodeProps<GraphNode>) {
  const claim = useCluster((s) => s.objects.get(data.objectKey)) as PersistentVolumeClaim | undefined;
  if (!claim) return null;
  const name = claim.metadata?.name ?? '';
  const phase = claimPhase(claim);
  const capacity = claimCapacity(claim);
  const modes = accessModesText(claim.status?.accessModes ?? claim.spec?.accessModes);
  const storageClass = storageClassOf(claim);
  return (
    <VolumeFrame
      objectKey={data.objectKey}
      kind="PVC"
      label="PersistentVolumeClaim"
      name={name}
      phase={phase}
      title={`PersistentVolumeClaim ${name}\n${phase} · ${capacity || `requests ${claimRequest(claim)}`} · ${modes} · ${storageClass || 'no class'}`}
      lines={
        <>
          <span className="shrink-0">{capacity || <span className="text-slate-400">{`wants ${claimRequest(claim)}`}</span>}</span>
          <span className="shrink-0 text-slate-400">{modes}</span>
          <ClassBadge name={storageClass} />
        </>
      }
    />
  );
}

function VolumeNodeView({ data }: NodeProps<GraphNode>) {
  const volume = useCluster((s) => s.objects.get(data.objectKey)) as PersistentVolume | undefined;
  if (!volume) return null;
  const name = volume.metadata?.name ?? '';
  const phase = volumePhase(volume);
  const reclaim = volume.spec?.persistentVolumeReclaimPolicy ?? 'Retain';
  const storageClass = storageClassOf(volume);
  return (
    <VolumeFrame
      objectKey={data.objectKey}
      kind="PV"
      label="PersistentVolume"
      name={name}
      phase={phase}
      title={`PersistentVolume ${name}\n${phase} · ${volumeCapacity(volume)} · ${reclaim} · ${storageClass || 'no class'}`}
      lines={
        <>
          <span className="shrink-0">{volumeCapacity(volume)}</span>
          <span className="shrink-0 text-slate-400" title={`persistentVolumeReclaimPolicy: ${reclaim}`}>
            {reclaim}
          </span>
          <ClassBadge name={storageClass} />
        </>
      }
    />
  );
}

export const ClaimNode = memo(ClaimNodeView);
export const VolumeNode = memo(VolumeNodeView);
