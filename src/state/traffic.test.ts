import { describe, expect, it } from 'vitest';
import type { WireRequest, WireTrafficJob } from '../protocol/messages';
import {
  advanceTraffic,
  emptyTraffic,
  ingestTraffic,
  serviceOfTarget,
  splitText,
  streamsThrough,
  trafficFromSnapshot,
  versionSplit,
  WINDOW_MS,
} from './traffic';

function job(id: number, overrides: Partial<WireTrafficJob> = {}): WireTrafficJob {
  return { id, target: 'http://web.default.svc.cluster.local', rps: 10, startedAt: 0, sent: 0, ok: 0, failed: 0, byPod: {}, byVersion: {}, ...overrides };
}

function answered(time: number, pod: string, version = 'nginx:1.14.2', jobId = 1): WireRequest {
  return { time, job: jobId, ok: true, status: 200, service: 'default/web', pod: `default/${pod}`, version };
}

function refused(time: number, jobId = 1): WireRequest {
  return { time, job: jobId, ok: false, service: 'default/web' };
}

/** Ten requests a second for `seconds`, spread over the pods in turn, from virtual time `from`. */
function steady(from: number, seconds: number, pods: string[], version?: (i: number) => string): WireRequest[] {
  return Array.from({ length: seconds * 10 }, (_, i) => answered(from + (i + 1) * 100, pods[i % pods.length], version?.(i)));
}

describe('traffic state', () => {
  it('ties a stream to the Service its target names, or to the one its requests reach', () => {
    expect(serviceOfTarget('http://web.default.svc.cluster.local')).toBe('Service/default/web');
    expect(serviceOfTarget('web.shop.svc:8080/api')).toBe('Service/shop/web');
    expect(serviceOfTarget('http://shop.example.com/')).toBeUndefined();

    const viaIngress = job(2, { target: 'http://shop.example.com/' });
    const state = ingestTraffic(emptyTraffic(), { jobs: [viaIngress], requests: [{ ...answered(100, 'web-a', undefined, 2), ingress: 'default/shop' }] }, 100);
    expect(state.streams.get(2)).toMatchObject({ service: 'Service/default/web', ingress: 'Ingress/default/shop' });
    expect(streamsThrough(state.streams, 'Ingress/default/shop').map((s) => s.id)).toEqual([2]);
  });

  it('counts the requests of the last seconds per pod, per version and per Service, as rates per virtual second', () => {
    const requests = steady(0, 3, ['web-a', 'web-b']);
    const state = ingestTraffic(trafficFromSnapshot([job(1)], 0), { jobs: [job(1, { sent: 30, ok: 30 })], requests }, 3000);
    const web = state.services.get('Service/default/web')!;
    expect(web.rps).toBe(10);
    expect(web.failedRps).toBe(0);
    expect(web.byPod).toEqual({ 'Pod/default/web-a': 15, 'Pod/default/web-b': 15 });
    expect(web.byVersion).toEqual({ 'nginx:1.14.2': 30 });
    expect(state.podRates.get('Pod/default/web-a')).toBe(5);
  });

  it('shows a young stream’s rate at once instead of ramping up over the window', () => {
    const state = ingestTraffic(trafficFromSnapshot([job(1, { startedAt: 10_000 })], 10_000), { jobs: [], requests: steady(10_000, 1, ['web-a']) }, 11_000);
    expect(state.services.get('Service/default/web')?.rps).toBe(10);
  });

  it('lets old requests go as time moves on, down to nothing', () => {
    let state = ingestTraffic(emptyTraffic(), { jobs: [job(1)], requests: steady(0, 3, ['web-a']) }, 3000);
    state = advanceTraffic(state, 4500);
    expect(state.services.get('Service/default/web')?.byPod).toEqual({ 'Pod/default/web-a': 15 });
    state = advanceTraffic(state, 3000 + WINDOW_MS);
    expect(state.services.size).toBe(0);
    expect(state.podRates.size).toBe(0);
    expect(advanceTraffic(state, 3000 + WINDOW_MS)).toBe(state);
  });

  it('keeps a summary’s identity while its numbers stay the same, so its node does not redraw', () => {
    const first = ingestTraffic(emptyTraffic(), { jobs: [job(1)], requests: steady(0, 3, ['web-a']) }, 3000);
    const ingress = { ...answered(3050, 'web-a'), service: 'default/other' };
    const next = ingestTraffic(first, { jobs: [], requests: [ingress] }, 3050);
    expect(next.services.get('Service/default/other')).toBeDefined();
    // The window lost no request of web's and gained none, so web's summary is the same object.
    expect(next.services.get('Service/default/web')).toBe(first.services.get('Service/default/web'));
  });

  it('reports refused connections per Service, in the words curl uses', () => {
    const state = ingestTraffic(emptyTraffic(), { jobs: [job(1, { sent: 10, failed: 10 })], requests: Array.from({ length: 10 }, (_, i) => refused((i + 1) * 100)) }, 1000);
    expect(state.services.get('Service/default/web')).toMatchObject({ rps: 0, failedRps: 10, failure: 'connection refused' });
    const gateway = ingestTraffic(emptyTraffic(), { jobs: [job(2)], requests: [{ time: 10, job: 2, ok: false, status: 503, ingress: 'default/shop', service: 'default/web' }] }, 1000);
    expect(gateway.ingresses.get('Ingress/default/shop')?.failure).toBe('HTTP 503');
  });

  it('splits answers by image tag, the first version seen first, and keeps each version’s colour index', () => {
    const old = steady(0, 3, ['web-a'], (i) => (i % 4 === 0 ? 'nginx:1.16.1' : 'nginx:1.14.2'));
    const state = ingestTraffic(emptyTraffic(), { jobs: [job(1)], requests: old }, 3000);
    const split = versionSplit(state.services.get('Service/default/web')!.byVersion, state.versions);
    expect(splitText(split)).toBe('1.16.1 27% · 1.14.2 73%');
    expect(state.versions.get('nginx:1.16.1')).toBe(0);
    expect(state.versions.get('nginx:1.14.2')).toBe(1);
    expect(splitText(versionSplit({ 'nginx:latest': 1, 'httpd:latest': 3 }, new Map()))).toBe('httpd:latest 75% · nginx:latest 25%');
  });
});
