import { describe, expect, it } from 'vitest';
import { SimCluster } from '../cluster';
import type { ApiServer } from '../api/server';
import type { KubeObject } from '../api/object';
import type { PersistentVolume, PersistentVolumeClaim } from '../api/types';

const api = (c: SimCluster) => (c as unknown as { api: ApiServer }).api;
const pv = (name: string, size: string, extra = '', modes = ['ReadWriteOnce']) => `apiVersion: v1
kind: PersistentVolume
metadata:
  name: ${name}
spec:
  capacity:
    storage: ${size}
  accessModes: [${modes.join(', ')}]
  hostPath:
    path: /data/${name}
${extra}`;
const pvc = (name: string, size: string, extra = '  storageClassName: ""\n', modes = ['ReadWriteOnce']) => `apiVersion: v1
kind: PersistentVolumeClaim
metadata:
  name: ${name}
spec:
  accessModes: [${modes.join(', ')}]
  resources:
    requests:
      storage: ${size}
${extra}`;
const claim = (c: SimCluster, name: string) => c.get('PersistentVolumeClaim', name, 'default') as PersistentVolumeClaim;
const volume = (c: SimCluster, name: string) => c.get('PersistentVolume', name) as PersistentVolume | undefined;
const events = (c: SimCluster, name: string) => c.events().filter((e) => e.involvedObject.name === name).map((e) => `${e.type} ${e.reason} ${e.message}`);
/** Annotations other than kubectl's last-applied-configuration. */
const ann = (obj: { metadata?: { annotations?: Record<string, string> } }) =>
  Object.fromEntries(Object.entries(obj.metadata?.annotations ?? {}).filter(([k]) => k !== 'kubectl.kubernetes.io/last-applied-configuration'));
const ok = (c: SimCluster, yaml: string) => {
  for (const r of c.apply(yaml)) expect(r).not.toHaveProperty('error');
};

describe('PV controller static binding (k8s-semantics §10.2)', () => {
  it('binds the smallest volume that satisfies the claim, and copies its capacity and modes into the claim', () => {
    const c = new SimCluster({ nodes: 1, seed: 1 });
    ok(c, [pv('big', '10Gi'), pv('mid', '5Gi'), pv('small', '1Gi'), pvc('data', '2Gi')].join('---\n'));
    const data = claim(c, 'data');
    expect(data.status).toEqual({ phase: 'Bound', accessModes: ['ReadWriteOnce'], capacity: { storage: '5Gi' } });
    expect(data.spec!.volumeName).toBe('mid');
    expect(ann(data)).toEqual({ 'pv.kubernetes.io/bind-completed': 'yes', 'pv.kubernetes.io/bound-by-controller': 'yes' });
    const mid = volume(c, 'mid')!;
    expect(mid.status!.phase).toBe('Bound');
    expect(mid.spec!.claimRef).toMatchObject({ kind: 'PersistentVolumeClaim', namespace: 'default', name: 'data', uid: data.metadata!.uid, apiVersion: 'v1' });
    expect(ann(mid)).toEqual({ 'pv.kubernetes.io/bound-by-controller': 'yes' });
    expect(volume(c, 'big')!.status!.phase).toBe('Available');
    expect(volume(c, 'small')!.status!.phase).toBe('Available');
  });

  it('tries the access-mode sets with fewest modes first, even when a larger set holds a smaller volume', () => {
    const c = new SimCluster({ nodes: 1, seed: 1 });
    ok(c, [pv('rwo', '10Gi'), pv('rwo-rwx', '2Gi', '', ['ReadWriteOnce', 'ReadWriteMany']), pvc('data', '1Gi')].join('---\n'));
    expect(claim(c, 'data').spec!.volumeName).toBe('rwo');
    ok(c, pvc('shared', '1Gi', '  storageClassName: ""\n', ['ReadWriteMany']));
    expect(claim(c, 'shared').spec!.volumeName).toBe('rwo-rwx');
  });

  it('never binds a volume of another class, mode, or one the selector rejects', () => {
    const c = new SimCluster({ nodes: 1, seed: 1 });
    ok(c, [pv('manual', '5Gi', '  storageClassName: manual\n'), pv('block', '5Gi', '  volumeMode: Block\n'), pv('plain', '5Gi'), pv('gold', '5Gi').replace('metadata:\n', 'metadata:\n  labels:\n    tier: gold\n')].join('---\n'));
    ok(c, pvc('picky', '1Gi', '  storageClassName: ""\n  selector:\n    matchLabels:\n      tier: gold\n'));
    expect(claim(c, 'picky').spec!.volumeName).toBe('gold');
    ok(c, pvc('blocky', '1Gi', '  storageClassName: ""\n  volumeMode: Block\n'));
    expect(claim(c, 'blocky').spec!.volumeName).toBe('block');
    ok(c, pvc('other', '1Gi'));
    expect(claim(c, 'other').spec!.volumeName).toBe('plain');
    ok(c, pvc('left', '1Gi'));
    // Only "manual" is left: a class mismatch.
    expect(claim(c, 'left').status!.phase).toBe('Pending');
    expect(events(c, 'left')).toEqual(['Normal FailedBinding no persistent volumes available for this claim and no storage class is set']);
  });

  it('binds a claim to a volume created later at the next 15 s resync, one claim per volume', () => {
    const c = new SimCluster({ nodes: 1, seed: 1 });
    ok(c, [pvc('a', '1Gi'), pvc('b', '1Gi')].join('---\n'));
    c.advance(1000);
    ok(c, pv('only', '1Gi'));
    expect(volume(c, 'only')!.status!.phase).toBe('Available');
    expect(claim(c, 'a').status!.phase).toBe('Pending');
    c.advance(15_000);
    const bound = ['a', 'b'].filter((n) => claim(c, n).status!.phase === 'Bound');
    expect(bound).toHaveLength(1);
    expect(volume(c, 'only')!.spec!.claimRef!.name).toBe(bound[0]);
    c.advance(60_000);
    expect(['a', 'b'].filter((n) => claim(c, n).status!.phase === 'Bound')).toHaveLength(1);
  });

  it('honours pre-binding by claimRef on the volume and by volumeName on the claim', () => {
    const c = new SimCluster({ nodes: 1, seed: 1 });
    ok(c, [pv('reserved', '10Gi', '  claimRef:\n    namespace: default\n    name: data\n'), pv('small', '1Gi'), pv('named', '3Gi')].join('---\n'));
    expect(volume(c, 'reserved')!.status!.phase).toBe('Available');
    ok(c, pvc('data', '1Gi'));
    expect(claim(c, 'data').spec!.volumeName).toBe('reserved');
    // A user's pre-binding is not the controller's: no bound-by-controller on the volume.
    expect(ann(volume(c, 'reserved')!)).toEqual({});
    ok(c, pvc('mine', '1Gi', '  storageClassName: ""\n  volumeName: named\n'));
    const mine = claim(c, 'mine');
    expect(mine.status!.phase).toBe('Bound');
    expect(ann(mine)).toEqual({ 'pv.kubernetes.io/bind-completed': 'yes' });
    expect(ann(volume(c, 'named')!)).toEqual({ 'pv.kubernetes.io/bound-by-controller': 'yes' });
    ok(c, pvc('thief', '1Gi', '  storageClassName: ""\n  volumeName: named\n'));
    expect(claim(c, 'thief').status!.phase).toBe('Pending');
    expect(events(c, 'thief')).toEqual(['Warning FailedBinding volume "named" already bound to a different claim.']);
  });
});

describe('reclaim, protection and loss (k8s-semantics §10.4)', () => {
  it('keeps a Retain volume Released with its claimRef until an admin clears it', () => {
    const c = new SimCluster({ nodes: 1, seed: 1 });
    ok(c, [pv('keep', '1Gi'), pvc('data', '1Gi')].join('---\n'));
    expect(c.kubectl('delete pvc data').stdout).toBe('persistentvolumeclaim "data" deleted\n');
    expect(volume(c, 'keep')!.status!.phase).toBe('Released');
    expect(volume(c, 'keep')!.spec!.claimRef!.name).toBe('data');
    ok(c, pvc('next', '1Gi'));
    c.advance(30_000);
    expect(claim(c, 'next').status!.phase).toBe('Pending');
    const released = clone(volume(c, 'keep')!);
    delete released.spec!.claimRef;
    api(c).update(released as KubeObject, 'kubectl');
    c.advance(0);
    expect(volume(c, 'keep')!.status!.phase).toBe('Available');
    c.advance(15_000);
    expect(claim(c, 'next').spec!.volumeName).toBe('keep');
  });

  it('fails to delete a static Delete volume the in-tree deleter cannot remove', () => {
    const c = new SimCluster({ nodes: 1, seed: 1 });
    ok(c, [pv('scratch', '1Gi', '  persistentVolumeReclaimPolicy: Delete\n'), pv('tmp', '1Gi', '  persistentVolumeReclaimPolicy: Delete\n').replace('/data/tmp', '/tmp/tmp'), pvc('a', '1Gi'), pvc('b', '1Gi')].join('---\n'));
    c.kubectl('delete pvc a b');
    expect(volume(c, 'tmp')).toBeUndefined();
    expect(volume(c, 'scratch')!.status).toMatchObject({ phase: 'Failed', message: 'host_path deleter only supports /tmp/.+ but received provided /data/scratch' });
    expect(events(c, 'scratch')).toEqual(['Warning VolumeFailedDelete host_path deleter only supports /tmp/.+ but received provided /data/scratch']);
  });

  it('adds both protection finalizers, and holds a bound volume Terminating while it is Bound', () => {
    const c = new SimCluster({ nodes: 1, seed: 1 });
    ok(c, [pv('vol', '1Gi'), pvc('data', '1Gi')].join('---\n'));
    expect(claim(c, 'data').metadata!.finalizers).toEqual(['kubernetes.io/pvc-protection']);
    expect(volume(c, 'vol')!.metadata!.finalizers).toEqual(['kubernetes.io/pv-protection']);
    c.kubectl('delete pv vol --wait=false');
    expect(volume(c, 'vol')!.metadata!.deletionTimestamp).toBeDefined();
    expect(c.kubectl('get pv vol').stdout).toMatch(/vol\s+1Gi\s+RWO\s+Retain\s+Terminating\s+default\/data/);
    c.kubectl('delete pvc data');
    // The claim is gone, the volume Released, so nothing protects it any more.
    expect(volume(c, 'vol')).toBeUndefined();
  });

  it('marks a claim Lost when its volume disappears', () => {
    const c = new SimCluster({ nodes: 1, seed: 1 });
    ok(c, [pv('vol', '1Gi'), pvc('data', '1Gi')].join('---\n'));
    c.kubectl('delete pv vol --wait=false');
    api(c).removeFinalizer(volume(c, 'vol')! as KubeObject, 'kubernetes.io/pv-protection', 'kubectl');
    c.advance(0);
    expect(volume(c, 'vol')).toBeUndefined();
    expect(claim(c, 'data').status).toEqual({ phase: 'Lost' });
    expect(events(c, 'data')).toEqual(['Warning ClaimLost Bound claim has lost its PersistentVolume. Data on the volume is lost!']);
  });
});

function clone<T>(v: T): T {
  return JSON.parse(JSON.stringify(v)) as T;
}
