import { describe, expect, it } from 'vitest';
import type { RequestRecord, TrafficJob } from '../sim/contract';
import { createTrafficFeed, type TrafficSource } from './traffic-feed';

function job(id: number, overrides: Partial<TrafficJob> = {}): TrafficJob {
  return { id, target: 'http://web.default.svc.cluster.local', rps: 10, startedAt: 0, nextAt: 0, sent: 0, ok: 0, failed: 0, byPod: {}, byVersion: {}, ...overrides };
}

/** A stream generator by hand: the test adds requests and the counts follow. */
class FakeTraffic implements TrafficSource {
  time = 0;
  jobs: TrafficJob[] = [];
  records: RequestRecord[] = [];

  now(): number {
    return this.time;
  }

  trafficJobs(): TrafficJob[] {
    return this.jobs.map((j) => ({ ...j, byPod: { ...j.byPod }, byVersion: { ...j.byVersion } }));
  }

  requestsSince(since: number): RequestRecord[] {
    return this.records.filter((r) => r.time > since);
  }

  answer(jobId: number, time: number, pod?: string): void {
    const j = this.jobs.find((x) => x.id === jobId)!;
    j.sent++;
    if (pod) {
      j.ok++;
      j.byPod[pod] = (j.byPod[pod] ?? 0) + 1;
    } else {
      j.failed++;
      j.lastError = 'curl: (7) Failed to connect';
    }
    this.records.push({ time, job: jobId, ok: !!pod, service: 'default/web', pod, status: pod ? 200 : undefined });
  }
}

describe('traffic feed', () => {
  it('reports nothing when no stream sent anything', () => {
    const source = new FakeTraffic();
    source.jobs.push(job(1, { sent: 5, ok: 5 }));
    const feed = createTrafficFeed();
    expect(feed.reset(source).map((j) => j.sent)).toEqual([5]);
    expect(feed.take(source)).toBeUndefined();
    source.time = 5000;
    expect(feed.take(source)).toBeUndefined();
  });

  it('sends each new request once with the streams whose counts changed, without the generator’s bookkeeping', () => {
    const source = new FakeTraffic();
    source.jobs.push(job(1), job(2));
    const feed = createTrafficFeed();
    feed.reset(source);
    source.answer(1, 100, 'default/web-a');
    source.answer(1, 200, 'default/web-b');
    const first = feed.take(source)!;
    expect(first.requests.map((r) => [r.time, r.pod])).toEqual([
      [100, 'default/web-a'],
      [200, 'default/web-b'],
    ]);
    expect(first.jobs.map((j) => j.id)).toEqual([1]);
    expect(first.jobs[0]).not.toHaveProperty('nextAt');
    expect(first.jobs[0].byPod).toEqual({ 'default/web-a': 1, 'default/web-b': 1 });

    source.answer(2, 300);
    const second = feed.take(source)!;
    expect(second.requests).toEqual([{ time: 300, job: 2, ok: false, service: 'default/web' }]);
    expect(second.jobs.map((j) => [j.id, j.failed, j.lastError])).toEqual([[2, 1, 'curl: (7) Failed to connect']]);
  });

  it('does not lose a request made at the instant of the last one already sent', () => {
    const source = new FakeTraffic();
    source.jobs.push(job(1), job(2));
    const feed = createTrafficFeed();
    feed.reset(source);
    source.answer(1, 500, 'default/web-a');
    expect(feed.take(source)!.requests).toHaveLength(1);
    // A second stream starts while the clock is paused at 500 and sends at once.
    source.answer(2, 500, 'default/web-b');
    expect(feed.take(source)!.requests.map((r) => r.job)).toEqual([2]);
    expect(feed.take(source)).toBeUndefined();
  });

  it('does not replay the requests made before the UI connected', () => {
    const source = new FakeTraffic();
    source.jobs.push(job(1));
    source.answer(1, 100, 'default/web-a');
    source.time = 100;
    const feed = createTrafficFeed();
    feed.reset(source);
    source.answer(1, 200, 'default/web-b');
    expect(feed.take(source)!.requests.map((r) => r.time)).toEqual([200]);
  });
});
