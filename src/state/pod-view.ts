/**
 * What the inspector's Files and Environment sections show of a pod, and which of it came from a
 * Secret: those values stay masked until the user reveals them, as on a Secret's own panel.
 */
import type { Container, Pod, Secret, Volume } from 'kubernetes-types/core/v1';
import type { WirePodFile } from '../protocol/messages';

/** One volume's files, in the order the pod declares its volumes. */
export interface VolumeFiles {
  volume: string;
  /** "configMap", "secret", "emptyDir", "persistentVolumeClaim: data", … */
  source: string;
  /** Secret-backed files, masked until revealed. */
  secret: boolean;
  files: WirePodFile[];
}

function volumeSource(volume: Volume | undefined): string {
  if (!volume) return 'volume';
  if (volume.persistentVolumeClaim) return `persistentVolumeClaim: ${volume.persistentVolumeClaim.claimName}`;
  if (volume.configMap) return `configMap: ${volume.configMap.name ?? ''}`;
  if (volume.secret) return `secret: ${volume.secret.secretName ?? ''}`;
  if (volume.hostPath) return `hostPath: ${volume.hostPath.path}`;
  const kind = Object.keys(volume).find((key) => key !== 'name');
  return kind ?? 'volume';
}

function holdsSecret(volume: Volume | undefined): boolean {
  return Boolean(volume?.secret || volume?.projected?.sources?.some((s) => s.secret));
}

/** The pod's files grouped by volume; a volume with no files yet is listed with none. */
export function filesByVolume(pod: Pod, files: readonly WirePodFile[]): VolumeFiles[] {
  return (pod.spec?.volumes ?? []).map((volume) => ({
    volume: volume.name,
    source: volumeSource(volume),
    secret: holdsSecret(volume),
    files: files.filter((f) => f.volume === volume.name),
  }));
}

function findContainer(pod: Pod, name: string): Container | undefined {
  return [...(pod.spec?.initContainers ?? []), ...(pod.spec?.containers ?? [])].find((c) => c.name === name);
}

/**
 * The variables of a container that hold a Secret's values: `secretKeyRef` entries, and every key
 * of a Secret pulled in with `envFrom` (with its prefix), read from the mirrored Secrets.
 */
export function secretEnvNames(pod: Pod, containerName: string, secrets: ReadonlyMap<string, Secret>): Set<string> {
  const container = findContainer(pod, containerName);
  const names = new Set<string>();
  for (const env of container?.env ?? []) if (env.valueFrom?.secretKeyRef) names.add(env.name);
  for (const from of container?.envFrom ?? []) {
    const secret = from.secretRef?.name ? secrets.get(from.secretRef.name) : undefined;
    const keys = [...Object.keys(secret?.data ?? {}), ...Object.keys(secret?.stringData ?? {})];
    for (const key of keys) names.add(`${from.prefix ?? ''}${key}`);
  }
  return names;
}
