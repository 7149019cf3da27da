import type { Store } from '../store';
import type { PersistentVolumeClaim, StorageClass } from '../types';
import { ANN_BETA_STORAGE_CLASS, defaultStorageClass } from '../../storage/helpers';
import type { AdmissionPlugin, AdmissionRequest } from './plugin';

/**
 * DefaultStorageClass (k8s-semantics §10.1): a claim created with no storageClassName (nil, not
 * "") gets the newest default class. `""` is a request for no class and is left alone.
 */
export class DefaultStorageClass implements AdmissionPlugin {
  readonly name = 'DefaultStorageClass';
  constructor(private readonly store: Store) {}

  admit({ operation, obj }: AdmissionRequest): void {
    if (operation !== 'create' || obj.kind !== 'PersistentVolumeClaim') return;
    const pvc = obj as PersistentVolumeClaim;
    if (!pvc.spec || pvc.spec.storageClassName !== undefined || pvc.metadata?.annotations?.[ANN_BETA_STORAGE_CLASS] !== undefined) return;
    const sc = defaultStorageClass(this.store.list('StorageClass') as StorageClass[]);
    if (sc) pvc.spec.storageClassName = sc.metadata!.name;
  }
}
