/**
 * A traffic generator outside the cluster's workloads: clients that send requests at a steady rate
 * through kube-proxy, so a student sees which pods and versions a Service spreads them over.
 */
import type { WatchEvent } from '../api/store';
import type { Pod } from '../api/types';
import { Controller, type ControllerContext } from '../controllers/controller';
import type { HttpApps } from '../kubelet/runtime';
import { Proxy, type AffinityTable, type Response } from './proxy';

/** How many distinct client IPs a generator uses (ClientIP affinity pins each one). */
const CLIENTS = 8;
/** Requests kept for the UI's dots and counters. */
const RECENT = 500;
/** Seconds of per-pod request counts kept, for request rates (metrics-server averages over 15 s). */
const RATE_SECONDS = 60;
/** An in-cluster load generator never sends faster than this (wget's own round trip). */
const MAX_LOOP_RPS = 100;

/**
 * A pod whose shell loops over wget or curl of a URL (the docs' HPA load generator):
 * `while sleep 0.01; do wget -q -O- http://php-apache; done`. Returns its URL and rate.
 */
export function loadLoop(pod: Pod): { url: string; rps: number } | undefined {
  for (const c of pod.spec?.containers ?? []) {
    const script = [...(c.command ?? []), ...(c.args ?? [])].join(' ');
    if (!/while\b|for\b/.test(script)) continue;
    const url = /\b(?:wget|curl)\b[^;]*?\s((?:https?:\/\/)?[\w.-]+(?::\d+)?(?:\/\S*)?)\s*(?:;|$)/.exec(script)?.[1];
    if (!url) continue;
    const sleep = Number(/\bsleep\s+(\d+(?:\.\d+)?)/.exec(script)?.[1] ?? 0);
    return { url, rps: sleep > 0 ? Math.min(MAX_LOOP_RPS, 1 / sleep) : MAX_LOOP_RPS };
  }
  return undefined;
}

export interface TrafficJob {
  id: number;
  /** "namespace/name" of the pod that sends, for load generators running in the cluster. */
  fromPod?: string;
  target: string;
  rps: number;
  startedAt: number;
  endsAt?: number;
  nextAt: number;
  sent: number;
  ok: number;
  failed: number;
  byPod: Record<string, number>;
  byVersion: Record<string, number>;
  lastError?: string;
}

export interface RequestRecord {
  time: number;
  job: number;
  ok: boolean;
  status?: number;
  service?: string;
  ingress?: string;
  /** "namespace/name" of the pod that answered. */
  pod?: string;
  version?: string;
}

interface TrafficState {
  rates: [string, number[]][];
  queue: [string, number][];
  nextId: number;
  jobs: TrafficJob[];
  recent: RequestRecord[];
  affinity: [string, { ip: string; until: number }][];
}

export class TrafficGenerator extends Controller {
  private nextId = 1;
  private jobs = new Map<number, TrafficJob>();
  private recent: RequestRecord[] = [];
  private affinity: AffinityTable = new Map();
  /** Per pod ("namespace/name"), requests answered in each of the last RATE_SECONDS seconds, by second. */
  private rates = new Map<string, number[]>();
  private readonly proxy: Proxy;

  constructor(ctx: ControllerContext, apps?: HttpApps) {
    super('traffic-generator', ctx);
    this.proxy = new Proxy(ctx.api, ctx.rng, this.affinity, () => ctx.clock.now(), apps);
  }

  /** Pods running a wget/curl loop become load generators for as long as they run. */
  onEvent({ type, object }: WatchEvent): void {
    if (object.kind !== 'Pod') return;
    const pod = object as Pod;
    const key = `${pod.metadata!.namespace}/${pod.metadata!.name}`;
    const running = type !== 'DELETED' && !pod.metadata?.deletionTimestamp && pod.status?.phase === 'Running' && !!pod.status.podIP;
    const existing = [...this.jobs.values()].find((j) => j.fromPod === key && (j.endsAt === undefined || j.endsAt > this.ctx.clock.now()));
    const loop = running ? loadLoop(pod) : undefined;
    if (loop && !existing) {
      const job = this.start(loop.url, loop.rps);
      job.fromPod = key;
    } else if (!loop && existing) {
      this.stop(existing.id);
    }
  }

  /** Requests per second a pod answered, averaged over the last `windowSeconds`. */
  podRate(podKey: string, windowSeconds = 15): number {
    const counts = this.rates.get(podKey);
    if (!counts) return 0;
    const nowSecond = Math.floor(this.ctx.clock.now() / 1000);
    let total = 0;
    for (let s = Math.max(0, nowSecond - windowSeconds); s < nowSecond; s++) {
      const slot = s % RATE_SECONDS;
      if (counts[RATE_SECONDS + slot] === s) total += counts[slot];
    }
    return total / windowSeconds;
  }

  /** One request, as `curl URL` from a machine next to the cluster. */
  request(url: string, clientIP?: string): Response {
    return this.proxy.request(url, clientIP);
  }

  start(target: string, rps: number, durationMs?: number): TrafficJob {
    const now = this.ctx.clock.now();
    const job: TrafficJob = {
      id: this.nextId++,
      target,
      rps,
      startedAt: now,
      endsAt: durationMs === undefined ? undefined : now + durationMs,
      nextAt: now,
      sent: 0,
      ok: 0,
      failed: 0,
      byPod: {},
      byVersion: {},
    };
    this.jobs.set(job.id, job);
    this.enqueue(`job/${job.id}`);
    return job;
  }

  stop(id: number): boolean {
    const job = this.jobs.get(id);
    if (!job) return false;
    job.endsAt = Math.min(job.endsAt ?? Infinity, this.ctx.clock.now());
    return true;
  }

  list(): TrafficJob[] {
    return [...this.jobs.values()].map((j) => ({ ...j, byPod: { ...j.byPod }, byVersion: { ...j.byVersion } }));
  }

  /** Requests made after virtual time `since` (at most the last 500). */
  requestsSince(since: number): RequestRecord[] {
    return this.recent.filter((r) => r.time > since);
  }

  protected sync(key: string): void {
    const job = this.jobs.get(Number(key.slice('job/'.length)));
    if (!job) return;
    const now = this.ctx.clock.now();
    const interval = 1000 / job.rps;
    while (job.nextAt <= now && (job.endsAt === undefined || job.nextAt < job.endsAt)) {
      this.send(job, job.nextAt);
      job.nextAt += interval;
    }
    if (job.endsAt === undefined || job.nextAt < job.endsAt) this.queue.add(key, job.nextAt);
  }

  private send(job: TrafficJob, time: number): void {
    const sender = job.fromPod ? this.ctx.api.get('Pod', job.fromPod.split('/')[0], job.fromPod.split('/')[1]) : undefined;
    const client = (sender?.status as { podIP?: string } | undefined)?.podIP ?? `203.0.113.${(job.sent % CLIENTS) + 1}`;
    const res = this.proxy.request(job.target, client, sender?.metadata.namespace);
    job.sent += 1;
    if (res.ok && res.pod) {
      job.ok += 1;
      const pod = `${res.pod.namespace}/${res.pod.name}`;
      job.byPod[pod] = (job.byPod[pod] ?? 0) + 1;
      job.byVersion[res.pod.image] = (job.byVersion[res.pod.image] ?? 0) + 1;
      this.countForRate(pod, time);
    } else {
      job.failed += 1;
      job.lastError = res.text;
    }
    this.recent.push({
      time,
      job: job.id,
      ok: res.ok,
      status: res.status,
      service: res.service,
      ingress: res.ingress,
      pod: res.pod ? `${res.pod.namespace}/${res.pod.name}` : undefined,
      version: res.pod?.image,
    });
    if (this.recent.length > RECENT) this.recent.splice(0, this.recent.length - RECENT);
  }

  private countForRate(pod: string, time: number): void {
    let counts = this.rates.get(pod);
    if (!counts) this.rates.set(pod, (counts = []));
    const second = Math.floor(time / 1000);
    const slot = second % RATE_SECONDS;
    // Each slot holds one second; a slot last used a minute ago starts again from zero.
    const stamp = counts[RATE_SECONDS + slot];
    if (stamp !== second) {
      counts[slot] = 0;
      counts[RATE_SECONDS + slot] = second;
    }
    counts[slot] += 1;
  }

  override save(): TrafficState {
    return {
      rates: [...this.rates].map(([k, v]) => [k, v.slice()]), queue: this.queue.save(), nextId: this.nextId, jobs: this.list(), recent: this.recent.slice(), affinity: [...this.affinity] };
  }

  override load(state: unknown): void {
    const s = state as TrafficState;
    this.queue.load(s.queue);
    this.rates = new Map(s.rates.map(([k, v]) => [k, v.slice()]));
    this.nextId = s.nextId;
    this.jobs = new Map(s.jobs.map((j) => [j.id, { ...j }]));
    this.recent = s.recent.slice();
    this.affinity.clear();
    for (const [k, v] of s.affinity) this.affinity.set(k, v);
  }
}
