import { describe, expect, it } from 'vitest';
import { SimCluster } from '../cluster';
import type { Namespace } from '../api/types';

const deployment = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  namespace: shop
spec:
  replicas: 2
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

function shop(): SimCluster {
  const c = new SimCluster({ nodes: 2, seed: 11 });
  c.kubectl('create namespace shop');
  c.apply(deployment);
  c.apply('apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\n  namespace: shop\n');
  c.advance(30_000);
  return c;
}

const condition = (ns: Namespace, type: string) => ns.status?.conditions?.find((c) => c.type === type);

describe('namespace deletion (namespace controller)', () => {
  it('gives a new namespace the kubernetes finalizer', () => {
    const c = shop();
    expect((c.get('Namespace', 'shop') as Namespace).spec).toEqual({ finalizers: ['kubernetes'] });
  });

  it('refuses to delete the system namespaces', () => {
    const c = new SimCluster({ nodes: 1, seed: 1 });
    for (const ns of ['default', 'kube-system', 'kube-public']) {
      expect(c.kubectl(`delete namespace ${ns}`).stderr).toBe(`Error from server (Forbidden): namespaces "${ns}" is forbidden: this namespace may not be deleted\n`);
    }
    expect(c.get('Namespace', 'default')).toBeDefined();
  });

  it('stays Terminating until its pods are gone, then is removed with everything in it', () => {
    const c = shop();
    expect(c.list('Pod', 'shop')).toHaveLength(2);
    expect(c.kubectl('delete namespace shop').stdout).toBe('namespace "shop" deleted\n');
    const ns = c.get('Namespace', 'shop') as Namespace;
    expect(ns.status?.phase).toBe('Terminating');
    expect(c.kubectl('get ns shop').stdout).toMatch(/^NAME\s+STATUS\s+AGE\nshop\s+Terminating\s+30s\n$/);
    // Deployments, ReplicaSets and ConfigMaps go at once; the pods are in their grace period.
    expect(c.list('Deployment', 'shop')).toHaveLength(0);
    expect(c.list('ConfigMap', 'shop')).toHaveLength(0);
    expect(condition(ns, 'NamespaceContentRemaining')).toMatchObject({ status: 'True', reason: 'SomeResourcesRemain', message: 'Some resources are remaining: pods. has 2 resource instances' });
    expect(condition(ns, 'NamespaceDeletionDiscoveryFailure')).toMatchObject({ status: 'False', reason: 'ResourcesDiscovered', message: 'All resources successfully discovered' });
    expect(condition(ns, 'NamespaceDeletionContentFailure')).toMatchObject({ status: 'False', reason: 'ContentDeleted' });
    expect(condition(ns, 'NamespaceFinalizersRemaining')).toMatchObject({ status: 'False', reason: 'ContentRemoved' });

    expect(c.kubectl('create configmap late -n shop').stderr).toBe(
      'error: failed to create configmap: configmaps "late" is forbidden: unable to create new content in namespace shop because it is being terminated\n',
    );
    expect(c.kubectl('delete namespace shop').stderr).toBe(
      'Error from server (Conflict): Operation cannot be fulfilled on namespaces "shop": The system is ensuring all content is removed from this namespace.  Upon completion, this namespace will automatically be purged by the system.\n',
    );

    c.advance(40_000);
    expect(c.get('Namespace', 'shop')).toBeUndefined();
    expect(c.list('Pod', 'shop')).toHaveLength(0);
    expect(c.kubectl('get ns shop').stderr).toBe('Error from server (NotFound): namespaces "shop" not found\n');
  });

  it('counts finalizers that hold remaining objects', () => {
    const c = shop();
    c.apply('apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: held\n  namespace: shop\n  finalizers: [example.com/keep]\n');
    c.kubectl('delete namespace shop');
    c.advance(40_000);
    const ns = c.get('Namespace', 'shop') as Namespace;
    expect(condition(ns, 'NamespaceContentRemaining')?.message).toBe('Some resources are remaining: configmaps. has 1 resource instances');
    expect(condition(ns, 'NamespaceFinalizersRemaining')).toMatchObject({ status: 'True', reason: 'SomeFinalizerRemain', message: 'Some finalizers are remaining: example.com/keep in 1 resource instances' });
    c.apply('apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: held\n  namespace: shop\n  finalizers: []\n');
    c.advance(1_000);
    expect(c.get('Namespace', 'shop')).toBeUndefined();
  });
});

describe('system namespaces', () => {
  it('kube-node-lease may be deleted, and comes back; the kubelets renew their leases in it again', () => {
    const c = new SimCluster({ nodes: 1, seed: 1 });
    const uid = c.get('Namespace', 'kube-node-lease')!.metadata.uid;
    expect(c.kubectl('delete namespace kube-node-lease').stdout).toBe('namespace "kube-node-lease" deleted\n');
    const again = c.get('Namespace', 'kube-node-lease') as Namespace;
    expect(again.metadata!.uid).not.toBe(uid);
    expect(again.status?.phase).toBe('Active');
    c.advance(20_000);
    expect(c.list('Lease', 'kube-node-lease').map((l) => l.metadata.name)).toEqual(['control-plane', 'node-1']);
    expect(c.kubectl('get nodes').stdout).toMatch(/node-1\s+Ready/);
  });
});
