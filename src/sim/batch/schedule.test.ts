import { describe, expect, it } from 'vitest';
import { parseSchedule, rfc3339In, scheduleProblem, timeZoneProblem } from './schedule';
import { scheduleInWords } from './schedule-words';

const at = (iso: string) => Date.parse(iso);

describe('CronJob schedules (k8s-semantics §9.5)', () => {
  it('accepts the standard five fields, names and descriptors', () => {
    for (const s of ['*/5 * * * *', '0 2 * * MON-FRI', '0 0 1 JAN *', '@hourly', '@midnight', '0 0 * * ?']) expect(scheduleProblem(s)).toBeUndefined();
  });

  it("refuses what robfig/cron's ParseStandard refuses, with its messages", () => {
    expect(scheduleProblem('hello')).toBe('expected exactly 5 fields, found 1: [hello]');
    expect(scheduleProblem('0 0 * * * *')).toBe('expected exactly 5 fields, found 6: [0 0 * * * *]');
    expect(scheduleProblem('61 * * * *')).toBe('end of range (61) above maximum (59): 61');
    expect(scheduleProblem('0 0 * * 7')).toBe('end of range (7) above maximum (6): 7');
    expect(scheduleProblem('5-1 * * * *')).toBe('beginning of range (5) beyond end of range (1): 5-1');
    expect(scheduleProblem('*/0 * * * *')).toBe('step of range should be a positive number: */0');
    expect(scheduleProblem('0 0 L * *')).toBe('failed to parse int from L: strconv.Atoi: parsing "L": invalid syntax');
    expect(scheduleProblem('@fortnightly')).toBe('unrecognized descriptor: @fortnightly');
  });

  it('gives the next activation strictly after a time, in UTC or a time zone', () => {
    const s = parseSchedule('*/5 * * * *');
    expect(new Date(s.next(at('2026-01-01T09:05:00Z'))).toISOString()).toBe('2026-01-01T09:10:00.000Z');
    expect(new Date(s.next(at('2026-01-01T09:05:00.100Z'))).toISOString()).toBe('2026-01-01T09:10:00.000Z');
    const seoul = parseSchedule('0 2 * * *', 'Asia/Seoul');
    expect(new Date(seoul.next(at('2026-01-01T09:00:00Z'))).toISOString()).toBe('2026-01-01T17:00:00.000Z');
  });

  it('checks time zone names and writes times in a zone as RFC 3339', () => {
    expect(timeZoneProblem('Europe/Paris')).toBeUndefined();
    expect(timeZoneProblem('Europe/Pariss')).toBe('unknown time zone Europe/Pariss');
    expect(rfc3339In(at('2026-01-01T17:00:00Z'), 'Asia/Seoul')).toBe('2026-01-02T02:00:00+09:00');
    expect(rfc3339In(at('2026-01-01T17:00:00Z'), 'UTC')).toBe('2026-01-01T17:00:00Z');
  });

  it('reads a schedule out in English or Korean', () => {
    expect(scheduleInWords('0 2 * * *')).toBe('At 02:00 AM');
    expect(scheduleInWords('*/5 * * * *', 'en')).toBe('Every 5 minutes');
    expect(scheduleInWords('0 2 * * *', 'ko')).toBe('오전 02:00');
    expect(scheduleInWords('not a schedule')).toBeUndefined();
  });
});
