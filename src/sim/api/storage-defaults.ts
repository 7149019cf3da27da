/** SetDefaults for the storage kinds (k8s-semantics §10.1). */
import type { PersistentVolume, PersistentVolumeClaim, StorageClass } from './types';

/** Static volumes are kept by default (Retain); hostPath's type defaults to "" (no check). */
export function defaultPersistentVolume(pv: PersistentVolume): void {
  const spec = (pv.spec ??= {});
  spec.persistentVolumeReclaimPolicy ??= 'Retain';
  spec.volumeMode ??= 'Filesystem';
  if (spec.hostPath) spec.hostPath.type ??= '';
}

export function defaultPersistentVolumeClaim(pvc: PersistentVolumeClaim): void {
  const spec = (pvc.spec ??= {});
  spec.volumeMode ??= 'Filesystem';
}

/** Dynamically provisioned volumes are deleted with their claim unless the class says Retain. */
export function defaultStorageClass(sc: StorageClass): void {
  sc.reclaimPolicy ??= 'Delete';
  sc.volumeBindingMode ??= 'Immediate';
}
