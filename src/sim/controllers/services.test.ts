import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SimCluster } from '../cluster';
import type { EndpointSlice, Endpoints, Service } from '../api/types';

const NGINX = readFileSync(new URL('../../../examples/nginx-deployment.yaml', import.meta.url), 'utf8');
const service = (extra = '', selector = 'nginx') => `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
${extra}  selector:
    app: ${selector}
  ports:
  - port: 80
    targetPort: 80
`;

function running(svc = service()) {
  const c = new SimCluster({ nodes: 3, seed: 12 });
  c.apply(NGINX);
  c.apply(svc);
  c.advance(30_000);
  return c;
}
const slices = (c: SimCluster) => (c.list('EndpointSlice', 'default') as EndpointSlice[]).filter((s) => s.metadata!.labels?.['kubernetes.io/service-name'] === 'web');

describe('Services (k8s-semantics §6.1)', () => {
  it('gives kubernetes.default the first address and a ClusterIP from 10.96.0.0/12 to the rest', () => {
    const c = running();
    expect((c.get('Service', 'kubernetes', 'default') as Service).spec!.clusterIP).toBe('10.96.0.1');
    const svc = c.get('Service', 'web', 'default') as Service;
    expect(svc.spec!.clusterIP).toMatch(/^10\.(9[6-9]|10\d|111)\.\d+\.\d+$/);
    expect(svc.spec).toMatchObject({ type: 'ClusterIP', sessionAffinity: 'None', internalTrafficPolicy: 'Cluster', ipFamilies: ['IPv4'], ipFamilyPolicy: 'SingleStack' });
    expect(svc.spec!.ports![0]).toMatchObject({ protocol: 'TCP', targetPort: 80 });
  });

  it('allocates node ports in 30000–32767 and refuses out-of-range or taken ones with the apiserver messages', () => {
    const c = running(service('  type: NodePort\n'));
    const port = (c.get('Service', 'web', 'default') as Service).spec!.ports![0].nodePort!;
    expect(port).toBeGreaterThanOrEqual(30000);
    expect(port).toBeLessThanOrEqual(32767);
    const np = (name: string, nodePort: number) =>
      `apiVersion: v1\nkind: Service\nmetadata:\n  name: ${name}\nspec:\n  type: NodePort\n  selector:\n    app: x\n  ports:\n  - port: 80\n    nodePort: ${nodePort}\n`;
    expect(c.apply(np('low', 80))[0].error!.message).toBe(
      'The Service "low" is invalid: spec.ports[0].nodePort: Invalid value: 80: provided port is not in the valid range. The range of valid ports is 30000-32767',
    );
    expect(c.apply(np('dup', port))[0].error!.message).toBe(`The Service "dup" is invalid: spec.ports[0].nodePort: Invalid value: ${port}: provided port is already allocated`);
  });

  it('keeps a LoadBalancer pending until the simulated cloud gives it an address', () => {
    const c = new SimCluster({ nodes: 1, seed: 3 });
    c.apply(service('  type: LoadBalancer\n'));
    expect((c.get('Service', 'web', 'default') as Service).status!.loadBalancer).toEqual({});
    c.advance(5_000);
    expect((c.get('Service', 'web', 'default') as Service).status!.loadBalancer!.ingress).toEqual([{ ip: '172.18.255.200', ipMode: 'VIP' }]);
    expect(c.events().filter((e) => e.involvedObject.name === 'web').map((e) => e.reason)).toEqual(['EnsuringLoadBalancer', 'EnsuredLoadBalancer']);
  });

  it('refuses a Service without ports and a name that is not a DNS-1035 label', () => {
    const c = new SimCluster({ nodes: 1, seed: 3 });
    expect(c.apply('apiVersion: v1\nkind: Service\nmetadata:\n  name: 1web\nspec:\n  selector:\n    app: x\n')[0].error!.message).toBe(
      `The Service "1web" is invalid: \n* metadata.name: Invalid value: "1web": a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')\n* spec.ports: Required value`,
    );
  });
});

describe('EndpointSlices and Endpoints (§6.2)', () => {
  it('lists the ready pods of the selector as endpoints', () => {
    const c = running();
    const [slice] = slices(c);
    expect(slice.metadata!.name).toMatch(/^web-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
    expect(slice.metadata!.labels).toEqual({ 'kubernetes.io/service-name': 'web', 'endpointslice.kubernetes.io/managed-by': 'endpointslice-controller.k8s.io' });
    expect(slice.ports).toEqual([{ name: '', port: 80, protocol: 'TCP' }]);
    expect(slice.endpoints).toHaveLength(3);
    for (const e of slice.endpoints!) expect(e.conditions).toEqual({ ready: true, serving: true, terminating: false });
    const ep = c.get('Endpoints', 'web', 'default') as Endpoints;
    expect(ep.subsets![0].addresses).toHaveLength(3);
    expect(ep.subsets![0].ports).toEqual([{ port: 80, protocol: 'TCP' }]);
  });

  it('flags a terminating pod and drops it from Endpoints', () => {
    const c = running();
    const victim = slices(c)[0].endpoints![0].targetRef!.name!;
    c.kubectl(`delete pod ${victim}`);
    const endpoint = slices(c)[0].endpoints!.find((e) => e.targetRef!.name === victim)!;
    expect(endpoint.conditions).toEqual({ ready: false, serving: true, terminating: true });
    const ep = c.get('Endpoints', 'web', 'default') as Endpoints;
    expect(ep.subsets![0].addresses!.map((a) => a.targetRef!.name)).not.toContain(victim);
  });

  it('moves a pod that fails readiness to notReadyAddresses', () => {
    const c = new SimCluster({ nodes: 1, seed: 3 });
    c.apply(`apiVersion: v1
kind: Pod
metadata:
  name: p
  labels:
    app: nginx
  annotations:
    kubesim.io/unready-after: 20s
spec:
  containers:
  - name: web
    image: nginx:1.27
    readinessProbe:
      httpGet:
        port: 80
      periodSeconds: 5
      failureThreshold: 1
`);
    c.apply(service());
    c.advance(15_000);
    expect((c.get('Endpoints', 'web', 'default') as Endpoints).subsets![0].addresses).toHaveLength(1);
    c.advance(15_000);
    const subset = (c.get('Endpoints', 'web', 'default') as Endpoints).subsets![0];
    expect(subset.addresses).toBeUndefined();
    expect(subset.notReadyAddresses!.map((a) => a.targetRef!.name)).toEqual(['p']);
    expect(slices(c)[0].endpoints![0].conditions).toEqual({ ready: false, serving: false, terminating: false });
  });

  it('has an empty slice and no addresses when the selector matches nothing', () => {
    const c = running(service('', 'wbe'));
    expect(slices(c)).toHaveLength(1);
    expect(slices(c)[0].endpoints).toBeUndefined();
    expect((c.get('Endpoints', 'web', 'default') as Endpoints).subsets).toBeUndefined();
  });

  it('resolves a named targetPort on each pod', () => {
    const c = new SimCluster({ nodes: 1, seed: 3 });
    c.apply(NGINX.replace('        - containerPort: 80', '        - containerPort: 80\n          name: http'));
    c.apply(service().replace('targetPort: 80', 'targetPort: http'));
    c.advance(20_000);
    expect(slices(c)[0].ports).toEqual([{ name: '', port: 80, protocol: 'TCP' }]);
  });

  it('deletes the slices and Endpoints with their Service', () => {
    const c = running();
    c.kubectl('delete service web');
    c.advance(1_000);
    expect(slices(c)).toHaveLength(0);
    expect(c.get('Endpoints', 'web', 'default')).toBeUndefined();
  });
});
