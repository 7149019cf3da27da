import { describe, expect, it } from 'vitest';
import { fixture, podFixture } from '../fixtures';
import { runKubectl } from '..';

const onNode = { spec: { nodeName: 'node-1' }, status: { phase: 'Running' as const } };

function setup() {
  const f = fixture([podFixture('web-1', onNode), podFixture('web-2', onNode), podFixture('db-1', { ...onNode, metadata: { labels: { app: 'db' } } })], 60);
  return { ...f, kubectl: (line: string) => runKubectl(f.ctx, line) };
}

describe('kubectl delete', () => {
  it('deletes gracefully: the pod stays, Terminating, with its deletion timestamp', () => {
    const { kubectl, ctx } = setup();
    expect(kubectl('delete pod web-1')).toEqual({ stdout: 'pod "web-1" deleted\n', stderr: '', exitCode: 0 });
    const pod = ctx.api.get('Pod', 'default', 'web-1');
    expect(pod?.metadata.deletionTimestamp).toBe('2026-01-01T09:01:30Z');
    expect(kubectl('get pod web-1').stdout).toContain('Terminating');
  });

  it('force-deletes at once with kubectl\'s warning', () => {
    const { kubectl, ctx } = setup();
    expect(kubectl('delete pod/web-1 --grace-period=0 --force')).toEqual({
      stdout: 'pod "web-1" force deleted\n',
      stderr: 'Warning: Immediate deletion does not wait for confirmation that the running resource has been terminated. The resource may continue to run on the cluster indefinitely.\n',
      exitCode: 0,
    });
    expect(ctx.api.get('Pod', 'default', 'web-1')).toBeUndefined();
  });

  it('turns --grace-period=0 without --force into one second', () => {
    const { kubectl, ctx } = setup();
    expect(kubectl('delete pod web-1 --grace-period=0').stdout).toBe('pod "web-1" deleted\n');
    expect(ctx.api.get('Pod', 'default', 'web-1')?.metadata.deletionGracePeriodSeconds).toBe(1);
  });

  it('deletes by selector and with --all', () => {
    const { kubectl } = setup();
    expect(kubectl('delete pods -l app=db').stdout).toBe('pod "db-1" deleted\n');
    expect(kubectl('delete pods -l app=nothing')).toEqual({ stdout: 'No resources found\n', stderr: '', exitCode: 0 });
    expect(kubectl('delete po --all --wait=false -o name').stdout).toBe('pod/db-1\npod/web-1\npod/web-2\n');
  });

  it('reports what it could not find, after deleting the rest', () => {
    const { kubectl } = setup();
    expect(kubectl('delete pod web-1 nope')).toEqual({ stdout: 'pod "web-1" deleted\n', stderr: 'Error from server (NotFound): pods "nope" not found\n', exitCode: 1 });
  });

  it.each([
    ['delete pods', 'error: resource(s) were provided, but no name was specified\n'],
    ['delete pod web-1 --cascade=bogus', 'error: invalid cascade value (bogus). Must be "background", "foreground", or "orphan"\n'],
    ['delete pods --all -l app=web', "error: setting 'all' parameter but found a non empty selector. \n"],
    ['delete pod web-1 --force --grace-period=5', 'error: --force and --grace-period greater than 0 cannot be specified together\n'],
    ['delete pod web-1 -o yaml', "error: unexpected -o output mode: yaml. We only support '-o name'\n"],
  ])('%s fails as kubectl does', (line, stderr) => {
    const { kubectl } = setup();
    expect(kubectl(line)).toEqual({ stdout: '', stderr, exitCode: 1 });
  });
});

describe('kubectl delete -f', () => {
  const manifest = `apiVersion: v1
kind: Pod
metadata:
  name: web-1
---
apiVersion: v1
kind: Pod
metadata:
  name: gone
  namespace: default
`;

  it('deletes the objects a manifest names and says which file named a missing one', () => {
    const { ctx } = setup();
    const result = runKubectl({ ...ctx, readFile: (path) => (path === 'pods.yaml' ? manifest : '') }, 'delete -f pods.yaml');
    expect(result).toEqual({ stdout: 'pod "web-1" deleted\n', stderr: 'Error from server (NotFound): error when deleting "pods.yaml": pods "gone" not found\n', exitCode: 1 });
  });

  it('reads stdin for -f - and ignores missing objects with --ignore-not-found', () => {
    const { ctx } = setup();
    expect(runKubectl(ctx, 'delete -f - --ignore-not-found', manifest)).toEqual({ stdout: 'pod "web-1" deleted\n', stderr: '', exitCode: 0 });
  });

  it('refuses resource arguments beside files', () => {
    const { ctx } = setup();
    expect(runKubectl(ctx, 'delete pod web-1 -f -', manifest).stderr).toBe('error: when paths, URLs, or stdin is provided as input, you may not specify resource arguments as well\n');
  });
});
