import { clone, keyOf, type KubeObject } from './object';

export type WatchEventType = 'ADDED' | 'MODIFIED' | 'DELETED';

export interface WatchEvent {
  type: WatchEventType;
  object: KubeObject;
  /** The object before a MODIFIED write. */
  old?: KubeObject;
}

export type Watcher = (event: WatchEvent) => void;

/**
 * The cluster's "etcd": objects by key, a global resourceVersion, indexes by kind and by owner
 * uid, and synchronous watch fan-out. Semantics (admission, deletion) live in the API server.
 */
export class Store {
  private objects = new Map<string, KubeObject>();
  private byKind = new Map<string, Map<string, KubeObject>>();
  private byOwner = new Map<string, Set<string>>();
  private byUid = new Map<string, string>();
  private watchers: Watcher[] = [];
  private revision = 0;

  watch(watcher: Watcher): () => void {
    this.watchers.push(watcher);
    return () => {
      this.watchers = this.watchers.filter((w) => w !== watcher);
    };
  }

  get(key: string): KubeObject | undefined {
    return this.objects.get(key);
  }

  /** The stored objects of a kind (optionally in one namespace), in key order. Treat as read-only. */
  list(kind: string, namespace?: string): KubeObject[] {
    const all = [...(this.byKind.get(kind)?.values() ?? [])];
    const filtered = namespace === undefined ? all : all.filter((o) => o.metadata.namespace === namespace);
    return filtered.sort((a, b) => (keyOf(a) < keyOf(b) ? -1 : keyOf(a) > keyOf(b) ? 1 : 0));
  }

  /** The objects whose ownerReferences name this uid. */
  dependents(ownerUid: string): KubeObject[] {
    return [...(this.byOwner.get(ownerUid) ?? [])].map((k) => this.objects.get(k)!).filter(Boolean);
  }

  getByUid(uid: string): KubeObject | undefined {
    const key = this.byUid.get(uid);
    return key === undefined ? undefined : this.objects.get(key);
  }

  kinds(): string[] {
    return [...this.byKind.keys()];
  }

  get resourceVersion(): number {
    return this.revision;
  }

  /** Writes an object, stamping a new resourceVersion, and notifies watchers. */
  put(obj: KubeObject): KubeObject {
    const key = keyOf(obj);
    const old = this.objects.get(key);
    this.revision += 1;
    obj.metadata.resourceVersion = String(this.revision);
    this.index(key, obj, old);
    this.emit({ type: old ? 'MODIFIED' : 'ADDED', object: obj, old });
    return obj;
  }

  remove(key: string): KubeObject | undefined {
    const old = this.objects.get(key);
    if (!old) return undefined;
    this.revision += 1;
    this.unindex(key, old);
    this.objects.delete(key);
    this.emit({ type: 'DELETED', object: old });
    return old;
  }

  snapshot(): { revision: number; objects: KubeObject[] } {
    return { revision: this.revision, objects: [...this.objects.values()].map(clone) };
  }

  load(state: { revision: number; objects: KubeObject[] }): void {
    this.objects.clear();
    this.byKind.clear();
    this.byOwner.clear();
    this.byUid.clear();
    for (const obj of state.objects) {
      const copy = clone(obj);
      this.index(keyOf(copy), copy, undefined);
    }
    this.revision = state.revision;
  }

  private index(key: string, obj: KubeObject, old: KubeObject | undefined): void {
    if (old) this.unindex(key, old);
    this.objects.set(key, obj);
    let kindMap = this.byKind.get(obj.kind);
    if (!kindMap) this.byKind.set(obj.kind, (kindMap = new Map()));
    kindMap.set(key, obj);
    if (obj.metadata.uid) this.byUid.set(obj.metadata.uid, key);
    for (const ref of obj.metadata.ownerReferences ?? []) {
      let set = this.byOwner.get(ref.uid);
      if (!set) this.byOwner.set(ref.uid, (set = new Set()));
      set.add(key);
    }
  }

  private unindex(key: string, obj: KubeObject): void {
    this.byKind.get(obj.kind)?.delete(key);
    if (obj.metadata.uid) this.byUid.delete(obj.metadata.uid);
    for (const ref of obj.metadata.ownerReferences ?? []) {
      const set = this.byOwner.get(ref.uid);
      set?.delete(key);
      if (set && set.size === 0) this.byOwner.delete(ref.uid);
    }
  }

  private emit(event: WatchEvent): void {
    for (const w of this.watchers) w(event);
  }
}
