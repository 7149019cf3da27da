import type { ApiServer } from '../api/server';
import type { WatchEvent } from '../api/store';
import type { EventRecorder } from '../events';
import type { Rng } from '../rng';
import type { Clock } from '../time';
import { WorkQueue } from '../workqueue';

/** What every control-plane component is handed: the API, time, chance and an event recorder. */
export interface ControllerContext {
  api: ApiServer;
  clock: Clock;
  rng: Rng;
  recorder: EventRecorder;
}

/**
 * A level-triggered component in the shape of kube-controller-manager's controllers: watch
 * handlers only enqueue keys; `sync(key)` reconciles one object from the current state.
 */
export abstract class Controller {
  protected readonly queue = new WorkQueue();

  constructor(
    /** The component name written into audit entries and events ("replicaset-controller"). */
    readonly name: string,
    protected readonly ctx: ControllerContext,
  ) {}

  /** Watch handler: decide which keys the change makes dirty. */
  abstract onEvent(event: WatchEvent): void;

  protected abstract sync(key: string): void;

  protected enqueue(key: string, delayMs = 0): void {
    this.queue.add(key, this.ctx.clock.now() + delayMs);
  }

  /** Reconciles every key that is due now; returns how many it processed. */
  process(): number {
    const keys = this.queue.popDue(this.ctx.clock.now());
    for (const key of keys) this.sync(key);
    return keys.length;
  }

  nextDue(): number | undefined {
    return this.queue.nextDue();
  }

  save(): unknown {
    return { queue: this.queue.save() };
  }

  load(state: unknown): void {
    this.queue.load((state as { queue: [string, number][] }).queue);
  }
}
