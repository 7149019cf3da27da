import { describe, expect, it } from 'vitest';
import { parseCliArgs, parseDuration } from './args';

describe('parseDuration', () => {
  it.each([
    ['500ms', 500],
    ['90s', 90_000],
    ['5m', 300_000],
    ['1h', 3_600_000],
    ['1m30s', 90_000],
    ['1.5s', 1500],
  ])('%s → %d ms', (text, ms) => {
    expect(parseDuration(text)).toBe(ms);
  });

  it.each(['', '90', 's', '5x', '1m30'])('rejects %j', (text) => {
    expect(() => parseDuration(text)).toThrow(/invalid duration/);
  });
});

describe('parseCliArgs', () => {
  it('reads the options and keeps the steps in order', () => {
    expect(parseCliArgs(['--nodes', '2', '--seed=9', '--kubectl', 'apply -f x.yaml', '--advance', '30s', '--kubectl=get pods'])).toEqual({
      nodes: 2,
      seed: 9,
      help: false,
      steps: [
        { kind: 'kubectl', args: 'apply -f x.yaml' },
        { kind: 'advance', ms: 30_000 },
        { kind: 'kubectl', args: 'get pods' },
      ],
    });
  });

  it('defaults to three nodes and seed 1', () => {
    expect(parseCliArgs([])).toEqual({ nodes: 3, seed: 1, help: false, steps: [] });
  });

  it.each([
    [['--bogus'], 'unknown option "--bogus"'],
    [['--kubectl'], '--kubectl needs a value'],
    [['--nodes', 'three'], '--nodes needs a whole number, not "three"'],
  ])('rejects %j', (argv, message) => {
    expect(() => parseCliArgs(argv)).toThrow(message);
  });
});
