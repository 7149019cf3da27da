/**
 * Owner cards for the workload kinds beside Deployments: StatefulSet (READY and its pods by
 * ordinal), DaemonSet (one pod per eligible node), Job (STATUS and COMPLETIONS) and CronJob
 * (schedule, next run, active Jobs, last schedule). Their edges to the pods come from the layout.
 */
import { useTranslation } from 'react-i18next';
import { memo, useMemo } from 'react';
import type { NodeProps } from '@xyflow/react';
import type { DaemonSet, StatefulSet } from 'kubernetes-types/apps/v1';
import type { CronJob, Job } from 'kubernetes-types/batch/v1';
import type { Pod } from 'kubernetes-types/core/v1';
import { useShallow } from 'zustand/react/shallow';
import { ageOf, humanDuration } from '../../state/age';
import { selectNowSeconds, useClock } from '../../state/clock';
import { useCluster } from '../../state/cluster';
import { describeSchedule, nextScheduleTime } from '../../state/cronjobs';
import { imageTag } from '../../state/objects';
import { jobCompletions, jobDuration, jobStatus, jobTone, ordinalSlots, type OrdinalSlot } from '../../state/workloads';
import { ToneIcon } from '../icons';
import type { GraphNode } from './layout';
import { Count, OwnerFrame } from './OwnerNode';
import { TONE_CLASSES } from './tone';

/** The pods an owner controls, by the topology's owner edges; re-renders only when one of them changes. */
function useOwnedPods(ownerKey: string): Pod[] {
  const edges = useCluster((s) => s.topology.edges);
  const podKeys = useMemo(() => edges.filter((e) => e.source === ownerKey && e.target.startsWith('Pod/')).map((e) => e.target), [edges, ownerKey]);
  const pods = useCluster(useShallow((s) => podKeys.map((key) => s.objects.get(key))));
  return useMemo(() => pods.filter((p) => p !== undefined) as unknown as Pod[], [pods]);
}

/** A StatefulSet shows this many ordinals; more are counted. */
const MAX_ORDINALS = 8;

function Ordinal({ slot }: { slot: OrdinalSlot }) {
  const label = `${slot.name}: ${slot.status ?? 'not created yet'}${slot.condemned ? ' (above replicas: removed next)' : ''}`;
  const classes = slot.tone ? TONE_CLASSES[slot.tone] : undefined;
  return (
    <li
      title={label}
      aria-label={label}
      className={`flex h-4 min-w-5 items-center justify-center rounded border px-0.5 font-mono text-[10px] leading-none ${
        classes ? `${classes.chip} ${classes.text}` : 'border-dashed border-slate-600 text-slate-400'
      } ${slot.condemned ? 'opacity-60' : ''}`}
    >
      {slot.ordinal}
    </li>
  );
}

function StatefulSetNodeView({ data }: NodeProps<GraphNode>) {
  const set = useCluster((s) => s.objects.get(data.objectKey)) as StatefulSet | undefined;
  const pods = useOwnedPods(data.objectKey);
  const slots = useMemo(() => (set ? ordinalSlots(set, pods) : []), [set, pods]);
  if (!set) return null;
  const desired = set.spec?.replicas ?? 1;
  const ready = set.status?.readyReplicas ?? 0;
  const shown = slots.slice(0, MAX_ORDINALS);
  return (
    <OwnerFrame
      objectKey={data.objectKey}
      kind="StatefulSet"
      name={set.metadata?.name ?? ''}
      accent="border-blue-400/50 border-l-blue-400"
      tag={imageTag(set.spec?.template.spec?.containers[0]?.image)}
      faded={false}
      extra={
        <ol aria-label="Pods by ordinal" className="mt-0.5 flex items-center gap-[3px]">
          {shown.map((slot) => (
            <Ordinal key={slot.ordinal} slot={slot} />
          ))}
          {slots.length > shown.length && <li className="text-[10px] text-slate-400">+{slots.length - shown.length}</li>}
        </ol>
      }
    >
      <Count label="ready" value={`${ready}/${desired}`} warn={ready !== desired} />
      <Count label="current" value={set.status?.currentReplicas ?? 0} />
      <Count label="updated" value={set.status?.updatedReplicas ?? 0} />
    </OwnerFrame>
  );
}

function DaemonSetNodeView({ data }: NodeProps<GraphNode>) {
  const set = useCluster((s) => s.objects.get(data.objectKey)) as DaemonSet | undefined;
  if (!set) return null;
  const status = set.status;
  const desired = status?.desiredNumberScheduled ?? 0;
  return (
    <OwnerFrame
      objectKey={data.objectKey}
      kind="DaemonSet"
      name={set.metadata?.name ?? ''}
      accent="border-lime-400/40 border-l-lime-400"
      tag={imageTag(set.spec?.template.spec?.containers[0]?.image)}
      faded={false}
    >
      <Count label="desired" value={desired} />
      <Count label="current" value={status?.currentNumberScheduled ?? 0} warn={(status?.currentNumberScheduled ?? 0) !== desired} />
      <Count label="ready" value={status?.numberReady ?? 0} warn={(status?.numberReady ?? 0) !== desired} />
      <Count label="up-to-date" value={status?.updatedNumberScheduled ?? 0} />
    </OwnerFrame>
  );
}

function JobStatusBadge({ job }: { job: Job }) {
  const status = jobStatus(job);
  const tone = jobTone(status);
  return (
    <span className={`flex flex-col`}>
      <span className={`flex items-center gap-1 text-xs leading-4 font-semibold ${TONE_CLASSES[tone].text}`}>
        <ToneIcon tone={tone} className="size-3 shrink-0" />
        {status}
      </span>
      <span className="text-[9px] leading-3 tracking-wide text-slate-400 uppercase">status</span>
    </span>
  );
}

function JobNodeView({ data }: NodeProps<GraphNode>) {
  const job = useCluster((s) => s.objects.get(data.objectKey)) as Job | undefined;
  const now = useClock(selectNowSeconds);
  if (!job) return null;
  const failed = job.status?.failed ?? 0;
  return (
    <OwnerFrame
      objectKey={data.objectKey}
      kind="Job"
      name={job.metadata?.name ?? ''}
      accent="border-slate-400/40 border-l-slate-300"
      tag={imageTag(job.spec?.template.spec?.containers[0]?.image)}
      faded={false}
    >
      <JobStatusBadge job={job} />
      <Count label="completions" value={jobCompletions(job)} />
      {failed > 0 ? <Count label="failed" value={failed} warn /> : <Count label="duration" value={jobDuration(job, now) || '–'} />}
    </OwnerFrame>
  );
}

function CronJobNodeView({ data }: NodeProps<GraphNode>) {
  const cronJob = useCluster((s) => s.objects.get(data.objectKey)) as CronJob | undefined;
  const now = useClock(selectNowSeconds);
  const { i18n } = useTranslation();
  if (!cronJob) return null;
  const schedule = cronJob.spec?.schedule ?? '';
  const suspended = cronJob.spec?.suspend === true;
  const next = suspended ? undefined : nextScheduleTime(cronJob, now);
  const words = describeSchedule(schedule, i18n.language);
  return (
    <OwnerFrame
      objectKey={data.objectKey}
      kind="CronJob"
      name={cronJob.metadata?.name ?? ''}
      accent="border-purple-400/40 border-l-purple-400"
      tag={imageTag(cronJob.spec?.jobTemplate.spec?.template.spec?.containers[0]?.image)}
      faded={suspended}
      treeSource
      extra={
        <div className="mt-0.5 flex min-w-0 flex-col text-[11px] leading-4">
          <span className="truncate" title={words ? `${schedule}: ${words}` : schedule}>
            <span className="font-mono text-slate-200">{schedule}</span>
            {words && <span className="text-slate-400"> · {words}</span>}
          </span>
          <span className="truncate text-slate-400">
            {suspended ? 'Suspended: no new Jobs' : next !== undefined ? `Next run in ${humanDuration(next - now)}` : 'Schedule does not parse'}
          </span>
        </div>
      }
    >
      <Count label="active" value={cronJob.status?.active?.length ?? 0} />
      <Count label="last schedule" value={cronJob.status?.lastScheduleTime ? ageOf(cronJob.status.lastScheduleTime, now) : '<none>'} />
    </OwnerFrame>
  );
}

export const StatefulSetNode = memo(StatefulSetNodeView);
export const DaemonSetNode = memo(DaemonSetNodeView);
export const JobNode = memo(JobNodeView);
export const CronJobNode = memo(CronJobNodeView);
