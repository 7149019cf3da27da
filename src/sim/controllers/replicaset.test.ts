import { describe, expect, it } from 'vitest';
import { SimCluster } from '../cluster';
import type { Pod, ReplicaSet } from '../api/types';

const RS = (replicas: number) => `apiVersion: apps/v1
kind: ReplicaSet
metadata:
  name: frontend
spec:
  replicas: ${replicas}
  selector:
    matchLabels:
      tier: frontend
  template:
    metadata:
      labels:
        tier: frontend
    spec:
      containers:
      - name: php-redis
        image: nginx:1.27
`;

const pods = (c: SimCluster) => (c.list('Pod', 'default') as Pod[]).filter((p) => !p.metadata!.deletionTimestamp);
const owner = (p: Pod) => p.metadata!.ownerReferences?.find((r) => r.controller)?.name;

describe('ReplicaSet controller (k8s-semantics §2)', () => {
  it('adopts a bare pod whose labels match, and deletes the surplus pod', () => {
    const c = new SimCluster({ nodes: 3, seed: 8 });
    c.apply(RS(3));
    c.advance(20_000);
    c.apply('apiVersion: v1\nkind: Pod\nmetadata:\n  name: pod1\n  labels:\n    tier: frontend\nspec:\n  containers:\n  - name: c\n    image: nginx:1.27\n');
    // Adopted (an ownerReference patched in), then, being unscheduled, ranked first for deletion (§2.3
    // rule 1) and deleted at once (an unscheduled pod has no grace period).
    const writes = c.audit().filter((a) => a.name === 'pod1').map((a) => `${a.actor} ${a.verb}`);
    expect(writes).toEqual(['kubectl create', 'replicaset-controller patch', 'replicaset-controller delete']);
    expect(c.get('Pod', 'pod1', 'default')).toBeUndefined();
    expect(pods(c)).toHaveLength(3);
    expect(c.events().some((e) => e.reason === 'SuccessfulDelete' && e.message === 'Deleted pod: pod1')).toBe(true);
  });

  it('releases a relabelled pod and creates a replacement', () => {
    const c = new SimCluster({ nodes: 3, seed: 8 });
    c.apply(RS(2));
    c.advance(20_000);
    const name = pods(c)[0].metadata!.name!;
    expect(c.kubectl(`label pod ${name} tier=debug --overwrite`).stdout).toBe(`pod/${name} labeled\n`);
    const released = c.get('Pod', name, 'default') as Pod;
    expect(released.metadata!.ownerReferences).toBeUndefined();
    expect(pods(c).filter((p) => owner(p) === 'frontend')).toHaveLength(2);
    expect(pods(c)).toHaveLength(3);
  });

  it('scales down Pending pods before Running ones, then the node with most replicas', () => {
    const c = new SimCluster({ nodes: 2, seed: 8 });
    c.apply(RS(4));
    c.advance(20_000);
    c.apply(RS(6));
    const pending = pods(c).filter((p) => !p.spec!.nodeName).map((p) => p.metadata!.name);
    expect(pending).toHaveLength(2);
    c.apply(RS(4));
    const left = pods(c).map((p) => p.metadata!.name);
    for (const p of pending) expect(left).not.toContain(p);
  });

  it('does not count Terminating pods, so a deleted pod is replaced at once', () => {
    const c = new SimCluster({ nodes: 3, seed: 8 });
    c.apply(RS(3));
    c.advance(20_000);
    const victim = pods(c)[0].metadata!.name!;
    c.kubectl(`delete pod ${victim}`);
    const rs = c.get('ReplicaSet', 'frontend', 'default') as ReplicaSet;
    expect(rs.status!.replicas).toBe(3);
    expect((c.list('Pod', 'default') as Pod[]).length).toBe(4);
  });

  it('creates pods in slow-start batches of 1, 2, 4… (all succeed here)', () => {
    const c = new SimCluster({ nodes: 3, seed: 8 });
    c.apply(RS(7));
    expect(c.events().filter((e) => e.reason === 'SuccessfulCreate' && e.involvedObject.namespace === 'default')).toHaveLength(7);
  });
});
