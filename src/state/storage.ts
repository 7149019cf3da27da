/**
 * Small, pure readers of PersistentVolumeClaims and PersistentVolumes (k8s-semantics §10): which
 * claims a pod mounts, which volume a claim is bound to, and the words and colours of their phases.
 */
import type { PersistentVolume, PersistentVolumeClaim, Pod } from 'kubernetes-types/core/v1';
import type { WireObject } from '../protocol/messages';
import { objectKey } from './objects';

export const DEFAULT_CLASS_ANNOTATIONS = ['storageclass.kubernetes.io/is-default-class', 'storageclass.beta.kubernetes.io/is-default-class'];

/** The colour family of a volume phase; each comes with an icon and the phase word. */
export type VolumeTone = 'bound' | 'pending' | 'available' | 'released' | 'failed';

/** The PVC keys a pod mounts, in the order of its volumes, each once. */
export function podClaimKeys(pod: Pod): string[] {
  const keys: string[] = [];
  for (const volume of pod.spec?.volumes ?? []) {
    const claim = volume.persistentVolumeClaim?.claimName;
    if (!claim) continue;
    const key = objectKey('PersistentVolumeClaim', pod.metadata?.namespace, claim);
    if (!keys.includes(key)) keys.push(key);
  }
  return keys;
}

/** The PV key a claim is bound to (its `spec.volumeName`), once the binder has set it. */
export function claimVolumeKey(claim: PersistentVolumeClaim): string | undefined {
  const name = claim.spec?.volumeName;
  return name ? objectKey('PersistentVolume', undefined, name) : undefined;
}

/** The PVC key a volume's `spec.claimRef` points to, bound or released. */
export function volumeClaimKey(volume: PersistentVolume): string | undefined {
  const ref = volume.spec?.claimRef;
  return ref?.name ? objectKey('PersistentVolumeClaim', ref.namespace, ref.name) : undefined;
}

/** `storageClassName`, with the legacy beta annotation kubectl also reads; "" means "no class". */
export function storageClassOf(obj: PersistentVolumeClaim | PersistentVolume): string {
  const legacy = obj.metadata?.annotations?.['volume.beta.kubernetes.io/storage-class'];
  return legacy ?? obj.spec?.storageClassName ?? '';
}

export function isDefaultClass(storageClass: WireObject): boolean {
  const annotations = storageClass.metadata.annotations ?? {};
  return DEFAULT_CLASS_ANNOTATIONS.some((key) => annotations[key] === 'true');
}

const ACCESS_MODES: Record<string, string> = {
  ReadWriteOnce: 'RWO',
  ReadOnlyMany: 'ROX',
  ReadWriteMany: 'RWX',
  ReadWriteOncePod: 'RWOP',
};

/** kubectl's ACCESS MODES column: "RWO,RWX". */
export function accessModesText(modes: readonly string[] | undefined): string {
  return (modes ?? []).map((mode) => ACCESS_MODES[mode] ?? mode).join(',');
}

/** A claim's phase; the apiserver leaves it unset until the PV controller first syncs, which reads as Pending. */
export function claimPhase(claim: PersistentVolumeClaim): string {
  return claim.status?.phase ?? 'Pending';
}

export function volumePhase(volume: PersistentVolume): string {
  return volume.status?.phase ?? 'Pending';
}

/** Bound is healthy, Pending is on its way, Available waits for a claim, Released keeps data nobody claims, Lost/Failed broke. */
export function phaseTone(phase: string): VolumeTone {
  switch (phase) {
    case 'Bound':
      return 'bound';
    case 'Available':
      return 'available';
    case 'Released':
      return 'released';
    case 'Lost':
    case 'Failed':
      return 'failed';
    default:
      return 'pending';
  }
}

/** The CAPACITY column: the bound volume's size for a claim (empty while Pending), the size of a volume. */
export function claimCapacity(claim: PersistentVolumeClaim): string {
  return claim.status?.capacity?.storage ?? '';
}

export function claimRequest(claim: PersistentVolumeClaim): string {
  return claim.spec?.resources?.requests?.storage ?? '';
}

export function volumeCapacity(volume: PersistentVolume): string {
  return volume.spec?.capacity?.storage ?? '';
}
