import { describe, expect, it } from 'vitest';
import { ageOf, formatClock, humanDuration } from './age';

describe('humanDuration (kubectl AGE)', () => {
  it.each([
    [-5000, '<invalid>'],
    [-1500, '0s'],
    [0, '0s'],
    [59_000, '59s'],
    [119_000, '119s'],
    [120_000, '2m'],
    [125_000, '2m5s'],
    [600_000, '10m'],
    [179 * 60_000, '179m'],
    [3 * 3_600_000, '3h'],
    [3 * 3_600_000 + 25 * 60_000, '3h25m'],
    [8 * 3_600_000 + 30 * 60_000, '8h'],
    [47 * 3_600_000, '47h'],
    [50 * 3_600_000, '2d2h'],
    [72 * 3_600_000, '3d'],
    [10 * 86_400_000, '10d'],
    [800 * 86_400_000, '2y70d'],
    [3000 * 86_400_000, '8y'],
  ])('%i ms reads %s', (ms, text) => {
    expect(humanDuration(ms)).toBe(text);
  });

  it('ages a timestamp against the virtual now, or says <unknown>', () => {
    expect(ageOf('2025-01-01T00:00:00Z', Date.parse('2025-01-01T00:00:42Z'))).toBe('42s');
    expect(ageOf(undefined, 0)).toBe('<unknown>');
  });
});

describe('formatClock', () => {
  it('shows elapsed virtual time as hh:mm:ss', () => {
    expect(formatClock(0)).toBe('00:00:00');
    expect(formatClock(83_999)).toBe('00:01:23');
    expect(formatClock(36_000_000 + 61_000)).toBe('10:01:01');
  });
});
