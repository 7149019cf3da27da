import { describe, expect, it } from 'vitest';
import { SimCluster } from '../../cluster';
import type { ApiServer } from '../server';
import { clone, type KubeObject } from '../object';
import type { PersistentVolumeClaim } from '../types';

const api = (c: SimCluster) => (c as unknown as { api: ApiServer }).api;
const claim = (spec: PersistentVolumeClaim['spec'], name = 'data'): KubeObject => ({ apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata: { name, namespace: 'default' }, spec });
const error = (fn: () => unknown) => {
  try {
    fn();
  } catch (err) {
    return (err as Error).message;
  }
  return 'no error';
};

describe('PVC, PV and StorageClass validation (k8s-semantics §10.4)', () => {
  it('requires access modes and a storage request', () => {
    const c = new SimCluster({ nodes: 1, seed: 1 });
    expect(error(() => api(c).create(claim({ resources: {} }), 'kubectl'))).toBe(
      'PersistentVolumeClaim "data" is invalid: [spec.accessModes: Required value: at least 1 access mode is required, spec.resources[storage]: Required value]',
    );
    expect(error(() => api(c).create(claim({ accessModes: ['ReadWriteOncePod', 'ReadOnlyMany'], resources: { requests: { storage: '0' } } }), 'kubectl'))).toBe(
      'PersistentVolumeClaim "data" is invalid: [spec.accessModes: Forbidden: may not use ReadWriteOncePod with other access modes, spec.resources[storage]: Invalid value: "0": must be greater than zero]',
    );
    expect(error(() => api(c).create({ apiVersion: 'storage.k8s.io/v1', kind: 'StorageClass', metadata: { name: 'x' }, provisioner: 'p', reclaimPolicy: 'Recycle' }, 'kubectl'))).toBe(
      'StorageClass.storage.k8s.io "x" is invalid: reclaimPolicy: Unsupported value: "Recycle": supported values: "Delete", "Retain"',
    );
    expect(error(() => api(c).create({ apiVersion: 'v1', kind: 'PersistentVolume', metadata: { name: 'v' }, spec: { accessModes: ['ReadWriteOnce'], capacity: { storage: '1Gi' } } }, 'kubectl'))).toBe(
      'PersistentVolume "v" is invalid: spec: Required value: must specify a volume type',
    );
  });

  it('keeps a claim\'s spec immutable except a Bound claim\'s request, and refuses growth without allowVolumeExpansion', () => {
    const c = new SimCluster({ nodes: 1, seed: 1 });
    c.apply('apiVersion: v1\nkind: PersistentVolume\nmetadata:\n  name: vol\nspec:\n  capacity:\n    storage: 5Gi\n  accessModes: [ReadWriteOnce]\n  hostPath:\n    path: /data/vol\n');
    api(c).create(claim({ storageClassName: '', accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } }), 'kubectl');
    c.advance(0);
    const bound = () => clone(c.get('PersistentVolumeClaim', 'data', 'default')!) as PersistentVolumeClaim;
    const modes = bound();
    modes.spec!.accessModes = ['ReadWriteMany'];
    expect(error(() => api(c).update(modes as KubeObject, 'kubectl'))).toBe(
      'PersistentVolumeClaim "data" is invalid: spec: Forbidden: spec is immutable after creation except resources.requests and volumeAttributesClassName for bound claims',
    );
    const grow = bound();
    grow.spec!.resources!.requests!.storage = '2Gi';
    expect(error(() => api(c).update(grow as KubeObject, 'kubectl'))).toBe(
      'persistentvolumeclaims "data" is forbidden: only dynamically provisioned pvc can be resized and the storageclass that provisions the pvc must support resize',
    );
    // RecoverVolumeExpansionFailure (beta in v1.32): no shrinking to the capacity the claim already has.
    const shrink = bound();
    shrink.spec!.resources!.requests!.storage = '500Mi';
    expect(error(() => api(c).update(shrink as KubeObject, 'kubectl'))).toBe(
      'PersistentVolumeClaim "data" is invalid: spec.resources.requests.storage: Forbidden: field can not be less than status.capacity',
    );
  });

  it('gives a claim with no class the newest default class, and leaves "" alone', () => {
    const c = new SimCluster({ nodes: 1, seed: 1 });
    c.advance(2000);
    c.apply('apiVersion: storage.k8s.io/v1\nkind: StorageClass\nmetadata:\n  name: fast\n  annotations:\n    storageclass.kubernetes.io/is-default-class: "true"\nprovisioner: rancher.io/local-path\n');
    const none = api(c).create(claim({ accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } }), 'kubectl') as PersistentVolumeClaim;
    expect(none.spec!.storageClassName).toBe('fast');
    expect(none.metadata!.finalizers).toEqual(['kubernetes.io/pvc-protection']);
    const empty = api(c).create(claim({ storageClassName: '', accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } }, 'empty'), 'kubectl') as PersistentVolumeClaim;
    expect(empty.spec!.storageClassName).toBe('');
  });

  it('forbids changing a class\'s provisioner', () => {
    const c = new SimCluster({ nodes: 1, seed: 1 });
    const sc = clone(c.get('StorageClass', 'standard')!);
    sc.provisioner = 'example.com/other';
    expect(error(() => api(c).update(sc, 'kubectl'))).toBe('StorageClass.storage.k8s.io "standard" is invalid: provisioner: Forbidden: updates to provisioner are forbidden.');
  });
});
