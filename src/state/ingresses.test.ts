import { describe, expect, it } from 'vitest';
import type { Ingress } from 'kubernetes-types/networking/v1';
import type { WireObject } from '../protocol/messages';
import { ingressAddress, ingressClass, ingressHosts, ingressRoutes, ingressUrl } from './ingresses';

const shop: Ingress = {
  metadata: { name: 'shop', namespace: 'default' },
  spec: {
    tls: [{ hosts: ['secure.example.com'] }],
    rules: [
      {
        host: 'shop.example.com',
        http: {
          paths: [
            { path: '/', pathType: 'Prefix', backend: { service: { name: 'web', port: { number: 80 } } } },
            { path: '/api', pathType: 'Exact', backend: { service: { name: 'api', port: { name: 'http' } } } },
          ],
        },
      },
      { http: { paths: [{ path: '/static', pathType: 'ImplementationSpecific', backend: { resource: { kind: 'StorageBucket', name: 'assets' } } }] } },
    ],
    defaultBackend: { service: { name: 'fallback', port: { number: 8080 } } },
  },
  status: { loadBalancer: { ingress: [{ ip: '172.18.255.100' }] } },
};

describe('ingresses', () => {
  it('lists each rule path with its backend, then the default backend', () => {
    expect(ingressRoutes(shop).map((r) => [r.route, r.pathType, r.service, r.backend])).toEqual([
      ['shop.example.com/', 'Prefix', 'web', 'web:80'],
      ['shop.example.com/api', 'Exact', 'api', 'api:http'],
      ['*/static', 'ImplementationSpecific', undefined, 'StorageBucket/assets'],
      ['default backend', undefined, 'fallback', 'fallback:8080'],
    ]);
  });

  it('reads hosts, address and the URL a client would use', () => {
    expect(ingressHosts(shop)).toEqual(['shop.example.com', '*']);
    expect(ingressAddress(shop)).toBe('172.18.255.100');
    expect(ingressAddress({ ...shop, status: {} })).toBeUndefined();
    expect(ingressUrl(shop)).toBe('http://shop.example.com/');
    const secure: Ingress = { ...shop, spec: { ...shop.spec, rules: [{ host: 'secure.example.com', http: shop.spec?.rules?.[0].http }] } };
    expect(ingressUrl(secure)).toBe('https://secure.example.com/');
    const anyHost: Ingress = { ...shop, spec: { rules: [{ http: shop.spec?.rules?.[0].http }] } };
    expect(ingressUrl(anyHost)).toBe('http://172.18.255.100/');
  });

  it('names the default IngressClass for an Ingress that names none', () => {
    const nginx: WireObject = { apiVersion: 'networking.k8s.io/v1', kind: 'IngressClass', metadata: { name: 'nginx', annotations: { 'ingressclass.kubernetes.io/is-default-class': 'true' } } };
    expect(ingressClass(shop, [nginx])).toEqual({ name: 'nginx', defaulted: true });
    expect(ingressClass({ ...shop, spec: { ...shop.spec, ingressClassName: 'traefik' } }, [nginx])).toEqual({ name: 'traefik', defaulted: false });
    expect(ingressClass(shop, [])).toEqual({ defaulted: false });
  });
});
