import { describe, expect, it } from 'vitest';
import type { ControllerRevision, DaemonSet, Pod, StatefulSet } from '../../../api/types';
import { SimCluster } from '../../../cluster';
import { daemonSetStatus, statefulSetStatus } from './controllerrevisions';

const sts = (image: string) => `apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: web
spec:
  serviceName: nginx
  replicas: 2
  selector:
    matchLabels:
      app: nginx
  template:
    metadata:
      labels:
        app: nginx
    spec:
      containers:
      - name: nginx
        image: ${image}
`;

const ds = (image: string) => `apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: agent
spec:
  selector:
    matchLabels:
      app: agent
  template:
    metadata:
      labels:
        app: agent
    spec:
      containers:
      - name: agent
        image: ${image}
`;

const run = (c: SimCluster, line: string) => c.kubectl(line);
const images = (c: SimCluster, app: string) =>
  (c.list('Pod', 'default') as Pod[])
    .filter((p) => p.metadata!.labels!.app === app && !p.metadata!.deletionTimestamp)
    .map((p) => p.spec!.containers[0].image)
    .sort();

function twoRevisions(): SimCluster {
  const c = new SimCluster({ nodes: 2, seed: 5 });
  c.apply(sts('nginx:1.27'));
  c.apply(ds('nginx:1.27'));
  c.advance(60_000);
  c.apply(sts('nginx:1.28'));
  c.apply(ds('nginx:1.28'));
  c.advance(120_000);
  return c;
}

describe('kubectl rollout for StatefulSets and DaemonSets (k8s-semantics §7.3, §8)', () => {
  it('history lists the ControllerRevisions, and one revision shows its pod template', () => {
    const c = twoRevisions();
    for (const [target, name] of [['sts/web', 'statefulset.apps/web'], ['ds/agent', 'daemonset.apps/agent']]) {
      expect(run(c, `rollout history ${target}`)).toEqual({ stdout: `${name} \nREVISION  CHANGE-CAUSE\n1         <none>\n2         <none>\n\n`, stderr: '', exitCode: 0 });
    }
    const one = run(c, 'rollout history sts/web --revision=1').stdout;
    expect(one.startsWith('statefulset.apps/web with revision #1\nPod Template:\n  Labels:\tapp=nginx\n  Containers:\n   nginx:\n    Image:\tnginx:1.27\n')).toBe(true);
    expect(run(c, 'rollout history ds/agent --revision=3')).toEqual({ stdout: '', stderr: 'error: unable to find the specified revision\n', exitCode: 1 });
  });

  it('undo restores the previous template; the old revision is renumbered, not copied', () => {
    const c = twoRevisions();
    expect(run(c, 'rollout undo sts/web').stdout).toBe('statefulset.apps/web rolled back\n');
    expect(run(c, 'rollout undo ds/agent --to-revision=1').stdout).toBe('daemonset.apps/agent rolled back\n');
    c.advance(120_000);
    expect(images(c, 'nginx')).toEqual(['nginx:1.27', 'nginx:1.27']);
    expect(images(c, 'agent')).toEqual(['nginx:1.27', 'nginx:1.27']);
    const revisions = (c.list('ControllerRevision', 'default') as ControllerRevision[]).filter((r) => r.metadata!.name!.startsWith('web-'));
    expect(revisions.map((r) => r.revision).sort()).toEqual([2, 3]);
    expect(run(c, 'rollout history sts/web').stdout).toBe('statefulset.apps/web \nREVISION  CHANGE-CAUSE\n2         <none>\n3         <none>\n\n');
    expect(run(c, 'rollout undo sts/web --to-revision=3').stdout).toBe('statefulset.apps/web skipped rollback (current template already matches revision 3)\n');
    expect(run(c, 'rollout undo sts/web --to-revision=1')).toEqual({ stdout: '', stderr: 'error: unable to find specified revision 1 in history\n', exitCode: 1 });
  });

  it('undo with a single revision has nothing to go back to', () => {
    const c = new SimCluster({ nodes: 1, seed: 5 });
    c.apply(ds('nginx:1.27'));
    expect(run(c, 'rollout undo ds/agent')).toEqual({ stdout: '', stderr: 'error: no last revision to roll back to\n', exitCode: 1 });
  });

  it('restart stamps restartedAt, which rolls every pod', () => {
    const c = new SimCluster({ nodes: 2, seed: 5 });
    c.apply(ds('nginx:1.27'));
    c.advance(30_000);
    const before = (c.list('Pod', 'default') as Pod[]).map((p) => p.metadata!.uid);
    expect(run(c, 'rollout restart ds/agent').stdout).toBe('daemonset.apps/agent restarted\n');
    expect((c.get('DaemonSet', 'agent', 'default') as DaemonSet).spec!.template.metadata!.annotations).toEqual({ 'kubectl.kubernetes.io/restartedAt': '2026-01-01T09:00:30Z' });
    expect(run(c, 'rollout status ds/agent').stdout).toBe(
      'Waiting for daemon set "agent" rollout to finish: 0 out of 2 new pods have been updated...\n' +
        'Waiting for daemon set "agent" rollout to finish: 1 out of 2 new pods have been updated...\n' +
        'Waiting for daemon set "agent" rollout to finish: 1 of 2 updated pods are available...\n' +
        'daemon set "agent" successfully rolled out\n',
    );
    const after = (c.list('Pod', 'default') as Pod[]).map((p) => p.metadata!.uid);
    expect(after.filter((uid) => before.includes(uid))).toEqual([]);
    expect(run(c, 'rollout restart sts/web').stderr).toBe('Error from server (NotFound): statefulsets.apps "web" not found\n');
  });
});

describe('status viewers (k8s-semantics §7.3, §8)', () => {
  const set = (status: StatefulSet['status'], rollingUpdate?: { partition?: number }): StatefulSet => ({
    apiVersion: 'apps/v1',
    kind: 'StatefulSet',
    metadata: { name: 'web', generation: 2 },
    spec: { replicas: 3, serviceName: 'nginx', selector: {}, template: {}, updateStrategy: { type: 'RollingUpdate', rollingUpdate } },
    status,
  });

  it.each([
    ['spec not yet observed', set({ replicas: 3, observedGeneration: 1 }, { partition: 0 }), 'Waiting for statefulset spec update to be observed...\n', false],
    ['pods not ready', set({ replicas: 3, observedGeneration: 2, readyReplicas: 1 }, { partition: 0 }), 'Waiting for 2 pods to be ready...\n', false],
    ['partition 1, one updated', set({ replicas: 3, observedGeneration: 2, readyReplicas: 3, updatedReplicas: 1 }, { partition: 1 }), 'Waiting for partitioned roll out to finish: 1 out of 2 new pods have been updated...\n', false],
    ['partition 1, done', set({ replicas: 3, observedGeneration: 2, readyReplicas: 3, updatedReplicas: 2 }, { partition: 1 }), 'partitioned roll out complete: 2 new pods have been updated...\n', true],
    ['no rollingUpdate block, revisions differ', set({ replicas: 3, observedGeneration: 2, readyReplicas: 3, updatedReplicas: 2, currentRevision: 'web-a', updateRevision: 'web-b' }), 'waiting for statefulset rolling update to complete 2 pods at revision web-b...\n', false],
    ['no rollingUpdate block, done', set({ replicas: 3, observedGeneration: 2, readyReplicas: 3, currentReplicas: 3, currentRevision: 'web-b', updateRevision: 'web-b' }), 'statefulset rolling update complete 3 pods at revision web-b...\n', true],
  ])('StatefulSet: %s', (_, s, message, done) => {
    expect(statefulSetStatus(s)).toEqual({ message, done });
  });

  it('DaemonSet: waits for the spec to be observed, then updated, then available pods', () => {
    const d = (status: DaemonSet['status']): DaemonSet => ({ apiVersion: 'apps/v1', kind: 'DaemonSet', metadata: { name: 'agent', generation: 2 }, spec: { selector: {}, template: {}, updateStrategy: { type: 'RollingUpdate' } }, status });
    expect(daemonSetStatus(d({ observedGeneration: 1, desiredNumberScheduled: 3, currentNumberScheduled: 3, numberMisscheduled: 0, numberReady: 3 })).message).toBe('Waiting for daemon set spec update to be observed...\n');
    expect(daemonSetStatus(d({ observedGeneration: 2, desiredNumberScheduled: 3, currentNumberScheduled: 3, numberMisscheduled: 0, numberReady: 3, updatedNumberScheduled: 3, numberAvailable: 2 }))).toEqual({
      message: 'Waiting for daemon set "agent" rollout to finish: 2 of 3 updated pods are available...\n',
      done: false,
    });
  });
});
