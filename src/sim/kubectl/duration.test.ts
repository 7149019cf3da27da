import { describe, expect, it } from 'vitest';
import { rfc3339 } from '../time';
import { age, goDuration, humanDuration, parseGoDuration, rfc1123z } from './duration';

const s = (n: number) => n * 1000;
const m = (n: number) => s(n * 60);
const h = (n: number) => m(n * 60);
const d = (n: number) => h(n * 24);

describe('humanDuration (apimachinery duration.HumanDuration)', () => {
  it.each([
    ['more than a second in the future', -s(2), '<invalid>'],
    ['a clock skew under two seconds', -s(1.5), '0s'],
    ['now', 0, '0s'],
    ['sub-second', 999, '0s'],
    ['seconds', s(45), '45s'],
    ['up to two minutes in seconds', s(119), '119s'],
    ['whole minutes', m(2), '2m'],
    ['minutes and seconds under ten minutes', m(2) + s(5), '2m5s'],
    ['the last second before ten minutes', m(9) + s(59), '9m59s'],
    ['ten minutes drops the seconds', m(10) + s(30), '10m'],
    ['minutes up to three hours', m(179) + s(59), '179m'],
    ['whole hours', h(3), '3h'],
    ['hours and minutes under eight hours', h(3) + m(5), '3h5m'],
    ['eight hours drops the minutes', h(8) + m(30), '8h'],
    ['hours up to two days', h(47) + m(59), '47h'],
    ['whole days', d(2), '2d'],
    ['days and hours under eight days', d(2) + h(3), '2d3h'],
    ['the last hour before eight days', d(7) + h(23), '7d23h'],
    ['eight days drops the hours', d(8) + h(5), '8d'],
    ['days up to two years', d(729), '729d'],
    ['whole years', d(730), '2y'],
    ['years and days under eight years', d(731), '2y1d'],
    ['the last day before eight years', d(365 * 8 - 1), '7y364d'],
    ['years from eight on', d(365 * 9 + 100), '9y'],
  ])('%s: %s ms → %s', (_name, ms, text) => {
    expect(humanDuration(ms)).toBe(text);
  });
});

describe('age (translateTimestampSince)', () => {
  it('measures from the object timestamp to the virtual now', () => {
    expect(age(rfc3339(s(10)), s(40))).toBe('30s');
  });

  it('prints <unknown> for a missing timestamp', () => {
    expect(age(undefined, s(40))).toBe('<unknown>');
    expect(age(null, s(40))).toBe('<unknown>');
  });
});

describe('rfc1123z', () => {
  it('formats like Go time.RFC1123Z in UTC', () => {
    expect(rfc1123z(rfc3339(h(26) + m(3) + s(4)))).toBe('Fri, 02 Jan 2026 11:03:04 +0000');
  });

  it('prints Go zero time for a missing timestamp', () => {
    expect(rfc1123z(undefined)).toBe('Mon, 01 Jan 0001 00:00:00 +0000');
  });
});

describe('Go durations (time.ParseDuration, Duration.String)', () => {
  it.each([
    ['0', 0],
    ['90s', 90_000],
    ['1m30s', 90_000],
    ['1.5h', 5_400_000],
    ['250ms', 250],
    ['-2m', -120_000],
  ])('parses %s', (text, ms) => {
    expect(parseGoDuration(text)).toBe(ms);
  });

  it.each([
    ['soon', 'time: invalid duration "soon"'],
    ['', 'time: invalid duration ""'],
    ['5', 'time: missing unit in duration "5"'],
    ['1d', 'time: unknown unit "d" in duration "1d"'],
  ])('rejects %j as Go does', (text, message) => {
    expect(() => parseGoDuration(text)).toThrow(message);
  });

  it.each([
    [0, '0s'],
    [500, '500ms'],
    [20_000, '20s'],
    [60_000, '1m0s'],
    [90_500, '1m30.5s'],
    [3_600_000, '1h0m0s'],
  ])('prints %d ms as %s', (ms, text) => {
    expect(goDuration(ms)).toBe(text);
  });
});
