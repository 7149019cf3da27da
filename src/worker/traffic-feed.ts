/**
 * What the UI needs of the cluster's traffic, per tick: the requests made since the last tick and
 * the streams whose counts changed. At steady state with no traffic it has nothing to send, so the
 * host sends nothing either.
 */
import type { Cluster, RequestRecord, TrafficJob } from '../sim/contract';
import type { WireRequest, WireTrafficDelta, WireTrafficJob } from '../protocol/messages';

/** The part of the cluster the feed reads. */
export type TrafficSource = Pick<Cluster, 'now' | 'trafficJobs' | 'requestsSince'>;

export interface TrafficFeed {
  /** Every stream as it is now; the next `take` reports only what changes after this. */
  reset(cluster: TrafficSource): WireTrafficJob[];
  /** The traffic since the last call, or undefined when there was none. */
  take(cluster: TrafficSource): WireTrafficDelta | undefined;
}

/** The stream as it crosses the wire: without the generator's own bookkeeping (`nextAt`). */
export function wireJob(job: TrafficJob): WireTrafficJob {
  const wire: WireTrafficJob = {
    id: job.id,
    target: job.target,
    rps: job.rps,
    startedAt: job.startedAt,
    sent: job.sent,
    ok: job.ok,
    failed: job.failed,
    byPod: job.byPod,
    byVersion: job.byVersion,
  };
  if (job.endsAt !== undefined) wire.endsAt = job.endsAt;
  if (job.lastError !== undefined) wire.lastError = job.lastError;
  if (job.fromPod !== undefined) wire.fromPod = job.fromPod;
  return wire;
}

function wireRequest(record: RequestRecord): WireRequest {
  const wire: WireRequest = { time: record.time, job: record.job, ok: record.ok };
  if (record.status !== undefined) wire.status = record.status;
  if (record.service !== undefined) wire.service = record.service;
  if (record.ingress !== undefined) wire.ingress = record.ingress;
  if (record.pod !== undefined) wire.pod = record.pod;
  if (record.version !== undefined) wire.version = record.version;
  return wire;
}

/** Every request changes its stream's counts, so unchanged counts mean no new requests. */
function signature(job: TrafficJob): string {
  return `${job.sent}|${job.failed}|${job.rps}|${job.endsAt ?? ''}|${job.lastError ?? ''}`;
}

/** A stream sends at most one request per virtual instant, so stream and time name a request. */
const requestKey = (r: RequestRecord) => `${r.job}@${r.time}`;

/**
 * Requests can share an instant (two streams, or a command that sends while the clock is paused),
 * so each take re-reads the last millisecond already sent and skips the requests it holds.
 */
const OVERLAP_MS = 1;

export function createTrafficFeed(): TrafficFeed {
  const signatures = new Map<number, string>();
  let watermark = 0;
  let seen = new Set<string>();

  return {
    reset(cluster) {
      const jobs = cluster.trafficJobs();
      signatures.clear();
      for (const job of jobs) signatures.set(job.id, signature(job));
      watermark = cluster.now();
      seen = new Set(cluster.requestsSince(watermark - OVERLAP_MS).map(requestKey));
      return jobs.map(wireJob);
    },

    take(cluster) {
      const changed: WireTrafficJob[] = [];
      for (const job of cluster.trafficJobs()) {
        const next = signature(job);
        if (signatures.get(job.id) === next) continue;
        signatures.set(job.id, next);
        changed.push(wireJob(job));
      }
      if (changed.length === 0) return undefined;

      const records = cluster.requestsSince(watermark - OVERLAP_MS);
      const requests: WireRequest[] = [];
      for (const record of records) {
        if (!seen.has(requestKey(record))) requests.push(wireRequest(record));
        watermark = Math.max(watermark, record.time);
      }
      seen = new Set(records.filter((r) => r.time > watermark - OVERLAP_MS).map(requestKey));
      return { requests, jobs: changed };
    },
  };
}
