/**
 * CronJob schedules (k8s-semantics §9.5): the 5-field cron of robfig/cron's ParseStandard, parsed
 * and evaluated by cron-parser, with robfig's error texts for the mistakes students make. Times
 * here are wall-clock milliseconds since the Unix epoch; the caller converts from virtual time.
 */
import { CronExpressionParser } from 'cron-parser';

/** robfig/cron's descriptors; `@every` is not supported (see docs/SIMPLIFICATIONS.md). */
const DESCRIPTORS: Record<string, string> = {
  '@yearly': '0 0 1 1 *',
  '@annually': '0 0 1 1 *',
  '@monthly': '0 0 1 * *',
  '@weekly': '0 0 * * 0',
  '@daily': '0 0 * * *',
  '@midnight': '0 0 * * *',
  '@hourly': '0 * * * *',
};

const NAMES = /\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|sun|mon|tue|wed|thu|fri|sat)\b/gi;
const FIELD_MAX = [59, 23, 31, 12, 6];

export class ScheduleError extends Error {}

/** The expression cron-parser evaluates for `schedule`, or robfig's error for it. */
function standardExpression(schedule: string): string {
  let text = schedule.trim();
  // robfig reads a leading TZ=/CRON_TZ= itself (the API refuses it on new CronJobs).
  const zone = /^(?:CRON_)?TZ=(\S*)\s*/.exec(text);
  if (zone) {
    if (timeZoneProblem(zone[1])) throw new ScheduleError(`provided bad location ${zone[1]}: unknown time zone ${zone[1]}`);
    text = text.slice(zone[0].length);
  }
  if (text.startsWith('@')) {
    const expr = DESCRIPTORS[text.toLowerCase()];
    if (!expr) throw new ScheduleError(`unrecognized descriptor: ${text}`);
    return expr;
  }
  const fields = text.split(/\s+/).filter(Boolean);
  if (fields.length !== 5) throw new ScheduleError(`expected exactly 5 fields, found ${fields.length}: [${fields.join(' ')}]`);
  fields.forEach((field, i) => checkField(field, i, fields));
  return fields.join(' ');
}

/** Parses one field alone (the others `*`) so an error names the part of the schedule at fault, as robfig's do. */
function checkField(field: string, index: number, fields: string[]): void {
  for (const part of field.split(',')) {
    const bare = part.replace(NAMES, '0');
    const bad = bare.split(/[-/]/).find((n) => !/^(\d+|\*|\?)$/.test(n));
    // robfig knows no L, W, # or H: their parts fail its integer parse.
    if (bad !== undefined) {
      const raw = part.split(/[-/]/)[bare.split(/[-/]/).indexOf(bad)];
      throw new ScheduleError(`failed to parse int from ${raw}: strconv.Atoi: parsing ${JSON.stringify(raw)}: invalid syntax`);
    }
    // cron-parser allows 7 for Sunday; robfig's day-of-week stops at 6.
    for (const n of bare.split(/[-/]/).slice(0, bare.includes('/') ? 1 : 2)) {
      if (/^\d+$/.test(n) && Number(n) > FIELD_MAX[index]) throw new ScheduleError(`end of range (${n}) above maximum (${FIELD_MAX[index]}): ${part}`);
    }
    const probe = fields.map((f, i) => (i === index ? part : '*')).join(' ');
    try {
      CronExpressionParser.parse(probe, { currentDate: 0, tz: 'UTC' });
    } catch (err) {
      throw new ScheduleError(robfigMessage((err as Error).message, part));
    }
  }
}

function robfigMessage(message: string, part: string): string {
  const range = /got value (\d+) expected range (\d+)-(\d+)/.exec(message);
  if (range) {
    const [value, min] = [Number(range[1]), Number(range[2])];
    return value < min ? `beginning of range (${value}) below minimum (${min}): ${part}` : `end of range (${value}) above maximum (${range[3]}): ${part}`;
  }
  const order = /min\((\d+)\) > max\((\d+)\)/.exec(message);
  if (order) return `beginning of range (${order[1]}) beyond end of range (${order[2]}): ${part}`;
  if (/every 0/.test(message)) return `step of range should be a positive number: ${part}`;
  return message;
}

/** cron.ParseStandard's verdict: undefined when the schedule parses, else the parser's error text. */
export function scheduleProblem(schedule: string): string | undefined {
  try {
    CronExpressionParser.parse(standardExpression(schedule), { currentDate: 0, tz: 'UTC' });
    return undefined;
  } catch (err) {
    return (err as Error).message;
  }
}

/** time.LoadLocation's verdict on an IANA zone name (the runtime's zone database stands in for Go's). */
export function timeZoneProblem(zone: string): string | undefined {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return undefined;
  } catch {
    return `unknown time zone ${zone}`;
  }
}

/** A parsed schedule: Next(t) as robfig's Schedule gives it, the first activation strictly after t. */
export interface Schedule {
  next(afterMs: number): number;
}

export function parseSchedule(schedule: string, timeZone = 'UTC'): Schedule {
  const expr = standardExpression(schedule);
  CronExpressionParser.parse(expr, { currentDate: 0, tz: timeZone });
  return {
    next(afterMs: number): number {
      // Activations are whole minutes; robfig steps from the next whole second after t.
      return CronExpressionParser.parse(expr, { currentDate: Math.floor(afterMs / 1000) * 1000, tz: timeZone }).next().getTime();
    },
  };
}

/** `t` as RFC 3339 in `zone` with its offset ("2026-01-01T02:00:00+09:00"), Go's Time.In(loc).Format(time.RFC3339). */
export function rfc3339In(ms: number, zone: string): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', { timeZone: zone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' })
      .formatToParts(new Date(ms))
      .map((p) => [p.type, p.value]),
  );
  const local = `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}:${parts.second}`;
  const offsetMin = Math.round((Date.parse(`${local}Z`) - Math.floor(ms / 1000) * 1000) / 60_000);
  if (offsetMin === 0) return `${local}Z`;
  const sign = offsetMin < 0 ? '-' : '+';
  const abs = Math.abs(offsetMin);
  return `${local}${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}
