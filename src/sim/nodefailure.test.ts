import { describe, expect, it } from 'vitest';
import { SimCluster } from './cluster';
import type { Node, Pod } from './api/types';
import { readFileSync } from 'node:fs';

const NGINX = readFileSync(new URL('../../examples/nginx-deployment.yaml', import.meta.url), 'utf8');

function setup() {
  const c = new SimCluster({ nodes: 3, seed: 11 });
  c.apply(NGINX);
  c.advance(30_000);
  return c;
}

const podsOn = (c: SimCluster, node: string) => (c.list('Pod', 'default') as Pod[]).filter((p) => p.spec!.nodeName === node);
const readyOf = (n: Node) => n.status!.conditions!.find((x) => x.type === 'Ready')!;

describe('node failure (k8s-semantics §5.2, v1.32 timings)', () => {
  it('turns the node Unknown after the 50 s grace period, taints it and marks its pods not ready', () => {
    const c = setup();
    const victim = podsOn(c, 'node-1')[0].metadata!.name!;
    c.nodeDown('node-1');
    c.advance(45_000);
    expect(readyOf(c.get('Node', 'node-1') as Node).status).toBe('True');
    c.advance(15_000);
    const node = c.get('Node', 'node-1') as Node;
    expect(readyOf(node)).toMatchObject({ status: 'Unknown', reason: 'NodeStatusUnknown', message: 'Kubelet stopped posting node status.' });
    expect(node.spec!.taints!.map((t) => `${t.key}:${t.effect}`)).toEqual(['node.kubernetes.io/unreachable:NoSchedule', 'node.kubernetes.io/unreachable:NoExecute']);
    const pod = c.get('Pod', victim, 'default') as Pod;
    expect(pod.status!.conditions!.find((x) => x.type === 'Ready')!.status).toBe('False');
    expect(pod.metadata!.deletionTimestamp).toBeUndefined();
    expect(c.events().some((e) => e.reason === 'NodeNotReady' && e.message === 'Node node-1 status is now: NodeNotReady')).toBe(true);
  });

  it('evicts the pods after the 300 s default toleration; they stay Terminating and are replaced elsewhere', () => {
    const c = setup();
    const victims = podsOn(c, 'node-1').map((p) => p.metadata!.name!);
    expect(victims.length).toBeGreaterThan(0);
    c.nodeDown('node-1');
    c.advance(340_000);
    expect(podsOn(c, 'node-1').every((p) => !p.metadata!.deletionTimestamp)).toBe(true);
    c.advance(30_000);
    for (const name of victims) expect((c.get('Pod', name, 'default') as Pod).metadata!.deletionTimestamp).toBeDefined();
    c.advance(30_000);
    const running = (c.list('Pod', 'default') as Pod[]).filter((p) => !p.metadata!.deletionTimestamp && p.status!.phase === 'Running');
    expect(running).toHaveLength(3);
    expect(running.every((p) => p.spec!.nodeName !== 'node-1')).toBe(true);
    expect(c.events().some((e) => e.reason === 'TaintManagerEviction' && e.message === `Marking for deletion Pod default/${victims[0]}`)).toBe(true);

    c.nodeUp('node-1');
    c.advance(10_000);
    for (const name of victims) expect(c.get('Pod', name, 'default')).toBeUndefined();
    expect(readyOf(c.get('Node', 'node-1') as Node).status).toBe('True');
    expect((c.get('Node', 'node-1') as Node).spec!.taints).toBeUndefined();
  });
});

describe('image pull failures (§4.4)', () => {
  it('alternates ErrImagePull and ImagePullBackOff with a doubling back-off, phase Pending', () => {
    const c = new SimCluster({ nodes: 1, seed: 3 });
    c.apply('apiVersion: v1\nkind: Pod\nmetadata:\n  name: bad\nspec:\n  containers:\n  - name: web\n    image: nginx:1.161\n');
    const reason = () => (c.get('Pod', 'bad', 'default') as Pod).status!.containerStatuses?.[0].state?.waiting?.reason;
    c.advance(3_000);
    expect(reason()).toBe('ErrImagePull');
    expect((c.get('Pod', 'bad', 'default') as Pod).status!.phase).toBe('Pending');
    c.advance(1_500);
    expect(reason()).toBe('ImagePullBackOff');
    const failures = () => c.events().find((e) => e.message === 'Error: ErrImagePull')?.count ?? 0;
    expect(failures()).toBe(1);
    c.advance(10_000);
    expect(failures()).toBe(2);
    c.advance(15_000);
    expect(failures()).toBe(2);
    c.advance(10_000);
    expect(failures()).toBe(3);
    expect(c.events().find((e) => e.message.startsWith('Failed to pull image "nginx:1.161"'))!.message).toBe(
      'Failed to pull image "nginx:1.161": rpc error: code = NotFound desc = failed to pull and unpack image "docker.io/library/nginx:1.161": failed to resolve reference "docker.io/library/nginx:1.161": docker.io/library/nginx:1.161: not found',
    );
  });
});

describe('CrashLoopBackOff (§4.5)', () => {
  it('restarts at once, then after 10 s, 20 s, 40 s, counting restarts', () => {
    const c = new SimCluster({ nodes: 1, seed: 3 });
    c.apply("apiVersion: v1\nkind: Pod\nmetadata:\n  name: crash\nspec:\n  containers:\n  - name: app\n    image: busybox:1.36\n    command: ['sh', '-c', 'exit 1']\n");
    const status = () => (c.get('Pod', 'crash', 'default') as Pod).status!.containerStatuses![0];
    const restartTimes: number[] = [];
    let last = 0;
    for (let t = 0; t < 120_000; t += 250) {
      c.advance(250);
      const count = (c.get('Pod', 'crash', 'default') as Pod).status!.containerStatuses?.[0].restartCount ?? 0;
      if (count > last) {
        restartTimes.push(c.now());
        last = count;
      }
    }
    const gaps = restartTimes.slice(1).map((t, i) => t - restartTimes[i]);
    // The back-off counts from the exit, which comes right after each start.
    expect(gaps.slice(0, 3).map((g) => Math.round(g / 1000))).toEqual([10, 20, 40]);
    expect(status().state!.waiting?.reason ?? status().state!.terminated?.reason).toMatch(/CrashLoopBackOff|Error/);
    expect((c.get('Pod', 'crash', 'default') as Pod).status!.phase).toBe('Running');
  });
});

describe('adding and removing nodes', () => {
  it('schedules onto a new node and force-deletes the pods of a removed one after podgc quarantine', () => {
    const c = setup();
    c.addNode({ name: 'node-4', cpu: '8', memory: '16Gi' });
    expect((c.get('Node', 'node-4') as Node).spec!.podCIDR).toBe('10.244.4.0/24');
    const victims = podsOn(c, 'node-2').map((p) => p.metadata!.name!);
    expect(victims.length).toBeGreaterThan(0);
    expect(c.removeNode('node-2')).toBe(true);
    c.advance(35_000);
    for (const name of victims) expect(c.get('Pod', name, 'default')).toBeDefined();
    c.advance(10_000);
    for (const name of victims) expect(c.get('Pod', name, 'default')).toBeUndefined();
    c.advance(20_000);
    const running = (c.list('Pod', 'default') as Pod[]).filter((p) => p.status!.phase === 'Running');
    expect(running).toHaveLength(3);
    expect(running.some((p) => p.spec!.nodeName === 'node-2')).toBe(false);
  });

  it('restores a snapshot taken before a node was added', () => {
    const c = setup();
    const snap = c.snapshot();
    c.addNode({ name: 'node-4' });
    c.restore(snap);
    expect(c.list('Node').map((n) => n.metadata.name)).toEqual(['control-plane', 'node-1', 'node-2', 'node-3']);
    c.advance(60_000);
    expect(c.list('Node')).toHaveLength(4);
  });
});
