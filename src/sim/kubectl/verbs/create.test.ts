import { describe, expect, it } from 'vitest';
import type { Deployment, Service } from '../../api/types';
import { createCluster } from '../../index';
import { canonicalQuantity } from './create-quota';
import { containerNameForImage } from './create-workloads';

function setup() {
  const cluster = createCluster({ nodes: 1 });
  return { kubectl: (line: string) => cluster.kubectl(line), get: (kind: string, namespace: string, name: string) => cluster.get(kind, name, namespace) };
}

describe('kubectl create (without --dry-run=client)', () => {
  it('creates the Deployment through the API server and prints kubectl’s line', () => {
    const { kubectl, get } = setup();
    expect(kubectl('create deployment web --image=nginx --replicas=2')).toEqual({ stdout: 'deployment.apps/web created\n', stderr: '', exitCode: 0 });
    const created = get('Deployment', 'default', 'web') as Deployment;
    expect(created.spec?.replicas).toBe(2);
    expect(created.spec?.template.spec?.containers.map((c) => c.name)).toEqual(['nginx']);
    expect(created.metadata?.creationTimestamp).toEqual(expect.any(String));
  });

  it('wraps the API error as kubectl does when the name is taken', () => {
    const { kubectl } = setup();
    kubectl('create deployment web --image=nginx');
    expect(kubectl('create deployment web --image=nginx')).toEqual({
      stdout: '',
      stderr: 'error: failed to create deployment: deployments.apps "web" already exists\n',
      exitCode: 1,
    });
    kubectl('create namespace team');
    expect(kubectl('create namespace team').stderr).toBe('Error from server (AlreadyExists): namespaces "team" already exists\n');
  });

  it('creates into -n and leaves nothing behind on a server dry run', () => {
    const { kubectl, get } = setup();
    kubectl('create namespace team');
    expect(kubectl('create service nodeport web --tcp=80:8080 -n team').stdout).toBe('service/web created\n');
    const service = get('Service', 'team', 'web') as Service;
    expect(service.spec?.type).toBe('NodePort');
    expect(service.spec?.ports?.[0]).toMatchObject({ name: '80-8080', port: 80, targetPort: 8080 });
    expect(kubectl('create configmap cfg --from-literal=a=1 --dry-run=server').stdout).toBe('configmap/cfg created (server dry run)\n');
    expect(get('ConfigMap', 'default', 'cfg')).toBeUndefined();
  });

  it('starts a Job from a CronJob’s template, owned by it and marked manual', () => {
    const { kubectl, get } = setup();
    kubectl('create cronjob tick --image=busybox --schedule="*/5 * * * *" -- date');
    expect(kubectl('create job tick-now --from=cronjob/tick').stdout).toBe('job.batch/tick-now created\n');
    const job = get('Job', 'default', 'tick-now')!;
    expect(job.metadata.annotations).toEqual({ 'cronjob.kubernetes.io/instantiate': 'manual' });
    expect(job.metadata.ownerReferences?.[0]).toMatchObject({ kind: 'CronJob', name: 'tick', controller: true });
    expect(kubectl('create job x --from=cronjob/nope').stderr).toBe('Error from server (NotFound): cronjobs.batch "nope" not found\n');
  });

  it('says which generators it does not simulate', () => {
    const { kubectl } = setup();
    expect(kubectl('create role r --verb=get --resource=pods').stderr).toMatch(/^error: kubesim does not simulate "kubectl create role" yet/);
  });
});

describe('generator helpers', () => {
  it('canonicalises quantities as resource.Quantity prints them', () => {
    expect(['1024Mi', '1000m', '0.5Gi', '1500m', '2048', '1e3', '100Ki', '1.5', '1G', '0'].map(canonicalQuantity)).toEqual([
      '1Gi', '1', '512Mi', '1500m', '2048', '1e3', '100Ki', '1500m', '1G', '0',
    ]);
  });

  it('names a container after the image, without registry, tag or digest', () => {
    expect(containerNameForImage('registry.k8s.io/nginx:1.25')).toBe('nginx');
    expect(containerNameForImage('busybox@sha256:abc')).toBe('busybox');
    expect(containerNameForImage('my_app.v2')).toMatch(/^my-app-v2-[a-z0-9]{5}$/);
  });
});
