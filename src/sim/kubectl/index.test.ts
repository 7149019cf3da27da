import { describe, expect, it } from 'vitest';
import { fixture, podFixture } from './fixtures';
import { runKubectl } from '.';

const { ctx } = fixture([podFixture('web-1', { metadata: { namespace: 'kube-system' } })], 5);
const kubectl = (line: string) => runKubectl(ctx, line);

describe('runKubectl', () => {
  it('runs with or without the leading word kubectl', () => {
    expect(kubectl('kubectl get pods -n kube-system')).toEqual(kubectl('get pods -n kube-system'));
  });

  it('accepts global flags before the command', () => {
    expect(kubectl('-n kube-system get pods').stdout).toBe('NAME    READY   STATUS    RESTARTS   AGE\nweb-1   0/1     Pending   0          5s\n');
    expect(kubectl('--namespace=kube-system get pods').stdout).toContain('web-1');
  });

  it('suggests a close command for an unknown one, as cobra does', () => {
    expect(kubectl('gte pods')).toEqual({ stdout: '', stderr: 'error: unknown command "gte" for "kubectl"\n\nDid you mean this?\n\tget\n', exitCode: 1 });
    expect(kubectl('frobnicate')).toEqual({ stdout: '', stderr: 'error: unknown command "frobnicate" for "kubectl"\n', exitCode: 1 });
  });

  it('says which real kubectl commands it does not simulate yet', () => {
    expect(kubectl('wait --for=condition=Ready pod/web-1').stderr).toBe(
      'error: kubesim does not simulate "kubectl wait" yet; it runs: create, expose, run, set, explain, get, delete, rollout, scale, autoscale, top, cordon, uncordon, drain, taint, describe, logs, exec, apply, patch, replace, label, annotate, sim, api-resources, api-versions, config, version\n',
    );
  });

  it('rejects unknown root flags', () => {
    expect(kubectl('--bogus')).toEqual({ stdout: '', stderr: "error: unknown flag: --bogus\nSee 'kubectl --help' for usage.\n", exitCode: 1 });
  });

  it('reports an unterminated quote as the shell would', () => {
    expect(kubectl('get pods -l "app=web')).toEqual({ stdout: '', stderr: 'bash: unexpected EOF while looking for matching `"\'\n', exitCode: 2 });
  });
});
