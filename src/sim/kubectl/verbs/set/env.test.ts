import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../../api/object';
import type { Deployment } from '../../../api/types';
import { admitted, DEFAULT_NAMESPACE, fixture } from '../../fixtures';
import { runKubectl } from '../..';

const deployment: KubeObject = {
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'web', namespace: 'default' },
  spec: {
    selector: { matchLabels: { app: 'web' } },
    template: {
      metadata: { labels: { app: 'web' } },
      spec: {
        containers: [
          { name: 'nginx', image: 'nginx:1.27', env: [{ name: 'MODE', value: 'dev' }, { name: 'POD', valueFrom: { fieldRef: { fieldPath: 'metadata.name' } } }] },
          { name: 'busybox', image: 'busybox:1.36', env: [{ name: 'GREETING', valueFrom: { configMapKeyRef: { name: 'cfg', key: 'greeting' } } }] },
        ],
      },
    },
  },
};

function setup() {
  const f = fixture([DEFAULT_NAMESPACE], 10);
  admitted(f, [deployment]);
  const env = (i: number) => (f.ctx.api.get('Deployment', 'default', 'web') as Deployment).spec!.template.spec!.containers[i].env;
  return { kubectl: (line: string) => runKubectl(f.ctx, line), env };
}

describe('kubectl set env', () => {
  it('sets and updates variables on every container', () => {
    const { kubectl, env } = setup();
    expect(kubectl('set env deployment/web MODE=prod LEVEL=3')).toEqual({ stdout: 'deployment.apps/web env updated\n', stderr: '', exitCode: 0 });
    expect(env(0)).toEqual([{ name: 'MODE', value: 'prod' }, { name: 'POD', valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.name' } } }, { name: 'LEVEL', value: '3' }]);
    expect(env(1)?.map((e) => e.name)).toEqual(['GREETING', 'MODE', 'LEVEL']);
  });

  it('removes with KEY- and limits to -c containers; no change prints nothing', () => {
    const { kubectl, env } = setup();
    expect(kubectl('set env deploy/web -c nginx MODE-').stdout).toBe('deployment.apps/web env updated\n');
    expect(env(0)?.map((e) => e.name)).toEqual(['POD']);
    expect(env(1)?.map((e) => e.name)).toEqual(['GREETING']);
    expect(kubectl('set env deploy/web -c nginx MODE-')).toEqual({ stdout: '', stderr: '', exitCode: 0 });
  });

  it('lists the variables, references as comments', () => {
    const { kubectl } = setup();
    expect(kubectl('set env deploy/web --list').stdout).toBe(
      '# Deployment web, container nginx\nMODE=dev\n# POD from field path metadata.name\n# Deployment web, container busybox\n# GREETING from configmap cfg, key greeting\n',
    );
  });

  it.each([
    ['set env deploy/web 1A=x', `error: "1A" is not a valid key name: a valid environment variable name must consist of alphabetic characters, digits, '_', '-', or '.', and must not start with a digit (e.g. 'my.env-name',  or 'MY_ENV.NAME',  or 'MyEnvName1', regex used for validation is '[-._a-zA-Z][-._a-zA-Z0-9]*')\n`],
    ['set env deploy/web', 'error: at least one environment variable must be provided\n'],
    ['set env deploy/nope A=1', 'Error from server (NotFound): deployments.apps "nope" not found\n'],
    ['set env deploy/web --overwrite=false MODE=x', "error: 'MODE' already has a value (dev), and --overwrite is false\n"],
  ])('%s fails as kubectl does', (line, stderr) => {
    const { kubectl } = setup();
    expect(kubectl(line)).toEqual({ stdout: '', stderr, exitCode: 1 });
  });

  it('warns when no container matches', () => {
    const { kubectl } = setup();
    expect(kubectl('set env deploy/web -c nope A=1')).toEqual({ stdout: '', stderr: 'Warning: Deployment/web does not have any containers matching "nope"\n', exitCode: 0 });
  });
});
