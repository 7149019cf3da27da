import { describe, expect, it } from 'vitest';
import { SimCluster } from '../../cluster';
import type { ConfigMap, Pod, Secret } from '../types';
import type { FieldError } from '../errors';
import { encodeBase64 } from '../../util/base64';
import { MAX_CONFIG_SIZE, validateConfigMap, validateSecret } from './config';

const apply = (c: SimCluster, yaml: string) => c.kubectl('apply -f -', yaml);

describe('Secret and ConfigMap on write', () => {
  it('folds stringData into base64 data and defaults the type to Opaque', () => {
    const c = new SimCluster({ nodes: 1 });
    const r = apply(c, `apiVersion: v1
kind: Secret
metadata: {name: db}
data:
  user: YWRtaW4=
  password: b2xk
stringData:
  password: "p@ss wörd"
  host: db.local
`);
    expect(r).toMatchObject({ exitCode: 0, stdout: 'secret/db created\n' });
    const secret = c.get('Secret', 'db', 'default') as Secret;
    expect(secret.type).toBe('Opaque');
    expect(secret.data).toEqual({ user: 'YWRtaW4=', password: 'cEBzcyB3w7ZyZA==', host: 'ZGIubG9jYWw=' });
    expect(secret).not.toHaveProperty('stringData');
  });

  it('refuses data that is not base64 (the decoder)', () => {
    const c = new SimCluster({ nodes: 1 });
    const r = apply(c, 'apiVersion: v1\nkind: Secret\nmetadata: {name: bad}\ndata:\n  password: not*base64\n');
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toContain('illegal base64 data at input byte 3');
  });

  it('refuses a Secret over 1 MiB, counting decoded bytes', () => {
    const secret = (bytes: number): Secret => ({ apiVersion: 'v1', kind: 'Secret', metadata: { name: 'big' }, data: { blob: encodeBase64('a'.repeat(bytes)) } });
    const errorsFor = (s: Secret) => {
      const errors: FieldError[] = [];
      validateSecret(s, undefined, errors);
      return errors;
    };
    expect(errorsFor(secret(MAX_CONFIG_SIZE))).toEqual([]);
    expect(errorsFor(secret(MAX_CONFIG_SIZE + 1))).toEqual([{ field: 'data', message: 'Too long: may not be more than 1048576 bytes' }]);
  });

  it('refuses a ConfigMap over 1 MiB as an error about the whole object', () => {
    const errors: FieldError[] = [];
    validateConfigMap({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'big' }, data: { a: 'x'.repeat(600_000), b: 'é'.repeat(250_000) } }, undefined, errors);
    expect(errors).toEqual([{ field: '[]', message: 'Too long: may not be more than 1048576 bytes' }]);
  });

  it('fails kubectl apply of a big Secret twice over: its last-applied annotation is too long as well', () => {
    const c = new SimCluster({ nodes: 1 });
    const r = apply(c, `apiVersion: v1\nkind: Secret\nmetadata: {name: big}\nstringData:\n  blob: ${'a'.repeat(MAX_CONFIG_SIZE + 1)}\n`);
    expect(r.stderr).toBe(
      'The Secret "big" is invalid: \n* metadata.annotations: Too long: may not be more than 262144 bytes\n* data: Too long: may not be more than 1048576 bytes\n',
    );
  });

  it('checks key names', () => {
    const c = new SimCluster({ nodes: 1 });
    const r = apply(c, `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: keys}\ndata:\n  "bad key": "1"\n  "..hidden": "2"\n  good.key_1-x: "3"\n`);
    expect(r.stderr).toBe(
      'The ConfigMap "keys" is invalid: \n' +
        `* data[..hidden]: Invalid value: "..hidden": must not start with '..'\n` +
        `* data[bad key]: Invalid value: "bad key": a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')\n`,
    );
  });

  it('requires the keys of a TLS Secret and keeps immutable data', () => {
    const c = new SimCluster({ nodes: 1 });
    const tls = apply(c, 'apiVersion: v1\nkind: Secret\nmetadata: {name: cert}\ntype: kubernetes.io/tls\nstringData:\n  tls.crt: x\n');
    expect(tls.stderr).toBe('The Secret "cert" is invalid: data[tls.key]: Required value\n');
    expect(apply(c, 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: frozen}\nimmutable: true\ndata: {a: "1"}\n').exitCode).toBe(0);
    const change = apply(c, 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: frozen}\nimmutable: true\ndata: {a: "2"}\n');
    expect(change.stderr).toBe('The ConfigMap "frozen" is invalid: data: Forbidden: field is immutable when `immutable` is set\n');
    expect((c.get('ConfigMap', 'frozen', 'default') as ConfigMap).data).toEqual({ a: '1' });
  });
});

describe('pod volumes', () => {
  const pod = (volumes: string, mounts = '    volumeMounts: [{name: data, mountPath: /data}]\n') => `apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  containers:
  - name: app
    image: nginx:1.27
${mounts}  volumes:
${volumes}`;

  it('refuses a mount of an undeclared volume', () => {
    const c = new SimCluster({ nodes: 1 });
    const r = apply(c, pod('  - name: cache\n    emptyDir: {}\n'));
    expect(r.stderr).toBe('The Pod "p" is invalid: spec.containers[0].volumeMounts[0].name: Not found: "data"\n');
  });

  it('refuses two sources in one volume and duplicate names and mount paths', () => {
    const c = new SimCluster({ nodes: 1 });
    const r = apply(
      c,
      pod('  - name: data\n    emptyDir: {}\n    hostPath: {path: /tmp}\n  - name: data\n    emptyDir: {}\n', '    volumeMounts: [{name: data, mountPath: /data}, {name: data, mountPath: /data}]\n'),
    );
    expect(r.stderr).toBe(
      'The Pod "p" is invalid: \n' +
        '* spec.volumes[0].emptyDir: Forbidden: may not specify more than 1 volume type\n' +
        '* spec.volumes[1].name: Duplicate value: "data"\n' +
        '* spec.containers[0].volumeMounts[1].mountPath: Invalid value: "/data": must be unique\n',
    );
  });

  it('defaults a sourceless volume to emptyDir and projected modes to 0644', () => {
    const c = new SimCluster({ nodes: 1 });
    apply(c, 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: cfg}\ndata: {a: "1"}\n');
    const r = apply(c, pod('  - name: data\n  - name: cfg\n    configMap: {name: cfg}\n'));
    expect(r.exitCode).toBe(0);
    const volumes = (c.get('Pod', 'p', 'default') as Pod).spec!.volumes!;
    expect(volumes).toEqual([
      { name: 'data', emptyDir: {} },
      { name: 'cfg', configMap: { name: 'cfg', defaultMode: 420 } },
    ]);
  });

  it('refuses Downward API env fields a container cannot have', () => {
    const c = new SimCluster({ nodes: 1 });
    const r = apply(
      c,
      pod('  - name: data\n    emptyDir: {}\n', '    volumeMounts: [{name: data, mountPath: /data}]\n    env:\n    - {name: LABELS, valueFrom: {fieldRef: {fieldPath: metadata.labels}}}\n    - {name: TIER, valueFrom: {fieldRef: {fieldPath: "metadata.labels[\'tier\']"}}}\n'),
    );
    expect(r.stderr).toBe(
      'The Pod "p" is invalid: spec.containers[0].env[0].valueFrom.fieldRef.fieldPath: Unsupported value: "metadata.labels": supported values: "metadata.name", "metadata.namespace", "metadata.uid", "spec.nodeName", "spec.serviceAccountName", "status.hostIP", "status.hostIPs", "status.podIP", "status.podIPs"\n',
    );
  });

  it('accepts gitRepo with the apiserver deprecation warning', () => {
    const c = new SimCluster({ nodes: 1 });
    const r = apply(c, pod('  - name: data\n    gitRepo: {repository: "https://github.com/kubernetes/examples.git"}\n'));
    expect(r).toEqual({ exitCode: 0, stdout: 'pod/p created\n', stderr: 'Warning: spec.volumes[0].gitRepo: deprecated in v1.11\n' });
    const deploy = apply(c, `apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      containers: [{name: app, image: nginx:1.27}]
      volumes:
      - name: cache
        emptyDir: {}
      - name: src
        gitRepo: {repository: "https://example.com/repo.git"}
`);
    expect(deploy.stderr).toBe('Warning: spec.template.spec.volumes[1].gitRepo: deprecated in v1.11\n');
  });
});
