import type { AdmissionPlugin, AdmissionRequest } from './plugin';
import { PV_PROTECTION_FINALIZER, PVC_PROTECTION_FINALIZER } from '../../storage/helpers';

const FINALIZERS: Record<string, string> = { PersistentVolumeClaim: PVC_PROTECTION_FINALIZER, PersistentVolume: PV_PROTECTION_FINALIZER };

/** StorageObjectInUseProtection: new claims and volumes carry their protection finalizer from the start (§10.4). */
export class StorageObjectInUseProtection implements AdmissionPlugin {
  readonly name = 'StorageObjectInUseProtection';

  admit({ operation, obj }: AdmissionRequest): void {
    const finalizer = FINALIZERS[obj.kind];
    if (operation !== 'create' || !finalizer) return;
    const finalizers = obj.metadata.finalizers ?? [];
    if (!finalizers.includes(finalizer)) obj.metadata.finalizers = [...finalizers, finalizer];
  }
}
