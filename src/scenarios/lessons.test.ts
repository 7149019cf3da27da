import { describe, expect, it } from 'vitest';
import { createCluster, type Cluster } from '../sim';
import { LESSONS, type Lesson, type LessonAction } from './index';


/** Plays one action of a model solution; a refused one fails the test with kubectl's words. */
function play(cluster: Cluster, action: LessonAction): void {
  if ('apply' in action) {
    const refused = cluster.apply(action.apply).find((r) => r.error);
    if (refused) throw new Error(refused.message);
    return;
  }
  const result = cluster.kubectl(action.kubectl);
  if (result.exitCode !== 0) throw new Error(`kubectl ${action.kubectl}: ${result.stderr}`);
}

describe('lessons', () => {
  it('cover the eighteen topics of the seed notes, each once', () => {
    expect(LESSONS).toHaveLength(18);
    expect(new Set(LESSONS.map((l) => l.id)).size).toBe(18);
  });

  it.each(LESSONS.map((l) => [l.id, l] as [string, Lesson]))('%s: the solution satisfies every step in turn', (_id, lesson) => {
    const cluster = createCluster({ nodes: lesson.nodes ?? 3 });
    for (const step of lesson.steps) {
      for (const action of step.solution) play(cluster, action);
      let waited = 0;
      while (!step.check(cluster) && waited < (step.settleSeconds ?? 120)) {
        cluster.advance(1000);
        waited++;
      }
      expect(step.check(cluster), `${lesson.id}/${step.id} after ${waited} s`).toBe(true);
    }
  });

  it('no step is already done on a new cluster', () => {
    const cluster = createCluster({ nodes: 3 });
    cluster.advance(30_000);
    const done = LESSONS.flatMap((l) => l.steps.filter((s) => s.check(cluster)).map((s) => `${l.id}/${s.id}`));
    expect(done).toEqual([]);
  });

  it('every lesson and step has its text in English and Korean', () => {
    for (const lesson of LESSONS) {
      // A title may be a Kubernetes term alone ("Pod"), which Korean text keeps as written.
      expect(lesson.title.en && lesson.title.ko).toBeTruthy();
      for (const text of [lesson.summary, ...lesson.steps.map((s) => s.text)]) {
        expect(text.en.length).toBeGreaterThan(0);
        expect(text.ko).toMatch(/[가-힣]/);
      }
    }
  });
});
