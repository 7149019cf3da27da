/**
 * The storage helpers the PV controller, the provisioner, the scheduler and kubectl share
 * (component-helpers/storage/volume/pv_helpers.go, pkg/apis/core/helper): annotation keys,
 * class names, access-mode strings and which claims a pod uses.
 */
import { parseQuantity } from '../api/quantity';
import type { KubeObject } from '../api/object';
import type { PersistentVolume, PersistentVolumeClaim, Pod, StorageClass } from '../api/types';

export const ANN_BOUND_BY_CONTROLLER = 'pv.kubernetes.io/bound-by-controller';
export const ANN_BIND_COMPLETED = 'pv.kubernetes.io/bind-completed';
export const ANN_PROVISIONED_BY = 'pv.kubernetes.io/provisioned-by';
export const ANN_STORAGE_PROVISIONER = 'volume.kubernetes.io/storage-provisioner';
export const ANN_BETA_STORAGE_PROVISIONER = 'volume.beta.kubernetes.io/storage-provisioner';
export const ANN_SELECTED_NODE = 'volume.kubernetes.io/selected-node';
export const ANN_DEFAULT_CLASS = 'storageclass.kubernetes.io/is-default-class';
export const ANN_BETA_DEFAULT_CLASS = 'storageclass.beta.kubernetes.io/is-default-class';
/** The beta annotation that named a class before spec.storageClassName existed; still honoured. */
export const ANN_BETA_STORAGE_CLASS = 'volume.beta.kubernetes.io/storage-class';

export const PVC_PROTECTION_FINALIZER = 'kubernetes.io/pvc-protection';
export const PV_PROTECTION_FINALIZER = 'kubernetes.io/pv-protection';

/** GetAccessModesAsString's fixed order and abbreviations (k8s-semantics §10.2). */
const ACCESS_MODES: [string, string][] = [
  ['ReadWriteOnce', 'RWO'],
  ['ReadOnlyMany', 'ROX'],
  ['ReadWriteMany', 'RWX'],
  ['ReadWriteOncePod', 'RWOP'],
];

export function accessModesString(modes: readonly string[] | undefined): string {
  const set = new Set(modes ?? []);
  return ACCESS_MODES.filter(([mode]) => set.has(mode)).map(([, short]) => short).join(',');
}

/** GetPersistentVolumeClass: the beta annotation wins, then spec.storageClassName; "" for none. */
export function volumeClass(pv: PersistentVolume): string {
  return pv.metadata?.annotations?.[ANN_BETA_STORAGE_CLASS] ?? pv.spec?.storageClassName ?? '';
}

/** GetPersistentVolumeClaimClass: nil and "" both mean "no class" here. */
export function claimClass(pvc: PersistentVolumeClaim): string {
  return pvc.metadata?.annotations?.[ANN_BETA_STORAGE_CLASS] ?? pvc.spec?.storageClassName ?? '';
}

/** IsDefaultAnnotation: either key set to "true". */
export function isDefaultClass(sc: StorageClass): boolean {
  const ann = sc.metadata?.annotations ?? {};
  return ann[ANN_DEFAULT_CLASS] === 'true' || ann[ANN_BETA_DEFAULT_CLASS] === 'true';
}

/** The bytes of a storage quantity; 0 when unset. */
export function storageBytes(value: string | number | undefined): number {
  return value === undefined ? 0 : parseQuantity(value);
}

export function requestedStorage(pvc: PersistentVolumeClaim): number {
  return storageBytes(pvc.spec?.resources?.requests?.storage);
}

export function volumeCapacity(pv: PersistentVolume): number {
  return storageBytes(pv.spec?.capacity?.storage);
}

export function volumeMode(spec: { volumeMode?: string } | undefined): string {
  return spec?.volumeMode ?? 'Filesystem';
}

/** IsVolumeBoundToClaim: claimRef names this claim, with its uid or with none yet (pre-bound). */
export function isVolumeBoundToClaim(pv: PersistentVolume, pvc: PersistentVolumeClaim): boolean {
  const ref = pv.spec?.claimRef;
  if (!ref || ref.name !== pvc.metadata?.name || ref.namespace !== pvc.metadata?.namespace) return false;
  return !ref.uid || ref.uid === pvc.metadata?.uid;
}

export function hasAnnotation(obj: KubeObject | { metadata?: { annotations?: Record<string, string> } }, key: string): boolean {
  return obj.metadata?.annotations?.[key] !== undefined;
}

/** The claim names a pod's volumes refer to. */
export function podClaimNames(pod: Pod): string[] {
  return (pod.spec?.volumes ?? []).flatMap((v) => (v.persistentVolumeClaim ? [v.persistentVolumeClaim.claimName] : []));
}

/** The reference the PV controller writes into spec.claimRef (reference.GetReference). */
export function claimReference(pvc: PersistentVolumeClaim): NonNullable<NonNullable<PersistentVolume['spec']>['claimRef']> {
  return {
    kind: 'PersistentVolumeClaim',
    namespace: pvc.metadata!.namespace,
    name: pvc.metadata!.name,
    uid: pvc.metadata!.uid,
    apiVersion: 'v1',
    resourceVersion: pvc.metadata!.resourceVersion,
  };
}

/**
 * The newest default StorageClass (GetDefaultClass, v1.26+): the one DefaultStorageClass admission
 * and the controller's retroactive assignment give a claim with no class.
 */
export function defaultStorageClass(classes: readonly StorageClass[]): StorageClass | undefined {
  const defaults = classes.filter(isDefaultClass);
  const created = (sc: StorageClass) => sc.metadata?.creationTimestamp ?? '';
  return defaults.sort((a, b) => (created(a) < created(b) ? 1 : created(a) > created(b) ? -1 : (a.metadata!.name! < b.metadata!.name! ? -1 : 1)))[0];
}
