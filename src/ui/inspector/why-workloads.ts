/**
 * The why-sentence (UI.md "Words") for StatefulSets, DaemonSets, Jobs, PersistentVolumeClaims and
 * PersistentVolumes, from their conditions, their pods and the events the controllers recorded.
 */
import type { DaemonSet, StatefulSet } from 'kubernetes-types/apps/v1';
import type { Job } from 'kubernetes-types/batch/v1';
import type { Event, PersistentVolume, PersistentVolumeClaim, Pod } from 'kubernetes-types/core/v1';
import { podStatus } from '../../state/pod-status';
import { claimPhase, storageClassOf, volumePhase } from '../../state/storage';
import { ordinalSlots } from '../../state/workloads';

/** The newest of the events with one of `reasons`. */
function latest(events: readonly Event[] | undefined, reasons: readonly string[]): Event | undefined {
  return [...(events ?? [])].reverse().find((e) => reasons.includes(e.reason ?? ''));
}

/** The STATUS most of the failed pods ended in ("Error", "OOMKilled", …). */
function commonFailure(pods: readonly Pod[]): string | undefined {
  const counts = new Map<string, number>();
  for (const pod of pods) {
    const { status, tone } = podStatus(pod, 0);
    if (tone === 'failed') counts.set(status, (counts.get(status) ?? 0) + 1);
  }
  return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0];
}

export function explainJob(job: Job, pods: readonly Pod[]): string | undefined {
  const failedCondition = job.status?.conditions?.find((c) => (c.type === 'Failed' || c.type === 'FailureTarget') && c.status === 'True');
  const failed = job.status?.failed ?? 0;
  const limit = job.spec?.backoffLimit ?? 6;
  const how = commonFailure(pods);
  const podsSay = how ? `; its pods ended in ${how}` : '';
  if (failedCondition?.reason === 'BackoffLimitExceeded') {
    return `The Job failed: ${failed} of its pods failed, more than \`backoffLimit\` (${limit}) allows${podsSay}. Fix the pod template's \`command\`/\`args\` or image, then delete and re-create the Job: a failed Job does not start again.`;
  }
  if (failedCondition?.reason === 'DeadlineExceeded') {
    return `The Job failed: it ran longer than \`activeDeadlineSeconds\` (${job.spec?.activeDeadlineSeconds ?? '?'} s), so its running pods were stopped. Raise the deadline or make the work finish sooner.`;
  }
  if (failedCondition) return `The Job failed (${failedCondition.reason ?? 'Failed'}): ${failedCondition.message ?? ''}`.trim();
  if (failed > 0 && !job.status?.conditions?.some((c) => c.type === 'Complete' && c.status === 'True')) {
    return `${failed} ${failed === 1 ? 'pod has' : 'pods have'} failed so far${how ? ` (ended in ${how})` : ''}; the Job retries after a growing delay (10 s, 20 s, 40 s, …) and gives up once more than \`backoffLimit\` (${limit}) have failed.`;
  }
  return undefined;
}

export function explainStatefulSet(set: StatefulSet, pods: readonly Pod[], serviceExists: boolean): string | undefined {
  const desired = set.spec?.replicas ?? 1;
  const ready = set.status?.readyReplicas ?? 0;
  const name = set.metadata?.name ?? '';
  const ordered = (set.spec?.podManagementPolicy ?? 'OrderedReady') === 'OrderedReady';
  if (ready < desired) {
    const stuck = ordinalSlots(set, pods).find((slot) => !slot.condemned && slot.tone !== 'ready');
    if (stuck && ordered) {
      if (!stuck.status) return `${ready} of ${desired} pods are ready; the controller creates ${stuck.name} next, one pod at a time in ordinal order.`;
      const last = stuck.ordinal === (set.spec?.ordinals?.start ?? 0) + desired - 1;
      return last
        ? `${stuck.name} is ${stuck.status}; ${ready} of ${desired} pods are ready until it is Running and Ready.`
        : `${stuck.name} is ${stuck.status}; with \`podManagementPolicy: OrderedReady\` the controller creates ${name}-${stuck.ordinal + 1} only after ${stuck.name} is Running and Ready.`;
    }
    return `${ready} of ${desired} pods are ready; the StatefulSet controller keeps working towards ${desired}.`;
  }
  const serviceName = set.spec?.serviceName;
  if (serviceName && !serviceExists) {
    return `\`spec.serviceName\` names the Service ${serviceName}, which does not exist, so the pods get no DNS names of their own: create a headless Service (\`clusterIP: None\`) named ${serviceName}.`;
  }
  return undefined;
}

export function explainDaemonSet(set: DaemonSet): string | undefined {
  const desired = set.status?.desiredNumberScheduled ?? 0;
  const ready = set.status?.numberReady ?? 0;
  if (ready >= desired) return undefined;
  return `${ready} of ${desired} daemon pods are ready; the DaemonSet controller wants one on each of ${desired} eligible nodes. Click a pod that is not Running to see why.`;
}

export function explainClaim(claim: PersistentVolumeClaim, events: readonly Event[] | undefined): string | undefined {
  const phase = claimPhase(claim);
  if (phase === 'Lost') {
    return `The volume ${claim.spec?.volumeName ?? ''} this claim was bound to is gone, so its data is lost; delete the claim and create a new one.`;
  }
  if (phase !== 'Pending') return undefined;
  const storageClass = storageClassOf(claim);
  const event = latest(events, ['ProvisioningFailed', 'FailedBinding', 'WaitForFirstConsumer', 'WaitForPodScheduled', 'ExternalProvisioning', 'Provisioning']);
  switch (event?.reason) {
    case 'ProvisioningFailed':
      return `No volume can be provisioned for this claim (“${event.message ?? ''}”): name an existing StorageClass in \`spec.storageClassName\`, or create the class.`;
    case 'FailedBinding':
      return 'No PersistentVolume fits this claim (size, access modes, class) and it names no StorageClass to provision one: create a matching PV, or set `spec.storageClassName`.';
    case 'WaitForFirstConsumer':
    case 'WaitForPodScheduled':
      return `The StorageClass ${storageClass} binds on first use (\`volumeBindingMode: WaitForFirstConsumer\`): the claim stays Pending until a pod that mounts it is scheduled, so the volume is made where that pod runs.`;
    case 'ExternalProvisioning':
    case 'Provisioning':
      return `Waiting for the provisioner of StorageClass ${storageClass} to create a volume for this claim.`;
    default:
      return 'Waiting for the volume controller to bind this claim to a PersistentVolume.';
  }
}

export function explainVolume(volume: PersistentVolume): string | undefined {
  const phase = volumePhase(volume);
  const ref = volume.spec?.claimRef;
  if (phase === 'Released') {
    return `Its claim ${ref?.namespace ?? ''}/${ref?.name ?? ''} was deleted; with reclaim policy ${volume.spec?.persistentVolumeReclaimPolicy ?? 'Retain'} the volume keeps the data and no new claim can bind it: delete the PV, or remove its \`spec.claimRef\` to make it Available again.`;
  }
  if (phase === 'Failed') {
    return `Reclaiming the volume after its claim ${ref?.namespace ?? ''}/${ref?.name ?? ''} was deleted failed (${volume.status?.message ?? volume.status?.reason ?? 'no message'}); an admin has to clean it up and delete the PV.`;
  }
  return undefined;
}
