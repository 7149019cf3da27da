/**
 * A traffic generator outside the cluster's workloads: clients that send requests at a steady rate
 * through kube-proxy, so a student sees which pods and versions a Service spreads them over.
 */
import type { WatchEvent } from '../api/store';
import { Controller, type ControllerContext } from '../controllers/controller';
import { Proxy, type AffinityTable, type Response } from './proxy';

/** How many distinct client IPs a generator uses (ClientIP affinity pins each one). */
const CLIENTS = 8;
/** Requests kept for the UI's dots and counters. */
const RECENT = 500;

export interface TrafficJob {
  id: number;
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
  private readonly proxy: Proxy;

  constructor(ctx: ControllerContext) {
    super('traffic-generator', ctx);
    this.proxy = new Proxy(ctx.api, ctx.rng, this.affinity, () => ctx.clock.now());
  }

  onEvent(_event: WatchEvent): void {}

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
    const client = `203.0.113.${(job.sent % CLIENTS) + 1}`;
    const res = this.proxy.request(job.target, client);
    job.sent += 1;
    if (res.ok && res.pod) {
      job.ok += 1;
      const pod = `${res.pod.namespace}/${res.pod.name}`;
      job.byPod[pod] = (job.byPod[pod] ?? 0) + 1;
      job.byVersion[res.pod.image] = (job.byVersion[res.pod.image] ?? 0) + 1;
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

  override save(): TrafficState {
    return { queue: this.queue.save(), nextId: this.nextId, jobs: this.list(), recent: this.recent.slice(), affinity: [...this.affinity] };
  }

  override load(state: unknown): void {
    const s = state as TrafficState;
    this.queue.load(s.queue);
    this.nextId = s.nextId;
    this.jobs = new Map(s.jobs.map((j) => [j.id, { ...j }]));
    this.recent = s.recent.slice();
    this.affinity.clear();
    for (const [k, v] of s.affinity) this.affinity.set(k, v);
  }
}
