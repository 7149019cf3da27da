import { describe, expect, it } from 'vitest';
import { SimCluster } from '../../cluster';

const SETUP = `apiVersion: v1
kind: ConfigMap
metadata: {name: web-config}
data: {greeting: hello}
---
apiVersion: v1
kind: Pod
metadata: {name: web}
spec:
  containers:
  - name: nginx
    image: nginx:1.27
    env:
    - {name: GREETING, valueFrom: {configMapKeyRef: {name: web-config, key: greeting}}}
    - {name: POD_NAME, valueFrom: {fieldRef: {fieldPath: metadata.name}}}
    volumeMounts:
    - {name: config, mountPath: /etc/config}
    - {name: data, mountPath: /data}
  - name: sidecar
    image: busybox:1.36
    command: [sh, -c, "echo started > /data/state; while true; do echo tick >> /data/ticks; sleep 10; done"]
    volumeMounts: [{name: data, mountPath: /data}]
  volumes:
  - {name: config, configMap: {name: web-config}}
  - {name: data, emptyDir: {}}
`;

function cluster() {
  const c = new SimCluster({ nodes: 1, seed: 2 });
  for (const r of c.apply(SETUP)) expect(r.error).toBeUndefined();
  c.advance(30_000);
  return c;
}

describe('kubectl exec', () => {
  it('prints the environment the container started with', () => {
    const c = cluster();
    const r = c.kubectl('exec web -c nginx -- env');
    expect(r.exitCode).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines[0]).toBe('PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin');
    expect(lines).toContain('HOSTNAME=web');
    expect(lines).toContain('GREETING=hello');
    expect(lines).toContain('POD_NAME=web');
    expect(lines).toContain('KUBERNETES_SERVICE_HOST=10.96.0.1');
    expect(lines.at(-1)).toBe('HOME=/root');
    expect(r.stderr).toBe('');
  });

  it('defaults to the first container and says so when there are several', () => {
    const c = cluster();
    expect(c.kubectl('exec web -- hostname')).toEqual({ stdout: 'web\n', stderr: 'Defaulted container "nginx" out of: nginx, sidecar\n', exitCode: 0 });
    expect(c.kubectl('exec web -q -- printenv GREETING NOPE')).toEqual({ stdout: 'hello\n', stderr: 'command terminated with exit code 1\n', exitCode: 1 });
  });

  it('reads files from the mounts, shared between containers', () => {
    const c = cluster();
    expect(c.kubectl('exec web -c nginx -- cat /etc/config/greeting').stdout).toBe('hello');
    expect(c.kubectl('exec web -c nginx -- cat /data/state /data/ticks').stdout).toBe('started\ntick\ntick\ntick\n');
    expect(c.kubectl('exec web -c sidecar -- ls /data').stdout).toBe('state\nticks\n');
    expect(c.kubectl('exec web -c nginx -- ls /etc/config').stdout).toBe('greeting\n');
    expect(c.kubectl('exec web -c nginx -- cat /etc/hostname').stdout).toBe('web\n');
    expect(c.kubectl('exec web -c sidecar -- sh -c "echo $HOSTNAME; cat /data/state"').stdout).toBe('web\nstarted\n');
  });

  it('fails as the image tools do', () => {
    const c = cluster();
    expect(c.kubectl('exec web -c nginx -- cat /nope')).toEqual({ stdout: '', stderr: 'cat: /nope: No such file or directory\ncommand terminated with exit code 1\n', exitCode: 1 });
    expect(c.kubectl('exec web -c sidecar -- cat /nope').stderr).toBe("cat: can't open '/nope': No such file or directory\ncommand terminated with exit code 1\n");
    expect(c.kubectl('exec web -c nginx -- ls /nope')).toMatchObject({ stderr: "ls: cannot access '/nope': No such file or directory\ncommand terminated with exit code 2\n", exitCode: 2 });
    expect(c.kubectl('exec web -c sidecar -- sh -c "frobnicate"')).toMatchObject({ stderr: 'sh: frobnicate: not found\ncommand terminated with exit code 127\n', exitCode: 127 });
    const missing = c.kubectl('exec web -c nginx -- frobnicate');
    expect(missing.exitCode).toBe(1);
    expect(missing.stderr).toMatch(
      /^error: Internal error occurred: error executing command in container: failed to exec in container: failed to start exec "[0-9a-f]{64}": OCI runtime exec failed: exec failed: unable to start container process: exec: "frobnicate": executable file not found in \$PATH: unknown\n$/,
    );
  });

  it('gives kubectl and apiserver errors for the pod and container', () => {
    const c = cluster();
    expect(c.kubectl('exec nope -- env')).toEqual({ stdout: '', stderr: 'Error from server (NotFound): pods "nope" not found\n', exitCode: 1 });
    expect(c.kubectl('exec web -c db -- env').stderr).toBe('Error from server (BadRequest): container db is not valid for pod web\n');
    expect(c.kubectl('exec web env').stderr).toBe("error: exec [POD] [COMMAND] is not supported anymore. Use exec [POD] -- [COMMAND] instead\nSee 'kubectl exec -h' for help and examples\n");
    expect(c.kubectl('exec web').stderr).toBe('error: you must specify at least one command for the container\n');
    expect(c.kubectl('exec -- env').stderr).toBe('error: pod, type/name or --filename must be specified\n');
    c.apply('apiVersion: v1\nkind: Pod\nmetadata: {name: big}\nspec:\n  containers: [{name: app, image: nginx:1.27, resources: {requests: {cpu: "64"}}}]\n');
    expect(c.kubectl('exec big -- env').stderr).toBe('Error from server (BadRequest): pod big does not have a host assigned\n');
    c.apply('apiVersion: v1\nkind: Pod\nmetadata: {name: starting}\nspec:\n  containers: [{name: app, image: postgres:16}]\n');
    c.advance(1_000);
    expect(c.kubectl('exec starting -- env').stderr).toBe('error: unable to upgrade connection: container not found ("app")\n');
    c.apply('apiVersion: v1\nkind: Pod\nmetadata: {name: done}\nspec:\n  restartPolicy: Never\n  containers: [{name: app, image: busybox:1.36, command: [sh, -c, "exit 0"]}]\n');
    c.advance(20_000);
    expect(c.kubectl('exec done -- env').stderr).toBe('error: cannot exec into a container in a completed pod; current phase is Succeeded\n');
  });

  it('says which programs it simulates rather than pretend', () => {
    const c = cluster();
    expect(c.kubectl('exec -it web -c nginx -- bash').stderr).toBe(
      'error: kubesim does not simulate "bash" in containers; it runs: env, printenv, cat, ls, hostname, echo, sh -c\n',
    );
  });
});
