import { describe, expect, it } from 'vitest';
import type { Service } from 'kubernetes-types/core/v1';
import type { WireObject } from '../protocol/messages';
import { externalAddress, portMapping, portText, selectorText, serviceDnsName, serviceEndpoints, sliceEndpoints, sliceServiceKey } from './services';

function slice(name: string, service: string | undefined, endpoints: unknown[], namespace = 'default'): WireObject {
  return {
    apiVersion: 'discovery.k8s.io/v1',
    kind: 'EndpointSlice',
    metadata: { name, namespace, labels: service ? { 'kubernetes.io/service-name': service } : {} },
    addressType: 'IPv4',
    endpoints,
  };
}

const endpoint = (ip: string, pod: string | undefined, conditions: Record<string, boolean> = { ready: true, serving: true, terminating: false }) => ({
  addresses: [ip],
  conditions,
  nodeName: 'node-1',
  ...(pod ? { targetRef: { kind: 'Pod', name: pod, namespace: 'default', uid: `uid-${pod}` } } : {}),
});

function service(spec: Service['spec'], status: Service['status'] = {}): Service {
  return { apiVersion: 'v1', kind: 'Service', metadata: { name: 'web', namespace: 'shop' }, spec, status };
}

describe('EndpointSlice readers', () => {
  it('finds the Service a slice belongs to by its kubernetes.io/service-name label', () => {
    expect(sliceServiceKey(slice('web-abcde', 'web', []))).toBe('Service/default/web');
    expect(sliceServiceKey(slice('stray', undefined, []))).toBeUndefined();
  });

  it('reads each endpoint: address, readiness, terminating, node and pod; a missing ready counts as ready', () => {
    const endpoints = sliceEndpoints(
      slice('web-abcde', 'web', [
        endpoint('10.244.1.2', 'web-1'),
        endpoint('10.244.2.3', 'web-2', { ready: false, serving: true, terminating: true }),
        endpoint('192.168.49.2', undefined, {}),
      ]),
    );
    expect(endpoints).toEqual([
      { ip: '10.244.1.2', ready: true, terminating: false, nodeName: 'node-1', podKey: 'Pod/default/web-1', podName: 'web-1' },
      { ip: '10.244.2.3', ready: false, terminating: true, nodeName: 'node-1', podKey: 'Pod/default/web-2', podName: 'web-2' },
      { ip: '192.168.49.2', ready: true, terminating: false, nodeName: 'node-1', podKey: undefined, podName: undefined },
    ]);
  });

  it('gathers a Service endpoints from all its slices and no other', () => {
    const slices = new Map(
      [slice('web-1', 'web', [endpoint('10.0.0.1', 'a')]), slice('web-2', 'web', [endpoint('10.0.0.2', 'b')]), slice('api-1', 'api', [endpoint('10.0.0.3', 'c')])].map(
        (s) => [s.metadata.name ?? '', s] as const,
      ),
    );
    expect(serviceEndpoints(slices, 'Service/default/web').map((e) => e.ip)).toEqual(['10.0.0.1', '10.0.0.2']);
    expect(serviceEndpoints(undefined, 'Service/default/web')).toEqual([]);
  });
});

describe('Service readers (k8s-semantics §6.1)', () => {
  it('writes ports as kubectl does, and the forwarding to the target port', () => {
    expect(portText({ port: 80, protocol: 'TCP' })).toBe('80/TCP');
    expect(portText({ port: 80, nodePort: 31234, protocol: 'TCP' })).toBe('80:31234/TCP');
    expect(portMapping({ port: 80, targetPort: 8080, protocol: 'TCP' })).toBe('80 → 8080/TCP');
    expect(portMapping({ port: 80, targetPort: 80, protocol: 'UDP' })).toBe('80/UDP');
    expect(portMapping({ port: 80, targetPort: 'http' })).toBe('80 → http/TCP');
  });

  it('names the Service in cluster DNS', () => {
    expect(serviceDnsName(service({}))).toBe('web.shop.svc.cluster.local');
  });

  it('shows <pending> for a LoadBalancer until it has an ingress address, and external IPs for the others', () => {
    expect(externalAddress(service({ type: 'LoadBalancer' }))).toBe('<pending>');
    expect(externalAddress(service({ type: 'LoadBalancer' }, { loadBalancer: { ingress: [{ ip: '172.18.255.1' }] } }))).toBe('172.18.255.1');
    expect(externalAddress(service({ type: 'ClusterIP' }))).toBeUndefined();
    expect(externalAddress(service({ type: 'NodePort', externalIPs: ['203.0.113.7'] }))).toBe('203.0.113.7');
  });

  it('writes the selector, or nothing for a Service without one', () => {
    expect(selectorText(service({ selector: { app: 'web', tier: 'front' } }))).toBe('app=web,tier=front');
    expect(selectorText(service({}))).toBeUndefined();
  });
});
