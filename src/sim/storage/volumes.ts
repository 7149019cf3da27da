/**
 * The simulated contents of every writable volume, by what backs it: an emptyDir lives with its pod
 * (uid), a hostPath with its node and path, a PersistentVolume with the PV's name, and a
 * container's own writable layer with that container. Part of the cluster snapshot, so a run that
 * writes files replays to the same bytes.
 */
import type { WatchEvent } from '../api/store';
import { Controller, type ControllerContext } from '../controllers/controller';

/** Where a volume's bytes live, as a key of the store. */
export const disks = {
  emptyDir: (podUid: string, volume: string) => `emptyDir/${podUid}/${volume}`,
  hostPath: (node: string, path: string) => `hostPath/${node}:${path}`,
  persistentVolume: (pvName: string) => `pv/${pvName}`,
  /** The container's writable layer: lost when the container restarts. */
  layer: (podUid: string, container: string) => `layer/${podUid}/${container}`,
};

interface VolumeStoreState {
  queue: [string, number][];
  disks: [string, [string, string][]][];
}

/**
 * The volume data, and its garbage collection: a pod's emptyDirs and layers go when the pod object
 * is gone (the kubelet's orphaned-pod cleanup), a PV's data when the PV is deleted (its reclaim).
 */
export class VolumeStore extends Controller {
  private disks = new Map<string, Map<string, string>>();

  constructor(ctx: ControllerContext) {
    super('volume-data', ctx);
  }

  read(disk: string, path: string): string | undefined {
    return this.disks.get(disk)?.get(path);
  }

  write(disk: string, path: string, content: string): void {
    let files = this.disks.get(disk);
    if (!files) this.disks.set(disk, (files = new Map()));
    files.set(path, content);
  }

  append(disk: string, path: string, content: string): void {
    this.write(disk, path, (this.read(disk, path) ?? '') + content);
  }

  /** Files of a disk as [relative path, content], sorted by path. */
  files(disk: string): [string, string][] {
    return [...(this.disks.get(disk) ?? [])].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  }

  /** Removes a disk, or with a trailing "/" every disk under it ("layer/<uid>/" drops all of a pod's layers). */
  drop(disk: string): void {
    if (!disk.endsWith('/')) {
      this.disks.delete(disk);
      return;
    }
    for (const key of [...this.disks.keys()]) if (key.startsWith(disk)) this.disks.delete(key);
  }

  onEvent({ type, object }: WatchEvent): void {
    if (type !== 'DELETED') return;
    if (object.kind === 'Pod') this.enqueue(`pod/${object.metadata.uid}`);
    if (object.kind === 'PersistentVolume') this.enqueue(`pv/${object.metadata.name}`);
  }

  protected sync(key: string): void {
    const [kind, id] = [key.slice(0, key.indexOf('/')), key.slice(key.indexOf('/') + 1)];
    if (kind === 'pod') {
      this.drop(disks.emptyDir(id, ''));
      this.drop(disks.layer(id, ''));
    } else if (!this.ctx.api.get('PersistentVolume', undefined, id)) {
      this.drop(disks.persistentVolume(id));
    }
  }

  override save(): VolumeStoreState {
    return { queue: this.queue.save(), disks: [...this.disks].map(([disk, files]) => [disk, [...files]]) };
  }

  override load(state: unknown): void {
    const s = state as VolumeStoreState;
    this.queue.load(s.queue);
    this.disks = new Map(s.disks.map(([disk, files]) => [disk, new Map(files)]));
  }
}
