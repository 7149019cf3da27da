import { describe, expect, it } from 'vitest';
import { SimCluster } from '../../cluster';

const QUOTA = `apiVersion: v1
kind: ResourceQuota
metadata:
  name: compute
  namespace: team
spec:
  hard:
    pods: "4"
    requests.cpu: "2"
    requests.memory: 2Gi
    limits.memory: 4Gi
`;

const LIMITS = `apiVersion: v1
kind: LimitRange
metadata:
  name: limits
  namespace: team
spec:
  limits:
  - type: Container
    max:
      memory: 1Gi
    min:
      cpu: 100m
    default:
      cpu: 500m
    maxLimitRequestRatio:
      cpu: "4"
`;

const POD = `apiVersion: v1
kind: Pod
metadata:
  name: app
  namespace: team
spec:
  containers:
  - name: app
    image: nginx:1.27
    resources:
      requests:
        memory: 512Mi
`;

function team(): SimCluster {
  const c = new SimCluster({ nodes: 1, seed: 2 });
  c.kubectl('create namespace team');
  c.apply(QUOTA);
  c.apply(LIMITS);
  c.apply(POD);
  c.advance(65_000);
  return c;
}

describe('quota and limit range output', () => {
  it('get quota: NAME AGE REQUEST LIMIT, limits.* in LIMIT', () => {
    expect(team().kubectl('get quota -n team').stdout).toBe(
      'NAME      AGE   REQUEST                                                       LIMIT\n' +
        'compute   65s   pods: 1/4, requests.cpu: 500m/2, requests.memory: 512Mi/2Gi   limits.memory: 1Gi/4Gi\n',
    );
  });

  it('get limits: NAME CREATED AT', () => {
    expect(team().kubectl('get limits -n team').stdout).toBe('NAME     CREATED AT\nlimits   2026-01-01T09:00:00Z\n');
  });

  it('describe quota: the Resource Used Hard table', () => {
    expect(team().kubectl('describe quota compute -n team').stdout).toBe(
      [
        'Name:            compute',
        'Namespace:       team',
        'Resource         Used   Hard',
        '--------         ----   ----',
        'limits.memory    1Gi    4Gi',
        'pods             1      4',
        'requests.cpu     500m   2',
        'requests.memory  512Mi  2Gi',
        '',
      ].join('\n'),
    );
  });

  it('describe limitrange: one row per resource, "-" where unset', () => {
    expect(team().kubectl('describe limitrange limits -n team').stdout).toBe(
      [
        'Name:       limits',
        'Namespace:  team',
        'Type        Resource  Min   Max  Default Request  Default Limit  Max Limit/Request Ratio',
        '----        --------  ---   ---  ---------------  -------------  -----------------------',
        'Container   memory    -     1Gi  1Gi              1Gi            -',
        'Container   cpu       100m  -    500m             500m           4',
        '',
      ].join('\n'),
    );
  });

  it('describe namespace lists its quotas and limit ranges', () => {
    expect(team().kubectl('describe ns team').stdout).toBe(
      [
        'Name:         team',
        'Labels:       kubernetes.io/metadata.name=team',
        'Annotations:  <none>',
        'Status:       Active',
        '',
        'Resource Quotas',
        '  Name:            compute',
        '  Resource         Used   Hard',
        '  --------         ---    ---',
        '  limits.memory    1Gi    4Gi',
        '  pods             1      4',
        '  requests.cpu     500m   2',
        '  requests.memory  512Mi  2Gi',
        '',
        'Resource Limits',
        ' Type       Resource  Min   Max  Default Request  Default Limit  Max Limit/Request Ratio',
        ' ----       --------  ---   ---  ---------------  -------------  -----------------------',
        ' Container  memory    -     1Gi  1Gi              1Gi            -',
        ' Container  cpu       100m  -    500m             500m           4',
        '',
      ].join('\n'),
    );
  });

  it('describe namespace shows the deletion conditions of a Terminating namespace', () => {
    const c = team();
    c.kubectl('delete ns team');
    const out = c.kubectl('describe ns team').stdout;
    expect(out).toContain('Status:       Terminating\nConditions:\n  Type ');
    expect(out).toMatch(/NamespaceContentRemaining\s+True\s+Thu, 01 Jan 2026 09:01:05 \+0000\s+SomeResourcesRemain\s+Some resources are remaining: pods\. has 1 resource instances\n/);
  });
});
