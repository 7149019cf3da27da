import { describe, expect, it } from 'vitest';
import { SimCluster } from '../cluster';
import type { PersistentVolume, PersistentVolumeClaim, Pod } from '../api/types';

const pvc = (name: string, extra = '') => `apiVersion: v1
kind: PersistentVolumeClaim
metadata:
  name: ${name}
spec:
  accessModes: [ReadWriteOnce]
  resources:
    requests:
      storage: 1Gi
${extra}`;
const pod = (name: string, claim: string) => `apiVersion: v1
kind: Pod
metadata:
  name: ${name}
spec:
  containers:
  - name: app
    image: nginx:1.27
  volumes:
  - name: data
    persistentVolumeClaim:
      claimName: ${claim}
`;
const claim = (c: SimCluster, name: string) => c.get('PersistentVolumeClaim', name, 'default') as PersistentVolumeClaim;
const getPod = (c: SimCluster, name: string) => c.get('Pod', name, 'default') as Pod;
const events = (c: SimCluster, name: string) => c.events().filter((e) => e.involvedObject.name === name).map((e) => `${e.reason} ${e.message}`);
const PROVISIONER_SOURCE = /^rancher\.io\/local-path_local-path-provisioner-/;

describe('WaitForFirstConsumer with the default class (k8s-semantics §10.3)', () => {
  it('gives a claim without a class the default "standard", and waits for a consumer', () => {
    const c = new SimCluster({ nodes: 2, seed: 1 });
    c.apply(pvc('data'));
    c.advance(30_000);
    expect(claim(c, 'data').spec!.storageClassName).toBe('standard');
    expect(claim(c, 'data').status!.phase).toBe('Pending');
    expect(c.events().filter((e) => e.involvedObject.name === 'data')).toEqual([
      expect.objectContaining({ type: 'Normal', reason: 'WaitForFirstConsumer', message: 'waiting for first consumer to be created before binding', count: 3, source: 'persistentvolume-controller' }),
    ]);
    expect(c.kubectl('get pvc').stdout).toBe('NAME   STATUS    VOLUME   CAPACITY   ACCESS MODES   STORAGECLASS   VOLUMEATTRIBUTESCLASS   AGE\ndata   Pending                                      standard       <unset>                 30s\n');
  });

  it('picks a node, provisions a local-path volume there, binds it, then binds the pod', () => {
    const c = new SimCluster({ nodes: 2, seed: 3 });
    c.apply(pvc('data'));
    c.apply(pod('web', 'data'));
    c.advance(1000);
    // Scheduled in PreBind: the node is chosen but the pod waits for its volume.
    const node = claim(c, 'data').metadata!.annotations!['volume.kubernetes.io/selected-node'];
    expect(node).toMatch(/^node-[12]$/);
    expect(getPod(c, 'web').spec!.nodeName).toBeUndefined();
    const uid = claim(c, 'data').metadata!.uid!;
    c.advance(4000);
    const pv = c.get('PersistentVolume', `pvc-${uid}`) as PersistentVolume;
    expect(pv.spec).toMatchObject({
      capacity: { storage: '1Gi' },
      persistentVolumeReclaimPolicy: 'Delete',
      storageClassName: 'standard',
      hostPath: { path: `/var/local-path-provisioner/pvc-${uid}_default_data`, type: 'DirectoryOrCreate' },
      nodeAffinity: { required: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'kubernetes.io/hostname', operator: 'In', values: [node] }] }] } },
    });
    expect(pv.metadata!.annotations!['pv.kubernetes.io/provisioned-by']).toBe('rancher.io/local-path');
    expect(claim(c, 'data').status!.phase).toBe('Bound');
    expect(getPod(c, 'web').spec!.nodeName).toBe(node);
    expect(events(c, 'data')).toEqual([
      'WaitForFirstConsumer waiting for first consumer to be created before binding',
      "ExternalProvisioning Waiting for a volume to be created either by the external provisioner 'rancher.io/local-path' or manually by the system administrator. If volume creation is delayed, please verify that the provisioner is running and correctly registered.",
      'Provisioning External provisioner is provisioning volume for claim "default/data"',
      `ProvisioningSucceeded Successfully provisioned volume pvc-${uid}`,
    ]);
    expect(c.events().find((e) => e.reason === 'Provisioning')!.source).toMatch(PROVISIONER_SOURCE);
    expect(events(c, 'web')[0]).toBe(`Scheduled Successfully assigned default/web to ${node}`);
  });

  it('deletes the provisioned volume with its claim (reclaimPolicy Delete), only once no pod uses the claim', () => {
    const c = new SimCluster({ nodes: 1, seed: 1 });
    c.apply(pvc('data') + '---\n' + pod('web', 'data'));
    c.advance(10_000);
    const name = claim(c, 'data').spec!.volumeName!;
    expect(c.kubectl('delete pvc data --wait=false').stdout).toBe('persistentvolumeclaim "data" deleted\n');
    c.advance(30_000);
    expect(claim(c, 'data').metadata!.deletionTimestamp).toBeDefined();
    expect(c.kubectl('get pvc data').stdout).toMatch(/^data\s+Terminating\s+pvc-/m);
    expect(c.get('PersistentVolume', name)).toBeDefined();
    c.kubectl('delete pod web');
    c.advance(40_000);
    expect(c.get('PersistentVolumeClaim', 'data', 'default')).toBeUndefined();
    expect(c.get('PersistentVolume', name)).toBeUndefined();
  });
});

describe('VolumeBinding scheduling failures (k8s-semantics §3.3, §3.5)', () => {
  it('refuses a pod whose claim does not exist', () => {
    const c = new SimCluster({ nodes: 3, seed: 1 });
    c.apply(pod('web', 'nope'));
    c.advance(2000);
    const message = '0/4 nodes are available: persistentvolumeclaim "nope" not found. preemption: 0/4 nodes are available: 4 Preemption is not helpful for scheduling..';
    expect(getPod(c, 'web').status!.conditions).toEqual([expect.objectContaining({ type: 'PodScheduled', status: 'False', reason: 'Unschedulable', message })]);
    expect(events(c, 'web')).toEqual([`FailedScheduling ${message}`]);
  });

  it('refuses a pod whose Immediate claim is unbound, and schedules it once the claim binds', () => {
    const c = new SimCluster({ nodes: 1, seed: 1 });
    c.apply('apiVersion: storage.k8s.io/v1\nkind: StorageClass\nmetadata:\n  name: manual\nprovisioner: kubernetes.io/no-provisioner\n');
    c.apply(pvc('data', '  storageClassName: manual\n') + '---\n' + pod('web', 'data'));
    c.advance(2000);
    expect(getPod(c, 'web').status!.conditions![0].message).toBe(
      '0/2 nodes are available: pod has unbound immediate PersistentVolumeClaims. preemption: 0/2 nodes are available: 2 Preemption is not helpful for scheduling..',
    );
    expect(events(c, 'data')[0]).toBe(
      "ExternalProvisioning Waiting for a volume to be created either by the external provisioner 'kubernetes.io/no-provisioner' or manually by the system administrator. If volume creation is delayed, please verify that the provisioner is running and correctly registered.",
    );
    c.apply('apiVersion: v1\nkind: PersistentVolume\nmetadata:\n  name: vol\nspec:\n  storageClassName: manual\n  capacity:\n    storage: 2Gi\n  accessModes: [ReadWriteOnce]\n  hostPath:\n    path: /data/vol\n');
    c.advance(30_000);
    expect(claim(c, 'data').spec!.volumeName).toBe('vol');
    expect(getPod(c, 'web').spec!.nodeName).toBe('node-1');
  });

  it('binds a static local volume on the node its affinity names, and refuses the rest', () => {
    const c = new SimCluster({ nodes: 3, seed: 1 });
    c.apply('apiVersion: storage.k8s.io/v1\nkind: StorageClass\nmetadata:\n  name: local\nprovisioner: kubernetes.io/no-provisioner\nvolumeBindingMode: WaitForFirstConsumer\n');
    c.apply(`apiVersion: v1
kind: PersistentVolume
metadata:
  name: disk
spec:
  storageClassName: local
  capacity:
    storage: 5Gi
  accessModes: [ReadWriteOnce]
  local:
    path: /mnt/disk
  nodeAffinity:
    required:
      nodeSelectorTerms:
      - matchExpressions:
        - key: kubernetes.io/hostname
          operator: In
          values: [node-2]
`);
    c.apply(pvc('data', '  storageClassName: local\n') + '---\n' + pod('web', 'data'));
    c.advance(5000);
    expect(claim(c, 'data').spec!.volumeName).toBe('disk');
    expect(getPod(c, 'web').spec!.nodeName).toBe('node-2');
    // The volume is taken: a second pod's claim has no volume on any node.
    c.apply(pvc('more', '  storageClassName: local\n') + '---\n' + pod('other', 'more'));
    c.advance(5000);
    expect(getPod(c, 'other').status!.conditions![0].message).toBe(
      "0/4 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 3 node(s) didn't find available persistent volumes to bind. preemption: 0/4 nodes are available: 4 Preemption is not helpful for scheduling..",
    );
  });

  it('reports a provisioning failure: local-path refuses ReadWriteMany', () => {
    const c = new SimCluster({ nodes: 1, seed: 1 });
    c.apply(pvc('shared').replace('[ReadWriteOnce]', '[ReadWriteMany]') + '---\n' + pod('web', 'shared'));
    c.advance(6000);
    expect(events(c, 'shared')).toContain('ProvisioningFailed failed to provision volume with StorageClass "standard": NodePath only supports ReadWriteOnce and ReadWriteOncePod (1.22+) access modes');
    expect(events(c, 'web')).toContain('FailedScheduling running PreBind plugin "VolumeBinding": binding volumes: provisioning failed for PVC "shared"');
    expect(getPod(c, 'web').spec!.nodeName).toBeUndefined();
  });
});
