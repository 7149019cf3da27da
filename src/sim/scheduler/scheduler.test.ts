import { describe, expect, it } from 'vitest';
import { SimCluster } from '../cluster';
import type { Pod } from '../api/types';

const pod = (name: string, extra: string) => `apiVersion: v1\nkind: Pod\nmetadata:\n  name: ${name}\nspec:\n  containers:\n  - name: app\n    image: nginx:1.27\n${extra}`;

describe('scheduler on the default cluster (k8s-semantics §3)', () => {
  it('gives the exact FailedScheduling message for a pod bigger than any worker', () => {
    const c = new SimCluster({ nodes: 3, seed: 1 });
    c.apply(pod('big', '    resources:\n      requests:\n        cpu: "5"\n'));
    c.advance(5_000);
    const message =
      '0/4 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 3 Insufficient cpu. preemption: 0/4 nodes are available: 1 Preemption is not helpful for scheduling, 3 No preemption victims found for incoming pod..';
    const p = c.get('Pod', 'big', 'default') as Pod;
    expect(p.status!.phase).toBe('Pending');
    expect(p.status!.conditions).toEqual([expect.objectContaining({ type: 'PodScheduled', status: 'False', reason: 'Unschedulable', message })]);
    const event = c.events().find((e) => e.reason === 'FailedScheduling')!;
    expect(event).toMatchObject({ type: 'Warning', message, source: 'default-scheduler' });
  });

  it('retries an unschedulable pod when a node changes', () => {
    const c = new SimCluster({ nodes: [{ name: 'small', cpu: '1' }], seed: 1 });
    c.apply(pod('waits', '    resources:\n      requests:\n        cpu: "2"\n'));
    c.advance(5_000);
    expect((c.get('Pod', 'waits', 'default') as Pod).spec!.nodeName).toBeUndefined();
    const node = c.get('Node', 'small')!;
    (node.status as { allocatable: Record<string, string> }).allocatable.cpu = '4';
    (c as unknown as { api: { updateStatus(o: unknown, a: string): void } }).api.updateStatus(node, 'kubelet/small');
    c.advance(3_000);
    expect((c.get('Pod', 'waits', 'default') as Pod).spec!.nodeName).toBe('small');
  });

  it('honours nodeSelector with the affinity/selector reason', () => {
    const c = new SimCluster({ nodes: 2, seed: 1 });
    c.apply(pod('picky', '  nodeSelector:\n    disk: ssd\n'));
    c.advance(3_000);
    expect((c.get('Pod', 'picky', 'default') as Pod).status!.conditions![0].message).toBe(
      "0/3 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 2 node(s) didn't match Pod's node affinity/selector. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling..",
    );
  });

  it('places pods with requests on the least allocated node', () => {
    const c = new SimCluster({ nodes: 3, seed: 2 });
    const req = '    resources:\n      requests:\n        cpu: "1"\n        memory: 1Gi\n';
    for (const name of ['a', 'b', 'c']) c.apply(pod(name, req));
    c.advance(3_000);
    const nodes = ['a', 'b', 'c'].map((n) => (c.get('Pod', n, 'default') as Pod).spec!.nodeName);
    expect(new Set(nodes).size).toBe(3);
  });
});
