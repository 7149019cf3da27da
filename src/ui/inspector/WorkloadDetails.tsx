/**
 * The inspector's rows for StatefulSets, DaemonSets, Jobs and CronJobs: the spec and status fields
 * that decide what the controller does next, each with a few plain words on what it means, and
 * their pods (or Jobs) to click through to.
 */
import { useTranslation } from 'react-i18next';
import { useMemo } from 'react';
import type { DaemonSet, StatefulSet } from 'kubernetes-types/apps/v1';
import type { CronJob, Job } from 'kubernetes-types/batch/v1';
import type { Pod, Service } from 'kubernetes-types/core/v1';
import type { WireObject } from '../../protocol/messages';
import { ageOf, humanDuration } from '../../state/age';
import { useCluster } from '../../state/cluster';
import { describeSchedule, nextScheduleTime } from '../../state/cronjobs';
import { controllerUid, keyOf, objectKey } from '../../state/objects';
import { podStatus } from '../../state/pod-status';
import { useSelection } from '../../state/selection';
import { jobCompletions, jobDuration, jobStatus, jobTone, ordinalSlots } from '../../state/workloads';
import { shortName } from '../graph/PodNode';
import { TONE_CLASSES } from '../graph/tone';
import { ToneIcon } from '../icons';
import { Field, Gloss, ObjectLink, Section } from './parts';

/** The objects of a kind whose controller is `owner`, oldest first. */
export function useControlled(owner: WireObject, kind: string): WireObject[] {
  const all = useCluster((s) => s.byKind.get(kind));
  return useMemo(() => {
    const uid = owner.metadata.uid;
    return [...(all?.values() ?? [])]
      .filter((o) => uid && controllerUid(o) === uid)
      .sort((a, b) => (a.metadata.creationTimestamp ?? '').localeCompare(b.metadata.creationTimestamp ?? ''));
  }, [all, owner]);
}

function PodLine({ pod, lead }: { pod: Pod; lead?: string }) {
  const select = useSelection((s) => s.select);
  const { status, tone, ready } = podStatus(pod, 0);
  const name = pod.metadata?.name ?? '';
  return (
    <li className="flex items-center gap-2 text-xs">
      {lead && <span className="w-20 shrink-0 truncate font-mono text-slate-400">{lead}</span>}
      <button
        type="button"
        onClick={() => select(objectKey('Pod', pod.metadata?.namespace, name))}
        title={name}
        className="min-w-0 truncate rounded font-mono text-sky-300 hover:underline focus-visible:ring-2 focus-visible:ring-sky-400 focus-visible:outline-none"
      >
        {shortName(name, 26)}
      </button>
      <span className={`ml-auto flex shrink-0 items-center gap-1 font-semibold ${TONE_CLASSES[tone].text}`}>
        <ToneIcon tone={tone} className="size-3" />
        {status}
      </span>
      <span className="w-7 shrink-0 text-right text-slate-400">{ready}</span>
    </li>
  );
}

// --- StatefulSet ----------------------------------------------------------------------------

export function StatefulSetFields({ set }: { set: StatefulSet }) {
  const namespace = set.metadata?.namespace;
  const serviceName = set.spec?.serviceName;
  const service = useCluster((s) => (serviceName ? s.objects.get(objectKey('Service', namespace, serviceName)) : undefined)) as Service | undefined;
  const spec = set.spec;
  const status = set.status;
  const policy = spec?.podManagementPolicy ?? 'OrderedReady';
  const strategy = spec?.updateStrategy?.type ?? 'RollingUpdate';
  const partition = spec?.updateStrategy?.rollingUpdate?.partition ?? 0;
  const retention = spec?.persistentVolumeClaimRetentionPolicy;
  const headless = service?.spec?.clusterIP === 'None';
  return (
    <>
      <Field label="Ready">
        {`${status?.readyReplicas ?? 0}/${spec?.replicas ?? 1}`}
        <Gloss>{`${status?.currentReplicas ?? 0} at the current revision, ${status?.updatedReplicas ?? 0} updated`}</Gloss>
      </Field>
      <Field label="Service">
        {serviceName ? (
          <ObjectLink
            objectKey={objectKey('Service', namespace, serviceName)}
            name={serviceName}
            exists={service !== undefined}
            missing="no such Service: the pods get no DNS names"
          />
        ) : (
          '<none>'
        )}
        {service && (
          <Gloss>
            {headless
              ? 'Headless: each pod gets its own DNS name, <pod>.' + `${serviceName}.${namespace}.svc.cluster.local`
              : 'Not headless (it has a cluster IP), so the pods get no per-pod DNS names.'}
          </Gloss>
        )}
      </Field>
      <Field label="Pod policy">
        {policy}
        <Gloss>
          {policy === 'Parallel'
            ? 'Pods are created and deleted all at once, without waiting for each other.'
            : 'One pod at a time, by ordinal: the next starts only once the one before is Running and Ready; scale-down removes the highest ordinal first.'}
        </Gloss>
      </Field>
      <Field label="Updates">
        {strategy === 'OnDelete' ? 'OnDelete' : `RollingUpdate${partition > 0 ? `, partition ${partition}` : ''}`}
        <Gloss>
          {strategy === 'OnDelete'
            ? 'A changed template reaches a pod only when you delete that pod.'
            : `Pods are replaced one at a time from the highest ordinal down${partition > 0 ? ` to ${partition}; lower ordinals keep the old template` : ''}.`}
        </Gloss>
      </Field>
      {(spec?.volumeClaimTemplates ?? []).length > 0 && (
        <Field label="Claims">
          <ul className="flex flex-col gap-0.5">
            {(spec?.volumeClaimTemplates ?? []).map((t) => (
              <li key={t.metadata?.name}>
                {`${t.metadata?.name}-${set.metadata?.name}-<ordinal>`}
                <span className="text-slate-400">{` · ${t.spec?.resources?.requests?.storage ?? '?'}${t.spec?.storageClassName ? ` · ${t.spec.storageClassName}` : ''}`}</span>
              </li>
            ))}
          </ul>
          <Gloss>
            {`Each pod gets its own PersistentVolumeClaim, kept when the pod is replaced; ${
              (retention?.whenDeleted ?? 'Retain') === 'Retain' && (retention?.whenScaled ?? 'Retain') === 'Retain'
                ? 'the claims stay when the StatefulSet is scaled down or deleted (Retain).'
                : `whenDeleted: ${retention?.whenDeleted ?? 'Retain'}, whenScaled: ${retention?.whenScaled ?? 'Retain'}.`
            }`}
          </Gloss>
        </Field>
      )}
      {status?.updateRevision && (
        <Field label="Revision">
          {status.currentRevision === status.updateRevision ? status.updateRevision : `${status.currentRevision ?? '?'} → ${status.updateRevision}`}
        </Field>
      )}
    </>
  );
}

export function StatefulSetPods({ set }: { set: StatefulSet }) {
  const owned = useControlled(set as WireObject, 'Pod') as unknown as Pod[];
  const podsByName = new Map(owned.map((p) => [p.metadata?.name ?? '', p]));
  const slots = ordinalSlots(set, owned);
  return (
    <Section title="Pods by ordinal">
      <ol aria-label="Pods by ordinal" className="flex flex-col gap-1">
        {slots.map((slot) => {
          const pod = podsByName.get(slot.name);
          return pod ? (
            <PodLine key={slot.ordinal} pod={pod} lead={`#${slot.ordinal}${slot.condemned ? ' (extra)' : ''}`} />
          ) : (
            <li key={slot.ordinal} className="flex items-center gap-2 text-xs text-slate-400">
              <span className="w-20 shrink-0 font-mono">{`#${slot.ordinal}`}</span>
              <span className="font-mono">{slot.name}</span>
              <span className="ml-auto">not created yet</span>
            </li>
          );
        })}
      </ol>
    </Section>
  );
}

// --- DaemonSet ------------------------------------------------------------------------------

export function DaemonSetFields({ set }: { set: DaemonSet }) {
  const status = set.status;
  const selector = Object.entries(set.spec?.template.spec?.nodeSelector ?? {}).map(([k, v]) => `${k}=${v}`);
  const strategy = set.spec?.updateStrategy?.type ?? 'RollingUpdate';
  const maxUnavailable = set.spec?.updateStrategy?.rollingUpdate?.maxUnavailable ?? 1;
  return (
    <>
      <Field label="Desired">
        {status?.desiredNumberScheduled ?? 0}
        <Gloss>One pod on every node it may run on (node selector, taints and tolerations decide which).</Gloss>
      </Field>
      <Field label="Current">{status?.currentNumberScheduled ?? 0}</Field>
      <Field label="Ready">{status?.numberReady ?? 0}</Field>
      <Field label="Up-to-date">{status?.updatedNumberScheduled ?? 0}</Field>
      <Field label="Available">{status?.numberAvailable ?? 0}</Field>
      {(status?.numberMisscheduled ?? 0) > 0 && (
        <Field label="Misscheduled">
          {status?.numberMisscheduled}
          <Gloss>Pods on nodes where the DaemonSet should not run any more.</Gloss>
        </Field>
      )}
      <Field label="Node selector">{selector.length ? selector.join(',') : '<none>'}</Field>
      <Field label="Updates">
        {strategy === 'OnDelete' ? 'OnDelete' : `RollingUpdate, maxUnavailable ${maxUnavailable}`}
        <Gloss>
          {strategy === 'OnDelete'
            ? 'A changed template reaches a node only when you delete its pod.'
            : `The old pod on at most ${maxUnavailable} node(s) at a time is replaced by a new one.`}
        </Gloss>
      </Field>
    </>
  );
}

export function DaemonSetPods({ set }: { set: DaemonSet }) {
  const owned = useControlled(set as WireObject, 'Pod') as unknown as Pod[];
  return (
    <Section title={`Pods by node (${owned.length})`}>
      {owned.length === 0 ? (
        <p className="text-xs text-slate-400">&lt;none&gt;</p>
      ) : (
        <ul aria-label="Pods by node" className="flex flex-col gap-1">
          {[...owned]
            .sort((a, b) => (a.spec?.nodeName ?? '~').localeCompare(b.spec?.nodeName ?? '~', 'en', { numeric: true }))
            .map((pod) => (
              <PodLine key={pod.metadata?.name} pod={pod} lead={pod.spec?.nodeName ?? 'unscheduled'} />
            ))}
        </ul>
      )}
    </Section>
  );
}

// --- Job ------------------------------------------------------------------------------------

export function JobFields({ job, now }: { job: Job; now: number }) {
  const status = jobStatus(job);
  const tone = jobTone(status);
  const spec = job.spec;
  const backoffLimit = spec?.backoffLimit ?? 6;
  const failed = job.status?.failed ?? 0;
  const completions = spec?.completions;
  return (
    <>
      <Field label="Status">
        <span className={`inline-flex items-center gap-1 font-semibold ${TONE_CLASSES[tone].text}`}>
          <ToneIcon tone={tone} className="size-3.5" />
          {status}
        </span>
      </Field>
      <Field label="Completions">
        {jobCompletions(job)}
        <Gloss>
          {completions === undefined || completions === null
            ? 'A work queue: the Job is done once any pod succeeds and none is left running.'
            : `The Job is done once ${completions} ${completions === 1 ? 'pod has' : 'pods have'} succeeded.`}
        </Gloss>
      </Field>
      <Field label="Parallelism">
        {spec?.parallelism ?? 1}
        <Gloss>At most this many pods run at the same time.</Gloss>
      </Field>
      <Field label="Pods">{`${job.status?.active ?? 0} active · ${job.status?.succeeded ?? 0} succeeded · ${failed} failed`}</Field>
      <Field label="Backoff limit">
        {backoffLimit}
        <Gloss>{`The Job fails when more than ${backoffLimit} pods have failed${failed > 0 ? ` (${failed} so far)` : ''}; each retry waits longer (10 s, 20 s, 40 s, …).`}</Gloss>
      </Field>
      {spec?.activeDeadlineSeconds !== undefined && (
        <Field label="Deadline">
          {`${spec.activeDeadlineSeconds}s`}
          <Gloss>The Job fails if it runs longer than this, however far it got.</Gloss>
        </Field>
      )}
      <Field label="Duration">{jobDuration(job, now) || '<not started>'}</Field>
      {spec?.ttlSecondsAfterFinished !== undefined && (
        <Field label="TTL">
          {`${spec.ttlSecondsAfterFinished}s`}
          <Gloss>The Job and its pods are deleted this long after it finishes.</Gloss>
        </Field>
      )}
      {spec?.suspend && <Field label="Suspended">true: no pods run until spec.suspend is false</Field>}
    </>
  );
}

export function OwnedPods({ owner, title }: { owner: WireObject; title: string }) {
  const owned = useControlled(owner, 'Pod') as unknown as Pod[];
  return (
    <Section title={`${title} (${owned.length})`}>
      {owned.length === 0 ? (
        <p className="text-xs text-slate-400">&lt;none&gt;</p>
      ) : (
        <ul aria-label={title} className="flex flex-col gap-1">
          {owned.map((pod) => (
            <PodLine key={pod.metadata?.name} pod={pod} />
          ))}
        </ul>
      )}
    </Section>
  );
}

// --- CronJob --------------------------------------------------------------------------------

const CONCURRENCY: Record<string, string> = {
  Allow: 'A new Job starts on schedule even while an earlier one still runs.',
  Forbid: 'A scheduled run is skipped while an earlier Job still runs.',
  Replace: 'A scheduled run deletes the Job still running and starts a new one.',
};

export function CronJobFields({ cronJob, now }: { cronJob: CronJob; now: number }) {
  const spec = cronJob.spec;
  const status = cronJob.status;
  const { i18n } = useTranslation();
  const words = describeSchedule(spec?.schedule, i18n.language);
  const next = spec?.suspend ? undefined : nextScheduleTime(cronJob, now);
  const concurrency = spec?.concurrencyPolicy ?? 'Allow';
  const namespace = cronJob.metadata?.namespace;
  const jobs = useCluster((s) => s.byKind.get('Job'));
  return (
    <>
      <Field label="Schedule">
        {spec?.schedule}
        {spec?.timeZone && <span className="text-slate-400">{` (${spec.timeZone})`}</span>}
        {words && <Gloss>{words}{spec?.timeZone ? '' : ', UTC'}</Gloss>}
      </Field>
      <Field label="Next run">
        {spec?.suspend
          ? 'none: suspended'
          : next !== undefined
            ? `in ${humanDuration(next - now)} (${new Date(next).toISOString().replace('.000Z', 'Z')})`
            : '<the schedule does not parse>'}
      </Field>
      <Field label="Last schedule">{status?.lastScheduleTime ? `${ageOf(status.lastScheduleTime, now)} ago` : '<none>'}</Field>
      {status?.lastSuccessfulTime && <Field label="Last success">{`${ageOf(status.lastSuccessfulTime, now)} ago`}</Field>}
      <Field label="Active">
        {(status?.active ?? []).length === 0 ? (
          '<none>'
        ) : (
          <ul className="flex flex-col gap-0.5">
            {(status?.active ?? []).map((ref) => {
              const key = objectKey('Job', ref.namespace ?? namespace, ref.name ?? '');
              return (
                <li key={key}>
                  <ObjectLink objectKey={key} name={ref.name ?? ''} exists={jobs?.has(key) ?? false} />
                </li>
              );
            })}
          </ul>
        )}
      </Field>
      <Field label="Concurrency">
        {concurrency}
        <Gloss>{CONCURRENCY[concurrency]}</Gloss>
      </Field>
      <Field label="Suspend">{spec?.suspend ? 'true: no new Jobs are created; running ones go on' : 'false'}</Field>
      <Field label="History">
        {`${spec?.successfulJobsHistoryLimit ?? 3} succeeded, ${spec?.failedJobsHistoryLimit ?? 1} failed`}
        <Gloss>Finished Jobs kept; older ones are deleted with their pods.</Gloss>
      </Field>
    </>
  );
}

export function CronJobJobs({ cronJob, now }: { cronJob: CronJob; now: number }) {
  const owned = useControlled(cronJob as WireObject, 'Job') as unknown as Job[];
  return (
    <Section title={`Jobs (${owned.length})`}>
      {owned.length === 0 ? (
        <p className="text-xs text-slate-400">&lt;none&gt;</p>
      ) : (
        <ul aria-label="Jobs" className="flex flex-col gap-1">
          {owned.map((job) => {
            const status = jobStatus(job);
            const tone = jobTone(status);
            return (
              <li key={job.metadata?.name} className="flex items-center gap-2 text-xs">
                <ObjectLink objectKey={keyOf(job as WireObject)} name={job.metadata?.name ?? ''} exists />
                <span className="text-slate-400">{jobCompletions(job)}</span>
                <span className={`ml-auto flex shrink-0 items-center gap-1 font-semibold ${TONE_CLASSES[tone].text}`}>
                  <ToneIcon tone={tone} className="size-3" />
                  {status}
                </span>
                <span className="w-10 shrink-0 text-right font-mono text-slate-400">{ageOf(job.metadata?.creationTimestamp, now)}</span>
              </li>
            );
          })}
        </ul>
      )}
    </Section>
  );
}
