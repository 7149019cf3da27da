/**
 * A CronJob's schedule in words a student reads (k8s-semantics §9.5): the next time it fires on the
 * cluster clock, and the schedule spelled out.
 */
import type { CronJob } from 'kubernetes-types/batch/v1';
import { CronExpressionParser } from 'cron-parser';
import cronstrue from 'cronstrue';
// Registers Korean with cronstrue; English is built in.
import 'cronstrue/locales/ko';

/** robfig/cron's macros that cron-parser spells differently or not at all. */
const MACROS: Record<string, string> = { '@midnight': '@daily', '@annually': '@yearly' };

function expression(schedule: string): string {
  const trimmed = schedule.trim();
  return MACROS[trimmed] ?? trimmed;
}

/**
 * Wall ms of the first schedule time after `nowMs` (the virtual clock's instant), in
 * `spec.timeZone` or UTC; undefined for a schedule the parser rejects.
 */
export function nextScheduleTime(cronJob: CronJob, nowMs: number): number | undefined {
  const schedule = cronJob.spec?.schedule;
  if (!schedule) return undefined;
  try {
    const parsed = CronExpressionParser.parse(expression(schedule), { currentDate: nowMs, tz: cronJob.spec?.timeZone ?? 'UTC' });
    return parsed.next().getTime();
  } catch {
    return undefined;
  }
}

/** "At 5 minutes past the hour" ("매시 5분"), or undefined when the schedule does not parse. */
export function describeSchedule(schedule: string | undefined, language = 'en'): string | undefined {
  if (!schedule) return undefined;
  try {
    return cronstrue.toString(expression(schedule), { locale: language.startsWith('ko') ? 'ko' : 'en', use24HourTimeFormat: true, verbose: false });
  } catch {
    return undefined;
  }
}
