import { ApiError } from '../api/errors';
import type { ApiServer } from '../api/server';
import type { WatchEvent } from '../api/store';
import type { EventRecorder } from '../events';
import type { Rng } from '../rng';
import type { Clock } from '../time';
import { WorkQueue } from '../workqueue';

const CONFLICT_RETRY_MS = 10;
/** client-go's default controller rate limiter: 5 ms doubling per failure of a key, up to 1000 s. */
const RETRY_BASE_MS = 5;
const RETRY_MAX_MS = 1_000_000;

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
  /** Consecutive failed syncs per key, for requeueRateLimited's back-off. */
  private failures = new Map<string, number>();

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

  /**
   * AddRateLimited: a sync that failed (a refused create) runs again after a back-off that
   * doubles with each consecutive failure of the key, so the controller catches up once the cause
   * goes away even if nothing it watches changes.
   */
  protected requeueRateLimited(key: string): void {
    const failures = this.failures.get(key) ?? 0;
    this.failures.set(key, failures + 1);
    this.enqueue(key, Math.min(RETRY_BASE_MS * 2 ** failures, RETRY_MAX_MS));
  }

  /** Forget: a good sync resets the key's back-off. */
  protected forget(key: string): void {
    this.failures.delete(key);
  }

  /**
   * Reconciles every key that is due now; returns how many it processed. A write that lost a
   * resourceVersion race is retried a moment later, as a real controller requeues with back-off.
   */
  process(): number {
    const keys = this.queue.popDue(this.ctx.clock.now());
    for (const key of keys) {
      try {
        this.sync(key);
      } catch (err) {
        if (!(err instanceof ApiError) || err.reason !== 'Conflict') throw err;
        this.enqueue(key, CONFLICT_RETRY_MS);
      }
    }
    return keys.length;
  }

  nextDue(): number | undefined {
    return this.queue.nextDue();
  }

  save(): unknown {
    return { queue: this.queue.save(), failures: [...this.failures] };
  }

  load(state: unknown): void {
    const s = state as { queue: [string, number][]; failures?: [string, number][] };
    this.queue.load(s.queue);
    this.failures = new Map(s.failures ?? []);
  }
}
