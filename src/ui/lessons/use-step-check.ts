/**
 * The live tick: a step's check evaluated against the mirror, again whenever the mirror changes,
 * at most four times a second (a rollout patches the mirror on every tick).
 */
import { useEffect, useState } from 'react';
import type { WireObject } from '../../protocol/messages';
import type { LessonStep } from '../../scenarios/types';
import { useCluster } from '../../state/cluster';
import { mirrorView } from './mirror-view';
import { throttle } from './throttle';

export const CHECK_INTERVAL_MS = 250;

/** A check that throws on an object it did not expect counts as not passed, not as a broken panel. */
export function passes(step: LessonStep, byKind: ReadonlyMap<string, ReadonlyMap<string, WireObject>>): boolean {
  try {
    return step.check(mirrorView(byKind));
  } catch {
    return false;
  }
}

/** Whether the step's check passes now; undefined until it has first been evaluated. */
export function useStepCheck(step: LessonStep | undefined): boolean | undefined {
  const [result, setResult] = useState<{ step: LessonStep; passed: boolean }>();
  useEffect(() => {
    if (!step) return;
    const evaluate = throttle(() => setResult({ step, passed: passes(step, useCluster.getState().byKind) }), CHECK_INTERVAL_MS);
    evaluate.call();
    const unsubscribe = useCluster.subscribe((state, previous) => {
      if (state.byKind !== previous.byKind) evaluate.call();
    });
    return () => {
      unsubscribe();
      evaluate.cancel();
    };
  }, [step]);
  return result && result.step === step ? result.passed : undefined;
}
