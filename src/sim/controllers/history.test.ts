import { describe, expect, it } from 'vitest';
import type { ControllerRevision, DaemonSet, StatefulSet } from '../api/types';
import { SimCluster } from '../cluster';

const workload = (kind: 'StatefulSet' | 'DaemonSet', image = 'nginx:1.27') => `apiVersion: apps/v1
kind: ${kind}
metadata:
  name: web
spec:
${kind === 'StatefulSet' ? '  serviceName: web\n  replicas: 1\n' : ''}  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
      - name: web
        image: ${image}
`;

const revisions = (c: SimCluster) =>
  (c.list('ControllerRevision', 'default') as ControllerRevision[]).map((r) => ({
    name: r.metadata!.name!,
    owner: r.metadata!.ownerReferences?.[0]?.kind,
    revision: r.revision,
    hash: r.metadata!.labels!['controller-revision-hash'],
  }));

describe('ControllerRevision history (k8s-semantics §7.1, §8)', () => {
  it('names a revision <owner>-<hash>, labels it with the hash and numbers revisions from 1', () => {
    const c = new SimCluster({ nodes: 1, seed: 3 });
    c.apply(workload('DaemonSet'));
    c.apply(workload('DaemonSet', 'nginx:1.28'));
    const [first, second] = revisions(c).sort((a, b) => a.revision! - b.revision!);
    expect(first).toMatchObject({ owner: 'DaemonSet', revision: 1, name: `web-${first.hash}` });
    expect(second).toMatchObject({ owner: 'DaemonSet', revision: 2, name: `web-${second.hash}` });
    const data = (c.get('ControllerRevision', second.name, 'default') as ControllerRevision).data as { spec: { template: Record<string, unknown> } };
    expect(data.spec.template.$patch).toBe('replace');
  });

  it('bumps collisionCount and hashes again when another owner holds the name', () => {
    const c = new SimCluster({ nodes: 1, seed: 3 });
    c.apply(workload('DaemonSet'));
    c.apply(workload('StatefulSet'));
    const [ds, sts] = ['DaemonSet', 'StatefulSet'].map((kind) => revisions(c).find((r) => r.owner === kind)!);
    expect(sts.name).not.toBe(ds.name);
    expect((c.get('StatefulSet', 'web', 'default') as StatefulSet).status!.collisionCount).toBe(1);
    expect((c.get('DaemonSet', 'web', 'default') as DaemonSet).status!.collisionCount).toBeUndefined();
    // The set's pods carry the revision it did get.
    expect(c.get('Pod', 'web-0', 'default')!.metadata.labels!['controller-revision-hash']).toBe(sts.name);
  });

  it.each(['StatefulSet', 'DaemonSet'] as const)('%s keeps revisionHistoryLimit old revisions besides the live ones', (kind) => {
    const c = new SimCluster({ nodes: 1, seed: 3 });
    const limited = (image: string) => workload(kind, image).replace('  selector:', '  revisionHistoryLimit: 1\n  selector:');
    for (const image of ['nginx:1.25', 'nginx:1.26', 'nginx:1.27', 'nginx:1.28']) {
      c.apply(limited(image));
      c.advance(60_000);
    }
    expect(revisions(c).map((r) => r.revision).sort()).toEqual([3, 4]);
  });

  it('adopts its orphaned revisions instead of making new ones', () => {
    const c = new SimCluster({ nodes: 1, seed: 3 });
    c.apply(workload('StatefulSet'));
    c.advance(20_000);
    const before = revisions(c);
    c.kubectl('delete sts web --cascade=orphan');
    expect(revisions(c)[0].owner).toBeUndefined();
    c.apply(workload('StatefulSet'));
    expect(revisions(c)).toEqual(before);
  });
});
