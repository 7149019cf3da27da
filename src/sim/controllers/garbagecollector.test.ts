import { describe, expect, it } from 'vitest';
import { SimCluster } from '../cluster';

const DEPLOYMENT = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
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

function running(): SimCluster {
  const c = new SimCluster({ nodes: 2, seed: 6 });
  c.apply(DEPLOYMENT);
  c.advance(30_000);
  return c;
}

const live = (c: SimCluster, kind: string) => c.list(kind, 'default').filter((o) => !o.metadata.deletionTimestamp);

describe('garbage collection cascade modes (kubectl delete --cascade)', () => {
  it('background (the default): the Deployment goes at once, its ReplicaSet and pods after it', () => {
    const c = running();
    c.kubectl('delete deployment web');
    expect(c.get('Deployment', 'web', 'default')).toBeUndefined();
    expect(c.list('ReplicaSet', 'default')).toHaveLength(0);
    c.advance(40_000);
    expect(c.list('Pod', 'default')).toHaveLength(0);
  });

  it('foreground: the Deployment stays with the foregroundDeletion finalizer until its dependents are gone', () => {
    const c = running();
    expect(c.kubectl('delete deployment web --cascade=foreground').stdout).toBe('deployment.apps "web" deleted\n');
    const held = c.get('Deployment', 'web', 'default');
    expect(held?.metadata.deletionTimestamp).toBeDefined();
    expect(held?.metadata.finalizers).toEqual(['foregroundDeletion']);
    // The ReplicaSet is itself deleted in the foreground: it waits for its pods' grace period.
    const rs = c.list('ReplicaSet', 'default');
    expect(rs).toHaveLength(1);
    expect(rs[0].metadata.finalizers).toEqual(['foregroundDeletion']);
    expect(c.list('Pod', 'default').every((p) => p.metadata.deletionTimestamp)).toBe(true);
    c.advance(40_000);
    expect(c.list('Pod', 'default')).toHaveLength(0);
    expect(c.list('ReplicaSet', 'default')).toHaveLength(0);
    expect(c.get('Deployment', 'web', 'default')).toBeUndefined();
  });

  it('orphan: the Deployment goes, its ReplicaSet and pods stay without an owner', () => {
    const c = running();
    c.kubectl('delete deployment web --cascade=orphan');
    c.advance(40_000);
    expect(c.get('Deployment', 'web', 'default')).toBeUndefined();
    const rs = live(c, 'ReplicaSet');
    expect(rs).toHaveLength(1);
    expect(rs[0].metadata.ownerReferences).toBeUndefined();
    const pods = live(c, 'Pod');
    expect(pods).toHaveLength(2);
    // The pods keep their ReplicaSet, which keeps them running.
    expect(pods.every((p) => p.metadata.ownerReferences?.[0].name === rs[0].metadata.name)).toBe(true);
  });
});
