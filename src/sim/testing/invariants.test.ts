import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { clusterProperty, runScenario, type Scenario } from './fuzz';
import { REGRESSIONS } from './regressions';

describe('control-plane invariants under random actions (property-based)', () => {
  it('hold for 1,000 random clusters and action sequences; one in four is replayed for determinism', () => {
    fc.assert(clusterProperty(6, 12, 4), { numRuns: 1000, seed: 20261122 });
  }, 900_000);

  it.each(REGRESSIONS.map((r) => [r.bug, r.scenario] as [string, Scenario]))('regression: %s', (_bug, scenario) => {
    expect(runScenario(scenario).failure).toBeUndefined();
  });
});
