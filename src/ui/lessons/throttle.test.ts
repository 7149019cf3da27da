import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { kubectlArgs, runsToCompletion } from './commands';
import { throttle } from './throttle';

describe('throttle', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());
  const timers = { now: () => Date.now(), setTimeout: (fn: () => void, ms: number) => setTimeout(fn, ms), clearTimeout: (h: ReturnType<typeof setTimeout>) => clearTimeout(h) };

  it('runs at once, then at most once per interval with the last call folded in', () => {
    const fn = vi.fn();
    const t = throttle(fn, 250, timers);
    t.call();
    expect(fn).toHaveBeenCalledTimes(1);
    t.call();
    t.call();
    vi.advanceTimersByTime(249);
    expect(fn).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(1);
    expect(fn).toHaveBeenCalledTimes(2);
    // Ten patches a second (a rollout) make four evaluations a second.
    for (let i = 0; i < 10; i++) {
      t.call();
      vi.advanceTimersByTime(100);
    }
    expect(fn).toHaveBeenCalledTimes(6);
  });

  it('runs nothing after cancel', () => {
    const fn = vi.fn();
    const t = throttle(fn, 250, timers);
    t.call();
    t.call();
    t.cancel();
    vi.advanceTimersByTime(1000);
    expect(fn).toHaveBeenCalledTimes(1);
  });
});

describe('runsToCompletion', () => {
  it('runs plain commands, not watches, waits or files', () => {
    expect(['kubectl delete pod web', 'kubectl sim node-down node-1', "kubectl get pods -l 'app in (a,b)'"].map(runsToCompletion)).toEqual([true, true, true]);
    expect(['kubectl get pods -w', 'kubectl get svc --watch', 'kubectl rollout status deployment/web', 'kubectl apply -f hello.yaml', 'ls'].map(runsToCompletion)).toEqual([
      false,
      false,
      false,
      false,
      false,
    ]);
    expect(kubectlArgs('kubectl scale rs frontend --replicas=5')).toBe('scale rs frontend --replicas=5');
  });
});
