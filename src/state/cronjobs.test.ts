import { describe, expect, it } from 'vitest';
import type { CronJob } from 'kubernetes-types/batch/v1';
import { describeSchedule, nextScheduleTime } from './cronjobs';

const cronJob = (schedule: string, timeZone?: string): CronJob => ({ metadata: { name: 'hello' }, spec: { schedule, timeZone, jobTemplate: {} } });
const at = (iso: string) => Date.parse(iso);

describe('nextScheduleTime', () => {
  it('is the first schedule time strictly after now, in UTC by default', () => {
    expect(nextScheduleTime(cronJob('*/5 * * * *'), at('2026-01-01T09:00:30Z'))).toBe(at('2026-01-01T09:05:00Z'));
    expect(nextScheduleTime(cronJob('*/5 * * * *'), at('2026-01-01T09:05:00Z'))).toBe(at('2026-01-01T09:10:00Z'));
    expect(nextScheduleTime(cronJob('0 3 * * MON'), at('2026-01-01T09:00:00Z'))).toBe(at('2026-01-05T03:00:00Z'));
  });

  it('reads robfig/cron macros, @midnight included', () => {
    expect(nextScheduleTime(cronJob('@hourly'), at('2026-01-01T09:00:30Z'))).toBe(at('2026-01-01T10:00:00Z'));
    expect(nextScheduleTime(cronJob('@midnight'), at('2026-01-01T09:00:30Z'))).toBe(at('2026-01-02T00:00:00Z'));
  });

  it('counts in spec.timeZone', () => {
    expect(nextScheduleTime(cronJob('0 9 * * *', 'Asia/Seoul'), at('2026-01-01T09:00:00Z'))).toBe(at('2026-01-02T00:00:00Z'));
  });

  it('is undefined for a schedule that does not parse', () => {
    expect(nextScheduleTime(cronJob('every minute'), at('2026-01-01T09:00:00Z'))).toBeUndefined();
  });
});

describe('describeSchedule', () => {
  it('spells the schedule out', () => {
    expect(describeSchedule('*/5 * * * *')).toBe('Every 5 minutes');
    expect(describeSchedule('@hourly')).toBe('Every hour');
    expect(describeSchedule('every minute')).toBeUndefined();
  });

  it('speaks Korean when the app does', () => {
    expect(describeSchedule('*/5 * * * *', 'ko')).toBe('5분마다');
    expect(describeSchedule('0 2 * * *', 'ko')).toBe('02:00');
    expect(describeSchedule('0 2 * * *', 'en')).toBe('At 02:00');
  });
});
