import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../api/object';
import type { EndpointSlice } from '../../api/types';
import { endpointFixture, endpointSliceFixture, fixture, serviceFixture } from '../fixtures';
import { formatEndpointSlices } from './service';
import { runKubectl } from '..';

/*
 * The expected texts are what kubectl v1.32.5 printed for the same objects, served by a stub API
 * server: `kubectl describe` lays them out on the client.
 */

const web = serviceFixture('web', {
  type: 'NodePort',
  externalTrafficPolicy: 'Cluster',
  ports: [
    { port: 80, targetPort: 8080, protocol: 'TCP', nodePort: 31234 },
    { name: 'metrics', port: 9090, targetPort: 'metrics', protocol: 'TCP', nodePort: 31235 },
  ],
});
web.metadata.labels = { app: 'web' };

const webSlice = endpointSliceFixture(
  'web-abcde',
  'web',
  [
    endpointFixture('10.244.1.2', 'node-1', 'web-0'),
    endpointFixture('10.244.2.3', 'node-2', 'web-1'),
    endpointFixture('10.244.1.9', 'node-1', 'web-2', false),
    endpointFixture('10.244.3.4', 'node-3', 'web-3'),
    endpointFixture('10.244.3.5', 'node-3', 'web-4'),
  ],
  [
    { name: '', port: 8080, protocol: 'TCP' },
    { name: 'metrics', port: 9091, protocol: 'TCP' },
  ],
);

/** A LoadBalancer whose selector (a typo) matches no pod: its slice has neither ports nor endpoints. */
const empty = serviceFixture(
  'empty',
  { type: 'LoadBalancer', selector: { app: 'wbe' }, clusterIP: '10.96.0.20', externalTrafficPolicy: 'Cluster', allocateLoadBalancerNodePorts: true, ports: [{ port: 80, targetPort: 80, protocol: 'TCP', nodePort: 30080 }] },
  { loadBalancer: { ingress: [{ ip: '172.18.255.1', ipMode: 'VIP' }] } },
);
const emptySlice: KubeObject = { ...endpointSliceFixture('empty-xyz12', 'empty', []), ports: undefined, endpoints: undefined };
emptySlice.metadata = { ...emptySlice.metadata, labels: { 'kubernetes.io/service-name': 'empty' } };

/** Headless, with no selector and so no slices. */
const headless = serviceFixture('noslice', {
  clusterIP: 'None',
  selector: undefined,
  ipFamilies: undefined,
  ipFamilyPolicy: undefined,
  sessionAffinity: 'ClientIP',
  sessionAffinityConfig: { clientIP: { timeoutSeconds: 10800 } },
});

const legacy: KubeObject = {
  apiVersion: 'v1',
  kind: 'Endpoints',
  metadata: { name: 'web', namespace: 'default', labels: { app: 'web' } },
  subsets: [
    {
      addresses: [
        { ip: '10.244.1.2', nodeName: 'node-1', targetRef: { kind: 'Pod', name: 'web-1', namespace: 'default', uid: 'p1' } },
        { ip: '10.244.2.3', nodeName: 'node-2' },
      ],
      notReadyAddresses: [{ ip: '10.244.1.9', nodeName: 'node-1' }],
      ports: [
        { port: 8080, protocol: 'TCP' },
        { name: 'metrics', port: 9091, protocol: 'TCP' },
      ],
    },
  ],
};

function kubectl(line: string): string {
  const f = fixture([web, webSlice, empty, emptySlice, headless, legacy], 60);
  const result = runKubectl(f.ctx, line);
  expect(result.stderr).toBe('');
  return result.stdout;
}

describe('kubectl describe service', () => {
  it('lists each port with its target, node port and ready endpoints, three then "+ N more..."', () => {
    expect(kubectl('describe svc web')).toBe(`Name:                     web
Namespace:                default
Labels:                   app=web
Annotations:              <none>
Selector:                 app=web
Type:                     NodePort
IP Family Policy:         SingleStack
IP Families:              IPv4
IP:                       10.96.12.34
IPs:                      10.96.12.34
Port:                     <unset>  80/TCP
TargetPort:               8080/TCP
NodePort:                 <unset>  31234/TCP
Endpoints:                10.244.1.2:8080,10.244.2.3:8080,10.244.3.4:8080 + 1 more...
Port:                     metrics  9090/TCP
TargetPort:               metrics/TCP
NodePort:                 metrics  31235/TCP
Endpoints:                10.244.1.2:9091,10.244.2.3:9091,10.244.3.4:9091 + 1 more...
Session Affinity:         None
External Traffic Policy:  Cluster
Internal Traffic Policy:  Cluster
Events:                   <none>
`);
  });

  it('leaves Endpoints empty when the slices hold no ready endpoint, and shows the load balancer ingress', () => {
    expect(kubectl('describe service empty')).toBe(`Name:                     empty
Namespace:                default
Labels:                   <none>
Annotations:              <none>
Selector:                 app=wbe
Type:                     LoadBalancer
IP Family Policy:         SingleStack
IP Families:              IPv4
IP:                       10.96.0.20
IPs:                      10.96.0.20
LoadBalancer Ingress:     172.18.255.1 (VIP)
Port:                     <unset>  80/TCP
TargetPort:               80/TCP
NodePort:                 <unset>  30080/TCP
Endpoints:                
Session Affinity:         None
External Traffic Policy:  Cluster
Internal Traffic Policy:  Cluster
Events:                   <none>
`);
  });

  it('prints <none> for a Service without slices, and IP None for a headless one', () => {
    expect(kubectl('describe services/noslice')).toBe(`Name:                     noslice
Namespace:                default
Labels:                   <none>
Annotations:              <none>
Selector:                 <none>
Type:                     ClusterIP
IP Families:              <none>
IP:                       None
IPs:                      None
Port:                     <unset>  80/TCP
TargetPort:               80/TCP
Endpoints:                <none>
Session Affinity:         ClientIP
Internal Traffic Policy:  Cluster
Events:                   <none>
`);
  });
});

describe('kubectl describe endpoints', () => {
  it('lists ready and not-ready addresses and the ports of each subset', () => {
    expect(kubectl('describe ep web')).toBe(`Name:         web
Namespace:    default
Labels:       app=web
Annotations:  <none>
Subsets:
  Addresses:          10.244.1.2,10.244.2.3
  NotReadyAddresses:  10.244.1.9
  Ports:
    Name     Port  Protocol
    ----     ----  --------
    <unset>  8080  TCP
    metrics  9091  TCP

Events:  <none>
`);
  });
});

describe('kubectl describe endpointslice', () => {
  it('lists the ports, then each endpoint with its conditions, target and node', () => {
    expect(kubectl('describe endpointslice web-abcde')).toBe(`Name:         web-abcde
Namespace:    default
Labels:       endpointslice.kubernetes.io/managed-by=endpointslice-controller.k8s.io
              kubernetes.io/service-name=web
Annotations:  <none>
AddressType:  IPv4
Ports:
  Name     Port  Protocol
  ----     ----  --------
  <unset>  8080  TCP
  metrics  9091  TCP
Endpoints:
  - Addresses:  10.244.1.2
    Conditions:
      Ready:    true
    Hostname:   <unset>
    TargetRef:  Pod/web-0
    NodeName:   node-1
    Zone:       <unset>
  - Addresses:  10.244.2.3
    Conditions:
      Ready:    true
    Hostname:   <unset>
    TargetRef:  Pod/web-1
    NodeName:   node-2
    Zone:       <unset>
  - Addresses:  10.244.1.9
    Conditions:
      Ready:    false
    Hostname:   <unset>
    TargetRef:  Pod/web-2
    NodeName:   node-1
    Zone:       <unset>
  - Addresses:  10.244.3.4
    Conditions:
      Ready:    true
    Hostname:   <unset>
    TargetRef:  Pod/web-3
    NodeName:   node-3
    Zone:       <unset>
  - Addresses:  10.244.3.5
    Conditions:
      Ready:    true
    Hostname:   <unset>
    TargetRef:  Pod/web-4
    NodeName:   node-3
    Zone:       <unset>
Events:         <none>
`);
  });

  it('says <unset> and <none> for a slice without ports or endpoints', () => {
    expect(kubectl('describe endpointslices.discovery.k8s.io empty-xyz12')).toBe(`Name:         empty-xyz12
Namespace:    default
Labels:       kubernetes.io/service-name=empty
Annotations:  <none>
AddressType:  IPv4
Ports: <unset>
Endpoints: <none>
Events:  <none>
`);
  });
});

describe('formatEndpointSlices', () => {
  it('says "+ 0 more..." when three ready endpoints are followed by a not-ready one, as kubectl v1.32 does', () => {
    const slice = endpointSliceFixture('four-1', 'four', [
      endpointFixture('10.0.0.1', 'node-1', 'a'),
      endpointFixture('10.0.0.2', 'node-1', 'b'),
      endpointFixture('10.0.0.3', 'node-1', 'c'),
      endpointFixture('10.0.0.4', 'node-1', 'd', false),
    ]) as EndpointSlice;
    expect(formatEndpointSlices([slice], '')).toBe('10.0.0.1:80,10.0.0.2:80,10.0.0.3:80 + 0 more...');
  });
});
