import { describe, expect, it } from 'vitest';
import { SimCluster } from '../cluster';
import type { Pod } from '../api/types';

function run(yaml: string, ms: number, nodes = 1) {
  const c = new SimCluster({ nodes, seed: 5 });
  const [r] = c.apply(yaml);
  expect(r.error).toBeUndefined();
  c.advance(ms);
  return c;
}
const podOf = (c: SimCluster, name: string) => c.get('Pod', name, 'default') as Pod;
const messages = (c: SimCluster, reason: string) => c.events().filter((e) => e.reason === reason).map((e) => e.message);

// The Kubernetes docs' "Assign Memory Resources to Containers" examples.
const stress = (name: string, limit: string, vmBytes: string) => `apiVersion: v1
kind: Pod
metadata:
  name: ${name}
spec:
  containers:
  - name: memory-demo-ctr
    image: polinux/stress
    resources:
      requests:
        memory: "50Mi"
      limits:
        memory: "${limit}"
    command: ["stress"]
    args: ["--vm", "1", "--vm-bytes", "${vmBytes}", "--vm-hang", "1"]
`;

describe('memory limits (§4.6)', () => {
  it('runs polinux/stress at 150M under a 200Mi limit', () => {
    const c = run(stress('memory-demo', '200Mi', '150M'), 60_000);
    expect(podOf(c, 'memory-demo').status!.containerStatuses![0]).toMatchObject({ ready: true, restartCount: 0 });
  });

  it('OOM-kills polinux/stress at 250M over a 100Mi limit, then backs off', () => {
    const c = run(stress('memory-demo-2', '100Mi', '250M'), 5_000);
    const status = () => podOf(c, 'memory-demo-2').status!.containerStatuses![0];
    expect(status().state!.terminated ?? status().lastState!.terminated).toMatchObject({ reason: 'OOMKilled', exitCode: 137 });
    c.advance(30_000);
    expect(status().lastState!.terminated).toMatchObject({ reason: 'OOMKilled', exitCode: 137 });
    expect(status().restartCount).toBeGreaterThanOrEqual(2);
    expect(podOf(c, 'memory-demo-2').status!.phase).toBe('Running');
  });
});

describe('probes (§4.7)', () => {
  it('restarts the docs liveness-exec container once /tmp/healthy is gone', () => {
    const yaml = `apiVersion: v1
kind: Pod
metadata:
  name: liveness-exec
spec:
  containers:
  - name: liveness
    image: registry.k8s.io/busybox
    args:
    - /bin/sh
    - -c
    - touch /tmp/healthy; sleep 30; rm -f /tmp/healthy; sleep 600
    livenessProbe:
      exec:
        command:
        - cat
        - /tmp/healthy
      initialDelaySeconds: 5
      periodSeconds: 5
`;
    const c = run(yaml, 30_000);
    expect(messages(c, 'Unhealthy')).toEqual([]);
    c.advance(20_000);
    expect(messages(c, 'Unhealthy')).toEqual(["Liveness probe failed: cat: can't open '/tmp/healthy': No such file or directory"]);
    expect(messages(c, 'Killing')).toEqual(['Container liveness failed liveness probe, will be restarted']);
    c.advance(40_000);
    expect(podOf(c, 'liveness-exec').status!.containerStatuses![0].restartCount).toBe(1);
  });

  it('keeps a pod unready while its readiness probe is refused, without restarting it', () => {
    const yaml = `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
  - name: web
    image: nginx:1.27
    readinessProbe:
      httpGet:
        path: /
        port: 8080
`;
    const c = run(yaml, 60_000);
    const pod = podOf(c, 'web');
    expect(pod.status!.phase).toBe('Running');
    expect(pod.status!.conditions!.find((x) => x.type === 'Ready')).toMatchObject({ status: 'False', reason: 'ContainersNotReady', message: 'containers with unready status: [web]' });
    expect(pod.status!.containerStatuses![0].restartCount).toBe(0);
    expect(messages(c, 'Unhealthy')[0]).toMatch(/^Readiness probe failed: Get "http:\/\/10\.244\.\d+\.\d+:8080\/": dial tcp 10\.244\.\d+\.\d+:8080: connect: connection refused$/);
  });

  it('turns ready on the first successful readiness probe after initialDelaySeconds', () => {
    const yaml = `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
  - name: web
    image: nginx:1.27
    readinessProbe:
      httpGet:
        port: 80
      initialDelaySeconds: 10
`;
    const c = run(yaml, 12_000);
    expect(podOf(c, 'web').status!.containerStatuses![0].ready).toBe(false);
    c.advance(5_000);
    expect(podOf(c, 'web').status!.containerStatuses![0].ready).toBe(true);
  });
});

describe('lesson annotations (docs/SCRIPTING.md)', () => {
  it('crashes a container after kubesim.io/crash-after with kubesim.io/exit-code', () => {
    const yaml = `apiVersion: v1
kind: Pod
metadata:
  name: flaky
  annotations:
    kubesim.io/crash-after: 20s
    kubesim.io/exit-code: "3"
spec:
  containers:
  - name: app
    image: nginx:1.27
`;
    const c = run(yaml, 10_000);
    expect(podOf(c, 'flaky').status!.containerStatuses![0].state!.running).toBeDefined();
    c.advance(20_000);
    expect(podOf(c, 'flaky').status!.containerStatuses![0].lastState!.terminated).toMatchObject({ exitCode: 3, reason: 'Error' });
  });

  it('makes readiness wait for kubesim.io/ready-after', () => {
    const yaml = `apiVersion: v1
kind: Pod
metadata:
  name: slow
  annotations:
    kubesim.io/ready-after: 30s
spec:
  containers:
  - name: app
    image: nginx:1.27
    readinessProbe:
      tcpSocket:
        port: 80
      periodSeconds: 5
`;
    const c = run(yaml, 25_000);
    expect(podOf(c, 'slow').status!.containerStatuses![0].ready).toBe(false);
    c.advance(15_000);
    expect(podOf(c, 'slow').status!.containerStatuses![0].ready).toBe(true);
  });
});

describe('graceful termination (§4.9)', () => {
  const sleeper = (grace?: number) => `apiVersion: v1
kind: Pod
metadata:
  name: sleeper
spec:
${grace === undefined ? '' : `  terminationGracePeriodSeconds: ${grace}\n`}  containers:
  - name: app
    image: busybox:1.36
    command: ['sh', '-c', 'sleep 3600']
`;

  it('waits the 30 s default grace period for a shell that ignores SIGTERM, then SIGKILLs it', () => {
    const c = run(sleeper(), 10_000);
    c.kubectl('delete pod sleeper');
    c.advance(29_000);
    expect(podOf(c, 'sleeper').metadata!.deletionTimestamp).toBeDefined();
    c.advance(2_000);
    expect(podOf(c, 'sleeper')).toBeUndefined();
  });

  it('honours a shorter terminationGracePeriodSeconds', () => {
    const c = run(sleeper(5), 10_000);
    c.kubectl('delete pod sleeper');
    c.advance(6_000);
    expect(podOf(c, 'sleeper')).toBeUndefined();
  });

  it('lets nginx exit promptly on SIGTERM', () => {
    const c = run('apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - name: web\n    image: nginx:1.27\n', 10_000);
    c.kubectl('delete pod web');
    c.advance(1_000);
    expect(podOf(c, 'web')).toBeUndefined();
  });
});

describe('CrashLoopBackOff reset (§4.5)', () => {
  it('treats a crash after more than 10 minutes of running as the first one again', () => {
    const yaml = `apiVersion: v1
kind: Pod
metadata:
  name: slow-crash
  annotations:
    kubesim.io/crash-after: 11m
spec:
  containers:
  - name: app
    image: nginx:1.27
`;
    const c = run(yaml, 0);
    const restarts: number[] = [];
    let last = 0;
    for (let t = 0; t < 40 * 60_000; t += 1000) {
      c.advance(1000);
      const n = podOf(c, 'slow-crash').status!.containerStatuses?.[0].restartCount ?? 0;
      if (n > last) {
        restarts.push(c.now());
        last = n;
      }
    }
    // Every run lasts 11 min, so the back-off never grows: each restart follows its crash after the 1 s relist, not a 10 s back-off.
    const gaps = restarts.slice(1).map((t, i) => Math.round((t - restarts[i]) / 1000));
    expect(gaps.length).toBeGreaterThanOrEqual(2);
    for (const g of gaps) expect(g).toBeLessThanOrEqual(11 * 60 + 2);
  });
});
