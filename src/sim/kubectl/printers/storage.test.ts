import { describe, expect, it } from 'vitest';
import { SimCluster } from '../../cluster';

/** A static volume bound to a claim a pod uses, one minute in (k8s-semantics §10.2, §10.4). */
function cluster(): SimCluster {
  const c = new SimCluster({ nodes: 1, seed: 1 });
  c.apply('apiVersion: v1\nkind: PersistentVolume\nmetadata:\n  name: vol\nspec:\n  capacity:\n    storage: 5Gi\n  accessModes: [ReadWriteOnce, ReadOnlyMany]\n  hostPath:\n    path: /data/vol\n');
  c.apply(`apiVersion: v1
kind: PersistentVolumeClaim
metadata:
  name: data
spec:
  storageClassName: ""
  accessModes: [ReadWriteOnce]
  resources:
    requests:
      storage: 1Gi
---
apiVersion: v1
kind: PersistentVolumeClaim
metadata:
  name: waiting
spec:
  accessModes: [ReadWriteOnce]
  resources:
    requests:
      storage: 1Gi
---
apiVersion: v1
kind: Pod
metadata:
  name: app
spec:
  containers:
  - name: c
    image: nginx:1.27
  volumes:
  - name: d
    persistentVolumeClaim:
      claimName: data
`);
  c.advance(60_000);
  return c;
}

describe('kubectl get pv / pvc / sc (v1.32 columns)', () => {
  it('prints a bound static volume and claim: the claim shows the volume\'s 5Gi and modes, no class', () => {
    const c = cluster();
    expect(c.kubectl('get pv').stdout).toBe(`NAME   CAPACITY   ACCESS MODES   RECLAIM POLICY   STATUS   CLAIM          STORAGECLASS   VOLUMEATTRIBUTESCLASS   REASON   AGE
vol    5Gi        RWO,ROX        Retain           Bound    default/data                  <unset>                          60s
`);
    expect(c.kubectl('get pvc -o wide').stdout).toBe(`NAME      STATUS    VOLUME   CAPACITY   ACCESS MODES   STORAGECLASS   VOLUMEATTRIBUTESCLASS   AGE   VOLUMEMODE
data      Bound     vol      5Gi        RWO,ROX                       <unset>                 60s   Filesystem
waiting   Pending                                      standard       <unset>                 60s   Filesystem
`);
  });

  it('marks the default class', () => {
    expect(cluster().kubectl('get sc').stdout).toBe(`NAME                 PROVISIONER             RECLAIMPOLICY   VOLUMEBINDINGMODE      ALLOWVOLUMEEXPANSION   AGE
standard (default)   rancher.io/local-path   Delete          WaitForFirstConsumer   false                  60s
`);
  });
});

describe('kubectl describe pv / pvc / sc', () => {
  it('describes a volume with its finalizer, claim and source', () => {
    expect(cluster().kubectl('describe pv vol').stdout).toBe(`Name:            vol
Labels:          <none>
Annotations:     pv.kubernetes.io/bound-by-controller: yes
Finalizers:      [kubernetes.io/pv-protection]
StorageClass:    
Status:          Bound
Claim:           default/data
Reclaim Policy:  Retain
Access Modes:    RWO,ROX
VolumeMode:      Filesystem
Capacity:        5Gi
Node Affinity:   <none>
Message:         
Source:
    Type:          HostPath (bare host directory volume)
    Path:          /data/vol
    HostPathType:  <none>
Events:            <none>
`);
  });

  it('describes a claim with the pods that use it, and stays Terminating while they do', () => {
    const c = cluster();
    expect(c.kubectl('describe pvc data').stdout).toBe(`Name:          data
Namespace:     default
StorageClass:  
Status:        Bound
Volume:        vol
Labels:        <none>
Annotations:   pv.kubernetes.io/bind-completed: yes
               pv.kubernetes.io/bound-by-controller: yes
Finalizers:    [kubernetes.io/pvc-protection]
Capacity:      5Gi
Access Modes:  RWO,ROX
VolumeMode:    Filesystem
Used By:       app
Events:        <none>
`);
    c.kubectl('delete pvc data --wait=false');
    c.advance(5000);
    expect(c.kubectl('describe pvc data').stdout).toContain('Status:        Terminating (lasts 5s)\n');
  });

  it('describes the default class', () => {
    expect(cluster().kubectl('describe sc standard').stdout).toBe(`Name:                  standard
IsDefaultClass:        Yes
Annotations:           storageclass.kubernetes.io/is-default-class=true
Provisioner:           rancher.io/local-path
Parameters:            <none>
AllowVolumeExpansion:  <unset>
MountOptions:          <none>
ReclaimPolicy:         Delete
VolumeBindingMode:     WaitForFirstConsumer
Events:                <none>
`);
  });
});
