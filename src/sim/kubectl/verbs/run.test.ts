import { describe, expect, it } from 'vitest';
import type { Pod } from '../../api/types';
import { createCluster } from '../../index';

function setup() {
  const cluster = createCluster({ nodes: 1 });
  return { kubectl: (line: string) => cluster.kubectl(line), get: (kind: string, namespace: string, name: string) => cluster.get(kind, name, namespace) };
}

// What kubectl v1.32 prints for these lines (the binary needs a server for `run`, so these come
// from kubectl's pkg/cmd/run createPod and the documented output).
const NGINX_POD = `apiVersion: v1
kind: Pod
metadata:
  creationTimestamp: null
  labels:
    run: nginx
  name: nginx
spec:
  containers:
  - image: nginx
    name: nginx
    resources: {}
  dnsPolicy: ClusterFirst
  restartPolicy: Always
status: {}
`;

describe('kubectl run', () => {
  it('prints the Pod kubectl would send on a client dry run', () => {
    const { kubectl } = setup();
    expect(kubectl('run nginx --image=nginx --dry-run=client -o yaml')).toEqual({ stdout: NGINX_POD, stderr: '', exitCode: 0 });
  });

  it('puts arguments after -- in args, or in command with --command, with ports, env and labels', () => {
    const { kubectl } = setup();
    const json = JSON.parse(kubectl('run box --image=busybox --port=8080 --env=MODE=prod --labels=app=box,tier=web --restart=Never --dry-run=client -o json -- sleep 3600').stdout);
    expect(Object.keys(json)).toEqual(['kind', 'apiVersion', 'metadata', 'spec', 'status']);
    expect(json.metadata).toEqual({ name: 'box', creationTimestamp: null, labels: { app: 'box', tier: 'web' } });
    expect(json.spec).toEqual({
      containers: [{ name: 'box', image: 'busybox', args: ['sleep', '3600'], ports: [{ containerPort: 8080 }], env: [{ name: 'MODE', value: 'prod' }], resources: {} }],
      restartPolicy: 'Never',
      dnsPolicy: 'ClusterFirst',
    });
    const withCommand = JSON.parse(kubectl('run box --image=busybox --command --dry-run=client -o json -- sleep 1').stdout);
    expect(withCommand.spec.containers[0].command).toEqual(['sleep', '1']);
  });

  it('creates the Pod and, with --expose, its Service', () => {
    const { kubectl, get } = setup();
    expect(kubectl('run web --image=nginx --port=80 --expose')).toEqual({ stdout: 'pod/web created\nservice/web created\n', stderr: '', exitCode: 0 });
    expect((get('Pod', 'default', 'web') as Pod).metadata?.labels).toEqual({ run: 'web' });
    expect(get('Service', 'default', 'web')?.spec).toMatchObject({ selector: { run: 'web' }, ports: [{ port: 80, targetPort: 80, protocol: 'TCP' }] });
    expect(kubectl('run web --image=nginx').stderr).toBe('Error from server (AlreadyExists): pods "web" already exists\n');
  });

  it('reports kubectl’s errors', () => {
    const { kubectl } = setup();
    expect(kubectl('run web').stderr).toBe('error: required flag(s) "image" not set\n');
    expect(kubectl('run --image=nginx').stderr).toBe('error: NAME is required for run\n');
    expect(kubectl('run web --image=Nginx:latest').stderr).toBe('error: invalid image name "Nginx:latest": invalid reference format\n');
    expect(kubectl('run web --image=nginx --restart=Sometimes').stderr).toBe('error: invalid restart policy: Sometimes, valid values are: Always, OnFailure, Never\n');
    expect(kubectl('run web --image=nginx --expose').stderr).toBe('error: --port must be set when exposing a service\n');
    expect(kubectl('run web --image=nginx --port=http').stderr).toBe('error: --port must be a number\n');
    expect(kubectl('run web --image=nginx --env=1X=y').stderr).toBe('error: invalid env: 1X=y\n');
    expect(kubectl('run web --image=nginx -it --dry-run=client').stderr).toBe("error: --dry-run=[server|client] can't be used with attached containers options (--attach, --stdin, or --tty)\n");
    expect(kubectl('run web --image=nginx -t').stderr).toBe('error: -i/--stdin is required for containers with -t/--tty=true\n');
  });
});
