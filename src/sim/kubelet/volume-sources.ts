/**
 * What each volume of a pod is, as the kubelet's volume manager sees it: a writable disk of the
 * volume store, a projection of API data (configMap, secret, downwardAPI, projected), or the error
 * that keeps it from being mounted — a claim that cannot be processed, or a SetUp failure.
 */
import type { ApiServer } from '../api/server';
import type { ConfigMap, Node, PersistentVolumeClaim, Pod, Secret, Volume } from '../api/types';
import { disks } from '../storage/volumes';
import { decodeBase64 } from '../util/base64';
import { fieldRefValue, resourceFieldValue } from './downward';

export type VolumeBacking =
  | { kind: 'disk'; disk: string }
  | { kind: 'files'; files: Map<string, string> }
  /** process: the claim is unusable (desired state populator); setup: MountVolume.SetUp failed. */
  | { kind: 'error'; stage: 'process' | 'setup'; message: string };

type KeyToPath = { key: string; path: string };

/** The files of one configMap or secret source: every key, or the listed items. */
function keyFiles(data: Record<string, string>, items: KeyToPath[] | undefined, optional: boolean, missingKey: (key: string) => string): Map<string, string> {
  const files = new Map<string, string>();
  if (!items?.length) {
    for (const key of Object.keys(data).sort()) files.set(key, data[key]);
    return files;
  }
  for (const item of items) {
    if (data[item.key] === undefined) {
      if (optional) continue;
      throw new Error(missingKey(item.key));
    }
    files.set(item.path, data[item.key]);
  }
  return files;
}

function configMapFiles(api: ApiServer, namespace: string, src: { name?: string; items?: KeyToPath[]; optional?: boolean }): Map<string, string> {
  const cm = api.get('ConfigMap', namespace, src.name ?? '') as ConfigMap | undefined;
  if (!cm) {
    if (src.optional) return new Map();
    throw new Error(`configmap "${src.name}" not found`);
  }
  const data = { ...(cm.data ?? {}), ...Object.fromEntries(Object.entries(cm.binaryData ?? {}).map(([k, v]) => [k, decodeBase64(v)])) };
  return keyFiles(data, src.items, !!src.optional, (key) => `configmap references non-existent config key: ${key}`);
}

function secretFiles(api: ApiServer, namespace: string, name: string, src: { items?: KeyToPath[]; optional?: boolean }): Map<string, string> {
  const secret = api.get('Secret', namespace, name) as Secret | undefined;
  if (!secret) {
    if (src.optional) return new Map();
    throw new Error(`secret "${name}" not found`);
  }
  const data = Object.fromEntries(Object.entries(secret.data ?? {}).map(([k, v]) => [k, decodeBase64(v)]));
  return keyFiles(data, src.items, !!src.optional, (key) => `references non-existent secret key: ${key}`);
}

type DownwardItem = { path: string; fieldRef?: { fieldPath: string }; resourceFieldRef?: { containerName?: string; resource: string; divisor?: string | number } };

function downwardFiles(pod: Pod, items: DownwardItem[] | undefined, node: Node | undefined): Map<string, string> {
  const files = new Map<string, string>();
  for (const item of items ?? []) {
    if (item.fieldRef) files.set(item.path, fieldRefValue(pod, item.fieldRef, {}));
    else if (item.resourceFieldRef) files.set(item.path, resourceFieldValue(pod, item.resourceFieldRef, item.resourceFieldRef.containerName ?? '', node));
  }
  return files;
}

/** PVC → PV the way the populator checks it (pkg/kubelet/volumemanager/populator). */
function claimDisk(api: ApiServer, pod: Pod, claimName: string): VolumeBacking {
  const ns = pod.metadata!.namespace!;
  const fail = (why: string): VolumeBacking => ({ kind: 'error', stage: 'process', message: `error processing PVC ${ns}/${claimName}: ${why}` });
  const pvc = api.get('PersistentVolumeClaim', ns, claimName) as PersistentVolumeClaim | undefined;
  if (!pvc) return fail(`failed to fetch PVC from API server: persistentvolumeclaims "${claimName}" not found`);
  if (pvc.metadata?.deletionTimestamp) return fail('PVC is being deleted');
  if (pvc.status?.phase !== 'Bound') return fail('PVC is not bound');
  if (!pvc.spec?.volumeName) return fail('PVC has empty pvc.Spec.VolumeName');
  return { kind: 'disk', disk: disks.persistentVolume(pvc.spec.volumeName) };
}

export function volumeBacking(api: ApiServer, pod: Pod, volume: Volume): VolumeBacking {
  const ns = pod.metadata!.namespace!;
  const uid = pod.metadata!.uid!;
  const node = pod.spec?.nodeName ? (api.get('Node', undefined, pod.spec.nodeName) as Node | undefined) : undefined;
  if (volume.persistentVolumeClaim) return claimDisk(api, pod, volume.persistentVolumeClaim.claimName);
  if (volume.hostPath) return { kind: 'disk', disk: disks.hostPath(pod.spec?.nodeName ?? '', volume.hostPath.path) };
  try {
    if (volume.configMap) return { kind: 'files', files: configMapFiles(api, ns, volume.configMap) };
    if (volume.secret) return { kind: 'files', files: secretFiles(api, ns, volume.secret.secretName ?? '', volume.secret) };
    if (volume.downwardAPI) return { kind: 'files', files: downwardFiles(pod, volume.downwardAPI.items, node) };
    if (volume.projected) {
      const files = new Map<string, string>();
      for (const source of volume.projected.sources ?? []) {
        const part = source.configMap
          ? configMapFiles(api, ns, source.configMap)
          : source.secret
            ? secretFiles(api, ns, source.secret.name ?? '', source.secret)
            : source.downwardAPI
              ? downwardFiles(pod, source.downwardAPI.items, node)
              : new Map<string, string>();
        for (const [path, content] of part) files.set(path, content);
      }
      return { kind: 'files', files };
    }
  } catch (err) {
    return { kind: 'error', stage: 'setup', message: (err as Error).message };
  }
  // emptyDir, and gitRepo and other plugins kubesim keeps as a per-pod directory.
  return { kind: 'disk', disk: disks.emptyDir(uid, volume.name) };
}

/** Volumes a container mounts (the only ones the volume manager processes). */
function mountedVolumes(pod: Pod): Volume[] {
  const names = new Set([...(pod.spec?.initContainers ?? []), ...(pod.spec?.containers ?? [])].flatMap((c) => (c.volumeMounts ?? []).map((m) => m.name)));
  return (pod.spec?.volumes ?? []).filter((v) => names.has(v.name));
}

export interface MountFailure {
  reason: 'FailedMount';
  message: string;
}

/**
 * Why the pod's volumes cannot all be mounted, as the kubelet's events say it: a SetUp failure
 * per volume, and one "Unable to attach or mount volumes" when a claim cannot be processed.
 */
export function mountFailures(api: ApiServer, pod: Pod): MountFailure[] {
  const failures: MountFailure[] = [];
  const unmounted: string[] = [];
  const notProcessed: string[] = [];
  const processErrors: string[] = [];
  for (const volume of mountedVolumes(pod)) {
    const backing = volumeBacking(api, pod, volume);
    if (backing.kind !== 'error') continue;
    unmounted.push(volume.name);
    if (backing.stage === 'setup') failures.push({ reason: 'FailedMount', message: `MountVolume.SetUp failed for volume "${volume.name}" : ${backing.message}` });
    else {
      notProcessed.push(volume.name);
      processErrors.push(backing.message);
    }
  }
  if (processErrors.length) {
    const list = (names: string[]) => `[${[...names].sort().join(' ')}]`;
    failures.push({
      reason: 'FailedMount',
      message: `Unable to attach or mount volumes: unmounted volumes=${list(unmounted)}, unattached volumes=[], failed to process volumes=${list(notProcessed)}: ${processErrors.join('; ')}`,
    });
  }
  return failures;
}
