/** Calls `fn` at most once per `interval`: at once when it has been quiet, else once when the interval ends. */

export interface Timers {
  now(): number;
  setTimeout(fn: () => void, ms: number): ReturnType<typeof setTimeout>;
  clearTimeout(handle: ReturnType<typeof setTimeout>): void;
}

const browserTimers: Timers = {
  now: () => performance.now(),
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (handle) => clearTimeout(handle),
};

export interface Throttled {
  call(): void;
  cancel(): void;
}

export function throttle(fn: () => void, interval: number, timers: Timers = browserTimers): Throttled {
  let last = -Infinity;
  let pending: ReturnType<typeof setTimeout> | undefined;
  const run = () => {
    pending = undefined;
    last = timers.now();
    fn();
  };
  return {
    call() {
      if (pending !== undefined) return;
      const wait = last + interval - timers.now();
      if (wait <= 0) run();
      else pending = timers.setTimeout(run, wait);
    },
    cancel() {
      if (pending !== undefined) timers.clearTimeout(pending);
      pending = undefined;
    },
  };
}
