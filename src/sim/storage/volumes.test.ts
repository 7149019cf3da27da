import { describe, expect, it } from 'vitest';
import { SimCluster } from '../cluster';
import type { Pod } from '../api/types';
import { disks } from './volumes';

const pod = (c: SimCluster, name: string) => c.get('Pod', name, 'default') as Pod | undefined;
const files = (c: SimCluster, name: string) => Object.fromEntries(c.podFiles('default', name).map((f) => [f.path, f.content]));
const visit = (c: SimCluster, name: string) => c.curl(`http://${pod(c, name)!.status!.podIP}:8080/`).text;

function cluster(yaml: string, nodes = 2) {
  const c = new SimCluster({ nodes, seed: 11 });
  for (const r of c.apply(yaml)) expect(r.error).toBeUndefined();
  c.advance(20_000);
  return c;
}

const counterPod = (name: string, volume: string, node = 'node-1') => `apiVersion: v1
kind: Pod
metadata: {name: ${name}}
spec:
  nodeName: ${node}
  containers:
  - name: counter
    image: kubesim/visit-counter:1.0
    volumeMounts: [{name: data, mountPath: /data}]
  volumes:
  - name: data
${volume}`;

describe('emptyDir', () => {
  it('is shared by the pod containers and gone with the pod', () => {
    const yaml = `apiVersion: v1
kind: Pod
metadata: {name: shared}
spec:
  containers:
  - name: writer
    image: kubesim/logger:1.0
    env: [{name: LOG_INTERVAL, value: "5"}]
    volumeMounts: [{name: scratch, mountPath: /data}]
  - name: reader
    image: busybox:1.36
    command: [sh, -c, "sleep 3600"]
    volumeMounts: [{name: scratch, mountPath: /shared}]
  volumes:
  - name: scratch
    emptyDir: {}
`;
    const c = cluster(yaml);
    // Scheduled, sandboxed and pulled within 5 s: a line then and every 5 s, four by 20 s.
    const log = files(c, 'shared')['/data/log.txt'];
    expect(log.trim().split('\n')).toHaveLength(4);
    expect(log.split('\n')[0]).toMatch(/^2026-01-01T09:00:0\dZ shared line 1$/);
    expect(c['runtime'].readFile(pod(c, 'shared')!, 'reader', '/shared/log.txt')).toBe(log);

    c.kubectl('delete pod shared --grace-period=0 --force');
    c.apply(yaml);
    c.advance(3_000);
    expect(files(c, 'shared')['/data/log.txt'].trim().split('\n')).toHaveLength(1);
  });

  it('resets the visit counter with a new pod', () => {
    const yaml = counterPod('counter', '    emptyDir: {}\n');
    const c = cluster(yaml);
    expect([visit(c, 'counter'), visit(c, 'counter'), visit(c, 'counter')]).toEqual([
      'Visit number 1, served by counter',
      'Visit number 2, served by counter',
      'Visit number 3, served by counter',
    ]);
    expect(files(c, 'counter')).toEqual({ '/data/count': '3' });
    c.kubectl('delete pod counter');
    c.advance(5_000);
    c.apply(yaml);
    c.advance(20_000);
    expect(visit(c, 'counter')).toBe('Visit number 1, served by counter');
  });
});

describe('shell scripts', () => {
  it('write at start and append in a paced loop, with $(VAR) expanded in args', () => {
    const c = cluster(`apiVersion: v1
kind: Pod
metadata: {name: looper}
spec:
  containers:
  - name: sh
    image: busybox:1.36
    env: [{name: DIR, value: /out}]
    command: [sh, -c]
    args: ["echo booted > $(DIR)/state; while true; do echo \\"tick $HOSTNAME\\" >> $(DIR)/ticks; sleep 4; done"]
    volumeMounts: [{name: out, mountPath: /out}]
  volumes:
  - {name: out, emptyDir: {}}
`);
    const f = files(c, 'looper');
    expect(f['/out/state']).toBe('booted\n');
    // Started within 4 s: a tick then and every 4 s, five by 20 s.
    expect(f['/out/ticks']).toBe('tick looper\n'.repeat(5));
  });
});

describe('the container layer', () => {
  it('loses what a container wrote outside its volumes when it restarts', () => {
    const c = cluster(`apiVersion: v1
kind: Pod
metadata:
  name: forgetful
  annotations: {kubesim.io/crash-after: 30s}
spec:
  containers:
  - name: sh
    image: busybox:1.36
    command: [sh, -c, "while true; do date >> /tmp/log; sleep 2; done"]
`);
    const lines = () => (c.kubectl('exec forgetful -- cat /tmp/log').stdout.match(/\n/g) ?? []).length;
    const restarts = () => (c.get('Pod', 'forgetful', 'default') as Pod).status!.containerStatuses![0].restartCount;
    // Started within 4 s, a line every 2 s: at least 9 by 20 s.
    expect(lines()).toBeGreaterThanOrEqual(9);
    // It crashes 30 s after its start and restarts a second later, with an empty /tmp.
    c.advance(15_000);
    expect(restarts()).toBe(1);
    expect(lines()).toBeLessThanOrEqual(2);
    expect(lines()).toBeGreaterThanOrEqual(1);
  });
});

describe('hostPath', () => {
  it('belongs to the node: a pod elsewhere sees other data', () => {
    const hostPath = '    hostPath: {path: /var/counter, type: DirectoryOrCreate}\n';
    const c = cluster(`${counterPod('a', hostPath, 'node-1')}---\n${counterPod('b', hostPath, 'node-2')}`);
    visit(c, 'a');
    visit(c, 'a');
    expect(visit(c, 'b')).toBe('Visit number 1, served by b');
    c.kubectl('delete pod a');
    c.advance(5_000);
    c.apply(counterPod('a2', hostPath, 'node-1'));
    c.advance(20_000);
    expect(visit(c, 'a2')).toBe('Visit number 3, served by a2');
  });
});

describe('persistentVolumeClaim', () => {
  const storage = `apiVersion: v1
kind: PersistentVolume
metadata: {name: pv-data}
spec:
  capacity: {storage: 1Gi}
  accessModes: [ReadWriteOnce]
  persistentVolumeReclaimPolicy: Retain
  storageClassName: manual
  claimRef: {namespace: default, name: data}
  hostPath: {path: /mnt/data}
---
apiVersion: v1
kind: PersistentVolumeClaim
metadata: {name: data}
spec:
  accessModes: [ReadWriteOnce]
  storageClassName: manual
  volumeName: pv-data
  resources: {requests: {storage: 1Gi}}
`;
  const claim = '    persistentVolumeClaim: {claimName: data}\n';

  it('keeps ContainerCreating with FailedMount while the claim is not Bound', () => {
    // A claim of a class no PV offers and no provisioner serves stays Pending.
    const c = cluster(`${storage.slice(storage.indexOf('kind: PersistentVolumeClaim') - 'apiVersion: v1\n'.length).replace('  volumeName: pv-data\n', '')}---\n${counterPod('counter', claim)}`);
    expect(c.get('PersistentVolumeClaim', 'data', 'default')!.status).toMatchObject({ phase: 'Pending' });
    const status = pod(c, 'counter')!.status!;
    expect(status.phase).toBe('Pending');
    expect(c.kubectl('get pod counter').stdout).toContain('ContainerCreating');
    const mount = c.events().filter((e) => e.reason === 'FailedMount');
    expect(mount[0]).toMatchObject({
      type: 'Warning',
      message: 'Unable to attach or mount volumes: unmounted volumes=[data], unattached volumes=[], failed to process volumes=[data]: error processing PVC default/data: PVC is not bound',
    });
    // A matching volume appears; the binder binds the claim and the volume manager's next retry mounts it.
    c.apply(storage.slice(0, storage.indexOf('---')).replace('  claimRef: {namespace: default, name: data}\n', ''));
    c.advance(60_000);
    expect(c.get('PersistentVolumeClaim', 'data', 'default')!.status).toMatchObject({ phase: 'Bound' });
    expect(pod(c, 'counter')!.status!.phase).toBe('Running');
  });

  it('keeps the count for the replacement pod, wherever it runs', () => {
    const c = cluster(`${storage}---\n${counterPod('counter', claim)}`);
    c.advance(40_000);
    visit(c, 'counter');
    visit(c, 'counter');
    c.kubectl('delete pod counter');
    c.advance(5_000);
    c.apply(counterPod('counter', claim, 'node-2'));
    c.advance(20_000);
    expect(visit(c, 'counter')).toBe('Visit number 3, served by counter');
    expect(files(c, 'counter')).toEqual({ '/data/count': '3' });
  });

  it('names a claim that does not exist', () => {
    const c = cluster(counterPod('counter', '    persistentVolumeClaim: {claimName: nope}\n'));
    expect(c.events().find((e) => e.reason === 'FailedMount')?.message).toBe(
      'Unable to attach or mount volumes: unmounted volumes=[data], unattached volumes=[], failed to process volumes=[data]: error processing PVC default/nope: failed to fetch PVC from API server: persistentvolumeclaims "nope" not found',
    );
  });
});

describe('projected API data', () => {
  const data = `apiVersion: v1
kind: ConfigMap
metadata: {name: web-config}
data:
  nginx.conf: "server { listen 80; }"
  mode: fast
---
apiVersion: v1
kind: Secret
metadata: {name: tls}
data:
  password: czNjcjN0
`;
  const podYaml = `apiVersion: v1
kind: Pod
metadata:
  name: files
  labels: {app: files, tier: web}
  annotations: {build: "42"}
spec:
  containers:
  - name: app
    image: nginx:1.27
    resources: {limits: {cpu: 500m, memory: 128Mi}}
    volumeMounts:
    - {name: config, mountPath: /etc/nginx/conf.d}
    - {name: creds, mountPath: /etc/creds, readOnly: true}
    - {name: info, mountPath: /etc/podinfo}
    - {name: all, mountPath: /etc/all}
    - {name: maybe, mountPath: /etc/maybe}
  volumes:
  - name: config
    configMap:
      name: web-config
      items: [{key: nginx.conf, path: default.conf}]
  - name: creds
    secret: {secretName: tls, defaultMode: 0400}
  - name: info
    downwardAPI:
      items:
      - {path: labels, fieldRef: {fieldPath: metadata.labels}}
      - {path: annotations, fieldRef: {fieldPath: metadata.annotations}}
      - {path: name, fieldRef: {fieldPath: metadata.name}}
      - {path: namespace, fieldRef: {fieldPath: metadata.namespace}}
      - {path: cpu_limit, resourceFieldRef: {containerName: app, resource: limits.cpu, divisor: 1m}}
  - name: all
    projected:
      sources:
      - configMap: {name: web-config, items: [{key: mode, path: config/mode}]}
      - secret: {name: tls}
      - downwardAPI: {items: [{path: pod, fieldRef: {fieldPath: metadata.name}}]}
  - name: maybe
    configMap: {name: absent, optional: true}
`;

  it('writes configMap, secret, downwardAPI and projected files', () => {
    const c = cluster(`${data}---\n${podYaml}`);
    expect(pod(c, 'files')!.status!.phase).toBe('Running');
    expect(files(c, 'files')).toEqual({
      '/etc/nginx/conf.d/default.conf': 'server { listen 80; }',
      '/etc/creds/password': 's3cr3t',
      '/etc/podinfo/labels': 'app="files"\ntier="web"',
      '/etc/podinfo/annotations': expect.stringContaining('build="42"'),
      '/etc/podinfo/name': 'files',
      '/etc/podinfo/namespace': 'default',
      '/etc/podinfo/cpu_limit': '500',
      '/etc/all/config/mode': 'fast',
      '/etc/all/password': 's3cr3t',
      '/etc/all/pod': 'files',
    });
  });

  it('describes a downwardAPI volume by its items', () => {
    const c = cluster(`${data}---\n${podYaml}`);
    expect(c.kubectl('describe pod files').stdout).toContain(
      '  info:\n    Type:  DownwardAPI (a volume populated by information about the pod)\n    Items:\n      metadata.labels -> labels\n      metadata.annotations -> annotations\n      metadata.name -> name\n      metadata.namespace -> namespace\n      limits.cpu -> cpu_limit\n',
    );
  });

  it('keeps the pod ContainerCreating until a missing ConfigMap appears', () => {
    const c = cluster(podYaml.replace('configMap: {name: absent, optional: true}', 'configMap: {name: absent}'));
    expect(pod(c, 'files')!.status!.phase).toBe('Pending');
    const messages = c.events().filter((e) => e.reason === 'FailedMount').map((e) => e.message);
    expect(messages).toContain('MountVolume.SetUp failed for volume "config" : configmap "web-config" not found');
    expect(messages).toContain('MountVolume.SetUp failed for volume "maybe" : configmap "absent" not found');
    c.apply(`${data}---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: absent}\ndata: {x: "1"}\n`);
    c.advance(60_000);
    expect(pod(c, 'files')!.status!.phase).toBe('Running');
  });

  it('mounts one key as a file with subPath', () => {
    const c = cluster(`${data}---
apiVersion: v1
kind: Pod
metadata: {name: single}
spec:
  containers:
  - name: app
    image: nginx:1.27
    volumeMounts: [{name: config, mountPath: /etc/nginx/nginx.conf, subPath: nginx.conf}]
  volumes:
  - name: config
    configMap: {name: web-config}
`);
    expect(files(c, 'single')).toEqual({ '/etc/nginx/nginx.conf': 'server { listen 80; }' });
    expect(c.kubectl('exec single -- cat /etc/nginx/nginx.conf').stdout).toBe('server { listen 80; }');
    expect(c.kubectl('exec single -- ls /etc/nginx').stdout).toBe('nginx.conf\n');
  });

  it('refuses a missing item key unless optional', () => {
    const c = cluster(`${data}---\n${podYaml.replace('key: nginx.conf', 'key: other.conf')}`);
    expect(c.events().map((e) => e.message)).toContain('MountVolume.SetUp failed for volume "config" : configmap references non-existent config key: other.conf');
  });
});

describe('volume data lifetime', () => {
  it('drops a pod\'s emptyDir and layers with the pod, and a claim\'s data only with its PV', () => {
    const c = cluster(`${counterPod('scratch', '    emptyDir: {}\n')}---\n${counterPod('keeper', '    hostPath: {path: /srv}\n')}`);
    const uid = pod(c, 'scratch')!.metadata!.uid!;
    visit(c, 'scratch');
    expect(c['volumes'].files(disks.emptyDir(uid, 'data'))).toEqual([['count', '1']]);
    c.kubectl('delete pod scratch');
    c.advance(35_000);
    expect(pod(c, 'scratch')).toBeUndefined();
    expect(c['volumes'].files(disks.emptyDir(uid, 'data'))).toEqual([]);

    c.apply('apiVersion: v1\nkind: PersistentVolume\nmetadata: {name: pv-a}\nspec:\n  capacity: {storage: 1Gi}\n  accessModes: [ReadWriteOnce]\n  hostPath: {path: /mnt/a}\n');
    c['volumes'].write(disks.persistentVolume('pv-a'), 'count', '7');
    c.advance(1_000);
    expect(c['volumes'].read(disks.persistentVolume('pv-a'), 'count')).toBe('7');
    c.kubectl('delete pv pv-a');
    c.advance(1_000);
    expect(c['volumes'].read(disks.persistentVolume('pv-a'), 'count')).toBeUndefined();
  });
});

describe('reproducibility', () => {
  it('restores volume contents from a snapshot', () => {
    const c = cluster(counterPod('counter', '    emptyDir: {}\n'));
    visit(c, 'counter');
    const snap = c.snapshot();
    visit(c, 'counter');
    visit(c, 'counter');
    c.restore(snap);
    expect(files(c, 'counter')).toEqual({ '/data/count': '1' });
    expect(visit(c, 'counter')).toBe('Visit number 2, served by counter');
  });
});
