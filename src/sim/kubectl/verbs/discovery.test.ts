import { describe, expect, it } from 'vitest';
import { fixture } from '../fixtures';
import { runKubectl } from '..';

const { ctx } = fixture([], 0);
const kubectl = (line: string) => runKubectl(ctx, line);

describe('kubectl api-resources', () => {
  it('lists the served resources by group, then name, in kubectl columns', () => {
    const lines = kubectl('api-resources').stdout.split('\n');
    expect(lines[0]).toBe('NAME                       SHORTNAMES   APIVERSION               NAMESPACED   KIND');
    expect(lines[1]).toBe('configmaps                 cm           v1                       true         ConfigMap');
    expect(lines).toContain('namespaces                 ns           v1                       false        Namespace');
    expect(lines).toContain('deployments                deploy       apps/v1                  true         Deployment');
    const groups = lines.slice(1, -1).map((l) => l.split(/\s+/).at(-3)!);
    expect(groups.indexOf('apps/v1')).toBeGreaterThan(groups.lastIndexOf('v1'));
  });

  it('filters and prints names as group-qualified resources', () => {
    expect(kubectl('api-resources --api-group=apps -o name').stdout).toBe('controllerrevisions.apps\ndaemonsets.apps\ndeployments.apps\nreplicasets.apps\nstatefulsets.apps\n');
    const cluster = kubectl('api-resources --namespaced=false --no-headers --sort-by=kind').stdout.split('\n').filter(Boolean).map((l) => l.split(/\s+/)[0]);
    expect(cluster).toEqual(['ingressclasses', 'namespaces', 'nodes', 'persistentvolumes', 'storageclasses']);
  });

  it.each([
    ['api-resources -o yaml', 'error: --output yaml is not available\n'],
    ['api-resources --sort-by=foo', 'error: --sort-by accepts only name or kind\n'],
  ])('%s fails as kubectl does', (line, stderr) => {
    expect(kubectl(line)).toEqual({ stdout: '', stderr, exitCode: 1 });
  });
});

describe('kubectl api-versions', () => {
  it('prints each group/version once, sorted', () => {
    const versions = kubectl('api-versions').stdout.split('\n').filter(Boolean);
    expect(versions[0]).toBe('apps/v1');
    expect(versions.at(-1)).toBe('v1');
    expect(versions).toContain('autoscaling/v2');
    expect([...versions].sort()).toEqual(versions);
  });
});
