import { forbidden } from '../errors';
import { qualifiedResource } from '../kinds';
import type { Store } from '../store';
import type { PersistentVolumeClaim, StorageClass } from '../types';
import { claimClass, requestedStorage } from '../../storage/helpers';
import type { AdmissionPlugin, AdmissionRequest } from './plugin';

/**
 * PersistentVolumeClaimResize: a claim may only grow when it is Bound and its class (unchanged)
 * sets allowVolumeExpansion.
 */
export class PersistentVolumeClaimResize implements AdmissionPlugin {
  readonly name = 'PersistentVolumeClaimResize';
  constructor(private readonly store: Store) {}

  validate({ operation, obj, old, info, displayName }: AdmissionRequest): void {
    if (operation !== 'update' || obj.kind !== 'PersistentVolumeClaim' || !old) return;
    const pvc = obj as PersistentVolumeClaim;
    const before = old as PersistentVolumeClaim;
    if (requestedStorage(pvc) <= requestedStorage(before)) return;
    const resource = qualifiedResource(info);
    if (before.status?.phase !== 'Bound') throw forbidden(resource, displayName, 'Only bound persistent volume claims can be expanded');
    const name = claimClass(pvc);
    const sc = name && name === claimClass(before) ? (this.store.list('StorageClass') as StorageClass[]).find((c) => c.metadata?.name === name) : undefined;
    if (sc?.allowVolumeExpansion !== true) {
      throw forbidden(resource, displayName, 'only dynamically provisioned pvc can be resized and the storageclass that provisions the pvc must support resize');
    }
  }
}
