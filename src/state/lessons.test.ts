import { describe, expect, it } from 'vitest';
import { LESSONS } from '../scenarios';
import { isComplete, loadLessons, LESSONS_KEY, progressOf, reachableStep, saveLessons, withoutLesson, withStep, withStepDone } from './lessons';

const pods = LESSONS.find((l) => l.id === 'pods')!;
const [run, crash, remove] = pods.steps.map((s) => s.id);

function memory(initial?: string) {
  const items = new Map<string, string>(initial === undefined ? [] : [[LESSONS_KEY, initial]]);
  return { getItem: (k: string) => items.get(k) ?? null, setItem: (k: string, v: string) => void items.set(k, v) };
}

describe('lesson progress', () => {
  it('records a step done once and keeps it done', () => {
    const once = withStepDone({}, 'pods', run);
    expect(progressOf(once, 'pods')).toEqual({ step: 0, done: [run] });
    expect(withStepDone(once, 'pods', run)).toBe(once);
  });

  it('lets the learner open every step up to the first one not done', () => {
    let progress = withStepDone({}, 'pods', run);
    expect(reachableStep(pods, progressOf(progress, 'pods'))).toBe(1);
    expect(progressOf(withStep(progress, pods, 2), 'pods').step).toBe(1);
    progress = withStepDone(withStepDone(progress, 'pods', crash), 'pods', remove);
    expect(reachableStep(pods, progressOf(progress, 'pods'))).toBe(2);
    expect(progressOf(withStep(progress, pods, 2), 'pods').step).toBe(2);
    expect(isComplete(pods, progressOf(progress, 'pods'))).toBe(true);
  });

  it('resets one lesson and leaves the others', () => {
    const progress = withStepDone(withStepDone({}, 'pods', run), 'cluster', 'submit');
    const reset = withoutLesson(progress, 'pods');
    expect(progressOf(reset, 'pods')).toEqual({ step: 0, done: [] });
    expect(progressOf(reset, 'cluster').done).toEqual(['submit']);
  });
});

describe('saved lessons', () => {
  it('round-trip through storage', () => {
    const storage = memory();
    const saved = { open: true, lessonId: 'pods', progress: withStep(withStepDone({}, 'pods', run), pods, 1) };
    saveLessons(storage, saved);
    expect(loadLessons(storage)).toEqual(saved);
  });

  it('start empty from nothing, broken JSON or malformed entries', () => {
    expect(loadLessons(undefined)).toEqual({ open: false, progress: {} });
    expect(loadLessons(memory('{'))).toEqual({ open: false, progress: {} });
    expect(loadLessons(memory('{"open":"yes","lessonId":3,"progress":{"pods":{"step":-1,"done":[]},"jobs":{"step":1,"done":["a",2]}}}'))).toEqual({
      open: false,
      progress: { jobs: { step: 1, done: ['a'] } },
    });
  });
});
