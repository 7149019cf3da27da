import { describe, expect, it } from 'vitest';
import { SimCluster } from '../../cluster';
import type { Deployment, ReplicaSet, ResourceQuota } from '../types';

const quota = (name: string, hard: Record<string, string>) =>
  `apiVersion: v1\nkind: ResourceQuota\nmetadata:\n  name: ${name}\nspec:\n  hard:\n${Object.entries(hard).map(([k, v]) => `    ${k}: "${v}"`).join('\n')}\n`;

const pod = (name: string, resources = '') => `apiVersion: v1
kind: Pod
metadata:
  name: ${name}
spec:
  containers:
  - name: nginx
    image: nginx:1.27
${resources}`;

const cpuPod = (name: string, cpu: string) => pod(name, `    resources:\n      requests:\n        cpu: ${cpu}\n        memory: 64Mi\n      limits:\n        cpu: ${cpu}\n        memory: 64Mi\n`);

const deployment = (replicas: number) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: ${replicas}
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
      - name: nginx
        image: nginx:1.27
`;

const used = (c: SimCluster, name: string) => (c.get('ResourceQuota', name, 'default') as ResourceQuota).status?.used;

describe('ResourceQuota admission (k8s-semantics §11.2)', () => {
  it('mirrors spec.hard into status and counts usage', () => {
    const c = new SimCluster({ nodes: 2, seed: 5 });
    c.apply(pod('a'));
    c.apply(quota('q', { pods: '2', 'requests.cpu': '2' }));
    const q = c.get('ResourceQuota', 'q', 'default') as ResourceQuota;
    expect(q.status).toEqual({ hard: { pods: '2', 'requests.cpu': '2' }, used: { pods: '1', 'requests.cpu': '0' } });
  });

  it('rejects pods without the requests a cpu/memory quota needs (must specify)', () => {
    const c = new SimCluster({ nodes: 1, seed: 5 });
    c.apply(quota('compute', { 'limits.cpu': '2', 'limits.memory': '2Gi' }));
    expect(c.kubectl('apply -f -', pod('nginx')).stderr).toBe(
      'Error from server (Forbidden): error when creating "STDIN": pods "nginx" is forbidden: failed quota: compute: must specify limits.cpu for: nginx; limits.memory for: nginx\n',
    );
  });

  it('lets LimitRange defaults satisfy the quota, since LimitRanger runs first', () => {
    const c = new SimCluster({ nodes: 1, seed: 5 });
    c.apply(quota('compute', { 'requests.cpu': '1' }));
    c.apply('apiVersion: v1\nkind: LimitRange\nmetadata:\n  name: d\nspec:\n  limits:\n  - type: Container\n    defaultRequest:\n      cpu: 250m\n');
    expect(c.apply(pod('p'))[0].error).toBeUndefined();
    expect(used(c, 'compute')).toEqual({ 'requests.cpu': '250m' });
  });

  it('refuses what would exceed the quota, with canonical quantities', () => {
    const c = new SimCluster({ nodes: 2, seed: 5 });
    c.apply(quota('compute-quota', { 'requests.cpu': '2' }));
    for (const name of ['a', 'b', 'c']) expect(c.apply(cpuPod(name, '500m'))[0].error).toBeUndefined();
    expect(c.apply(cpuPod('d', '0.6'))[0].error?.message).toBe(
      'Error from server (Forbidden): error when creating "STDIN": pods "d" is forbidden: exceeded quota: compute-quota, requested: requests.cpu=600m, used: requests.cpu=1500m, limited: requests.cpu=2',
    );
  });

  it('gives a ReplicaSet exactly the pods the quota allows, then FailedCreate and ReplicaFailure', () => {
    const c = new SimCluster({ nodes: 2, seed: 5 });
    c.apply(quota('q', { pods: '2' }));
    c.apply(deployment(3));
    c.advance(30_000);
    const pods = c.list('Pod', 'default');
    expect(pods).toHaveLength(2);
    expect(used(c, 'q')).toEqual({ pods: '2' });
    const rs = c.list('ReplicaSet', 'default')[0] as ReplicaSet;
    const prefix = `${rs.metadata!.name}-`;
    const message = `pods "${prefix}" is forbidden: exceeded quota: q, requested: pods=1, used: pods=2, limited: pods=2`;
    const failed = c.events().filter((e) => e.reason === 'FailedCreate');
    expect(failed.length).toBeGreaterThan(0);
    expect(failed[0]).toMatchObject({ type: 'Warning', message: `Error creating: ${message}`, involvedObject: { kind: 'ReplicaSet', name: rs.metadata!.name } });
    const d = c.get('Deployment', 'web', 'default') as Deployment;
    expect(d.status?.conditions?.find((x) => x.type === 'ReplicaFailure')).toMatchObject({ status: 'True', reason: 'FailedCreate', message });
    expect(c.kubectl('get deploy web').stdout).toContain('web    2/3');
  });

  it('lets a blocked ReplicaSet catch up when the quota is raised: it retries with back-off', () => {
    const c = new SimCluster({ nodes: 2, seed: 5 });
    c.apply(quota('q', { pods: '2' }));
    c.apply(deployment(3));
    c.advance(60_000);
    expect(c.list('Pod', 'default')).toHaveLength(2);
    c.apply(quota('q', { pods: '3' }));
    // No pod of the ReplicaSet changes: only its own retry can notice the room.
    c.advance(120_000);
    expect(c.list('Pod', 'default')).toHaveLength(3);
    expect(c.kubectl('get deploy web').stdout).toContain('web    3/3');
  });

  it('releases usage when a pod goes: charged through its grace period, free once it is gone', () => {
    const c = new SimCluster({ nodes: 1, seed: 5 });
    c.apply(quota('q', { pods: '1' }));
    c.apply(pod('a'));
    c.advance(20_000);
    expect(c.apply(pod('b'))[0].error?.message).toContain('exceeded quota: q, requested: pods=1, used: pods=1, limited: pods=1');
    c.kubectl('delete pod a');
    // Terminating but inside its grace period: still charged (QuotaV1Pod).
    expect(c.apply(pod('b'))[0].error?.message).toContain('exceeded quota: q');
    c.advance(40_000);
    expect(c.get('Pod', 'a', 'default')).toBeUndefined();
    expect(used(c, 'q')).toEqual({ pods: '0' });
    expect(c.apply(pod('b'))[0].error).toBeUndefined();
    expect(used(c, 'q')).toEqual({ pods: '1' });
  });

  it('stops charging a pod that finished', () => {
    const c = new SimCluster({ nodes: 1, seed: 5 });
    c.apply(quota('q', { pods: '1', 'count/pods': '5' }));
    c.apply(pod('job').replace('    image: nginx:1.27', '    image: busybox:1.36\n    command: ["true"]').replace('spec:\n', 'spec:\n  restartPolicy: Never\n'));
    expect(used(c, 'q')).toEqual({ 'count/pods': '1', pods: '1' });
    c.advance(60_000);
    expect(c.get('Pod', 'job', 'default')?.status).toMatchObject({ phase: 'Succeeded' });
    expect(used(c, 'q')).toEqual({ 'count/pods': '1', pods: '0' });
  });

  it('counts objects: deployments, configmaps, services, claims and requested storage', () => {
    const c = new SimCluster({ nodes: 1, seed: 5 });
    c.apply(quota('objects', { 'count/deployments.apps': '1', configmaps: '1', services: '2', persistentvolumeclaims: '1', 'requests.storage': '1Gi' }));
    c.apply(deployment(0));
    expect(c.apply(deployment(0).replace('name: web', 'name: api'))[0].error?.message).toContain(
      'deployments.apps "api" is forbidden: exceeded quota: objects, requested: count/deployments.apps=1, used: count/deployments.apps=1, limited: count/deployments.apps=1',
    );
    c.apply('apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: one\n');
    expect(c.apply('apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: two\n')[0].error?.message).toContain(
      'configmaps "two" is forbidden: exceeded quota: objects, requested: configmaps=1, used: configmaps=1, limited: configmaps=1',
    );
    // The kubernetes Service of the default namespace already counts.
    expect(c.apply('apiVersion: v1\nkind: Service\nmetadata:\n  name: s1\nspec:\n  ports:\n  - port: 80\n')[0].error).toBeUndefined();
    expect(c.apply('apiVersion: v1\nkind: Service\nmetadata:\n  name: s2\nspec:\n  ports:\n  - port: 80\n')[0].error?.message).toContain(
      'exceeded quota: objects, requested: services=1, used: services=2, limited: services=2',
    );
    const claim = (name: string, size: string) =>
      `apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata:\n  name: ${name}\nspec:\n  accessModes: [ReadWriteOnce]\n  resources:\n    requests:\n      storage: ${size}\n`;
    expect(c.apply(claim('big', '2Gi'))[0].error?.message).toContain(
      'persistentvolumeclaims "big" is forbidden: exceeded quota: objects, requested: requests.storage=2Gi, used: requests.storage=0, limited: requests.storage=1Gi',
    );
    expect(c.apply(claim('small', '512Mi'))[0].error).toBeUndefined();
    expect(used(c, 'objects')).toEqual({ configmaps: '1', 'count/deployments.apps': '1', persistentvolumeclaims: '1', 'requests.storage': '512Mi', services: '2' });
  });

  it('stops charging a pod stuck Terminating on a lost node once its grace period is over', () => {
    const c = new SimCluster({ nodes: 1, seed: 5 });
    c.apply(quota('q', { pods: '1' }));
    c.apply(pod('a'));
    c.advance(20_000);
    c.kubectl('sim node-down node-1');
    c.kubectl('delete pod a --wait=false');
    c.advance(10_000);
    expect(used(c, 'q')).toEqual({ pods: '1' });
    c.advance(5 * 60_000);
    expect(c.get('Pod', 'a', 'default')?.metadata.deletionTimestamp).toBeDefined();
    expect(used(c, 'q')).toEqual({ pods: '0' });
  });
});

describe('ResourceQuota validation', () => {
  it('refuses a negative hard limit', () => {
    const c = new SimCluster({ nodes: 1, seed: 5 });
    expect(c.kubectl('apply -f -', quota('q', { pods: '-1' })).stderr).toBe('The ResourceQuota "q" is invalid: spec.hard[pods]: Invalid value: "-1": must be greater than or equal to 0\n');
  });
});
