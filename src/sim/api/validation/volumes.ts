/** ValidateVolumes and ValidateVolumeMounts (pkg/apis/core/validation), for a pod spec. */
import type { Container, PodSpec, Volume } from '../types';
import type { FieldError } from '../errors';
import { goValue } from '../gosyntax';
import { nameProblems } from './names';

/** The volume source fields of core/v1 VolumeSource. */
const SOURCES = [
  'hostPath', 'emptyDir', 'gcePersistentDisk', 'awsElasticBlockStore', 'gitRepo', 'secret', 'nfs', 'iscsi', 'glusterfs',
  'persistentVolumeClaim', 'rbd', 'flexVolume', 'cinder', 'cephfs', 'flocker', 'downwardAPI', 'fc', 'azureFile', 'configMap',
  'vsphereVolume', 'quobyte', 'azureDisk', 'photonPersistentDisk', 'projected', 'portworxVolume', 'scaleIO', 'storageos',
  'csi', 'ephemeral', 'image',
] as const;

type KeyToPath = { key?: string; path?: string };

/** validateLocalDescendingPath: relative, without '..' elements. */
function descendingPathErrors(path: string, field: string, errors: FieldError[]): void {
  if (path.startsWith('/')) errors.push({ field, message: `Invalid value: ${goValue(path)}: must be a relative path` });
  if (path.split('/').includes('..')) errors.push({ field, message: `Invalid value: ${goValue(path)}: must not contain '..'` });
}

function itemErrors(items: KeyToPath[] | undefined, path: string, errors: FieldError[]): void {
  (items ?? []).forEach((item, i) => {
    const ip = `${path}.items[${i}]`;
    if (!item.key) errors.push({ field: `${ip}.key`, message: 'Required value' });
    if (!item.path) errors.push({ field: `${ip}.path`, message: 'Required value' });
    else descendingPathErrors(item.path, `${ip}.path`, errors);
  });
}

function sourceErrors(v: Volume, vp: string, errors: FieldError[]): void {
  if (v.hostPath && !v.hostPath.path) errors.push({ field: `${vp}.hostPath.path`, message: 'Required value' });
  if (v.persistentVolumeClaim && !v.persistentVolumeClaim.claimName) errors.push({ field: `${vp}.persistentVolumeClaim.claimName`, message: 'Required value' });
  if (v.configMap) {
    if (!v.configMap.name) errors.push({ field: `${vp}.configMap.name`, message: 'Required value' });
    itemErrors(v.configMap.items, `${vp}.configMap`, errors);
  }
  if (v.secret) {
    if (!v.secret.secretName) errors.push({ field: `${vp}.secret.secretName`, message: 'Required value' });
    itemErrors(v.secret.items, `${vp}.secret`, errors);
  }
  if (v.gitRepo && !v.gitRepo.repository) errors.push({ field: `${vp}.gitRepo.repository`, message: 'Required value' });
}

/** The volume names a spec declares, after reporting the volumes' own errors. */
function validateVolumeList(volumes: Volume[], path: string, errors: FieldError[]): Set<string> {
  const names = new Set<string>();
  volumes.forEach((v, i) => {
    const vp = `${path}[${i}]`;
    if (!v.name) errors.push({ field: `${vp}.name`, message: 'Required value' });
    else {
      for (const p of nameProblems(v.name, 'label')) errors.push({ field: `${vp}.name`, message: `Invalid value: ${goValue(v.name)}: ${p}` });
      if (names.has(v.name)) errors.push({ field: `${vp}.name`, message: `Duplicate value: ${goValue(v.name)}` });
      names.add(v.name);
    }
    const set = SOURCES.filter((s) => (v as Record<string, unknown>)[s] != null);
    for (const extra of set.slice(1)) errors.push({ field: `${vp}.${extra}`, message: 'Forbidden: may not specify more than 1 volume type' });
    sourceErrors(v, vp, errors);
  });
  return names;
}

function validateMounts(containers: Container[] | undefined, path: string, volumes: Set<string>, errors: FieldError[]): void {
  (containers ?? []).forEach((c, i) => {
    const mountsPath = `${path}[${i}].volumeMounts`;
    const seen = new Set<string>();
    (c.volumeMounts ?? []).forEach((m, j) => {
      const mp = `${mountsPath}[${j}]`;
      if (!m.name) errors.push({ field: `${mp}.name`, message: 'Required value' });
      if (!volumes.has(m.name)) errors.push({ field: `${mp}.name`, message: `Not found: ${goValue(m.name)}` });
      if (!m.mountPath) errors.push({ field: `${mp}.mountPath`, message: 'Required value' });
      else if (seen.has(m.mountPath)) errors.push({ field: `${mp}.mountPath`, message: `Invalid value: ${goValue(m.mountPath)}: must be unique` });
      seen.add(m.mountPath);
      // The apiserver names the list, not the item, for a bad subPath.
      if (m.subPath) descendingPathErrors(m.subPath, `${mountsPath}.subPath`, errors);
    });
  });
}

/** Volumes, then every container's mounts against them. `path` is "spec" or "spec.template.spec". */
export function validatePodVolumes(spec: PodSpec, path: string, errors: FieldError[]): void {
  const names = validateVolumeList(spec.volumes ?? [], `${path}.volumes`, errors);
  validateMounts(spec.containers, `${path}.containers`, names, errors);
  validateMounts(spec.initContainers, `${path}.initContainers`, names, errors);
}
