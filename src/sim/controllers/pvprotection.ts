import { clone, keyOf, parseKey, type KubeObject } from '../api/object';
import type { WatchEvent } from '../api/store';
import type { PersistentVolume } from '../api/types';
import { PV_PROTECTION_FINALIZER } from '../storage/helpers';
import { Controller, type ControllerContext } from './controller';

/**
 * pkg/controller/volume/pvprotection (k8s-semantics §10.4): a volume keeps the
 * `kubernetes.io/pv-protection` finalizer while it lives, and a deleted volume stays Terminating
 * while its status says Bound.
 */
export class PvProtectionController extends Controller {
  constructor(ctx: ControllerContext) {
    super('pv-protection-controller', ctx);
  }

  onEvent({ type, object }: WatchEvent): void {
    if (object.kind === 'PersistentVolume' && type !== 'DELETED') this.enqueue(keyOf(object));
  }

  protected sync(key: string): void {
    const pv = this.ctx.api.get('PersistentVolume', undefined, parseKey(key).name) as PersistentVolume | undefined;
    if (!pv) return;
    const finalizers = pv.metadata?.finalizers ?? [];
    if (!pv.metadata?.deletionTimestamp) {
      if (finalizers.includes(PV_PROTECTION_FINALIZER)) return;
      const next = clone(pv);
      next.metadata!.finalizers = [...finalizers, PV_PROTECTION_FINALIZER];
      this.ctx.api.update(next as KubeObject, this.name);
      return;
    }
    if (finalizers.includes(PV_PROTECTION_FINALIZER) && pv.status?.phase !== 'Bound') this.ctx.api.removeFinalizer(pv as KubeObject, PV_PROTECTION_FINALIZER, this.name);
  }
}
