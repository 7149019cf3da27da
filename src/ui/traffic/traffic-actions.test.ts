import { describe, expect, it } from 'vitest';
import type { Service } from 'kubernetes-types/core/v1';
import type { Stream } from '../../state/traffic';
import { ingressTarget, sendLabel, serviceTarget, startCommand, stopCommand, stoppableStreams, stopLabel } from './traffic-actions';

function service(name: string, namespace: string, port: number): Service {
  return { metadata: { name, namespace }, spec: { selector: { app: name }, ports: [{ port }] } };
}

function stream(id: number, overrides: Partial<Stream>): Stream {
  return { id, target: '', rps: 10, startedAt: 0, sent: 0, ok: 0, failed: 0, byPod: {}, byVersion: {}, ...overrides };
}

describe('traffic actions', () => {
  it('sends to svc/NAME on port 80, in the Service’s namespace', () => {
    expect(startCommand(serviceTarget(service('web', 'default', 80)), 10)).toBe('sim traffic svc/web --rps 10 --duration 5m');
    expect(startCommand(serviceTarget(service('web', 'shop', 80)), 50)).toBe('sim traffic svc/web -n shop --rps 50 --duration 5m');
  });

  it('names the port when the Service has no port 80', () => {
    expect(startCommand(serviceTarget(service('api', 'shop', 8080)), 1)).toBe('sim traffic http://api.shop.svc.cluster.local:8080 --rps 1 --duration 5m');
  });

  it('stops the running streams sent straight to the Service, not those through an Ingress or from a pod', () => {
    const streams = [
      stream(1, { service: 'Service/default/web', endsAt: 5000 }),
      stream(2, { service: 'Service/default/web', endsAt: 500 }),
      stream(3, { service: 'Service/default/web', ingress: 'Ingress/default/shop' }),
      stream(4, { service: 'Service/default/web', fromPod: 'default/load' }),
      stream(5, { service: 'Service/default/api' }),
    ];
    expect(stoppableStreams(streams, 'Service/default/web', 1000).map((s) => s.id)).toEqual([1]);
    expect(stoppableStreams(streams, 'Ingress/default/shop', 1000).map((s) => s.id)).toEqual([3]);
    expect(stopCommand(1)).toBe('sim stop-traffic 1');
  });

  it('sends to an Ingress at its first host and path, and names the buttons after the host', () => {
    const shop = { metadata: { name: 'shop' }, spec: { rules: [{ host: 'shop.example.com', http: { paths: [{ path: '/api', pathType: 'Prefix', backend: {} }] } }] } };
    const target = ingressTarget('Ingress/default/shop', shop)!;
    expect(startCommand(target, 5)).toBe('sim traffic http://shop.example.com/api --rps 5 --duration 5m');
    expect(sendLabel(target.name)).toBe('Send traffic to shop.example.com/api');
  });

  it('names the buttons after what they send to', () => {
    expect(sendLabel('web')).toBe('Send traffic to web');
    expect(stopLabel('web')).toBe('Stop traffic to web');
  });
});
