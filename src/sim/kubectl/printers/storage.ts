/**
 * `kubectl get pv / pvc / sc` (printPersistentVolume, printPersistentVolumeClaim, printStorageClass
 * of a v1.32 apiserver, k8s-semantics §10.4): VOLUMEATTRIBUTESCLASS shows `<unset>` until a claim or
 * volume names one, and VOLUMEMODE is the -o wide column.
 */
import type { KubeObject } from '../../api/object';
import type { PersistentVolume, PersistentVolumeClaim, StorageClass } from '../../api/types';
import { accessModesString, claimClass, isDefaultClass, volumeClass } from '../../storage/helpers';
import { age } from '../duration';
import type { Cell, TablePrinter } from './table';

const UNSET = '<unset>';

export const persistentVolumePrinter: TablePrinter = {
  kind: 'PersistentVolume',
  columns: [
    { name: 'Name', priority: 0, isName: true },
    { name: 'Capacity', priority: 0 },
    { name: 'Access Modes', priority: 0 },
    { name: 'Reclaim Policy', priority: 0 },
    { name: 'Status', priority: 0 },
    { name: 'Claim', priority: 0 },
    { name: 'StorageClass', priority: 0 },
    { name: 'VolumeAttributesClass', priority: 0 },
    { name: 'Reason', priority: 0 },
    { name: 'Age', priority: 0 },
    { name: 'VolumeMode', priority: 1 },
  ],
  row(obj: KubeObject, now: number): Cell[] {
    const pv = obj as PersistentVolume;
    const ref = pv.spec?.claimRef;
    return [
      pv.metadata?.name ?? '',
      String(pv.spec?.capacity?.storage ?? '0'),
      accessModesString(pv.spec?.accessModes),
      pv.spec?.persistentVolumeReclaimPolicy ?? '',
      pv.metadata?.deletionTimestamp ? 'Terminating' : (pv.status?.phase ?? ''),
      ref ? `${ref.namespace ?? ''}/${ref.name ?? ''}` : '',
      volumeClass(pv),
      pv.spec?.volumeAttributesClassName || UNSET,
      pv.status?.reason ?? '',
      age(pv.metadata?.creationTimestamp, now),
      pv.spec?.volumeMode ?? UNSET,
    ];
  },
};

export const persistentVolumeClaimPrinter: TablePrinter = {
  kind: 'PersistentVolumeClaim',
  columns: [
    { name: 'Name', priority: 0, isName: true },
    { name: 'Status', priority: 0 },
    { name: 'Volume', priority: 0 },
    { name: 'Capacity', priority: 0 },
    { name: 'Access Modes', priority: 0 },
    { name: 'StorageClass', priority: 0 },
    { name: 'VolumeAttributesClass', priority: 0 },
    { name: 'Age', priority: 0 },
    { name: 'VolumeMode', priority: 1 },
  ],
  row(obj: KubeObject, now: number): Cell[] {
    const pvc = obj as PersistentVolumeClaim;
    // CAPACITY and ACCESS MODES come from the status once a volume is named.
    const named = !!pvc.spec?.volumeName;
    return [
      pvc.metadata?.name ?? '',
      pvc.metadata?.deletionTimestamp ? 'Terminating' : (pvc.status?.phase ?? ''),
      pvc.spec?.volumeName ?? '',
      named ? String(pvc.status?.capacity?.storage ?? '0') : '',
      named ? accessModesString(pvc.status?.accessModes) : '',
      claimClass(pvc),
      pvc.spec?.volumeAttributesClassName || UNSET,
      age(pvc.metadata?.creationTimestamp, now),
      pvc.spec?.volumeMode ?? UNSET,
    ];
  },
};

export const storageClassPrinter: TablePrinter = {
  kind: 'StorageClass',
  columns: [
    { name: 'Name', priority: 0, isName: true },
    { name: 'Provisioner', priority: 0 },
    { name: 'ReclaimPolicy', priority: 0 },
    { name: 'VolumeBindingMode', priority: 0 },
    { name: 'AllowVolumeExpansion', priority: 0 },
    { name: 'Age', priority: 0 },
  ],
  row(obj: KubeObject, now: number): Cell[] {
    const sc = obj as StorageClass;
    return [
      isDefaultClass(sc) ? `${sc.metadata?.name} (default)` : (sc.metadata?.name ?? ''),
      sc.provisioner,
      sc.reclaimPolicy ?? 'Delete',
      sc.volumeBindingMode ?? 'Immediate',
      String(sc.allowVolumeExpansion ?? false),
      age(sc.metadata?.creationTimestamp, now),
    ];
  },
};
