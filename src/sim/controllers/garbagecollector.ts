import type { OwnerReference } from '../api/types';
import { clone, keyOf, parseKey, type KubeObject } from '../api/object';
import { FOREGROUND_FINALIZER, ORPHAN_FINALIZER } from '../api/server';
import type { WatchEvent } from '../api/store';
import { Controller, type ControllerContext } from './controller';

const OWNER_PREFIX = 'owner:';

/**
 * pkg/controller/garbagecollector: deletes dependents whose owners are gone (background), and
 * serves the foregroundDeletion and orphan finalizers (k8s-semantics §2.4).
 */
export class GarbageCollector extends Controller {
  constructor(ctx: ControllerContext) {
    super('generic-garbage-collector', ctx);
  }

  onEvent({ type, object }: WatchEvent): void {
    const uid = object.metadata.uid;
    if (type === 'DELETED') {
      if (uid) this.enqueue(OWNER_PREFIX + uid);
      // An owner waiting in foreground deletion may now be free to go.
      for (const ref of object.metadata.ownerReferences ?? []) {
        const owner = this.ctx.api.getByUid(ref.uid);
        if (owner?.metadata.deletionTimestamp) this.enqueue(keyOf(owner));
      }
      return;
    }
    const finalizers = object.metadata.finalizers ?? [];
    if (object.metadata.deletionTimestamp && (finalizers.includes(FOREGROUND_FINALIZER) || finalizers.includes(ORPHAN_FINALIZER))) {
      this.enqueue(keyOf(object));
    }
    if (object.metadata.ownerReferences?.length) this.enqueue(keyOf(object));
  }

  protected sync(key: string): void {
    if (key.startsWith(OWNER_PREFIX)) {
      for (const dependent of this.ctx.api.dependents(key.slice(OWNER_PREFIX.length))) this.enqueue(keyOf(dependent));
      return;
    }
    const { kind, namespace, name } = parseKey(key);
    const obj = this.ctx.api.get(kind, namespace || undefined, name);
    if (!obj) return;
    if (obj.metadata.deletionTimestamp) this.processFinalizers(obj);
    this.collectIfOrphaned(obj);
  }

  private processFinalizers(owner: KubeObject): void {
    const finalizers = owner.metadata.finalizers ?? [];
    const dependents = this.ctx.api.dependents(owner.metadata.uid!);
    if (finalizers.includes(ORPHAN_FINALIZER)) {
      for (const dep of dependents) {
        const next = clone(dep);
        next.metadata.ownerReferences = dep.metadata.ownerReferences!.filter((r) => r.uid !== owner.metadata.uid);
        if (next.metadata.ownerReferences.length === 0) delete next.metadata.ownerReferences;
        this.ctx.api.update(next, this.name, 'patch');
      }
      this.ctx.api.removeFinalizer(owner, ORPHAN_FINALIZER, this.name);
      return;
    }
    if (finalizers.includes(FOREGROUND_FINALIZER)) {
      const blocking = dependents.filter((d) => d.metadata.ownerReferences?.some((r) => r.uid === owner.metadata.uid && r.blockOwnerDeletion));
      for (const dep of blocking) {
        if (!dep.metadata.deletionTimestamp) this.ctx.api.delete(dep.kind, dep.metadata.namespace, dep.metadata.name!, this.name, { propagationPolicy: 'Foreground' });
      }
      if (blocking.length === 0) this.ctx.api.removeFinalizer(owner, FOREGROUND_FINALIZER, this.name);
    }
  }

  /** A dependent whose owners are all gone is deleted; one with a live owner left loses the dead refs. */
  private collectIfOrphaned(obj: KubeObject): void {
    const refs = obj.metadata.ownerReferences ?? [];
    if (refs.length === 0) return;
    const isLive = (ref: OwnerReference) => {
      const owner = this.ctx.api.getByUid(ref.uid);
      return owner !== undefined && owner.kind === ref.kind;
    };
    const live = refs.filter(isLive);
    if (live.length === refs.length) return;
    if (live.length === 0) {
      if (!obj.metadata.deletionTimestamp) this.ctx.api.delete(obj.kind, obj.metadata.namespace, obj.metadata.name!, this.name, { propagationPolicy: 'Background' });
      return;
    }
    const next = clone(obj);
    next.metadata.ownerReferences = live;
    this.ctx.api.update(next, this.name, 'patch');
  }
}
