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
  /** Objects by "kind|namespace", so a namespaced list does not walk every namespace. */
  private byScope = new Map<string, Map<string, KubeObject>>();
  /** Key-sorted key lists per kind or scope, rebuilt only after an add or a delete (not on updates). */
  private sorted = new Map<string, string[]>();
  /** Per "kind|namespace", the objects no controller owns: the ones a controller may adopt. */
  private uncontrolled = new Map<string, Set<string>>();
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
    const scope = namespace === undefined ? kind : `${kind}|${namespace}`;
    const map = namespace === undefined ? this.byKind.get(kind) : this.byScope.get(scope);
    if (!map) return [];
    let keys = this.sorted.get(scope);
    if (!keys) this.sorted.set(scope, (keys = [...map.keys()].sort()));
    return keys.map((k) => map.get(k)!);
  }

  /** Objects of a kind in a namespace with no controller ownerReference (candidates for adoption). */
  uncontrolledIn(kind: string, namespace: string | undefined): KubeObject[] {
    return [...(this.uncontrolled.get(`${kind}|${namespace ?? ''}`) ?? [])].map((k) => this.objects.get(k)!);
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
    this.byScope.clear();
    this.sorted.clear();
    this.uncontrolled.clear();
    for (const obj of state.objects) {
      const copy = clone(obj);
      this.index(keyOf(copy), copy, undefined);
    }
    this.revision = state.revision;
  }

  private index(key: string, obj: KubeObject, old: KubeObject | undefined): void {
    if (old) this.unindex(key, old, true);
    else this.invalidateOrder(obj);
    this.objects.set(key, obj);
    let kindMap = this.byKind.get(obj.kind);
    if (!kindMap) this.byKind.set(obj.kind, (kindMap = new Map()));
    kindMap.set(key, obj);
    const scope = `${obj.kind}|${obj.metadata.namespace ?? ''}`;
    let scopeMap = this.byScope.get(scope);
    if (!scopeMap) this.byScope.set(scope, (scopeMap = new Map()));
    scopeMap.set(key, obj);
    if (!obj.metadata.ownerReferences?.some((r) => r.controller)) {
      let set = this.uncontrolled.get(scope);
      if (!set) this.uncontrolled.set(scope, (set = new Set()));
      set.add(key);
    }
    if (obj.metadata.uid) this.byUid.set(obj.metadata.uid, key);
    for (const ref of obj.metadata.ownerReferences ?? []) {
      let set = this.byOwner.get(ref.uid);
      if (!set) this.byOwner.set(ref.uid, (set = new Set()));
      set.add(key);
    }
  }

  /** Drops an object from the indexes; an update (`replacing`) keeps its place in kind and scope maps. */
  private unindex(key: string, obj: KubeObject, replacing = false): void {
    const scope = `${obj.kind}|${obj.metadata.namespace ?? ''}`;
    if (!replacing) {
      this.byKind.get(obj.kind)?.delete(key);
      this.byScope.get(scope)?.delete(key);
      this.invalidateOrder(obj);
    }
    this.uncontrolled.get(scope)?.delete(key);
    if (obj.metadata.uid) this.byUid.delete(obj.metadata.uid);
    for (const ref of obj.metadata.ownerReferences ?? []) {
      const set = this.byOwner.get(ref.uid);
      set?.delete(key);
      if (set && set.size === 0) this.byOwner.delete(ref.uid);
    }
  }

  private invalidateOrder(obj: KubeObject): void {
    this.sorted.delete(obj.kind);
    this.sorted.delete(`${obj.kind}|${obj.metadata.namespace ?? ''}`);
  }

  private emit(event: WatchEvent): void {
    for (const w of this.watchers) w(event);
  }
}
