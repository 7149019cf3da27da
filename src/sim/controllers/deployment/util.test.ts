import { describe, expect, it } from 'vitest';
import type { Deployment, ReplicaSet } from '../../api/types';
import { computeHash, equalIgnoreHash, maxSurge, maxUnavailable, newRSNewReplicas, proportion, resolveFenceposts, MAX_REPLICAS } from './util';

function deployment(replicas: number, maxSurgeValue: number | string = '25%', maxUnavailableValue: number | string = '25%'): Deployment {
  return {
    metadata: { name: 'web' },
    spec: {
      replicas,
      selector: { matchLabels: { app: 'web' } },
      template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'web', image: 'nginx' }] } },
      strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: maxSurgeValue, maxUnavailable: maxUnavailableValue } },
    },
  };
}

function rs(name: string, replicas: number, maxReplicas?: number): ReplicaSet {
  return { metadata: { name, annotations: maxReplicas ? { [MAX_REPLICAS]: String(maxReplicas) } : {} }, spec: { replicas, selector: {} } };
}

describe('RollingUpdate fenceposts (k8s-semantics §1.5)', () => {
  it.each([
    [1, 1, 0],
    [2, 1, 0],
    [3, 1, 0],
    [4, 1, 1],
    [5, 2, 1],
    [10, 3, 2],
    [100, 25, 25],
  ])('replicas %i with 25%%/25%% gives surge %i, unavailable %i', (replicas, surge, unavailable) => {
    const d = deployment(replicas);
    expect(maxSurge(d)).toBe(surge);
    expect(maxUnavailable(d)).toBe(unavailable);
  });

  it('turns 0/0 after rounding into unavailable 1', () => {
    expect(resolveFenceposts(deployment(1, '10%', '10%'))).toEqual({ surge: 1, unavailable: 0 });
    expect(resolveFenceposts(deployment(3, 0, '10%'))).toEqual({ surge: 0, unavailable: 1 });
  });

  it('has no surge or unavailability for Recreate', () => {
    const d = deployment(10);
    d.spec!.strategy = { type: 'Recreate' };
    expect(maxSurge(d)).toBe(0);
    expect(maxUnavailable(d)).toBe(0);
  });
});

describe('NewRSNewReplicas (§1.6.2)', () => {
  it('scales the new RS up to the surge room', () => {
    const d = deployment(3);
    const old = rs('old', 3);
    const fresh = rs('new', 0);
    expect(newRSNewReplicas(d, [old, fresh], fresh)).toBe(1);
  });

  it('never exceeds replicas + surge in total', () => {
    const d = deployment(10);
    expect(newRSNewReplicas(d, [rs('old', 8), rs('new', 5)], rs('new', 5))).toBe(5);
  });
});

describe('proportional scaling (§1.8 worked example)', () => {
  it('spreads 10→15 over old 8 and new 5 as +3 and +2', () => {
    const d = deployment(15, 3, 2);
    const old = rs('old', 8, 13);
    const fresh = rs('new', 5, 13);
    const p1 = proportion(old, d, 5, 0);
    const p2 = proportion(fresh, d, 5, p1);
    expect([p1, p2]).toEqual([3, 2]);
  });
});

describe('pod-template-hash (§1.2)', () => {
  it('uses only the characters of SafeEncodeString over decimal digits', () => {
    const hash = computeHash(deployment(1).spec!.template!);
    expect(hash).toMatch(/^[4-9bcdf]{1,10}$/);
  });

  it('changes with the template and the collision count', () => {
    const t = deployment(1).spec!.template!;
    const other = { ...t, spec: { containers: [{ name: 'web', image: 'nginx:1.27' }] } };
    expect(computeHash(t)).not.toBe(computeHash(other));
    expect(computeHash(t)).not.toBe(computeHash(t, 1));
  });

  it('compares templates ignoring the hash label', () => {
    const t = deployment(1).spec!.template!;
    const labelled = { ...t, metadata: { labels: { app: 'web', 'pod-template-hash': 'abc' } } };
    expect(equalIgnoreHash(t, labelled)).toBe(true);
  });
});
