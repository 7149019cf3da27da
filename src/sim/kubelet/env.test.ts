import { describe, expect, it } from 'vitest';
import { SimCluster } from '../cluster';
import type { Pod } from '../api/types';
import { expand } from './env';

function cluster(yaml: string) {
  const c = new SimCluster({ nodes: 1, seed: 3 });
  for (const r of c.apply(yaml)) expect(r.error).toBeUndefined();
  return c;
}
const pod = (c: SimCluster, name: string) => c.get('Pod', name, 'default') as Pod;
const waiting = (c: SimCluster, name: string) => pod(c, name).status!.containerStatuses![0].state!.waiting;
const envOf = (c: SimCluster, name: string, container = 'app') => Object.fromEntries(c.containerEnv('default', name, container) ?? []);

const CONFIG = `apiVersion: v1
kind: ConfigMap
metadata:
  name: app-config
data:
  color: blue
  mode: fast
---
apiVersion: v1
kind: Secret
metadata:
  name: db
stringData:
  password: s3cr3t
`;

const POD = `apiVersion: v1
kind: Pod
metadata:
  name: envdemo
  labels: {app: envdemo, tier: web}
  annotations: {owner: team-a}
spec:
  containers:
  - name: app
    image: nginx:1.27
    resources:
      requests: {cpu: 250m, memory: 64Mi}
      limits: {memory: 128Mi}
    envFrom:
    - configMapRef: {name: app-config}
      prefix: CFG_
    - secretRef: {name: db}
    env:
    - {name: GREETING, value: hello}
    - {name: MESSAGE, value: "$(GREETING) from $(MY_POD) $$(MY_POD) $(NOPE)"}
    - name: COLOR
      valueFrom: {configMapKeyRef: {name: app-config, key: color}}
    - name: DB_PASSWORD
      valueFrom: {secretKeyRef: {name: db, key: password}}
    - name: MAYBE
      valueFrom: {configMapKeyRef: {name: absent, key: x, optional: true}}
    - name: MY_POD
      valueFrom: {fieldRef: {fieldPath: metadata.name}}
    - name: MY_NS
      valueFrom: {fieldRef: {fieldPath: metadata.namespace}}
    - name: MY_UID
      valueFrom: {fieldRef: {fieldPath: metadata.uid}}
    - name: MY_TIER
      valueFrom: {fieldRef: {fieldPath: "metadata.labels['tier']"}}
    - name: MY_OWNER
      valueFrom: {fieldRef: {fieldPath: "metadata.annotations['owner']"}}
    - name: MY_NODE
      valueFrom: {fieldRef: {fieldPath: spec.nodeName}}
    - name: MY_SA
      valueFrom: {fieldRef: {fieldPath: spec.serviceAccountName}}
    - name: HOST_IP
      valueFrom: {fieldRef: {fieldPath: status.hostIP}}
    - name: POD_IP
      valueFrom: {fieldRef: {fieldPath: status.podIP}}
    - name: POD_IPS
      valueFrom: {fieldRef: {fieldPath: status.podIPs}}
    - name: CPU_LIMIT_M
      valueFrom: {resourceFieldRef: {resource: limits.cpu, divisor: 1m}}
    - name: CPU_REQUEST
      valueFrom: {resourceFieldRef: {resource: requests.cpu}}
    - name: MEM_LIMIT_MI
      valueFrom: {resourceFieldRef: {resource: limits.memory, divisor: 1Mi}}
    - name: MEM_REQUEST
      valueFrom: {resourceFieldRef: {resource: requests.memory}}
`;

describe('container environment (makeEnvironmentVariables)', () => {
  it('resolves values, references, the downward API, resources, envFrom and service links', () => {
    const c = cluster(`${CONFIG}---
apiVersion: v1
kind: Service
metadata: {name: redis-primary}
spec:
  ports: [{name: redis, port: 6379}]
  selector: {app: redis}
---
${POD}`);
    c.advance(30_000);
    const p = pod(c, 'envdemo');
    expect(p.status!.phase).toBe('Running');
    const env = envOf(c, 'envdemo');
    const svcIP = (c.get('Service', 'redis-primary', 'default')!.spec as { clusterIP: string }).clusterIP;
    expect(env).toMatchObject({
      HOSTNAME: 'envdemo',
      HOME: '/root',
      CFG_color: 'blue',
      CFG_mode: 'fast',
      password: 's3cr3t',
      GREETING: 'hello',
      MESSAGE: 'hello from $(MY_POD) $(MY_POD) $(NOPE)',
      COLOR: 'blue',
      DB_PASSWORD: 's3cr3t',
      MY_POD: 'envdemo',
      MY_NS: 'default',
      MY_UID: p.metadata!.uid,
      MY_TIER: 'web',
      MY_OWNER: 'team-a',
      MY_NODE: 'node-1',
      MY_SA: 'default',
      HOST_IP: '172.18.0.3',
      POD_IP: p.status!.podIP,
      POD_IPS: p.status!.podIP,
      // No CPU limit: the node's allocatable (4 cores) in millicores.
      CPU_LIMIT_M: '4000',
      // 250m with the default divisor 1 rounds up to 1.
      CPU_REQUEST: '1',
      MEM_LIMIT_MI: '128',
      MEM_REQUEST: String(64 * 2 ** 20),
      KUBERNETES_SERVICE_HOST: '10.96.0.1',
      KUBERNETES_SERVICE_PORT: '443',
      KUBERNETES_SERVICE_PORT_HTTPS: '443',
      KUBERNETES_PORT: 'tcp://10.96.0.1:443',
      KUBERNETES_PORT_443_TCP: 'tcp://10.96.0.1:443',
      KUBERNETES_PORT_443_TCP_PROTO: 'tcp',
      KUBERNETES_PORT_443_TCP_PORT: '443',
      KUBERNETES_PORT_443_TCP_ADDR: '10.96.0.1',
      REDIS_PRIMARY_SERVICE_HOST: svcIP,
      REDIS_PRIMARY_SERVICE_PORT: '6379',
      REDIS_PRIMARY_SERVICE_PORT_REDIS: '6379',
      REDIS_PRIMARY_PORT: `tcp://${svcIP}:6379`,
      REDIS_PRIMARY_PORT_6379_TCP_ADDR: svcIP,
    });
    expect(env).not.toHaveProperty('MAYBE');
    expect(c.containerEnv('default', 'envdemo', 'app')![0]).toEqual(['PATH', '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin']);
  });

  it('gives only the master services without enableServiceLinks', () => {
    const c = cluster(`apiVersion: v1
kind: Service
metadata: {name: web}
spec:
  ports: [{port: 80}]
---
apiVersion: v1
kind: Pod
metadata: {name: nolinks}
spec:
  enableServiceLinks: false
  containers: [{name: app, image: nginx:1.27}]
`);
    c.advance(30_000);
    const env = envOf(c, 'nolinks');
    expect(env.KUBERNETES_SERVICE_HOST).toBe('10.96.0.1');
    expect(env).not.toHaveProperty('WEB_SERVICE_HOST');
  });

  it('keeps the environment a container started with when the ConfigMap changes', () => {
    const c = cluster(`${CONFIG}---\n${POD}`);
    c.advance(30_000);
    c.apply(`apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: app-config\ndata:\n  color: red\n  mode: fast\n`);
    c.advance(60_000);
    expect(envOf(c, 'envdemo').COLOR).toBe('blue');
  });
});

describe('CreateContainerConfigError (§4.3)', () => {
  const missing = (env: string) => `apiVersion: v1
kind: Pod
metadata: {name: broken}
spec:
  containers:
  - name: app
    image: nginx:1.27
    env:
${env}`;

  it('waits for a missing ConfigMap and recovers when it appears', () => {
    const c = cluster(missing('    - name: COLOR\n      valueFrom: {configMapKeyRef: {name: app-config, key: color}}\n'));
    c.advance(30_000);
    expect(waiting(c, 'broken')).toEqual({ reason: 'CreateContainerConfigError', message: 'configmap "app-config" not found' });
    expect(pod(c, 'broken').status!.phase).toBe('Pending');
    expect(c.kubectl('get pod broken').stdout).toContain('CreateContainerConfigError');
    const failed = c.events().filter((e) => e.reason === 'Failed' && e.involvedObject.name === 'broken');
    expect(failed[0]).toMatchObject({ type: 'Warning', message: 'Error: configmap "app-config" not found' });
    // The kubelet retries every 10 s: three tries in the 30 s so far.
    expect(failed[0].count).toBe(3);
    c.apply(CONFIG);
    c.advance(10_000);
    expect(pod(c, 'broken').status!.phase).toBe('Running');
    expect(envOf(c, 'broken').COLOR).toBe('blue');
  });

  it.each([
    ['a ConfigMap key', '    - name: X\n      valueFrom: {configMapKeyRef: {name: app-config, key: size}}\n', "couldn't find key size in ConfigMap default/app-config"],
    ['a Secret', '    - name: X\n      valueFrom: {secretKeyRef: {name: nope, key: password}}\n', 'secret "nope" not found'],
    ['a Secret key', '    - name: X\n      valueFrom: {secretKeyRef: {name: db, key: user}}\n', "couldn't find key user in Secret default/db"],
  ])('names the missing %s', (_what, env, message) => {
    const c = cluster(`${CONFIG}---\n${missing(env)}`);
    c.advance(20_000);
    expect(waiting(c, 'broken')).toEqual({ reason: 'CreateContainerConfigError', message });
  });

  it('fails envFrom on a missing Secret unless optional', () => {
    const c = cluster(`apiVersion: v1
kind: Pod
metadata: {name: broken}
spec:
  containers:
  - name: app
    image: nginx:1.27
    envFrom: [{secretRef: {name: creds}}]
  - name: tolerant
    image: nginx:1.27
    envFrom: [{secretRef: {name: creds, optional: true}}]
`);
    c.advance(20_000);
    expect(waiting(c, 'broken')).toEqual({ reason: 'CreateContainerConfigError', message: 'secret "creds" not found' });
  });
});

describe('$(VAR) expansion', () => {
  it('follows the kubelet expansion rules', () => {
    const vars = new Map([['A', 'x']]);
    const lookup = (n: string) => vars.get(n);
    expect(expand('$(A)-$(B)-$$(A)-$A-$(A', lookup)).toBe('x-$(B)-$(A)-$A-$(A');
    expect(expand('cost: 5$', lookup)).toBe('cost: 5$');
  });
});
