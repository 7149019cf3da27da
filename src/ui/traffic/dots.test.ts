import { describe, expect, it } from 'vitest';
import { pickForFrame, planRequest, samplePath, tripStops } from './dots';
import { FAILURE_COLOUR, versionColour } from './version-colour';

describe('request dots', () => {
  it('draws an answered request from its Service to the pod, in its version’s colour', () => {
    const versions = new Map([['nginx:1.14.2', 0], ['nginx:1.16.1', 1]]);
    const plan = planRequest({ time: 1, job: 1, ok: true, status: 200, service: 'default/web', pod: 'default/web-a', version: 'nginx:1.16.1' }, versions);
    expect(plan).toEqual({ edges: ['Service/default/web->Pod/default/web-a'], colour: versionColour(1) });
  });

  it('runs a request through an Ingress along its edge to the Service first', () => {
    const plan = planRequest({ time: 1, job: 1, ok: true, ingress: 'default/shop', service: 'default/web', pod: 'default/web-a', version: 'nginx:1.14.2' }, new Map());
    expect(plan.edges).toEqual(['Ingress/default/shop->Service/default/web', 'Service/default/web->Pod/default/web-a']);
  });

  it('bursts a refused request in red at the Service, and a 404 at the Ingress', () => {
    expect(planRequest({ time: 1, job: 1, ok: false, service: 'default/web' }, new Map())).toEqual({
      edges: [],
      colour: FAILURE_COLOUR,
      burst: { objectKey: 'Service/default/web', side: 'left' },
    });
    expect(planRequest({ time: 1, job: 1, ok: false, status: 503, ingress: 'default/shop', service: 'default/web' }, new Map()).edges).toEqual([
      'Ingress/default/shop->Service/default/web',
    ]);
    expect(planRequest({ time: 1, job: 1, ok: false, status: 404, ingress: 'default/shop' }, new Map()).burst).toEqual({ objectKey: 'Ingress/default/shop', side: 'right' });
  });

  it('starts at most a fixed number of dots per batch, spread over the batch', () => {
    const batch = Array.from({ length: 100 }, (_, i) => i);
    const picked = pickForFrame(batch, 10);
    expect(picked).toEqual([0, 10, 20, 30, 40, 50, 60, 70, 80, 90]);
    expect(pickForFrame([1, 2], 10)).toEqual([1, 2]);
  });

  it('samples a path end to end and times the keyframes by distance', () => {
    const points = samplePath(100, (d) => [d, 0], 4);
    expect(points).toEqual([[0, 0], [25, 0], [50, 0], [75, 0], [100, 0]]);
    expect(tripStops([[[0, 0], [10, 0], [40, 0]]]).map((s) => s.offset)).toEqual([0, 0.25, 1]);
    expect(tripStops([[[5, 5], [5, 5]]]).map((s) => s.offset)).toEqual([0, 1]);
  });

  it('jumps from one edge to the next instead of sliding across the Service between them', () => {
    const stops = tripStops([
      [[300, 0], [400, 0]],
      [[100, 0], [0, 0]],
    ]);
    expect(stops).toEqual([
      { x: 300, y: 0, offset: 0 },
      { x: 400, y: 0, offset: 0.5 },
      { x: 100, y: 0, offset: 0.5 },
      { x: 0, y: 0, offset: 1 },
    ]);
  });
});
