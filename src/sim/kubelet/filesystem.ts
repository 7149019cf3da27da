/**
 * A container's view of its filesystem: its volume mounts (longest mount path wins, subPath
 * honoured), the files the kubelet manages (/etc/hostname, /etc/resolv.conf), and its own writable
 * layer for everything else. The inspector, `kubectl exec` and the demo apps all read through it.
 */
import type { ApiServer } from '../api/server';
import type { Container, Pod, VolumeMount } from '../api/types';
import { CLUSTER_DOMAIN } from '../network/dns';
import { disks, type VolumeStore } from '../storage/volumes';
import { volumeBacking, type VolumeBacking } from './volume-sources';

/** One file of a pod's volumes, for the inspector. */
export interface PodFile {
  /** Where the first container that mounts the volume sees it. */
  path: string;
  volume: string;
  content: string;
}

/** What `ls` finds at a path. */
export type Listing = { kind: 'dir'; entries: string[] } | { kind: 'file' } | { kind: 'missing' };

/** The directories of a container image's root, under the mounts. */
const ROOT_DIRS = ['bin', 'dev', 'etc', 'home', 'lib', 'proc', 'root', 'run', 'sys', 'tmp', 'usr', 'var'];

const normalize = (path: string) => '/' + path.split('/').filter((p) => p && p !== '.').join('/');

interface Location {
  mount?: VolumeMount;
  backing?: VolumeBacking;
  /** The disk that holds the path: a volume's or the container's layer. */
  disk?: string;
  /** Path inside the disk or the projected files. */
  rel: string;
}

export function podHostname(pod: Pod): string {
  return (pod.spec?.hostname ?? pod.metadata?.name ?? '').slice(0, 63);
}

export class PodFilesystem {
  constructor(
    private readonly api: ApiServer,
    private readonly volumes: VolumeStore,
  ) {}

  /** Files the kubelet writes into every container. */
  private managedFiles(pod: Pod): Map<string, string> {
    const ns = pod.metadata!.namespace!;
    const resolv = `search ${ns}.svc.${CLUSTER_DOMAIN} svc.${CLUSTER_DOMAIN} ${CLUSTER_DOMAIN}\nnameserver 10.96.0.10\noptions ndots:5\n`;
    return new Map([
      ['/etc/hostname', `${podHostname(pod)}\n`],
      ['/etc/resolv.conf', resolv],
    ]);
  }

  private locate(pod: Pod, container: Container, path: string): Location {
    const target = normalize(path);
    const mounts = [...(container.volumeMounts ?? [])].sort((a, b) => b.mountPath.length - a.mountPath.length);
    for (const mount of mounts) {
      const root = normalize(mount.mountPath);
      if (target !== root && !target.startsWith(root === '/' ? '/' : `${root}/`)) continue;
      const inside = target.slice(root.length).replace(/^\//, '');
      const rel = [mount.subPath, inside].filter(Boolean).join('/');
      const volume = pod.spec?.volumes?.find((v) => v.name === mount.name);
      if (!volume) continue;
      const backing = volumeBacking(this.api, pod, volume);
      return { mount, backing, disk: backing.kind === 'disk' ? backing.disk : undefined, rel };
    }
    return { disk: disks.layer(pod.metadata!.uid!, container.name), rel: target.slice(1) };
  }

  private container(pod: Pod, name: string): Container | undefined {
    return [...(pod.spec?.containers ?? []), ...(pod.spec?.initContainers ?? [])].find((c) => c.name === name);
  }

  /** The text of a file, or undefined when there is none. */
  read(pod: Pod, containerName: string, path: string): string | undefined {
    const container = this.container(pod, containerName);
    if (!container) return undefined;
    const managed = this.managedFiles(pod).get(normalize(path));
    if (managed !== undefined) return managed;
    const at = this.locate(pod, container, path);
    if (at.disk) return this.volumes.read(at.disk, at.rel);
    return at.backing?.kind === 'files' ? at.backing.files.get(at.rel) : undefined;
  }

  /** Writes (or appends to) a file; false where the path is read-only (a projected volume or readOnly mount). */
  write(pod: Pod, containerName: string, path: string, content: string, append = false): boolean {
    const container = this.container(pod, containerName);
    if (!container) return false;
    const at = this.locate(pod, container, path);
    if (!at.disk || at.mount?.readOnly || !at.rel) return false;
    if (append) this.volumes.append(at.disk, at.rel, content);
    else this.volumes.write(at.disk, at.rel, content);
    return true;
  }

  /** What is at a path: a directory's entries (sorted), a file, or nothing. */
  list(pod: Pod, containerName: string, path: string): Listing {
    const container = this.container(pod, containerName);
    if (!container) return { kind: 'missing' };
    const target = normalize(path);
    if (this.read(pod, containerName, target) !== undefined) return { kind: 'file' };
    const entries = new Set<string>();
    const under = (full: string) => {
      if (full === target || !full.startsWith(target === '/' ? '/' : `${target}/`)) return;
      entries.add(full.slice(target === '/' ? 1 : target.length + 1).split('/')[0]);
    };
    for (const file of this.managedFiles(pod).keys()) under(file);
    for (const m of container.volumeMounts ?? []) under(normalize(m.mountPath));
    if (target === '/') ROOT_DIRS.forEach((d) => entries.add(d));
    const at = this.locate(pod, container, target);
    const prefix = at.rel ? `${at.rel}/` : '';
    const names = at.disk ? this.volumes.files(at.disk).map(([p]) => p) : at.backing?.kind === 'files' ? [...at.backing.files.keys()] : [];
    for (const name of names) if (name.startsWith(prefix)) entries.add(name.slice(prefix.length).split('/')[0]);
    const isMount = (container.volumeMounts ?? []).some((m) => normalize(m.mountPath) === target);
    const known = entries.size > 0 || isMount || ROOT_DIRS.includes(target.slice(1));
    return known ? { kind: 'dir', entries: [...entries].sort() } : { kind: 'missing' };
  }

  /** Every file of every volume the pod declares, where its first mounting container sees it. */
  podFiles(pod: Pod): PodFile[] {
    const out: PodFile[] = [];
    const containers = [...(pod.spec?.initContainers ?? []), ...(pod.spec?.containers ?? [])];
    for (const volume of pod.spec?.volumes ?? []) {
      const mount = containers.flatMap((c) => c.volumeMounts ?? []).find((m) => m.name === volume.name);
      const backing = volumeBacking(this.api, pod, volume);
      const files = backing.kind === 'disk' ? this.volumes.files(backing.disk) : backing.kind === 'files' ? [...backing.files].sort(([a], [b]) => (a < b ? -1 : 1)) : [];
      for (const [rel, content] of files) {
        const sub = mount?.subPath;
        // A subPath mount shows one file or directory of the volume at the mount path.
        const inside = !sub ? rel : rel === sub ? '' : rel.startsWith(`${sub}/`) ? rel.slice(sub.length + 1) : undefined;
        if (inside === undefined) continue;
        const base = mount ? normalize(mount.mountPath) : `/${volume.name}`;
        out.push({ path: inside === '' ? base : `${base === '/' ? '' : base}/${inside}`, volume: volume.name, content });
      }
    }
    return out;
  }
}
