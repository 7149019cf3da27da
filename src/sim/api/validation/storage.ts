/** ValidatePersistentVolume / Claim / StorageClass and their updates (k8s-semantics §10.4, v1.32 wording). */
import { clone } from '../object';
import type { FieldError } from '../errors';
import { goValue } from '../gosyntax';
import { parseQuantity, isQuantity } from '../quantity';
import type { PersistentVolume, PersistentVolumeClaim, StorageClass } from '../types';
import { deepEqual } from '../../util/equal';
import { nameProblems } from './names';

const ACCESS_MODES = ['ReadOnlyMany', 'ReadWriteMany', 'ReadWriteOnce', 'ReadWriteOncePod'];
const VOLUME_MODES = ['Block', 'Filesystem'];
const PV_RECLAIM = ['Delete', 'Recycle', 'Retain'];
const SC_RECLAIM = ['Delete', 'Retain'];
const BINDING_MODES = ['Immediate', 'WaitForFirstConsumer'];
/** The PersistentVolumeSource members: a volume names exactly one. */
const PV_SOURCES = [
  'awsElasticBlockStore', 'azureDisk', 'azureFile', 'cephfs', 'cinder', 'csi', 'fc', 'flexVolume', 'flocker', 'gcePersistentDisk', 'glusterfs',
  'hostPath', 'iscsi', 'local', 'nfs', 'photonPersistentDisk', 'portworxVolume', 'quobyte', 'rbd', 'scaleIO', 'storageos', 'vsphereVolume',
] as const;

const supported = (values: readonly string[]) => values.map((v) => `"${v}"`).join(', ');

function unsupported(field: string, value: unknown, values: readonly string[]): FieldError {
  return { field, message: `Unsupported value: ${goValue(value)}: supported values: ${supported(values)}` };
}

function validateAccessModes(modes: readonly string[] | undefined, required: string, errors: FieldError[]): void {
  if (!modes?.length) {
    errors.push({ field: 'spec.accessModes', message: required });
    return;
  }
  for (const mode of modes) if (!ACCESS_MODES.includes(mode)) errors.push(unsupported('spec.accessModes', mode, ACCESS_MODES));
  if (modes.includes('ReadWriteOncePod') && modes.length > 1) errors.push({ field: 'spec.accessModes', message: 'Forbidden: may not use ReadWriteOncePod with other access modes' });
}

function validateClassName(name: string | undefined, errors: FieldError[]): void {
  if (!name) return;
  for (const p of nameProblems(name, 'subdomain')) errors.push({ field: 'spec.storageClassName', message: `Invalid value: ${goValue(name)}: ${p}` });
}

function validateVolumeMode(mode: string | undefined, errors: FieldError[]): void {
  if (mode !== undefined && !VOLUME_MODES.includes(mode)) errors.push(unsupported('spec.volumeMode', mode, VOLUME_MODES));
}

/** ValidatePositiveQuantityValue: "must be greater than zero". */
function validateStorageQuantity(value: string | number | undefined, field: string, errors: FieldError[]): void {
  if (value === undefined) {
    errors.push({ field, message: 'Required value' });
  } else if (isQuantity(value) && parseQuantity(value) <= 0) {
    errors.push({ field, message: `Invalid value: ${goValue(String(value))}: must be greater than zero` });
  }
}

export function validatePersistentVolumeClaim(pvc: PersistentVolumeClaim, old: PersistentVolumeClaim | undefined, errors: FieldError[]): void {
  const spec = pvc.spec ?? {};
  validateAccessModes(spec.accessModes, 'Required value: at least 1 access mode is required', errors);
  validateStorageQuantity(spec.resources?.requests?.storage, 'spec.resources[storage]', errors);
  validateVolumeMode(spec.volumeMode, errors);
  validateClassName(spec.storageClassName, errors);
  if (old) validateClaimUpdate(pvc, old, errors);
}

/**
 * ValidatePersistentVolumeClaimUpdate: the PV controller may set volumeName once; a Bound claim may
 * change its storage request; nothing else. v1.32 has RecoverVolumeExpansionFailure (beta, on), so
 * a request may shrink back down, but not to the capacity the claim already has.
 */
function validateClaimUpdate(pvc: PersistentVolumeClaim, old: PersistentVolumeClaim, errors: FieldError[]): void {
  const next = clone(pvc.spec ?? {});
  const before = clone(old.spec ?? {});
  if (!before.volumeName) before.volumeName = next.volumeName;
  if (pvc.status?.phase === 'Bound' && next.resources?.requests) next.resources.requests.storage = old.spec?.resources?.requests?.storage as string;
  if (!deepEqual(next, before)) {
    errors.push({ field: 'spec', message: 'Forbidden: spec is immutable after creation except resources.requests and volumeAttributesClassName for bound claims' });
  }
  const size = (v: string | number | undefined) => (v === undefined || !isQuantity(v) ? 0 : parseQuantity(v));
  const newSize = size(pvc.spec?.resources?.requests?.storage);
  if (newSize < size(old.spec?.resources?.requests?.storage) && newSize <= size(old.status?.capacity?.storage)) {
    errors.push({ field: 'spec.resources.requests.storage', message: 'Forbidden: field can not be less than status.capacity' });
  }
}

export function validatePersistentVolume(pv: PersistentVolume, old: PersistentVolume | undefined, errors: FieldError[]): void {
  const spec = pv.spec ?? {};
  validateAccessModes(spec.accessModes, 'Required value', errors);
  if (!spec.capacity || Object.keys(spec.capacity).length === 0) errors.push({ field: 'spec.capacity', message: 'Required value' });
  else validateStorageQuantity(spec.capacity.storage, 'spec.capacity[storage]', errors);
  const policy = spec.persistentVolumeReclaimPolicy;
  if (policy !== undefined && !PV_RECLAIM.includes(policy)) errors.push(unsupported('spec.persistentVolumeReclaimPolicy', policy, PV_RECLAIM));
  validateVolumeMode(spec.volumeMode, errors);
  validateClassName(spec.storageClassName, errors);
  const sources = PV_SOURCES.filter((s) => spec[s] !== undefined);
  if (sources.length === 0) errors.push({ field: 'spec', message: 'Required value: must specify a volume type' });
  for (const s of sources.slice(1)) errors.push({ field: `spec.${s}`, message: 'Forbidden: may not specify more than 1 volume type' });
  if (spec.hostPath && !spec.hostPath.path) errors.push({ field: 'spec.hostPath.path', message: 'Required value' });
  if (spec.local) {
    if (!spec.local.path) errors.push({ field: 'spec.local.path', message: 'Required value' });
    if (!spec.nodeAffinity) errors.push({ field: 'spec.nodeAffinity', message: 'Required value: Local volume requires node affinity' });
  }
  if (!old) return;
  const source = (s: NonNullable<PersistentVolume['spec']>) => PV_SOURCES.map((k) => s[k]);
  if (!deepEqual(source(spec), source(old.spec ?? {}))) {
    errors.push({ field: 'spec.persistentvolumesource', message: 'Forbidden: spec.persistentvolumesource is immutable after creation' });
  }
  if (spec.volumeMode !== old.spec?.volumeMode) errors.push({ field: 'volumeMode', message: `Invalid value: ${goValue(spec.volumeMode)}: field is immutable` });
}

export function validateStorageClass(sc: StorageClass, old: StorageClass | undefined, errors: FieldError[]): void {
  if (!sc.provisioner) errors.push({ field: 'provisioner', message: 'Required value' });
  if (sc.reclaimPolicy !== undefined && !SC_RECLAIM.includes(sc.reclaimPolicy)) errors.push(unsupported('reclaimPolicy', sc.reclaimPolicy, SC_RECLAIM));
  if (sc.volumeBindingMode !== undefined && !BINDING_MODES.includes(sc.volumeBindingMode)) errors.push(unsupported('volumeBindingMode', sc.volumeBindingMode, BINDING_MODES));
  if (!old) return;
  if (!deepEqual(sc.parameters ?? {}, old.parameters ?? {})) errors.push({ field: 'parameters', message: 'Forbidden: updates to parameters are forbidden.' });
  if (sc.provisioner !== old.provisioner) errors.push({ field: 'provisioner', message: 'Forbidden: updates to provisioner are forbidden.' });
  if (sc.reclaimPolicy !== old.reclaimPolicy) errors.push({ field: 'reclaimPolicy', message: 'Forbidden: updates to reclaimPolicy are forbidden.' });
  if (sc.volumeBindingMode !== old.volumeBindingMode) errors.push({ field: 'volumeBindingMode', message: `Invalid value: ${goValue(sc.volumeBindingMode)}: field is immutable` });
}
