/**
 * What a container prints to stdout and stderr, as the runtime's log file keeps it: nginx's start-up
 * lines and one access line per request, and the `echo`/`date` output of a shell script — once for
 * the steps before a loop, then every pass of a paced loop. A script's timing comes from its
 * `sleep`s, so `echo crashing; exit 1` after `sleep 10` prints its line 10 s after the start.
 */
import type { Container } from '../api/types';
import { expandArgs, type EnvList } from './env';
import { REDIRECT, shellScript, stepOutput } from './apps';
import { parseImage } from './images';
import { EPOCH_MS } from '../time';

export interface LogLine {
  /** Virtual ms when the line was written. */
  at: number;
  /** The line without its newline. */
  text: string;
}

/** Lines kept per container instance: kubesim's stand-in for the kubelet's 10Mi log rotation. */
export const MAX_LOG_LINES = 1000;

/** A line a process prints `afterMs` into its run (or into one pass of its loop). */
interface ScheduledLine {
  afterMs: number;
  text: (atMs: number) => string;
}

export interface OutputPlan {
  once: ScheduledLine[];
  loop?: { startMs: number; periodMs: number; steps: ScheduledLine[] };
}

/** The docker-library nginx entrypoint and master process, as `kubectl logs` shows a fresh nginx pod. */
function nginxStartup(tag: string): ScheduledLine[] {
  const version = /^\d+\.\d+\.\d+/.exec(tag)?.[0] ?? (/^\d+\.\d+$/.test(tag) ? `${tag}.0` : '1.27.5');
  const entrypoint = [
    '/docker-entrypoint.sh: /docker-entrypoint.d/ is not empty, will attempt to perform configuration',
    '/docker-entrypoint.sh: Looking for shell scripts in /docker-entrypoint.d/',
    '/docker-entrypoint.sh: Launching /docker-entrypoint.d/10-listen-on-ipv6-by-default.sh',
    '10-listen-on-ipv6-by-default.sh: info: Getting the checksum of /etc/nginx/conf.d/default.conf',
    '10-listen-on-ipv6-by-default.sh: info: Enabled listen on IPv6 in /etc/nginx/conf.d/default.conf',
    '/docker-entrypoint.sh: Sourcing /docker-entrypoint.d/15-local-resolvers.envsh',
    '/docker-entrypoint.sh: Launching /docker-entrypoint.d/20-envsubst-on-templates.sh',
    '/docker-entrypoint.sh: Launching /docker-entrypoint.d/30-tune-worker-processes.sh',
    '/docker-entrypoint.sh: Configuration complete; ready for start up',
  ];
  const notices = [
    'using the "epoll" event method',
    `nginx/${version}`,
    'built by gcc 12.2.0 (Debian 12.2.0-14) ',
    'OS: Linux 6.8.0-1015-gcp',
    'getrlimit(RLIMIT_NOFILE): 1048576:1048576',
    'start worker processes',
    'start worker process 29',
    'start worker process 30',
  ];
  return [
    ...entrypoint.map((line) => ({ afterMs: 0, text: () => line })),
    ...notices.map((notice) => ({ afterMs: 0, text: (at: number) => `${nginxTime(at)} [notice] 1#1: ${notice}` })),
  ];
}

/** nginx's error-log clock: "2026/01/01 09:00:05". */
function nginxTime(atMs: number): string {
  const iso = wallClock(atMs).toISOString();
  return `${iso.slice(0, 10).replace(/-/g, '/')} ${iso.slice(11, 19)}`;
}

/** The simulated wall clock at a virtual instant, to the second as nginx's clocks print it. */
function wallClock(atMs: number): Date {
  return new Date(EPOCH_MS + Math.floor(atMs / 1000) * 1000);
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** nginx's combined log format line for one request (the image's default log_format main). */
export function nginxAccessLine(atMs: number, clientIP: string, path: string): string {
  const d = wallClock(atMs);
  const two = (n: number) => String(n).padStart(2, '0');
  const when = `${two(d.getUTCDate())}/${MONTHS[d.getUTCMonth()]}/${d.getUTCFullYear()}:${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())} +0000`;
  return `${clientIP} - - [${when}] "GET ${path} HTTP/1.1" 200 615 "-" "curl/8.5.0" "-"`;
}

/** Whether a container's process writes nginx's access log for each request it serves. */
export function logsRequests(container: Container): boolean {
  return parseImage(container.image ?? '').repository === 'nginx' && !container.command?.length;
}

/** A shell step that prints to the container's output: echo or date, not redirected to a file. */
function printed(step: string, env: EnvList): ScheduledLine['text'] | undefined {
  if (REDIRECT.test(step)) return undefined;
  const toStream = step.replace(/\s*[12]?>&[12]$/, '');
  if (stepOutput(toStream, env, 0) === undefined) return undefined;
  return (at) => stepOutput(toStream, env, at)!.replace(/\n$/, '');
}

function steps(text: string): string[] {
  return text.split(/;|&&|\n/).map((s) => s.trim()).filter(Boolean);
}

const SLEEP = /^sleep\s+(\d+(?:\.\d+)?)$/;

/** What a container prints, from its image or its shell script (with $(VAR) expanded as the kubelet does). */
export function outputPlan(container: Container, env: EnvList, hostname: string): OutputPlan {
  const repo = parseImage(container.image ?? '');
  const argv = expandArgs([...(container.command ?? []), ...(container.args ?? [])], env);
  if (repo.repository === 'nginx' && argv.length === 0) return { once: nginxStartup(repo.tag) };
  if (argv.length === 0) return { once: [] };
  const shellEnv: EnvList = [...env, ['HOSTNAME', hostname]];
  const script = shellScript(argv);
  const loop = /\bwhile\b[\s\S]*?\bdo\b([\s\S]*?)\bdone\b/.exec(script);
  const once: ScheduledLine[] = [];
  let t = 0;
  for (const step of steps(loop ? script.slice(0, loop.index) : script)) {
    const sleep = SLEEP.exec(step);
    if (sleep) t += Number(sleep[1]) * 1000;
    if (/^exit\b/.test(step)) return { once };
    const text = printed(step, shellEnv);
    if (text) once.push({ afterMs: t, text });
  }
  if (!loop) return { once };
  const body: ScheduledLine[] = [];
  let offset = 0;
  for (const step of steps(loop[1])) {
    const sleep = SLEEP.exec(step);
    if (sleep) offset += Number(sleep[1]) * 1000;
    const text = printed(step, shellEnv);
    if (text) body.push({ afterMs: offset, text });
  }
  // A loop without a pause would print without end; kubesim only plays paced ones (as apps.ts).
  if (offset === 0 || body.length === 0) return { once };
  return { once, loop: { startMs: t, periodMs: offset, steps: body } };
}

/** The lines a run started at `startedAt` prints in [fromMs, toMs], oldest first, at most MAX_LOG_LINES. */
export function linesBetween(plan: OutputPlan, startedAt: number, fromMs: number, toMs: number): LogLine[] {
  if (toMs < fromMs) return [];
  const out: LogLine[] = [];
  const add = (line: ScheduledLine, at: number) => {
    if (at >= fromMs && at <= toMs) out.push({ at, text: line.text(at) });
  };
  for (const line of plan.once) add(line, startedAt + line.afterMs);
  const loop = plan.loop;
  if (loop) {
    const base = startedAt + loop.startMs;
    const last = Math.floor((toMs - base) / loop.periodMs);
    let first = Math.max(0, Math.floor((fromMs - base) / loop.periodMs) - 1);
    first = Math.max(first, last - Math.ceil(MAX_LOG_LINES / loop.steps.length));
    for (let k = first; k <= last; k++) for (const step of loop.steps) add(step, base + k * loop.periodMs + step.afterMs);
  }
  return out.slice(-MAX_LOG_LINES);
}

/** Appends to a bounded log, dropping the oldest lines as rotation would. */
export function appendLines(log: LogLine[], lines: readonly LogLine[]): void {
  log.push(...lines);
  if (log.length > MAX_LOG_LINES) log.splice(0, log.length - MAX_LOG_LINES);
}

/** The log lines `kubectl logs` asked for, or the kubelet's refusal. */
export type LogResult = { lines: LogLine[] } | { error: string };

/** The kubelet's log endpoint as the API server's pods/log subresource reaches it. */
export interface ContainerLogs {
  logs(podKey: string, container: string, previous: boolean): LogResult;
  /** A line the process writes now (nginx's access log for a request). */
  write(podKey: string, container: string, text: string): void;
}
