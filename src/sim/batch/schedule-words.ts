/** A cron schedule in words ("At 02:00 AM", "오전 02:00"), by cronstrue, for describe and the UI. */
import cronstrue from 'cronstrue/i18n';

export type ScheduleLocale = 'en' | 'ko';

/** The schedule read out in `locale`; undefined when cronstrue cannot read it (the API refuses such schedules anyway). */
export function scheduleInWords(schedule: string, locale: ScheduleLocale = 'en'): string | undefined {
  try {
    return cronstrue.toString(schedule.trim(), { locale, use24HourTimeFormat: false, throwExceptionOnParseError: true });
  } catch {
    return undefined;
  }
}
