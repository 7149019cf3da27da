/**
 * What the demo images and simple shell loops write, so a student can watch data live in a volume:
 * kubesim/visit-counter counts HTTP requests in a file, kubesim/logger and busybox loops like
 * `while true; do date >> /data/log; sleep 5; done` append lines as virtual time passes.
 */
import type { Container } from '../api/types';
import { EPOCH_MS, rfc3339 } from '../time';
import { expandArgs, type EnvList } from './env';
import { parseImage } from './images';

const VISIT_COUNTER = 'kubesim/visit-counter';
const LOGGER = 'kubesim/logger';

export interface Appender {
  file: string;
  everyMs: number;
  /** Line `n` (1-based) written `atMs` after the cluster started, with its newline. */
  line(n: number, atMs: number): string;
}

export interface AppPlan {
  /** The visit counter's file; each HTTP request reads, increments and writes it. */
  counterFile?: string;
  /** Lines appended while the container runs, the first at start. */
  appender?: Appender;
  /** Writes a script makes once at start ("echo ready > /data/state"). */
  startWrites: { file: string; content: string; append: boolean }[];
}

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** `date` as busybox prints it in a UTC container: "Thu Jan  1 09:00:05 UTC 2026". */
export function shellDate(atMs: number): string {
  const d = new Date(EPOCH_MS + Math.floor(atMs / 1000) * 1000);
  const two = (n: number) => String(n).padStart(2, '0');
  const time = `${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())}`;
  return `${DAYS[d.getUTCDay()]} ${MONTHS[d.getUTCMonth()]} ${String(d.getUTCDate()).padStart(2, ' ')} ${time} UTC ${d.getUTCFullYear()}`;
}

function envValue(env: EnvList, name: string): string | undefined {
  return env.find(([k]) => k === name)?.[1];
}

/** The text one `echo ARGS` or `date` step prints, with its newline. */
export function stepOutput(step: string, env: EnvList, atMs: number): string | undefined {
  if (/^date$/.test(step)) return `${shellDate(atMs)}\n`;
  const echo = /^echo\s+(.*)$/.exec(step);
  if (!echo) return undefined;
  let text = echo[1].trim().replace(/^"(.*)"$/, '$1').replace(/^'(.*)'$/, '$1');
  text = text.replace(/\$\(date\)|`date`/g, shellDate(atMs));
  text = text.replace(/\$\{(\w+)\}|\$(\w+)/g, (_m, a: string | undefined, b: string | undefined) => envValue(env, (a ?? b)!) ?? '');
  return `${text}\n`;
}

export const REDIRECT = /^(.*?)\s*(>>?)\s*(\/\S+)$/;

export function shellScript(argv: string[]): string {
  const c = argv.indexOf('-c');
  return c >= 0 ? argv.slice(c + 1).join(' ') : argv.join(' ');
}

function shellPlan(script: string, env: EnvList, startedAt: number): AppPlan {
  const plan: AppPlan = { startWrites: [] };
  const loop = /\bwhile\b[\s\S]*?\bdo\b([\s\S]*?)\bdone\b/.exec(script);
  const before = loop ? script.slice(0, loop.index) : script;
  for (const step of before.split(/;|&&|\n/).map((s) => s.trim())) {
    const r = REDIRECT.exec(step);
    const content = r ? stepOutput(r[1], env, startedAt) : undefined;
    if (r && content !== undefined) plan.startWrites.push({ file: r[3], content, append: r[2] === '>>' });
  }
  if (!loop) return plan;
  const steps = loop[1].split(/;|&&|\n/).map((s) => s.trim());
  const sleep = steps.map((s) => /^sleep\s+(\d+(?:\.\d+)?)$/.exec(s)?.[1]).find((n) => n !== undefined);
  const write = steps.map((s) => REDIRECT.exec(s)).find((r) => r && r[2] === '>>' && stepOutput(r[1], env, 0) !== undefined);
  const everyMs = sleep ? Number(sleep) * 1000 : 0;
  // A loop without a pause would write without end; kubesim only plays paced ones.
  if (write && everyMs > 0) plan.appender = { file: write[3], everyMs, line: (_n, at) => stepOutput(write[1], env, at)! };
  return plan;
}

/** What a container started at `startedAt` writes, from its image, script and environment. */
export function appPlan(container: Container, env: EnvList, hostname: string, startedAt = 0): AppPlan {
  const repo = parseImage(container.image ?? '').repository;
  // The runtime gets command and args with $(VAR) already expanded by the kubelet.
  const argv = expandArgs([...(container.command ?? []), ...(container.args ?? [])], env);
  const flag = (name: string) => {
    const i = argv.findIndex((a) => a === `--${name}` || a.startsWith(`--${name}=`));
    return i < 0 ? undefined : argv[i].includes('=') ? argv[i].slice(argv[i].indexOf('=') + 1) : argv[i + 1];
  };
  if (repo === VISIT_COUNTER) return { counterFile: flag('file') ?? envValue(env, 'COUNTER_FILE') ?? '/data/count', startWrites: [] };
  if (repo === LOGGER) {
    const seconds = Number(flag('interval') ?? envValue(env, 'LOG_INTERVAL') ?? 5) || 5;
    const file = flag('file') ?? envValue(env, 'LOG_FILE') ?? '/data/log.txt';
    return { appender: { file, everyMs: seconds * 1000, line: (n, at) => `${rfc3339(at)} ${hostname} line ${n}\n` }, startWrites: [] };
  }
  // The shell also sees the runtime's HOSTNAME.
  return shellPlan(shellScript(argv), [...env, ['HOSTNAME', hostname]], startedAt);
}

/** The visit counter's answer once it has counted `visits`. */
export function counterResponse(visits: number, hostname: string): string {
  return `Visit number ${visits}, served by ${hostname}`;
}
