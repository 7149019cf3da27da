/**
 * What a container's process does once started, from its image, command and kubesim's lesson
 * annotations: when it exits and how, how much memory it uses, which ports answer, which files
 * exist when. Probes are judged against this (docs/SCRIPTING.md lists the annotations).
 */
import { bytes, parseQuantity } from '../api/quantity';
import type { Container, Probe } from '../api/types';
import { parseDuration } from '../util/duration';
import { imageInfo, planProcess } from './images';

export const ANNOTATION_PREFIX = 'kubesim.io/';

export interface Behaviour {
  /** ms after start when the process exits by itself; undefined: it runs until stopped. */
  exitAfterMs?: number;
  exitCode: number;
  /** "OOMKilled" when the kernel kills it for exceeding its memory limit. */
  exitReason?: 'OOMKilled';
  memoryBytes: number;
  /** TCP ports that accept connections; 'any' for an image kubesim knows nothing about. */
  ports: number[] | 'any';
  /** Files a script creates and removes: path → [from, to) ms after start. */
  files: Record<string, [number, number]>;
  /** ms before the app answers probes (warm-up). */
  readyAfterMs: number;
  /** ms after which readiness checks start failing. */
  unreadyAfterMs?: number;
  /** ms after which liveness checks start failing. */
  livenessFailsAfterMs?: number;
}


/** polinux/stress and stress-ng: --vm N workers of --vm-bytes each. */
function stressMemory(argv: string[]): number | undefined {
  const idx = argv.findIndex((a) => a === '--vm-bytes');
  if (idx < 0) return undefined;
  const workersAt = argv.findIndex((a) => a === '--vm');
  const workers = workersAt >= 0 ? Number(argv[workersAt + 1]) || 1 : 1;
  // stress reads B/K/M/G as powers of 1024.
  const size = argv[idx + 1].replace(/^(\d+(?:\.\d+)?)([kmgt])$/i, (_m, n: string, u: string) => `${n}${u.toUpperCase()}i`);
  return workers * parseQuantity(size);
}

/** touch/rm of files in a shell script, timed by the sleeps between them (the docs' liveness-exec example). */
function scriptFiles(script: string): Record<string, [number, number]> {
  const files: Record<string, [number, number]> = {};
  let t = 0;
  for (const step of script.split(/;|&&|\n/)) {
    const s = step.trim();
    const sleep = /^sleep\s+(\d+(?:\.\d+)?)$/.exec(s);
    if (sleep) t += Number(sleep[1]) * 1000;
    const touch = /^(?:touch|echo\s.*>)\s*(\/\S+)$/.exec(s) ?? /^touch\s+(\/\S+)$/.exec(s);
    if (touch) files[touch[1]] = [t, Infinity];
    const rm = /^rm\s+(?:-\w+\s+)*(\/\S+)$/.exec(s);
    if (rm && files[rm[1]]) files[rm[1]] = [files[rm[1]][0], t];
  }
  return files;
}

export function behaviourOf(container: Container, annotations: Record<string, string> = {}): Behaviour {
  const a = (name: string) => annotations[ANNOTATION_PREFIX + name];
  const info = imageInfo(container.image ?? '');
  const plan = planProcess(container);
  const argv = [...(container.command ?? []), ...(container.args ?? [])];
  const declared = (container.ports ?? []).map((p) => p.containerPort);
  const behaviour: Behaviour = {
    exitAfterMs: plan.runsForMs,
    exitCode: plan.exitCode,
    memoryBytes: a('memory') ? bytes(a('memory')) : info.memoryBytes + (stressMemory(argv) ?? 0),
    ports: info.ports ?? (declared.length ? declared : 'any'),
    files: scriptFiles(argv.includes('-c') ? argv.slice(argv.indexOf('-c') + 1).join(' ') : argv.join(' ')),
    readyAfterMs: parseDuration(a('ready-after')) ?? 0,
    unreadyAfterMs: parseDuration(a('unready-after')),
    livenessFailsAfterMs: parseDuration(a('liveness-fails-after')),
  };
  const crashAfter = parseDuration(a('crash-after'));
  if (crashAfter !== undefined) {
    behaviour.exitAfterMs = crashAfter;
    behaviour.exitCode = Number(a('exit-code') ?? 1);
  }
  const limit = container.resources?.limits?.memory;
  if (limit !== undefined && behaviour.memoryBytes > bytes(limit)) {
    // The allocation outgrows the cgroup limit within moments of starting.
    behaviour.exitAfterMs = Math.min(behaviour.exitAfterMs ?? Infinity, 1000);
    behaviour.exitCode = 137;
    behaviour.exitReason = 'OOMKilled';
  }
  return behaviour;
}

export interface ProbeOutcome {
  ok: boolean;
  /** The kubelet's failure text ("Get "http://…": dial tcp …: connect: connection refused"). */
  output: string;
}

/** One probe run `sinceStartMs` after the container started, judged against its behaviour. */
export function runProbe(probe: Probe, b: Behaviour, sinceStartMs: number, podIP: string, kind: 'readiness' | 'liveness'): ProbeOutcome {
  const failing = kind === 'readiness' ? b.unreadyAfterMs : b.livenessFailsAfterMs;
  const warm = sinceStartMs >= b.readyAfterMs && (failing === undefined || sinceStartMs < failing);
  const listens = (port: number) => b.ports === 'any' || b.ports.includes(port);
  if (probe.httpGet) {
    const port = Number(probe.httpGet.port);
    const url = `${(probe.httpGet.scheme ?? 'HTTP').toLowerCase()}://${podIP}:${port}${probe.httpGet.path ?? '/'}`;
    if (!listens(port)) return { ok: false, output: `Get "${url}": dial tcp ${podIP}:${port}: connect: connection refused` };
    if (!warm) return { ok: false, output: 'HTTP probe failed with statuscode: 503' };
    return { ok: true, output: '' };
  }
  if (probe.tcpSocket) {
    const port = Number(probe.tcpSocket.port);
    if (!listens(port) || !warm) return { ok: false, output: `dial tcp ${podIP}:${port}: connect: connection refused` };
    return { ok: true, output: '' };
  }
  if (probe.exec) {
    const cmd = (probe.exec.command ?? []).join(' ');
    const file = /\b(?:cat|test -[ef]|ls)\s+(\/\S+)/.exec(cmd)?.[1];
    if (file && b.files[file] === undefined && Object.keys(b.files).length > 0) {
      return { ok: false, output: `cat: can't open '${file}': No such file or directory` };
    }
    if (file && b.files[file]) {
      const [from, to] = b.files[file];
      if (sinceStartMs < from || sinceStartMs >= to) return { ok: false, output: `cat: can't open '${file}': No such file or directory` };
    }
    return warm ? { ok: true, output: '' } : { ok: false, output: 'command failed with exit code 1' };
  }
  return warm ? { ok: true, output: '' } : { ok: false, output: 'probe failed' };
}
