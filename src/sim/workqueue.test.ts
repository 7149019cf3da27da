import { describe, expect, it } from 'vitest';
import { WorkQueue } from './workqueue';

describe('WorkQueue', () => {
  it('keeps the earliest time for a key queued twice', () => {
    const q = new WorkQueue();
    q.add('a', 50);
    q.add('a', 10);
    q.add('a', 30);
    expect(q.nextDue()).toBe(10);
    expect(q.size).toBe(1);
  });

  it('pops only due keys, earliest first', () => {
    const q = new WorkQueue();
    q.add('late', 100);
    q.add('b', 20);
    q.add('a', 10);
    expect(q.popDue(20)).toEqual(['a', 'b']);
    expect(q.popDue(20)).toEqual([]);
    expect(q.nextDue()).toBe(100);
  });
});
