import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../api/object';
import { at, endpointFixture, endpointSliceFixture, fixture, podFixture, serviceFixture } from '../fixtures';
import { runKubectl } from '..';

const kubernetes = serviceFixture('kubernetes', { clusterIP: '10.96.0.1', selector: undefined, ports: [{ name: 'https', port: 443, targetPort: 6443, protocol: 'TCP' }] });
const nodePort = serviceFixture('web', {
  type: 'NodePort',
  clusterIP: '10.96.12.34',
  externalTrafficPolicy: 'Cluster',
  ports: [
    { port: 80, targetPort: 8080, protocol: 'TCP', nodePort: 31234 },
    { name: 'dns', port: 53, targetPort: 53, protocol: 'UDP', nodePort: 30053 },
  ],
});
const pending = serviceFixture('shop', { type: 'LoadBalancer', clusterIP: '10.96.80.8', ports: [{ port: 443, targetPort: 8443, protocol: 'TCP', nodePort: 30443 }] });
const assigned = serviceFixture('api', { type: 'LoadBalancer', clusterIP: '10.96.3.4', selector: { app: 'api', tier: 'backend' }, ports: [{ port: 80, targetPort: 80, protocol: 'TCP', nodePort: 30080 }] }, { loadBalancer: { ingress: [{ ip: '172.18.255.200' }] } });
const hostname = serviceFixture('elb', { type: 'LoadBalancer', clusterIP: '10.96.3.5', ports: [{ port: 80, targetPort: 80, protocol: 'TCP', nodePort: 30081 }] }, { loadBalancer: { ingress: [{ hostname: 'a1b2c3.eu-west-1.elb.amazonaws.com' }] } });
const headless = serviceFixture('db', { clusterIP: 'None', selector: { app: 'db' }, ports: [{ port: 5432, targetPort: 5432, protocol: 'TCP' }] });
const external = serviceFixture('ext', { clusterIP: '10.96.9.9', externalIPs: ['203.0.113.7'] });
const lbExternal = serviceFixture('both', { type: 'LoadBalancer', clusterIP: '10.96.9.10', externalIPs: ['203.0.113.8'], ports: [{ port: 80, targetPort: 80, protocol: 'TCP', nodePort: 30082 }] }, { loadBalancer: { ingress: [{ ip: '172.18.255.201' }] } });
const endpoints = (name: string, subsets: unknown): KubeObject => ({ apiVersion: 'v1', kind: 'Endpoints', metadata: { name, namespace: 'default', creationTimestamp: at(0) }, subsets });
const legacy = [
  endpoints('kubernetes', [{ addresses: [{ ip: '192.168.49.2' }], ports: [{ name: 'https', port: 6443, protocol: 'TCP' }] }]),
  endpoints('web', [{ addresses: [1, 2, 3, 4].map((i) => ({ ip: `10.244.${i}.5` })), notReadyAddresses: [{ ip: '10.244.9.9' }], ports: [{ port: 8080, protocol: 'TCP' }, { name: 'dns', port: 53, protocol: 'UDP' }] }]),
  endpoints('two', [{ addresses: [{ ip: '10.244.1.7' }], ports: [{ port: 80, protocol: 'TCP' }] }, { addresses: [{ ip: '10.244.2.8' }], ports: [{ port: 81, protocol: 'TCP' }] }]),
  endpoints('db', [{ addresses: [{ ip: '10.244.1.3' }, { ip: '10.244.2.3' }] }]),
  endpoints('empty', undefined),
];
const slices = [
  endpointSliceFixture(
    'web-7xk2p',
    'web',
    [1, 2, 3, 4, 5].map((i) => endpointFixture(`10.244.${i}.5`, 'node-1', `p${i}`, i !== 2)),
    [
      { name: '', port: 8080, protocol: 'TCP' },
      { name: 'dns', port: 53, protocol: 'UDP' },
    ],
  ),
  endpointSliceFixture('kubernetes', 'kubernetes', [endpointFixture('192.168.49.2', 'control-plane', 'x')], [{ name: 'https', port: 6443, protocol: 'TCP' }]),
  { ...endpointSliceFixture('empty-4rt2x', 'empty', []), ports: undefined, endpoints: undefined } as KubeObject,
];

function kubectl(objects: KubeObject[], line: string) {
  return runKubectl(fixture(objects, 90).ctx, line);
}

const services = [kubernetes, nodePort, pending, assigned, hostname, headless, external, lbExternal];

describe('kubectl get services (printService, k8s-semantics §6.1)', () => {
  it('prints port[:nodePort]/protocol, <pending> for a LoadBalancer without ingress, and cuts EXTERNAL-IP at 16 characters', () => {
    expect(kubectl(services, 'get svc')).toEqual({ stdout: `NAME         TYPE           CLUSTER-IP    EXTERNAL-IP                  PORT(S)                     AGE
api          LoadBalancer   10.96.3.4     172.18.255.200               80:30080/TCP                90s
both         LoadBalancer   10.96.9.10    172.18.255.201,203.0.113.8   80:30082/TCP                90s
db           ClusterIP      None          <none>                       5432/TCP                    90s
elb          LoadBalancer   10.96.3.5     a1b2c3.eu-wes...             80:30081/TCP                90s
ext          ClusterIP      10.96.9.9     203.0.113.7                  80/TCP                      90s
kubernetes   ClusterIP      10.96.0.1     <none>                       443/TCP                     90s
shop         LoadBalancer   10.96.80.8    <pending>                    443:30443/TCP               90s
web          NodePort       10.96.12.34   <none>                       80:31234/TCP,53:30053/UDP   90s
`, stderr: '', exitCode: 0 });
  });

  it('adds SELECTOR and prints EXTERNAL-IP in full with -o wide', () => {
    expect(kubectl(services, 'get services -o wide').stdout).toBe(`NAME         TYPE           CLUSTER-IP    EXTERNAL-IP                          PORT(S)                     AGE   SELECTOR
api          LoadBalancer   10.96.3.4     172.18.255.200                       80:30080/TCP                90s   app=api,tier=backend
both         LoadBalancer   10.96.9.10    172.18.255.201,203.0.113.8           80:30082/TCP                90s   app=web
db           ClusterIP      None          <none>                               5432/TCP                    90s   app=db
elb          LoadBalancer   10.96.3.5     a1b2c3.eu-west-1.elb.amazonaws.com   80:30081/TCP                90s   app=web
ext          ClusterIP      10.96.9.9     203.0.113.7                          80/TCP                      90s   app=web
kubernetes   ClusterIP      10.96.0.1     <none>                               443/TCP                     90s   <none>
shop         LoadBalancer   10.96.80.8    <pending>                            443:30443/TCP               90s   app=web
web          NodePort       10.96.12.34   <none>                               80:31234/TCP,53:30053/UDP   90s   app=web
`);
  });

  it('says so when there are none', () => {
    expect(kubectl([], 'get svc')).toEqual({ stdout: '', stderr: 'No resources found in default namespace.\n', exitCode: 0 });
  });
});

describe('kubectl get endpoints (printEndpoints, k8s-semantics §6.2)', () => {
  it('lists ready ip:port pairs, each address once per port, three then "+ N more...", <none> without subsets', () => {
    expect(kubectl(legacy, 'get endpoints').stdout).toBe(`NAME         ENDPOINTS                                                     AGE
db           10.244.1.3,10.244.2.3                                         90s
empty        <none>                                                        90s
kubernetes   192.168.49.2:6443                                             90s
two          10.244.1.7:80,10.244.2.8:81                                   90s
web          10.244.1.5:8080,10.244.2.5:8080,10.244.3.5:8080 + 5 more...   90s
`);
  });
});

describe('kubectl get endpointslices (printEndpointSlice)', () => {
  it('lists ports and every address, ready or not, with <unset> for none', () => {
    expect(kubectl(slices, 'get endpointslices').stdout).toBe(`NAME          ADDRESSTYPE   PORTS     ENDPOINTS                                      AGE
empty-4rt2x   IPv4          <unset>   <unset>                                        90s
kubernetes    IPv4          6443      192.168.49.2                                   90s
web-7xk2p     IPv4          8080,53   10.244.1.5,10.244.2.5,10.244.3.5 + 2 more...   90s
`);
  });
});

describe('kubectl get all', () => {
  it('prints services after pods, and no Endpoints or EndpointSlices', () => {
    const objects = [podFixture('web-1', { status: { phase: 'Running' } }), kubernetes, ...legacy, ...slices];
    expect(kubectl(objects, 'get all').stdout).toBe(`NAME        READY   STATUS    RESTARTS   AGE
pod/web-1   0/1     Running   0          90s

NAME                 TYPE        CLUSTER-IP   EXTERNAL-IP   PORT(S)   AGE
service/kubernetes   ClusterIP   10.96.0.1    <none>        443/TCP   90s
`);
  });
});
