import { describe, expect, it } from 'vitest';
import { SimCluster } from '../cluster';
import type { PersistentVolumeClaim } from '../api/types';
import { explainClaim, snapshotReader } from './binding-explain';

const pv = (name: string, size: string, extra = '', modes = 'ReadWriteOnce') =>
  `apiVersion: v1\nkind: PersistentVolume\nmetadata:\n  name: ${name}\nspec:\n  capacity:\n    storage: ${size}\n  accessModes: [${modes}]\n  hostPath:\n    path: /data/${name}\n${extra}---\n`;

describe('explainClaim (the binding flow, k8s-semantics §10.2)', () => {
  it('gives every volume its verdict and names the one the controller picks', () => {
    const c = new SimCluster({ nodes: 1, seed: 1 });
    c.apply(
      pv('tiny', '500Mi') +
        pv('gold', '10Gi', '  storageClassName: gold\n') +
        pv('block', '5Gi', '  volumeMode: Block\n') +
        pv('shared', '2Gi', '', 'ReadWriteMany') +
        pv('fit-big', '8Gi') +
        pv('fit', '3Gi'),
    );
    const claim: PersistentVolumeClaim = {
      apiVersion: 'v1',
      kind: 'PersistentVolumeClaim',
      metadata: { name: 'data', namespace: 'default', uid: 'u1' },
      spec: { storageClassName: '', accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } },
    };
    const explanation = explainClaim(snapshotReader(c.objects()), claim);
    expect(explanation).toMatchObject({ claim: 'default/data', phase: 'Pending', storageClass: '', outcome: 'bind', volume: 'fit', summary: 'binds to volume fit' });
    expect(Object.fromEntries(explanation.verdicts.map((v) => [v.volume, [v.reason, v.fits, v.message]]))).toEqual({
      block: ['volume-mode', false, "volumeMode Block differs from the claim's Filesystem"],
      fit: ['chosen', true, 'the smallest volume that satisfies the claim'],
      'fit-big': ['fits', true, 'satisfies the claim, but fit is smaller or pre-bound'],
      gold: ['class', false, 'storageClassName "gold" differs from the claim\'s ""'],
      shared: ['access-modes', false, 'access modes RWX do not include RWO'],
      tiny: ['too-small', false, 'capacity 500Mi is less than the requested 1Gi'],
    });
  });

  it('follows the claim through WaitForFirstConsumer to bound, live or from a snapshot', () => {
    const c = new SimCluster({ nodes: 1, seed: 1 });
    c.apply('apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata:\n  name: data\nspec:\n  accessModes: [ReadWriteOnce]\n  resources:\n    requests:\n      storage: 1Gi\n');
    const live = (c as unknown as { api: Parameters<typeof explainClaim>[0] }).api;
    const pending = c.get('PersistentVolumeClaim', 'data', 'default') as PersistentVolumeClaim;
    expect(explainClaim(live, pending)).toMatchObject({ outcome: 'wait-for-first-consumer', storageClass: 'standard', volumeBindingMode: 'WaitForFirstConsumer' });
    c.apply('apiVersion: v1\nkind: Pod\nmetadata:\n  name: app\nspec:\n  containers:\n  - name: c\n    image: nginx:1.27\n  volumes:\n  - name: d\n    persistentVolumeClaim:\n      claimName: data\n');
    c.advance(10_000);
    const bound = c.get('PersistentVolumeClaim', 'data', 'default') as PersistentVolumeClaim;
    expect(explainClaim(snapshotReader(c.objects()), bound)).toMatchObject({ outcome: 'bound', phase: 'Bound', volume: bound.spec!.volumeName, verdicts: [] });
  });

  it('says why a claim with no class and no volume stays Pending', () => {
    const c = new SimCluster({ nodes: 1, seed: 1 });
    c.apply('apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata:\n  name: data\nspec:\n  storageClassName: ""\n  accessModes: [ReadWriteOnce]\n  resources:\n    requests:\n      storage: 1Gi\n');
    expect(explainClaim(snapshotReader(c.objects()), c.get('PersistentVolumeClaim', 'data', 'default') as PersistentVolumeClaim)).toMatchObject({
      outcome: 'no-class',
      summary: 'no volume fits, and with no storage class none is provisioned',
    });
  });
});
