import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createCluster } from './index';
import type { Deployment, Pod, ReplicaSet } from './api/types';

const NGINX = readFileSync(new URL('../../examples/nginx-deployment.yaml', import.meta.url), 'utf8');

const pods = (c: ReturnType<typeof createCluster>) => c.list('Pod', 'default') as Pod[];

describe('a fresh cluster', () => {
  it('has three workers and a tainted control-plane node, as kubeadm makes', () => {
    const c = createCluster({ nodes: 3, seed: 1 });
    const nodes = c.list('Node').map((n) => n.metadata.name);
    expect(nodes).toEqual(['control-plane', 'node-1', 'node-2', 'node-3']);
    const cp = c.get('Node', 'control-plane')!;
    expect((cp.spec as { taints: unknown[] }).taints).toEqual([{ key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' }]);
    expect((c.get('Node', 'node-1')!.status as { allocatable: Record<string, string> }).allocatable).toMatchObject({ cpu: '4', memory: '8Gi', pods: '110' });
    expect(c.list('Namespace').map((n) => n.metadata.name)).toEqual(['default', 'kube-node-lease', 'kube-public', 'kube-system']);
  });
});

describe('applying the docs nginx Deployment', () => {
  it('creates the ReplicaSet and 3 pods that go Pending → ContainerCreating → Running and Ready', () => {
    const c = createCluster({ nodes: 3, seed: 7 });
    const [result] = c.apply(NGINX);
    expect(result.message).toBe('deployment.apps/nginx-deployment created');

    const rss = c.list('ReplicaSet', 'default') as ReplicaSet[];
    expect(rss).toHaveLength(1);
    expect(rss[0].metadata!.name).toMatch(/^nginx-deployment-[4-9bcdf]{1,10}$/);
    const hash = rss[0].metadata!.labels!['pod-template-hash'];
    expect(rss[0].metadata!.name).toBe(`nginx-deployment-${hash}`);
    expect(pods(c)).toHaveLength(3);
    for (const p of pods(c)) {
      expect(p.metadata!.name).toMatch(new RegExp(`^nginx-deployment-${hash}-[bcdfghjklmnpqrstvwxz2456789]{5}$`));
      expect(p.spec!.nodeName).toBeUndefined();
      expect(p.status!.phase).toBe('Pending');
    }

    c.advance(1000);
    expect(pods(c).every((p) => p.spec!.nodeName?.startsWith('node-'))).toBe(true);
    c.advance(500);
    expect(pods(c).every((p) => p.status!.containerStatuses?.[0].state?.waiting?.reason === 'ContainerCreating')).toBe(true);

    c.advance(30_000);
    for (const p of pods(c)) {
      expect(p.status!.phase).toBe('Running');
      expect(p.status!.conditions!.find((x) => x.type === 'Ready')!.status).toBe('True');
      expect(p.status!.podIP).toMatch(/^10\.244\.[1-3]\.\d+$/);
    }
    const d = c.get('Deployment', 'nginx-deployment', 'default') as Deployment;
    expect(d.status).toMatchObject({ replicas: 3, updatedReplicas: 3, readyReplicas: 3, availableReplicas: 3 });
    expect(d.metadata!.annotations!['deployment.kubernetes.io/revision']).toBe('1');
    const progressing = d.status!.conditions!.find((x) => x.type === 'Progressing')!;
    expect(progressing.reason).toBe('NewReplicaSetAvailable');
    expect(progressing.message).toBe(`ReplicaSet "${rss[0].metadata!.name}" has successfully progressed.`);
    expect(d.status!.conditions!.find((x) => x.type === 'Available')!.message).toBe('Deployment has minimum availability.');
  });

  it('spreads the three pods over the three workers with least-allocated scoring', () => {
    const c = createCluster({ nodes: 3, seed: 3 });
    c.apply(NGINX);
    c.advance(5000);
    expect(new Set(pods(c).map((p) => p.spec!.nodeName)).size).toBe(3);
  });

  it('records the events a real cluster shows', () => {
    const c = createCluster({ nodes: 3, seed: 2 });
    c.apply(NGINX);
    c.advance(30_000);
    const reasons = c.events().map((e) => `${e.involvedObject.kind}:${e.reason}`);
    expect(reasons).toContain('Deployment:ScalingReplicaSet');
    expect(reasons).toContain('ReplicaSet:SuccessfulCreate');
    expect(reasons).toContain('Pod:Scheduled');
    expect(reasons).toContain('Pod:Pulling');
    expect(reasons).toContain('Pod:Started');
    const scaled = c.events().find((e) => e.reason === 'ScalingReplicaSet')!;
    expect(scaled.message).toMatch(/^Scaled up replica set nginx-deployment-\w+ to 3$/);
  });
});

describe('self-healing', () => {
  it('replaces a deleted pod at once while the old one is Terminating', () => {
    const c = createCluster({ nodes: 3, seed: 4 });
    c.apply(NGINX);
    c.advance(30_000);
    const victim = pods(c)[0].metadata!.name!;
    const out = c.kubectl(`delete pod ${victim}`);
    expect(out.stdout).toBe(`pod "${victim}" deleted\n`);
    const now = pods(c);
    expect(now).toHaveLength(4);
    expect(now.find((p) => p.metadata!.name === victim)!.metadata!.deletionTimestamp).toBeDefined();
    c.advance(30_000);
    expect(pods(c)).toHaveLength(3);
    expect(pods(c).some((p) => p.metadata!.name === victim)).toBe(false);
    expect(pods(c).every((p) => p.status!.phase === 'Running')).toBe(true);
  });
});

describe('scaling by re-applying', () => {
  it('goes to 5 pods and then to none', () => {
    const c = createCluster({ nodes: 3, seed: 5 });
    c.apply(NGINX);
    c.advance(20_000);
    expect(c.apply(NGINX.replace('replicas: 3', 'replicas: 5'))[0].message).toBe('deployment.apps/nginx-deployment configured');
    c.advance(20_000);
    expect(pods(c).filter((p) => p.status!.phase === 'Running')).toHaveLength(5);
    c.apply(NGINX.replace('replicas: 3', 'replicas: 0'));
    c.advance(40_000);
    expect(pods(c)).toHaveLength(0);
    expect(c.apply(NGINX.replace('replicas: 3', 'replicas: 0'))[0].message).toBe('deployment.apps/nginx-deployment unchanged');
  });
});

describe('rejected manifests', () => {
  it('gives the apiserver message for a selector that does not match the labels, at its line, and changes nothing', () => {
    const c = createCluster({ nodes: 3, seed: 6 });
    const before = c.snapshot();
    const bad = NGINX.replace('      labels:\n        app: nginx\n    spec:', '      labels:\n        app: web\n    spec:');
    const [result] = c.apply(bad);
    expect(result.error?.message).toBe(
      'The Deployment "nginx-deployment" is invalid: spec.template.metadata.labels: Invalid value: map[string]string{"app":"web"}: `selector` does not match template `labels`',
    );
    expect(result.error?.line).toBe(14);
    expect(c.list('Deployment', 'default')).toHaveLength(0);
    expect(JSON.stringify(c.snapshot())).toBe(JSON.stringify(before));
  });

  it('reports broken YAML with its line', () => {
    const c = createCluster({ seed: 1 });
    const [result] = c.apply('apiVersion: v1\nkind: Pod\nmetadata:\n  name: x\n   bad: indent\n');
    expect(result.error?.line).toBe(5);
    expect(c.list('Pod', 'default')).toHaveLength(0);
  });

  it('applies the good documents of a multi-document text and refuses the bad one', () => {
    const c = createCluster({ seed: 1 });
    const text = `${NGINX}---\napiVersion: apps/v1\nkind: Deploymnet\nmetadata:\n  name: typo\n`;
    const results = c.apply(text);
    expect(results.map((r) => r.error === undefined)).toEqual([true, false]);
    expect(results[1].message).toBe(
      'error: resource mapping not found for name: "typo" namespace: "" from "STDIN": no matches for kind "Deploymnet" in version "apps/v1"\nensure CRDs are installed first',
    );
  });
});

describe('determinism', () => {
  it('gives the same snapshot for the same seed and inputs', () => {
    const run = () => {
      const c = createCluster({ nodes: 3, seed: 42 });
      c.apply(NGINX);
      c.advance(10_000);
      c.kubectl(`delete pod ${pods(c)[1].metadata!.name}`);
      c.advance(60_000);
      return JSON.stringify(c.snapshot());
    };
    expect(run()).toBe(run());
  });

  it('restores a snapshot and continues identically', () => {
    const a = createCluster({ nodes: 3, seed: 9 });
    a.apply(NGINX);
    a.advance(2_000);
    const snap = a.snapshot();
    a.advance(30_000);
    const b = createCluster({ nodes: 3, seed: 9 });
    b.restore(snap);
    b.advance(30_000);
    expect(JSON.stringify(b.snapshot())).toBe(JSON.stringify(a.snapshot()));
  });
});
