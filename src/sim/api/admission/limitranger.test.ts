import { describe, expect, it } from 'vitest';
import { SimCluster } from '../../cluster';
import type { LimitRange, Pod } from '../types';

const LIMITS = `apiVersion: v1
kind: LimitRange
metadata:
  name: mem-limits
spec:
  limits:
  - type: Container
    max:
      memory: 1024Mi
    min:
      cpu: 100m
    default:
      cpu: "0.5"
    maxLimitRequestRatio:
      cpu: "4"
`;

const pod = (name: string, resources = '') => `apiVersion: v1
kind: Pod
metadata:
  name: ${name}
spec:
  containers:
  - name: nginx
    image: nginx:1.27
${resources}`;

function cluster(): SimCluster {
  const c = new SimCluster({ nodes: 1, seed: 3 });
  c.apply(LIMITS);
  return c;
}

describe('LimitRanger admission (k8s-semantics §11.1)', () => {
  it('stores the LimitRangeItem defaults (default ← max, defaultRequest ← default, then ← min) in canonical form', () => {
    const lr = cluster().get('LimitRange', 'mem-limits', 'default') as LimitRange;
    expect(lr.spec!.limits[0].default).toEqual({ cpu: '500m', memory: '1Gi' });
    expect(lr.spec!.limits[0].defaultRequest).toEqual({ cpu: '500m', memory: '1Gi' });
  });

  it('injects defaults into a new pod with the limit-ranger annotation, visible in get -o yaml', () => {
    const c = cluster();
    expect(c.apply(pod('web'))[0].error).toBeUndefined();
    const created = c.get('Pod', 'web', 'default') as Pod;
    expect(created.spec!.containers[0].resources).toEqual({ limits: { cpu: '500m', memory: '1Gi' }, requests: { cpu: '500m', memory: '1Gi' } });
    expect(created.metadata!.annotations!['kubernetes.io/limit-ranger']).toBe(
      'LimitRanger plugin set: cpu, memory request for container nginx; cpu, memory limit for container nginx',
    );
    const yaml = c.kubectl('get pod web -o yaml').stdout;
    // The YAML printer folds the long annotation; unfolded it reads as stored.
    expect(yaml.replace(/\n\s+/g, ' ')).toContain("kubernetes.io/limit-ranger: 'LimitRanger plugin set: cpu, memory request for container nginx; cpu, memory limit for container nginx'");
    expect(yaml).toMatch(/limits:\n\s+cpu: 500m\n\s+memory: 1Gi/);
    // Only defaults the container lacks are set, and only those are named.
    c.apply(pod('partial', '    resources:\n      requests:\n        cpu: 200m\n      limits:\n        cpu: 400m\n'));
    expect((c.get('Pod', 'partial', 'default') as Pod).metadata!.annotations!['kubernetes.io/limit-ranger']).toBe(
      'LimitRanger plugin set: memory request for container nginx; memory limit for container nginx',
    );
  });

  it('refuses a pod over the maximum with the Forbidden message', () => {
    const c = cluster();
    const res = c.kubectl('apply -f -', pod('big', '    resources:\n      limits:\n        memory: 2Gi\n'));
    expect(res.stderr).toBe('Error from server (Forbidden): error when creating "STDIN": pods "big" is forbidden: maximum memory usage per Container is 1Gi, but limit is 2Gi.\n');
    expect(c.get('Pod', 'big', 'default')).toBeUndefined();
  });

  it('refuses below the minimum and above the limit/request ratio, every error of the range listed', () => {
    const c = cluster();
    const res = c.apply(pod('tiny', '    resources:\n      requests:\n        cpu: 50m\n      limits:\n        cpu: "2"\n'));
    expect(res[0].error?.message).toBe(
      'Error from server (Forbidden): error when creating "STDIN": pods "tiny" is forbidden: [minimum cpu usage per Container is 100m, but request is 50m., cpu max limit to request ratio per Container is 4, but provided ratio is 40.000000.]',
    );
  });

  it('leaves pods alone in a namespace without a LimitRange', () => {
    const c = cluster();
    c.kubectl('create namespace other');
    c.apply(pod('free').replace('  name: free', '  name: free\n  namespace: other'));
    const free = c.get('Pod', 'free', 'other') as Pod;
    expect(free.metadata!.annotations?.['kubernetes.io/limit-ranger']).toBeUndefined();
    expect(free.spec!.containers[0].resources).toEqual({});
  });
});
