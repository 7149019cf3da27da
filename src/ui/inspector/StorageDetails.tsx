/**
 * The inspector's rows for PersistentVolumeClaims, PersistentVolumes and StorageClasses
 * (k8s-semantics §10): phase, binding, size, access modes, class and reclaim policy, in words.
 */
import { useMemo } from 'react';
import type { PersistentVolume, PersistentVolumeClaim, Pod } from 'kubernetes-types/core/v1';
import type { StorageClass } from 'kubernetes-types/storage/v1';
import type { WireObject } from '../../protocol/messages';
import { useCluster } from '../../state/cluster';
import { keyOf, objectKey } from '../../state/objects';
import {
  accessModesText,
  claimCapacity,
  claimPhase,
  claimRequest,
  isDefaultClass,
  phaseTone,
  podClaimKeys,
  storageClassOf,
  volumeCapacity,
  volumeClaimKey,
  volumePhase,
} from '../../state/storage';
import { VOLUME_TONE_CLASSES, VolumeToneIcon } from '../graph/VolumeNodes';
import { Field, Gloss, ObjectLink } from './parts';

const CLAIM_PHASES: Record<string, string> = {
  Pending: 'Not bound to a volume yet; pods that mount it cannot start.',
  Bound: 'Bound to a volume; pods that mount it read and write that volume.',
  Lost: 'Its volume is gone: the data on it is lost.',
};

const VOLUME_PHASES: Record<string, string> = {
  Pending: 'Just created; the volume controller has not looked at it yet.',
  Available: 'Free: the next claim that fits (size, access modes, class) binds to it.',
  Bound: 'Bound to a claim; no other claim can use it.',
  Released: 'Its claim was deleted; the data is still there, but no new claim can bind it until an admin cleans it up.',
  Failed: 'Reclaiming it after its claim was deleted failed.',
};

const RECLAIM: Record<string, string> = {
  Retain: 'When its claim is deleted, the volume and its data stay (Released) for an admin to clean up.',
  Delete: 'When its claim is deleted, the volume and its data are deleted too.',
  Recycle: 'When its claim is deleted, its files are wiped and it becomes Available again (deprecated).',
};

function Phase({ phase, gloss }: { phase: string; gloss: string | undefined }) {
  const tone = phaseTone(phase);
  return (
    <Field label="Phase">
      <span className={`inline-flex items-center gap-1 font-semibold ${VOLUME_TONE_CLASSES[tone].text}`}>
        <VolumeToneIcon tone={tone} className="size-3.5" />
        {phase}
      </span>
      {gloss && <Gloss>{gloss}</Gloss>}
    </Field>
  );
}

function ClassField({ name }: { name: string }) {
  const key = objectKey('StorageClass', undefined, name);
  const storageClass = useCluster((s) => (name ? s.objects.get(key) : undefined));
  return (
    <Field label="StorageClass">
      {name ? <ObjectLink objectKey={key} name={name} exists={storageClass !== undefined} missing="no such StorageClass" /> : '<none>'}
      {!name && <Gloss>No class: it binds only to volumes without a class, and nothing is provisioned for it.</Gloss>}
    </Field>
  );
}

export function ClaimFields({ claim }: { claim: PersistentVolumeClaim }) {
  const phase = claimPhase(claim);
  const volumeName = claim.spec?.volumeName;
  const volumeKey = objectKey('PersistentVolume', undefined, volumeName ?? '');
  const volume = useCluster((s) => (volumeName ? s.objects.get(volumeKey) : undefined));
  const pods = useCluster((s) => s.byKind.get('Pod'));
  const key = keyOf(claim as WireObject);
  const users = useMemo(() => [...(pods?.values() ?? [])].filter((p) => podClaimKeys(p as Pod).includes(key)), [pods, key]);
  const capacity = claimCapacity(claim);
  return (
    <>
      <Phase phase={phase} gloss={CLAIM_PHASES[phase]} />
      <Field label="Volume">
        {volumeName ? <ObjectLink objectKey={volumeKey} name={volumeName} exists={volume !== undefined} missing="gone" /> : '<none>'}
      </Field>
      <Field label="Requested">{claimRequest(claim) || '<none>'}</Field>
      <Field label="Capacity">
        {capacity || '<none>'}
        {capacity && capacity !== claimRequest(claim) && <Gloss>The bound volume's size, which may be more than requested.</Gloss>}
      </Field>
      <Field label="Access modes">{accessModesText(claim.status?.accessModes ?? claim.spec?.accessModes) || '<none>'}</Field>
      <ClassField name={storageClassOf(claim)} />
      <Field label="Used by">
        {users.length === 0 ? (
          '<none>'
        ) : (
          <ul className="flex flex-col gap-0.5">
            {users.map((pod) => (
              <li key={keyOf(pod)}>
                <ObjectLink objectKey={keyOf(pod)} name={pod.metadata.name ?? ''} exists />
              </li>
            ))}
          </ul>
        )}
      </Field>
    </>
  );
}

export function VolumeFields({ volume }: { volume: PersistentVolume }) {
  const phase = volumePhase(volume);
  const claimKey = volumeClaimKey(volume);
  const claim = useCluster((s) => (claimKey ? s.objects.get(claimKey) : undefined));
  const ref = volume.spec?.claimRef;
  const reclaim = volume.spec?.persistentVolumeReclaimPolicy ?? 'Retain';
  const source = volume.spec?.hostPath ? `hostPath ${volume.spec.hostPath.path}` : volume.spec?.csi ? `CSI ${volume.spec.csi.driver}` : volume.spec?.nfs ? `NFS ${volume.spec.nfs.server}:${volume.spec.nfs.path}` : undefined;
  return (
    <>
      <Phase phase={phase} gloss={VOLUME_PHASES[phase]} />
      <Field label="Claim">
        {claimKey && ref ? (
          <ObjectLink objectKey={claimKey} name={`${ref.namespace}/${ref.name}`} exists={claim !== undefined} missing="deleted" />
        ) : (
          '<none>'
        )}
      </Field>
      <Field label="Capacity">{volumeCapacity(volume) || '<none>'}</Field>
      <Field label="Access modes">{accessModesText(volume.spec?.accessModes) || '<none>'}</Field>
      <Field label="Reclaim policy">
        {reclaim}
        <Gloss>{RECLAIM[reclaim]}</Gloss>
      </Field>
      <ClassField name={storageClassOf(volume)} />
      {source && <Field label="Source">{source}</Field>}
      {volume.metadata?.annotations?.['pv.kubernetes.io/provisioned-by'] && (
        <Field label="Provisioned by">{volume.metadata.annotations['pv.kubernetes.io/provisioned-by']}</Field>
      )}
    </>
  );
}

export function StorageClassFields({ storageClass }: { storageClass: StorageClass }) {
  const binding = storageClass.volumeBindingMode ?? 'Immediate';
  const reclaim = storageClass.reclaimPolicy ?? 'Delete';
  return (
    <>
      <Field label="Provisioner">{storageClass.provisioner}</Field>
      <Field label="Default">
        {isDefaultClass(storageClass as unknown as WireObject) ? 'yes' : 'no'}
        <Gloss>A claim that names no class gets the default class.</Gloss>
      </Field>
      <Field label="Reclaim policy">
        {reclaim}
        <Gloss>{`Volumes provisioned for this class get it. ${RECLAIM[reclaim] ?? ''}`}</Gloss>
      </Field>
      <Field label="Binding mode">
        {binding}
        <Gloss>
          {binding === 'WaitForFirstConsumer'
            ? 'A claim waits (Pending) until a pod that mounts it is scheduled, so the volume is made where the pod runs.'
            : 'A volume is provisioned and bound as soon as the claim is created.'}
        </Gloss>
      </Field>
      <Field label="Expansion">{storageClass.allowVolumeExpansion ? 'allowed' : 'not allowed'}</Field>
    </>
  );
}
