import { clone, keyOf, objectKey, parseKey, type KubeObject } from '../api/object';
import type { WatchEvent } from '../api/store';
import type { PersistentVolumeClaim, Pod } from '../api/types';
import { PVC_PROTECTION_FINALIZER, podClaimNames } from '../storage/helpers';
import { Controller, type ControllerContext } from './controller';

/**
 * pkg/controller/volume/pvcprotection (k8s-semantics §10.4): a claim keeps the
 * `kubernetes.io/pvc-protection` finalizer while it lives, and a deleted claim stays Terminating
 * until no scheduled pod refers to it.
 */
export class PvcProtectionController extends Controller {
  constructor(ctx: ControllerContext) {
    super('pvc-protection-controller', ctx);
  }

  onEvent({ object, old }: WatchEvent): void {
    if (object.kind === 'PersistentVolumeClaim') {
      this.enqueue(keyOf(object));
    } else if (object.kind === 'Pod') {
      // A pod that goes, or that changes, may free the claims it refers to.
      const names = new Set([...podClaimNames(object as Pod), ...(old ? podClaimNames(old as Pod) : [])]);
      for (const name of names) this.enqueue(objectKey('PersistentVolumeClaim', object.metadata.namespace, name));
    }
  }

  protected sync(key: string): void {
    const { namespace, name } = parseKey(key);
    const pvc = this.ctx.api.get('PersistentVolumeClaim', namespace, name) as PersistentVolumeClaim | undefined;
    if (!pvc) return;
    const finalizers = pvc.metadata?.finalizers ?? [];
    if (!pvc.metadata?.deletionTimestamp) {
      if (finalizers.includes(PVC_PROTECTION_FINALIZER)) return;
      const next = clone(pvc);
      next.metadata!.finalizers = [...finalizers, PVC_PROTECTION_FINALIZER];
      this.ctx.api.update(next as KubeObject, this.name);
      return;
    }
    if (finalizers.includes(PVC_PROTECTION_FINALIZER) && !this.inUse(pvc)) this.ctx.api.removeFinalizer(pvc as KubeObject, PVC_PROTECTION_FINALIZER, this.name);
  }

  /** podUsesPVC: only scheduled pods count, since the kubelet refuses to start a pod on a deleted claim. */
  private inUse(pvc: PersistentVolumeClaim): boolean {
    return (this.ctx.api.list('Pod', pvc.metadata!.namespace) as Pod[]).some((p) => !!p.spec?.nodeName && podClaimNames(p).includes(pvc.metadata!.name!));
  }
}
