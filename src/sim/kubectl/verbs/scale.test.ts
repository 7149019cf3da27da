import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../api/object';
import { at, fixture } from '../fixtures';
import { runKubectl } from '..';

const deployment: KubeObject = {
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'web', namespace: 'default', creationTimestamp: at(0) },
  spec: { replicas: 2, selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'app', image: 'nginx:1.27' }] } } },
};

function setup() {
  const f = fixture([deployment], 10);
  return { ...f, kubectl: (line: string) => runKubectl(f.ctx, line) };
}

describe('kubectl scale', () => {
  it('sets spec.replicas and prints kind/name scaled, in either argument order', () => {
    const { kubectl, ctx } = setup();
    expect(kubectl('scale deployment/web --replicas=5')).toEqual({ stdout: 'deployment.apps/web scaled\n', stderr: '', exitCode: 0 });
    expect((ctx.api.get('Deployment', 'default', 'web')?.spec as { replicas: number }).replicas).toBe(5);
    expect(kubectl('scale --replicas=0 deploy web').stdout).toBe('deployment.apps/web scaled\n');
    expect((ctx.api.get('Deployment', 'default', 'web')?.spec as { replicas: number }).replicas).toBe(0);
  });

  it('checks --current-replicas first', () => {
    const { kubectl } = setup();
    expect(kubectl('scale deploy/web --current-replicas=3 --replicas=1')).toEqual({ stdout: '', stderr: 'error: Expected replicas to be 3, was 2\n', exitCode: 1 });
  });

  it.each([
    ['scale deploy/web', 'error: required flag(s) "replicas" not set\n'],
    ['scale deploy/web --replicas=-1', 'error: The --replicas=COUNT flag is required, and COUNT must be greater than or equal to 0\n'],
    ['scale deploy/web --replicas=abc', `error: invalid argument "abc" for "--replicas" flag: strconv.ParseInt: parsing "abc": invalid syntax\nSee 'kubectl scale --help' for usage.\n`],
    ['scale deploy/nope --replicas=1', 'Error from server (NotFound): deployments.apps "nope" not found\n'],
    ['scale deploy -l app=none --replicas=1', 'error: no objects passed to scale\n'],
  ])('%s fails as kubectl does', (line, stderr) => {
    const { kubectl } = setup();
    expect(kubectl(line)).toEqual({ stdout: '', stderr, exitCode: 1 });
  });
});
