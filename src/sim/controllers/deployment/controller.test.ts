import { describe, expect, it } from 'vitest';
import { SimCluster } from '../../cluster';
import type { Deployment, Pod, ReplicaSet } from '../../api/types';

function manifest(opts: { replicas?: number; image?: string; strategy?: string; extra?: string; command?: string } = {}): string {
  return `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: ${opts.replicas ?? 3}
${opts.strategy ?? ''}${opts.extra ?? ''}  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
      - name: web
        image: ${opts.image ?? 'nginx:1.26'}
${opts.command ?? ''}`;
}

const CRASH = "        command: ['sh', '-c', 'exit 1']\n";

function replicaSets(c: SimCluster): ReplicaSet[] {
  return (c.list('ReplicaSet', 'default') as ReplicaSet[]).sort((a, b) => Number(a.metadata!.annotations!['deployment.kubernetes.io/revision']) - Number(b.metadata!.annotations!['deployment.kubernetes.io/revision']));
}
const sizes = (c: SimCluster) => replicaSets(c).map((rs) => rs.spec!.replicas);
const deployment = (c: SimCluster) => c.get('Deployment', 'web', 'default') as Deployment;
const activePods = (c: SimCluster) => (c.list('Pod', 'default') as Pod[]).filter((p) => !p.metadata!.deletionTimestamp);

function settled(replicas = 3, opts: Parameters<typeof manifest>[0] = {}) {
  const c = new SimCluster({ nodes: 3, seed: 21 });
  c.apply(manifest({ replicas, ...opts }));
  c.advance(30_000);
  return c;
}

/** Every distinct (old/new) ReplicaSet size pair, write by write, over `ms` of virtual time. */
function trace(c: SimCluster, ms: number): string[] {
  const seen = [sizes(c).join('/')];
  const stop = c.watch((e) => {
    if (e.object.kind !== 'ReplicaSet') return;
    const s = sizes(c).join('/');
    if (seen[seen.length - 1] !== s) seen.push(s);
  });
  c.advance(ms);
  stop();
  return seen;
}

describe('RollingUpdate (k8s-semantics §1.6)', () => {
  it('rolls 3 replicas one at a time with maxSurge 1 and maxUnavailable 0 (§1.6.4)', () => {
    const c = settled(3);
    const steps = trace(c, 0);
    c.apply(manifest({ image: 'nginx:1.27' }));
    steps.push(...trace(c, 60_000));
    expect(steps).toEqual(['3', '3/1', '2/1', '2/2', '1/2', '1/3', '0/3']);
    const events = c.events().filter((e) => e.reason === 'ScalingReplicaSet').map((e) => e.message.replace(/web-\w+/, 'RS'));
    expect(events).toContain('Scaled up replica set RS to 1');
    expect(events).toContain('Scaled down replica set RS to 2 from 3');
    const d = deployment(c);
    expect(d.metadata!.annotations!['deployment.kubernetes.io/revision']).toBe('2');
    expect(d.status).toMatchObject({ replicas: 3, updatedReplicas: 3, availableReplicas: 3 });
  });

  it('never runs more than replicas + surge pods, nor fewer available than replicas - unavailable', () => {
    const c = settled(10);
    c.apply(manifest({ replicas: 10, image: 'nginx:1.27' }));
    for (let t = 0; t < 90_000; t += 200) {
      c.advance(200);
      const total = replicaSets(c).reduce((s, rs) => s + rs.spec!.replicas!, 0);
      expect(total).toBeLessThanOrEqual(13);
      const available = replicaSets(c).reduce((s, rs) => s + (rs.status?.availableReplicas ?? 0), 0);
      expect(available).toBeGreaterThanOrEqual(8);
    }
    expect(sizes(c)).toEqual([0, 10]);
  });

  it('stalls a 10-replica rollout of crash-looping pods at new=5, old=8 (the rolling.go example)', () => {
    const c = settled(10);
    c.apply(manifest({ replicas: 10, image: 'busybox:1.36', command: CRASH }));
    c.advance(120_000);
    expect(sizes(c)).toEqual([8, 5]);
    expect(activePods(c)).toHaveLength(13);
  });

  it('reports ProgressDeadlineExceeded after 600 s without progress, and takes no action', () => {
    const c = settled(3);
    c.apply(manifest({ image: 'nginx:1.161' }));
    c.advance(590_000);
    expect(deployment(c).status!.conditions!.find((x) => x.type === 'Progressing')!.reason).toBe('ReplicaSetUpdated');
    c.advance(30_000);
    const progressing = deployment(c).status!.conditions!.find((x) => x.type === 'Progressing')!;
    expect(progressing.status).toBe('False');
    expect(progressing.reason).toBe('ProgressDeadlineExceeded');
    expect(progressing.message).toMatch(/^ReplicaSet "web-\w+" has timed out progressing\.$/);
    expect(sizes(c)).toEqual([3, 1]);
  });
});

describe('Recreate (§1.7)', () => {
  it('creates no new pod until every old pod is gone', () => {
    const c = settled(3, { strategy: '  strategy:\n    type: Recreate\n' });
    const oldPods = activePods(c).map((p) => p.metadata!.name);
    c.apply(manifest({ image: 'nginx:1.27', strategy: '  strategy:\n    type: Recreate\n' }));
    const oldLeftWhenNewCreated: number[] = [];
    c.watch((e) => {
      if (e.type !== 'ADDED' || e.object.kind !== 'Pod') return;
      oldLeftWhenNewCreated.push((c.list('Pod', 'default') as Pod[]).filter((p) => oldPods.includes(p.metadata!.name)).length);
    });
    c.advance(30_000);
    expect(oldLeftWhenNewCreated).toEqual([0, 0, 0]);
    expect(activePods(c).filter((p) => p.status!.phase === 'Running')).toHaveLength(3);
  });
});

describe('proportional scaling (§1.8)', () => {
  const strategy = '  strategy:\n    rollingUpdate:\n      maxSurge: 3\n      maxUnavailable: 2\n';

  it('spreads a scale from 10 to 15 mid-rollout over old 8 and new 5 as 11 and 7 (maxSurge 3)', () => {
    const c = settled(10, { strategy });
    c.apply(manifest({ replicas: 10, image: 'busybox:1.36', command: CRASH, strategy }));
    c.advance(60_000);
    expect(sizes(c)).toEqual([8, 5]);
    c.apply(manifest({ replicas: 15, image: 'busybox:1.36', command: CRASH, strategy }));
    expect(sizes(c)).toEqual([11, 7]);
  });

  it('uses the percentage surge of the new size (25% of 15 rounds up to 4)', () => {
    const c = settled(10);
    c.apply(manifest({ replicas: 10, image: 'busybox:1.36', command: CRASH }));
    c.advance(60_000);
    c.apply(manifest({ replicas: 15, image: 'busybox:1.36', command: CRASH }));
    expect(sizes(c)).toEqual([12, 7]);
  });
});

describe('revision history and pause (§1.10, §1.11)', () => {
  it('keeps revisionHistoryLimit old ReplicaSets', () => {
    const c = settled(1, { extra: '  revisionHistoryLimit: 2\n' });
    for (const tag of ['1.20', '1.21', '1.22', '1.23']) {
      c.apply(manifest({ replicas: 1, image: `nginx:${tag}`, extra: '  revisionHistoryLimit: 2\n' }));
      c.advance(30_000);
    }
    expect(replicaSets(c).map((rs) => rs.metadata!.annotations!['deployment.kubernetes.io/revision'])).toEqual(['3', '4', '5']);
  });

  it('makes no new ReplicaSet while paused, and says so in Progressing', () => {
    const c = settled(3);
    c.apply(manifest({ extra: '  paused: true\n' }));
    c.apply(manifest({ image: 'nginx:1.27', extra: '  paused: true\n' }));
    c.advance(30_000);
    expect(replicaSets(c)).toHaveLength(1);
    const progressing = deployment(c).status!.conditions!.find((x) => x.type === 'Progressing')!;
    expect(progressing).toMatchObject({ status: 'Unknown', reason: 'DeploymentPaused', message: 'Deployment is paused' });
    c.apply(manifest({ image: 'nginx:1.27' }));
    c.advance(60_000);
    expect(sizes(c)).toEqual([0, 3]);
  });
});

describe('minReadySeconds (§1.14)', () => {
  it('counts a pod available only after it has been ready that long', () => {
    const c = new SimCluster({ nodes: 3, seed: 4 });
    c.apply(manifest({ replicas: 1, extra: '  minReadySeconds: 20\n' }));
    c.advance(10_000);
    expect(deployment(c).status).toMatchObject({ readyReplicas: 1, availableReplicas: 0 });
    c.advance(20_000);
    expect(deployment(c).status).toMatchObject({ readyReplicas: 1, availableReplicas: 1 });
  });
});
