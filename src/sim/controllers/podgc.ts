import type { KubeObject } from '../api/object';
import type { WatchEvent } from '../api/store';
import type { Pod } from '../api/types';
import { Controller, type ControllerContext } from './controller';

/** podgc waits this long before deleting pods of a vanished node (its quarantine period). */
const ORPHAN_QUARANTINE_MS = 40_000;
const ORPHANS_KEY = 'orphaned';

/**
 * pkg/controller/podgc: force-deletes pods bound to a node that no longer exists, which no
 * kubelet will ever finish (k8s-semantics §4.9).
 */
export class PodGarbageCollector extends Controller {
  constructor(ctx: ControllerContext) {
    super('pod-garbage-collector', ctx);
  }

  onEvent({ type, object }: WatchEvent): void {
    if (object.kind === 'Node' && type === 'DELETED') this.enqueue(ORPHANS_KEY, ORPHAN_QUARANTINE_MS);
  }

  protected sync(): void {
    const nodes = new Set(this.ctx.api.list('Node').map((n) => n.metadata.name));
    for (const obj of this.ctx.api.list('Pod')) {
      const pod = obj as Pod;
      const node = pod.spec?.nodeName;
      if (!node || nodes.has(node)) continue;
      this.ctx.api.delete('Pod', pod.metadata!.namespace, pod.metadata!.name!, this.name, { gracePeriodSeconds: 0 });
      this.ctx.recorder.record(obj as KubeObject, 'Normal', 'PodGarbageCollected', `Deleted pod ${pod.metadata!.name} bound to a node that no longer exists`, { component: this.name });
    }
  }
}
