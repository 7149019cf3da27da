import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../api/object';
import type { ApiServer } from '../api/server';
import type { Store } from '../api/store';
import type { DaemonSet, Node, Pod } from '../api/types';
import { SimCluster } from '../cluster';

const ds = (opts: { image?: string; spec?: string; podSpec?: string } = {}) => `apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: agent
spec:
${opts.spec ?? ''}  selector:
    matchLabels:
      app: agent
  template:
    metadata:
      labels:
        app: agent
    spec:
${opts.podSpec ?? ''}      containers:
      - name: agent
        image: ${opts.image ?? 'nginx:1.27'}
`;

const daemonSet = (c: SimCluster) => c.get('DaemonSet', 'agent', 'default') as DaemonSet;
const pods = (c: SimCluster) => (c.list('Pod', 'default') as Pod[]).filter((p) => !p.metadata!.deletionTimestamp);
const byNode = (c: SimCluster) =>
  Object.fromEntries(
    pods(c)
      .map((p) => [p.spec!.nodeName ?? '<none>', p.spec!.containers[0].image] as const)
      .sort(([a], [b]) => (a < b ? -1 : 1)),
  );
const dsEvents = (c: SimCluster) => c.events().filter((e) => e.involvedObject.kind === 'DaemonSet').map((e) => `${e.type} ${e.reason} ${e.message}`);
const internals = (c: SimCluster) => c as unknown as { api: ApiServer; store: Store };
const deletedDuring = (c: SimCluster, act: () => void): string[] => {
  const from = c.audit().length;
  act();
  return c.audit().slice(from).filter((a) => a.kind === 'Pod' && a.actor === 'daemonset-controller' && a.verb === 'delete').map((a) => a.name);
};

/** `kubectl taint node <name> team=a:<effect>` (kubesim's kubectl has no taint verb). */
function taint(c: SimCluster, name: string, effect: 'NoSchedule' | 'NoExecute'): void {
  const node = c.get('Node', name) as Node;
  internals(c).api.update({ ...(node as unknown as KubeObject), spec: { ...node.spec, taints: [...(node.spec!.taints ?? []), { key: 'team', value: 'a', effect }] } }, 'kubectl', 'patch');
  c.advance(0);
}

function settled(yaml = ds(), nodes = 3): SimCluster {
  const c = new SimCluster({ nodes, seed: 11 });
  c.apply(yaml);
  c.advance(30_000);
  return c;
}

describe('DaemonSet placement (k8s-semantics §8)', () => {
  it('runs one pod per eligible node, pinned by a matchFields affinity and placed by the scheduler', () => {
    const c = settled();
    // The control-plane's NoSchedule taint is not tolerated: three workers, three pods.
    expect(byNode(c)).toEqual({ 'node-1': 'nginx:1.27', 'node-2': 'nginx:1.27', 'node-3': 'nginx:1.27' });
    const pod = pods(c).find((p) => p.spec!.nodeName === 'node-2')!;
    expect(pod.metadata!.name).toMatch(/^agent-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
    expect(pod.spec!.affinity).toEqual({ nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchFields: [{ key: 'metadata.name', operator: 'In', values: ['node-2'] }] }] } } });
    expect(pod.spec!.tolerations).toEqual([
      { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute' },
      { key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute' },
      { key: 'node.kubernetes.io/disk-pressure', operator: 'Exists', effect: 'NoSchedule' },
      { key: 'node.kubernetes.io/memory-pressure', operator: 'Exists', effect: 'NoSchedule' },
      { key: 'node.kubernetes.io/pid-pressure', operator: 'Exists', effect: 'NoSchedule' },
      { key: 'node.kubernetes.io/unschedulable', operator: 'Exists', effect: 'NoSchedule' },
    ]);
    const hash = c.list('ControllerRevision', 'default')[0].metadata.labels!['controller-revision-hash'];
    expect(pod.metadata!.labels).toEqual({ app: 'agent', 'controller-revision-hash': hash, 'pod-template-generation': '1' });
    expect(c.events().some((e) => e.reason === 'Scheduled' && e.message === `Successfully assigned default/${pod.metadata!.name} to node-2`)).toBe(true);
    expect(daemonSet(c).metadata!.annotations!['deprecated.daemonset.template.generation']).toBe('1');
  });

  it('follows nodeSelector, and tolerations open tainted nodes', () => {
    const c = new SimCluster({ nodes: [{ name: 'a', labels: { disk: 'ssd' } }, { name: 'b' }, { name: 'cp', taints: [{ key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' }], labels: { disk: 'ssd' } }], seed: 11 });
    c.apply(ds({ podSpec: '      nodeSelector:\n        disk: ssd\n' }));
    c.advance(30_000);
    expect(Object.keys(byNode(c))).toEqual(['a']);
    c.apply(ds({ podSpec: '      nodeSelector:\n        disk: ssd\n      tolerations:\n      - key: node-role.kubernetes.io/control-plane\n        operator: Exists\n        effect: NoSchedule\n' }));
    c.advance(60_000);
    expect(Object.keys(byNode(c))).toEqual(['a', 'cp']);
    expect(c.kubectl('get ds').stdout).toBe('NAME    DESIRED   CURRENT   READY   UP-TO-DATE   AVAILABLE   NODE SELECTOR   AGE\nagent   2         2         2       2            2           disk=ssd        90s\n');
  });

  it('gives a new node its pod, and a removed node loses it', () => {
    const c = settled();
    c.addNode({ name: 'node-4' });
    expect(pods(c).filter((p) => p.spec!.affinity!.nodeAffinity!.requiredDuringSchedulingIgnoredDuringExecution!.nodeSelectorTerms[0].matchFields![0].values![0] === 'node-4')).toHaveLength(1);
    c.advance(30_000);
    expect(Object.keys(byNode(c))).toEqual(['node-1', 'node-2', 'node-3', 'node-4']);
    c.removeNode('node-2');
    expect(daemonSet(c).status!.desiredNumberScheduled).toBe(3);
    // The pod garbage collector removes pods of a vanished node after its 40 s quarantine.
    c.advance(60_000);
    expect(Object.keys(byNode(c))).toEqual(['node-1', 'node-3', 'node-4']);
  });

  it('keeps and recreates the pod of a cordoned node: daemon pods tolerate unschedulable', () => {
    const c = settled();
    c.kubectl('cordon node-1');
    const victim = pods(c).find((p) => p.spec!.nodeName === 'node-1')!.metadata!.name!;
    c.kubectl(`delete pod ${victim}`);
    c.advance(60_000);
    expect(byNode(c)['node-1']).toBe('nginx:1.27');
    expect(pods(c).find((p) => p.spec!.nodeName === 'node-1')!.metadata!.name).not.toBe(victim);
  });

  it('keeps its pod on a node tainted NoSchedule later, but not NoExecute (shouldContinueRunning)', () => {
    const c = settled();
    taint(c, 'node-1', 'NoSchedule');
    c.advance(10_000);
    expect(Object.keys(byNode(c))).toEqual(['node-1', 'node-2', 'node-3']);
    expect(daemonSet(c).status).toMatchObject({ desiredNumberScheduled: 2, numberMisscheduled: 1 });
    taint(c, 'node-2', 'NoExecute');
    c.advance(60_000);
    expect(Object.keys(byNode(c))).toEqual(['node-1', 'node-3']);
  });

  it('leaves the pod of a failed node alone: it tolerates not-ready and unreachable forever (§13)', () => {
    const c = settled();
    const pod = pods(c).find((p) => p.spec!.nodeName === 'node-1')!;
    c.nodeDown('node-1');
    c.advance(400_000);
    expect(c.get('Pod', pod.metadata!.name!, 'default')!.metadata.deletionTimestamp).toBeUndefined();
    expect(daemonSet(c).status).toMatchObject({ desiredNumberScheduled: 2, numberMisscheduled: 1 });
  });

  it('deletes a failed pod with the FailedDaemonPod event and replaces it', () => {
    const c = settled();
    const failed = pods(c).find((p) => p.spec!.nodeName === 'node-3')!;
    internals(c).api.updateStatus({ ...(failed as unknown as KubeObject), status: { ...failed.status, phase: 'Failed' } }, 'test');
    c.advance(0);
    expect(dsEvents(c)).toContain(`Warning FailedDaemonPod Found failed daemon pod default/${failed.metadata!.name} on node node-3, will try to kill it`);
    expect(dsEvents(c)).toContain(`Normal SuccessfulDelete Deleted pod: ${failed.metadata!.name}`);
    c.advance(30_000);
    const replacement = pods(c).find((p) => p.spec!.nodeName === 'node-3')!;
    expect(replacement.metadata!.uid).not.toBe(failed.metadata!.uid);
    expect(replacement.status!.phase).toBe('Running');
  });

  it('adopts a matching pod and keeps only the oldest daemon pod on a node', () => {
    const c = settled();
    const original = pods(c).find((p) => p.spec!.nodeName === 'node-1')!.metadata!.name;
    c.apply('apiVersion: v1\nkind: Pod\nmetadata:\n  name: stray\n  labels:\n    app: agent\nspec:\n  nodeName: node-1\n  containers:\n  - name: agent\n    image: nginx:1.27\n');
    // Adopted (an owner reference patched in), then, being the newer of two, deleted; its kubelet finishes it.
    expect(c.audit().filter((a) => a.name === 'stray').map((a) => `${a.actor} ${a.verb}`)).toEqual(['kubectl create', 'daemonset-controller patch', 'daemonset-controller delete', 'kubelet/node-1 delete']);
    expect(pods(c).filter((p) => p.spec!.nodeName === 'node-1').map((p) => p.metadata!.name)).toEqual([original]);
  });

  it('warns SelectingAll for an empty selector (which only older API versions let in)', () => {
    const c = new SimCluster({ nodes: 1, seed: 11 });
    c.apply(ds());
    const stored = c.get('DaemonSet', 'agent', 'default') as DaemonSet;
    internals(c).store.put({ ...(stored as unknown as KubeObject), metadata: { ...stored.metadata, resourceVersion: undefined }, spec: { ...stored.spec, selector: {} } });
    c.advance(1000);
    expect(dsEvents(c)).toContain('Warning SelectingAll This daemon set is selecting all pods. A non-empty selector is required.');
  });
});

describe('DaemonSet status (k8s-semantics §8)', () => {
  it('counts desired, current, ready, up-to-date and available nodes', () => {
    const c = settled();
    expect(daemonSet(c).status).toEqual({
      currentNumberScheduled: 3,
      numberMisscheduled: 0,
      desiredNumberScheduled: 3,
      numberReady: 3,
      observedGeneration: 1,
      updatedNumberScheduled: 3,
      numberAvailable: 3,
    });
    expect(c.kubectl('get ds -o wide').stdout).toBe(
      'NAME    DESIRED   CURRENT   READY   UP-TO-DATE   AVAILABLE   NODE SELECTOR   AGE   CONTAINERS   IMAGES       SELECTOR\n' +
        'agent   3         3         3       3            3           <none>          30s   agent        nginx:1.27   app=agent\n',
    );
    expect(c.kubectl('rollout status ds/agent').stdout).toBe('daemon set "agent" successfully rolled out\n');
  });
});

describe('DaemonSet updates (k8s-semantics §8)', () => {
  it('RollingUpdate replaces maxUnavailable pods at a time, a percentage rounded up against desired', () => {
    const spec = '  updateStrategy:\n    rollingUpdate:\n      maxUnavailable: 50%\n';
    const c = settled(ds({ spec }), 4);
    // ceil(4 × 50 %) = 2 old pods go at once.
    expect(deletedDuring(c, () => c.apply(ds({ spec, image: 'nginx:1.28' })))).toHaveLength(2);
    expect(c.kubectl('rollout status ds/agent --watch=false').stdout).toBe('Waiting for daemon set "agent" rollout to finish: 0 out of 4 new pods have been updated...\n');
    expect(deletedDuring(c, () => c.advance(120_000))).toHaveLength(2);
    expect(Object.values(byNode(c))).toEqual(['nginx:1.28', 'nginx:1.28', 'nginx:1.28', 'nginx:1.28']);
    expect(daemonSet(c).status!.updatedNumberScheduled).toBe(4);
    // The template changed once: generation 2 on the DaemonSet's annotation and on its new pods.
    expect(daemonSet(c).metadata!.annotations!['deprecated.daemonset.template.generation']).toBe('2');
    expect(pods(c).map((p) => p.metadata!.labels!['pod-template-generation'])).toEqual(['2', '2', '2', '2']);
    expect(c.list('ControllerRevision', 'default').map((r) => (r as unknown as { revision: number }).revision).sort()).toEqual([1, 2]);
  });

  it('rounds a small percentage up to one pod', () => {
    const spec = '  updateStrategy:\n    rollingUpdate:\n      maxUnavailable: 10%\n';
    const c = settled(ds({ spec }), 3);
    expect(deletedDuring(c, () => c.apply(ds({ spec, image: 'nginx:1.28' })))).toHaveLength(1);
  });

  it('with maxSurge starts the new pod beside the old one and deletes the old once the new is available', () => {
    const spec = '  updateStrategy:\n    rollingUpdate:\n      maxSurge: 1\n      maxUnavailable: 0\n';
    const c = settled(ds({ spec }));
    const deleted = deletedDuring(c, () => c.apply(ds({ spec, image: 'nginx:1.28' })));
    expect(deleted).toEqual([]);
    expect(pods(c)).toHaveLength(4);
    const surged = pods(c).find((p) => p.spec!.containers[0].image === 'nginx:1.28')!;
    const node = surged.spec!.affinity!.nodeAffinity!.requiredDuringSchedulingIgnoredDuringExecution!.nodeSelectorTerms[0].matchFields![0].values![0];
    const old = pods(c).find((p) => p.spec!.nodeName === node && p.spec!.containers[0].image === 'nginx:1.27')!;
    c.advance(120_000);
    expect(c.audit().find((a) => a.name === old.metadata!.name && a.actor === 'daemonset-controller' && a.verb === 'delete')).toBeDefined();
    expect(Object.values(byNode(c))).toEqual(['nginx:1.28', 'nginx:1.28', 'nginx:1.28']);
  });

  it('OnDelete replaces a pod only when it is deleted', () => {
    const spec = '  updateStrategy:\n    type: OnDelete\n';
    const c = settled(ds({ spec }));
    expect(deletedDuring(c, () => (c.apply(ds({ spec, image: 'nginx:1.28' })), c.advance(30_000)))).toEqual([]);
    const victim = pods(c).find((p) => p.spec!.nodeName === 'node-2')!.metadata!.name!;
    c.kubectl(`delete pod ${victim}`);
    c.advance(60_000);
    expect(byNode(c)).toEqual({ 'node-1': 'nginx:1.27', 'node-2': 'nginx:1.28', 'node-3': 'nginx:1.27' });
    expect(daemonSet(c).status!.updatedNumberScheduled).toBe(1);
  });
});

describe('DaemonSet validation (k8s-semantics §8, §12.3)', () => {
  it('rejects maxSurge together with maxUnavailable, and an empty selector', () => {
    const c = new SimCluster({ nodes: 1, seed: 11 });
    const both = ds({ spec: '  updateStrategy:\n    rollingUpdate:\n      maxSurge: 1\n' });
    expect(c.kubectl('apply -f -', both).stderr).toBe('The DaemonSet "agent" is invalid: spec.updateStrategy.rollingUpdate.maxSurge: Invalid value: intstr.IntOrString{Type:0, IntVal:1, StrVal:""}: may not be set when maxUnavailable is non-zero\n');
    const none = ds({ spec: '  updateStrategy:\n    rollingUpdate:\n      maxUnavailable: 0\n' });
    expect(c.kubectl('apply -f -', none).stderr).toBe('The DaemonSet "agent" is invalid: spec.updateStrategy.rollingUpdate.maxUnavailable: Required value: cannot be 0 when maxSurge is 0\n');
    const all = ds().replace('    matchLabels:\n      app: agent\n', '    matchLabels: {}\n');
    expect(c.kubectl('apply -f -', all).stderr).toBe(
      'The DaemonSet "agent" is invalid: spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string{}, MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: empty selector is invalid for daemonset\n',
    );
  });

  it('defaults RollingUpdate with maxUnavailable 1 and maxSurge 0', () => {
    const c = settled();
    expect(daemonSet(c).spec!.updateStrategy).toEqual({ type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 1, maxSurge: 0 } });
    expect(daemonSet(c).spec!.revisionHistoryLimit).toBe(10);
  });
});
