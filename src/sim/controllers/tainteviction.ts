import { keyOf, parseKey, type KubeObject } from '../api/object';
import type { WatchEvent } from '../api/store';
import type { Node, Pod, Taint } from '../api/types';
import { tolerates } from '../scheduler/filters';
import { fromRfc3339 } from '../time';
import { Controller, type ControllerContext } from './controller';

/**
 * The taint-eviction-controller (the taint manager, its own controller since v1.29): deletes pods
 * on nodes with NoExecute taints they do not tolerate, at once or after their tolerationSeconds
 * (k8s-semantics §5.2).
 */
export class TaintEvictionController extends Controller {
  /** Pods marked for deletion, so a lifted taint can be announced as a cancellation. */
  private marked = new Set<string>();

  constructor(ctx: ControllerContext) {
    super('taint-eviction-controller', ctx);
  }

  onEvent({ object }: WatchEvent): void {
    if (object.kind === 'Node') {
      const name = object.metadata.name!;
      for (const pod of this.ctx.api.list('Pod')) if ((pod as Pod).spec?.nodeName === name) this.enqueue(keyOf(pod));
    } else if (object.kind === 'Pod' && (object as Pod).spec?.nodeName) {
      this.enqueue(keyOf(object));
    }
  }

  protected sync(key: string): void {
    const { namespace, name } = parseKey(key);
    const pod = this.ctx.api.get('Pod', namespace, name) as Pod | undefined;
    if (!pod || pod.metadata!.deletionTimestamp) {
      this.marked.delete(key);
      return;
    }
    const node = this.ctx.api.get('Node', undefined, pod.spec?.nodeName ?? '') as Node | undefined;
    const taints = (node?.spec?.taints ?? []).filter((t) => t.effect === 'NoExecute');
    if (taints.length === 0) {
      if (this.marked.delete(key)) this.event(pod, `Cancelling deletion of Pod ${namespace}/${name}`);
      return;
    }
    const deadline = this.evictionTime(pod, taints);
    if (deadline === undefined) return;
    if (!this.marked.has(key)) {
      this.marked.add(key);
      this.event(pod, `Marking for deletion Pod ${namespace}/${name}`);
    }
    if (deadline > this.ctx.clock.now()) {
      this.enqueue(key, deadline - this.ctx.clock.now());
      return;
    }
    this.marked.delete(key);
    this.ctx.api.delete('Pod', namespace, name, this.name);
  }

  /** Now for an untolerated taint; the earliest timeAdded + tolerationSeconds; undefined when tolerated forever. */
  private evictionTime(pod: Pod, taints: Taint[]): number | undefined {
    let earliest: number | undefined;
    for (const taint of taints) {
      const matching = (pod.spec?.tolerations ?? []).filter((t) => tolerates(t, taint));
      if (matching.length === 0) return this.ctx.clock.now();
      const seconds = matching.map((t) => t.tolerationSeconds).filter((s): s is number => s !== undefined && s !== null);
      if (seconds.length < matching.length) continue;
      const added = taint.timeAdded ? fromRfc3339(taint.timeAdded) : this.ctx.clock.now();
      const at = added + Math.max(0, Math.min(...seconds)) * 1000;
      earliest = earliest === undefined ? at : Math.min(earliest, at);
    }
    return earliest;
  }

  private event(pod: Pod, message: string): void {
    this.ctx.recorder.record(pod as KubeObject, 'Normal', 'TaintManagerEviction', message, { component: this.name });
  }

  override save(): unknown {
    return { queue: this.queue.save(), marked: [...this.marked] };
  }

  override load(state: unknown): void {
    const s = state as { queue: [string, number][]; marked: string[] };
    this.queue.load(s.queue);
    this.marked = new Set(s.marked);
  }
}

