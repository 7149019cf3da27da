import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../api/object';
import type { ApiServer } from '../api/server';
import type { PersistentVolumeClaim, Pod, StatefulSet } from '../api/types';
import { SimCluster } from '../cluster';

const sts = (opts: { replicas?: number; image?: string; spec?: string; claims?: boolean; name?: string } = {}) => `apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: ${opts.name ?? 'web'}
spec:
  serviceName: nginx
  replicas: ${opts.replicas ?? 3}
${opts.spec ?? ''}  selector:
    matchLabels:
      app: nginx
  template:
    metadata:
      labels:
        app: nginx
    spec:
      containers:
      - name: nginx
        image: ${opts.image ?? 'nginx:1.27'}
${
  opts.claims
    ? `        volumeMounts:
        - name: www
          mountPath: /usr/share/nginx/html
  volumeClaimTemplates:
  - metadata:
      name: www
    spec:
      accessModes: ["ReadWriteOnce"]
      resources:
        requests:
          storage: 1Gi
`
    : ''
}`;

const pod = (c: SimCluster, name: string) => c.get('Pod', name, 'default') as Pod | undefined;
const set = (c: SimCluster) => c.get('StatefulSet', 'web', 'default') as StatefulSet;
const podNames = (c: SimCluster) =>
  (c.list('Pod', 'default') as Pod[])
    .filter((p) => !p.metadata!.deletionTimestamp)
    .map((p) => p.metadata!.name!)
    .sort();
const stsEvents = (c: SimCluster) => c.events().filter((e) => e.involvedObject.kind === 'StatefulSet').map((e) => `${e.type} ${e.reason} ${e.message}`);
const createdAt = (c: SimCluster, kind: string, name: string) => c.audit().find((a) => a.kind === kind && a.name === name && a.verb === 'create' && !a.subresource)?.time;
/** Claims not being deleted (a deleted claim waits for the pvc-protection finalizer while a pod uses it). */
const liveClaims = (c: SimCluster) =>
  c
    .list('PersistentVolumeClaim', 'default')
    .filter((p) => !p.metadata.deletionTimestamp)
    .map((p) => p.metadata.name)
    .sort();
const api = (c: SimCluster) => (c as unknown as { api: ApiServer }).api;
const ready = (p: Pod | undefined) => p?.status?.conditions?.some((x) => x.type === 'Ready' && x.status === 'True') ?? false;

/** The virtual instant each pod (by name, latest incarnation) last turned Ready. */
function readyTimes(c: SimCluster): Map<string, number> {
  const times = new Map<string, number>();
  c.watch(({ object, old }) => {
    if (object.kind === 'Pod' && ready(object as Pod) && !ready(old as Pod | undefined)) times.set(object.metadata.name!, c.now());
  });
  return times;
}

function settled(yaml = sts(), nodes = 3): SimCluster {
  const c = new SimCluster({ nodes, seed: 7 });
  c.apply(yaml);
  c.advance(60_000);
  return c;
}

describe('StatefulSet identity (k8s-semantics §7.1)', () => {
  it('names pods <sts>-0…N-1 with hostname, subdomain and the identity labels', () => {
    const c = settled();
    expect(podNames(c)).toEqual(['web-0', 'web-1', 'web-2']);
    const web1 = pod(c, 'web-1')!;
    const revision = set(c).status!.updateRevision!;
    expect(revision).toMatch(/^web-[4-9bcdf]{1,10}$/);
    expect(web1.metadata!.labels).toEqual({
      app: 'nginx',
      'controller-revision-hash': revision,
      'statefulset.kubernetes.io/pod-name': 'web-1',
      'apps.kubernetes.io/pod-index': '1',
    });
    expect(web1.spec!.hostname).toBe('web-1');
    expect(web1.spec!.subdomain).toBe('nginx');
    expect(web1.metadata!.ownerReferences).toEqual([{ apiVersion: 'apps/v1', kind: 'StatefulSet', name: 'web', uid: set(c).metadata!.uid, controller: true, blockOwnerDeletion: true }]);
  });

  it('records a ControllerRevision <sts>-<hash> with revision 1 and reports the status of §7.5', () => {
    const c = settled();
    const s = set(c);
    expect(c.kubectl('get controllerrevisions').stdout).toBe(`NAME             CONTROLLER             REVISION   AGE\n${s.status!.updateRevision}   statefulset.apps/web   1          60s\n`);
    expect(s.status).toEqual({
      observedGeneration: 1,
      replicas: 3,
      readyReplicas: 3,
      currentReplicas: 3,
      updatedReplicas: 3,
      availableReplicas: 3,
      currentRevision: s.status!.updateRevision,
      updateRevision: s.status!.updateRevision,
      collisionCount: 0,
    });
    expect(c.kubectl('get sts').stdout).toBe('NAME   READY   AGE\nweb    3/3     60s\n');
    expect(c.kubectl('get sts -o wide').stdout).toBe('NAME   READY   AGE   CONTAINERS   IMAGES\nweb    3/3     60s   nginx        nginx:1.27\n');
  });

  it('resolves <pod>.<svc>.<ns>.svc.cluster.local through the headless Service', () => {
    const c = new SimCluster({ nodes: 3, seed: 7 });
    c.apply(`apiVersion: v1\nkind: Service\nmetadata:\n  name: nginx\nspec:\n  clusterIP: None\n  selector:\n    app: nginx\n  ports:\n  - port: 80\n---\n${sts()}`);
    c.advance(60_000);
    const ip = pod(c, 'web-2')!.status!.podIP!;
    expect(c.kubectl('sim nslookup web-2.nginx.default.svc.cluster.local').stdout).toContain(`Name:\tweb-2.nginx.default.svc.cluster.local\nAddress: ${ip}\n`);
  });
});

describe('podManagementPolicy (k8s-semantics §7.2)', () => {
  it('OrderedReady creates web-N+1 only once web-N is Running and Ready, with the events of §7.5', () => {
    const c = new SimCluster({ nodes: 3, seed: 7 });
    const times = readyTimes(c);
    c.apply(sts());
    c.advance(60_000);
    expect(createdAt(c, 'Pod', 'web-1')).toBe(times.get('web-0'));
    expect(createdAt(c, 'Pod', 'web-2')).toBe(times.get('web-1'));
    expect(stsEvents(c)).toEqual([
      'Normal SuccessfulCreate create Pod web-0 in StatefulSet web successful',
      'Normal SuccessfulCreate create Pod web-1 in StatefulSet web successful',
      'Normal SuccessfulCreate create Pod web-2 in StatefulSet web successful',
    ]);
  });

  it('waits minReadySeconds of availability before the next ordinal', () => {
    const c = new SimCluster({ nodes: 3, seed: 7 });
    const times = readyTimes(c);
    c.apply(sts({ spec: '  minReadySeconds: 10\n' }));
    c.advance(60_000);
    const gap = createdAt(c, 'Pod', 'web-1')! - times.get('web-0')!;
    // Available once Ready for more than 10 s; the controller looks again 11 s after its last pass.
    expect(gap).toBeGreaterThan(10_000);
    expect(gap).toBeLessThanOrEqual(11_000);
  });

  it('Parallel creates, and removes, every pod at once', () => {
    const c = new SimCluster({ nodes: 3, seed: 7 });
    c.apply(sts({ spec: '  podManagementPolicy: Parallel\n' }));
    expect(podNames(c)).toEqual(['web-0', 'web-1', 'web-2']);
    expect(new Set(['web-0', 'web-1', 'web-2'].map((n) => createdAt(c, 'Pod', n))).size).toBe(1);
    c.advance(60_000);
    c.apply(sts({ replicas: 1, spec: '  podManagementPolicy: Parallel\n' }));
    const deletes = c.audit().filter((a) => a.kind === 'Pod' && a.actor === 'statefulset-controller' && a.verb === 'delete');
    expect(deletes.map((a) => a.name)).toEqual(['web-2', 'web-1']);
    expect(deletes[0].time).toBe(deletes[1].time);
  });

  it('scales down from the highest ordinal, one pod at a time, each fully gone first', () => {
    const c = settled();
    c.apply(sts({ replicas: 1 }));
    const deletes = () => c.audit().filter((a) => a.kind === 'Pod' && a.actor === 'statefulset-controller' && a.verb === 'delete').map((a) => a.name);
    expect(deletes()).toEqual(['web-2']);
    c.advance(60_000);
    expect(deletes()).toEqual(['web-2', 'web-1']);
    const gone2 = c.audit().filter((a) => a.name === 'web-2' && a.verb === 'delete').pop()!.time;
    const deleted1 = c.audit().find((a) => a.name === 'web-1' && a.actor === 'statefulset-controller' && a.verb === 'delete')!.time;
    expect(deleted1).toBe(gone2);
    expect(podNames(c)).toEqual(['web-0']);
    expect(stsEvents(c).slice(-2)).toEqual(['Normal SuccessfulDelete delete Pod web-2 in StatefulSet web successful', 'Normal SuccessfulDelete delete Pod web-1 in StatefulSet web successful']);
    expect(set(c).status!.replicas).toBe(1);
  });

  it('does not replace the pod of a failed node: it stays Terminating, since web-1 must never run twice (§13)', () => {
    const c = settled();
    c.nodeDown(pod(c, 'web-1')!.spec!.nodeName!);
    c.advance(400_000);
    expect(pod(c, 'web-1')!.metadata!.deletionTimestamp).toBeDefined();
    expect(c.audit().filter((a) => a.name === 'web-1' && a.verb === 'create' && !a.subresource)).toHaveLength(1);
  });

  it('recreates a Failed pod with the RecreatingFailedPod event', () => {
    const c = settled();
    const failed = pod(c, 'web-1')!;
    const uid = failed.metadata!.uid;
    c.nodeDown(failed.spec!.nodeName!);
    api(c).updateStatus({ ...(failed as unknown as KubeObject), status: { ...failed.status, phase: 'Failed' } }, 'test');
    c.advance(1000);
    expect(stsEvents(c)).toContain('Warning RecreatingFailedPod StatefulSet default/web is recreating failed Pod web-1');
    expect(stsEvents(c)).toContain('Normal SuccessfulDelete delete Pod web-1 in StatefulSet web successful');
    expect(pod(c, 'web-1')!.metadata!.uid).not.toBe(uid);
  });
});

describe('failures (k8s-semantics §7.5)', () => {
  it('reports a pod the apiserver refuses with FailedCreate, and retries with back-off', () => {
    // The StatefulSet's own validation does not check the pod spec: the pod create does.
    const c = new SimCluster({ nodes: 1, seed: 7 });
    c.apply(sts().replace('        image: nginx:1.27\n', ''));
    const failed = () => c.events().find((e) => e.reason === 'FailedCreate');
    expect(failed()).toMatchObject({ type: 'Warning', message: 'create Pod web-0 in StatefulSet web failed error: Pod "web-0" is invalid: spec.containers[0].image: Required value' });
    c.advance(1000);
    // 5 ms doubling: retries at 5, 15, 35, … 635 ms fit in the first second, 7 after the first attempt.
    expect(failed()!.count).toBe(8);
    expect(podNames(c)).toEqual([]);
  });
});

describe('claim failures (k8s-semantics §7.5)', () => {
  it('reports a claim the apiserver refuses, and the pod it holds back', () => {
    const c = new SimCluster({ nodes: 1, seed: 7 });
    c.apply(sts({ claims: true, replicas: 1 }).replace('      accessModes: ["ReadWriteOnce"]\n', ''));
    const invalid = 'PersistentVolumeClaim "www-web-0" is invalid: spec.accessModes: Required value: at least 1 access mode is required';
    expect(stsEvents(c).slice(0, 2)).toEqual([
      `Warning FailedCreate create Claim www-web-0 for Pod web-0 in StatefulSet web failed error: ${invalid}`,
      `Warning FailedCreate create Pod web-0 in StatefulSet web failed error: failed to create PVC www-web-0: ${invalid}`,
    ]);
    expect(podNames(c)).toEqual([]);
  });
});

describe('volumeClaimTemplates (k8s-semantics §7.1, §7.4)', () => {
  it('creates <template>-<sts>-<ordinal> before the pod, labelled with the selector, and mounts it', () => {
    const c = settled(sts({ claims: true }));
    const claim = c.get('PersistentVolumeClaim', 'www-web-0', 'default') as PersistentVolumeClaim;
    expect(claim.metadata!.labels).toEqual({ app: 'nginx' });
    expect(claim.spec!.resources!.requests!.storage).toBe('1Gi');
    expect(createdAt(c, 'PersistentVolumeClaim', 'www-web-0')).toBeLessThanOrEqual(createdAt(c, 'Pod', 'web-0')!);
    const order = c.audit().filter((a) => a.verb === 'create' && !a.subresource && ['www-web-0', 'web-0'].includes(a.name)).map((a) => a.name);
    expect(order).toEqual(['www-web-0', 'web-0']);
    expect(pod(c, 'web-0')!.spec!.volumes![0]).toEqual({ name: 'www', persistentVolumeClaim: { claimName: 'www-web-0' } });
    expect(stsEvents(c).slice(0, 2)).toEqual([
      'Normal SuccessfulCreate create Claim www-web-0 Pod web-0 in StatefulSet web success',
      'Normal SuccessfulCreate create Pod web-0 in StatefulSet web successful',
    ]);
  });

  it('reuses an existing claim of that name', () => {
    const c = new SimCluster({ nodes: 3, seed: 7 });
    c.apply('apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata:\n  name: www-web-0\nspec:\n  accessModes: ["ReadWriteOnce"]\n  resources:\n    requests:\n      storage: 5Gi\n');
    const uid = c.get('PersistentVolumeClaim', 'www-web-0', 'default')!.metadata.uid;
    c.apply(sts({ claims: true, replicas: 1 }));
    c.advance(30_000);
    expect(c.get('PersistentVolumeClaim', 'www-web-0', 'default')!.metadata.uid).toBe(uid);
    expect(stsEvents(c)).toEqual(['Normal SuccessfulCreate create Pod web-0 in StatefulSet web successful']);
  });

  it('keeps claims on scale-down and delete by default (Retain/Retain)', () => {
    const c = settled(sts({ claims: true }));
    c.apply(sts({ claims: true, replicas: 1 }));
    c.advance(120_000);
    c.kubectl('delete sts web');
    c.advance(60_000);
    expect(liveClaims(c)).toEqual(['www-web-0', 'www-web-1', 'www-web-2']);
  });

  it('whenScaled: Delete gives condemned claims an owner reference to their pod, so they go with it', () => {
    const spec = '  persistentVolumeClaimRetentionPolicy:\n    whenScaled: Delete\n';
    const c = settled(sts({ claims: true, spec }));
    c.apply(sts({ claims: true, spec, replicas: 1 }));
    const claim = c.get('PersistentVolumeClaim', 'www-web-2', 'default')!;
    expect(claim.metadata.ownerReferences).toEqual([{ apiVersion: 'v1', kind: 'Pod', name: 'web-2', uid: pod(c, 'web-2')!.metadata!.uid }]);
    c.advance(120_000);
    expect(liveClaims(c)).toEqual(['www-web-0']);
  });

  it('whenDeleted: Delete gives claims an owner reference to the set, so they go with it', () => {
    const spec = '  persistentVolumeClaimRetentionPolicy:\n    whenDeleted: Delete\n';
    const c = settled(sts({ claims: true, spec, replicas: 2 }));
    expect(c.get('PersistentVolumeClaim', 'www-web-1', 'default')!.metadata.ownerReferences).toEqual([
      { apiVersion: 'apps/v1', kind: 'StatefulSet', name: 'web', uid: set(c).metadata!.uid },
    ]);
    c.kubectl('delete sts web');
    c.advance(60_000);
    expect(liveClaims(c)).toEqual([]);
  });
});

describe('updates (k8s-semantics §7.3)', () => {
  /** Which pods the controller deleted, in order, while `act` ran. */
  function deletedDuring(c: SimCluster, act: () => void): string[] {
    const from = c.audit().length;
    act();
    return c.audit().slice(from).filter((a) => a.kind === 'Pod' && a.actor === 'statefulset-controller' && a.verb === 'delete').map((a) => a.name);
  }

  it('RollingUpdate replaces pods from the highest ordinal down, each after the one above is Ready', () => {
    const c = settled();
    const times = readyTimes(c);
    const old = set(c).status!.currentRevision;
    expect(deletedDuring(c, () => c.apply(sts({ image: 'nginx:1.28' })))).toEqual(['web-2']);
    expect(set(c).status!.updateRevision).not.toBe(old);
    // The terminating web-2 still counts as ready; no pod is at the new revision yet.
    expect(c.kubectl('rollout status sts/web --watch=false').stdout).toBe('Waiting for partitioned roll out to finish: 0 out of 3 new pods have been updated...\n');
    expect(deletedDuring(c, () => c.advance(120_000))).toEqual(['web-1', 'web-0']);
    const s = set(c).status!;
    expect(s.currentRevision).toBe(s.updateRevision);
    expect(s.updatedReplicas).toBe(3);
    expect(pod(c, 'web-0')!.spec!.containers[0].image).toBe('nginx:1.28');
    const deleted = (name: string) => c.audit().filter((a) => a.name === name && a.actor === 'statefulset-controller' && a.verb === 'delete').pop()!.time;
    expect(deleted('web-1')).toBe(times.get('web-2'));
    expect(deleted('web-0')).toBe(times.get('web-1'));
    expect(c.kubectl('rollout status sts/web').stdout).toBe('partitioned roll out complete: 3 new pods have been updated...\n');
  });

  it('leaves ordinals below the partition at the old revision', () => {
    const spec = '  updateStrategy:\n    type: RollingUpdate\n    rollingUpdate:\n      partition: 2\n';
    const c = settled(sts({ spec }));
    const old = set(c).status!.currentRevision!;
    expect(deletedDuring(c, () => (c.apply(sts({ spec, image: 'nginx:1.28' })), c.advance(120_000)))).toEqual(['web-2']);
    const labels = ['web-0', 'web-1', 'web-2'].map((n) => pod(c, n)!.metadata!.labels!['controller-revision-hash']);
    expect(labels).toEqual([old, old, set(c).status!.updateRevision]);
    expect(set(c).status).toMatchObject({ currentReplicas: 2, updatedReplicas: 1, currentRevision: old });
    expect(c.kubectl('rollout status sts/web').stdout).toBe('partitioned roll out complete: 1 new pods have been updated...\n');
  });

  it('OnDelete updates a pod only when it is deleted', () => {
    const spec = '  updateStrategy:\n    type: OnDelete\n';
    const c = settled(sts({ spec }));
    expect(deletedDuring(c, () => (c.apply(sts({ spec, image: 'nginx:1.28' })), c.advance(60_000)))).toEqual([]);
    c.kubectl('delete pod web-1');
    c.advance(60_000);
    expect(['web-0', 'web-1', 'web-2'].map((n) => pod(c, n)!.spec!.containers[0].image)).toEqual(['nginx:1.27', 'nginx:1.28', 'nginx:1.27']);
    expect(c.kubectl('rollout status sts/web')).toEqual({ stdout: '', stderr: 'error: rollout status is only available for RollingUpdate strategy type\n', exitCode: 1 });
  });
});

describe('StatefulSet validation (k8s-semantics §7.5)', () => {
  it('forbids updates to other spec fields', () => {
    const c = settled();
    const r = c.kubectl('apply -f -', sts().replace('serviceName: nginx', 'serviceName: other'));
    expect(r.stderr).toBe(
      `The StatefulSet "web" is invalid: spec: Forbidden: updates to statefulset spec for fields other than 'replicas', 'ordinals', 'template', 'updateStrategy', 'persistentVolumeClaimRetentionPolicy' and 'minReadySeconds' are forbidden\n`,
    );
  });

  it('rejects a template restartPolicy other than Always, a bad podManagementPolicy and a selector mismatch', () => {
    const c = new SimCluster({ nodes: 1, seed: 7 });
    const bad = sts({ spec: '  podManagementPolicy: Sometimes\n' }).replace('      containers:', '      restartPolicy: Never\n      containers:').replace('        app: nginx\n    spec:', '        app: web\n    spec:');
    expect(c.kubectl('apply -f -', bad).stderr).toBe(
      'The StatefulSet "web" is invalid: \n' +
        `* spec.podManagementPolicy: Invalid value: "Sometimes": must be 'OrderedReady' or 'Parallel'\n` +
        '* spec.template.metadata.labels: Invalid value: map[string]string{"app":"web"}: `selector` does not match template `labels`\n' +
        '* spec.template.spec.restartPolicy: Unsupported value: "Never": supported values: "Always"\n',
    );
  });

  it('defaults the strategy, policy, retention and history limit', () => {
    const c = settled(sts({ claims: true }));
    const spec = set(c).spec!;
    expect(spec.updateStrategy).toEqual({ type: 'RollingUpdate', rollingUpdate: { partition: 0 } });
    expect(spec.podManagementPolicy).toBe('OrderedReady');
    expect(spec.persistentVolumeClaimRetentionPolicy).toEqual({ whenDeleted: 'Retain', whenScaled: 'Retain' });
    expect(spec.revisionHistoryLimit).toBe(10);
    expect(spec.volumeClaimTemplates![0]).toMatchObject({ apiVersion: 'v1', kind: 'PersistentVolumeClaim', spec: { volumeMode: 'Filesystem' }, status: { phase: 'Pending' } });
  });
});
