import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../api/object';
import { admitted, at, DEFAULT_NAMESPACE, fixture, podFixture } from '../fixtures';
import { runKubectl } from '..';

const deployment: KubeObject = {
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'web', namespace: 'default', creationTimestamp: at(0), labels: { app: 'web' } },
  spec: { replicas: 1, selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'app', image: 'nginx' }] } } },
};

function setup() {
  const f = fixture([DEFAULT_NAMESPACE], 10);
  admitted(f, [deployment, podFixture('web-1'), podFixture('web-2', { metadata: { labels: { app: 'api' } } })]);
  const labels = (kind: string, name: string) => f.ctx.api.get(kind, 'default', name)!.metadata.labels;
  return { ...f, labels, kubectl: (line: string) => runKubectl(f.ctx, line) };
}

describe('kubectl label', () => {
  it('adds a label, and says "not labeled" when it is already there', () => {
    const { kubectl, labels } = setup();
    expect(kubectl('label deployment web tier=frontend')).toEqual({ stdout: 'deployment.apps/web labeled\n', stderr: '', exitCode: 0 });
    expect(labels('Deployment', 'web')).toEqual({ app: 'web', tier: 'frontend' });
    expect(kubectl('label deployment web tier=frontend').stdout).toBe('deployment.apps/web not labeled\n');
  });

  it('refuses to change a value without --overwrite', () => {
    const { kubectl, labels } = setup();
    expect(kubectl('label pod web-1 app=api')).toEqual({ stdout: '', stderr: "error: 'app' already has a value (web), and --overwrite is false\n", exitCode: 1 });
    expect(kubectl('label --overwrite pod web-1 app=api').stdout).toBe('pod/web-1 labeled\n');
    expect(labels('Pod', 'web-1')).toEqual({ app: 'api' });
  });

  it('removes a label with key-, saying "unlabeled" as v1.32 does, and reports a key that is not there', () => {
    const { kubectl, labels } = setup();
    expect(kubectl('label pod web-1 app-').stdout).toBe('pod/web-1 unlabeled\n');
    expect(labels('Pod', 'web-1')).toEqual({});
    expect(kubectl('label pod web-1 app-').stdout).toBe('label "app" not found.\npod/web-1 not labeled\n');
  });

  it('labels every object of a type with --all, or those a selector picks', () => {
    const { kubectl } = setup();
    expect(kubectl('label pods --all env=prod').stdout).toBe('pod/web-1 labeled\npod/web-2 labeled\n');
    expect(kubectl('label pods -l app=api env=staging --overwrite').stdout).toBe('pod/web-2 labeled\n');
  });

  it('labels what it finds and reports what it does not', () => {
    expect(setup().kubectl('label pod/nope pod/web-1 env=prod')).toEqual({
      stdout: 'pod/web-1 labeled\n',
      stderr: 'Error from server (NotFound): pods "nope" not found\n',
      exitCode: 1,
    });
  });

  it.each([
    ['label pods web-1', 'error: at least one label update is required\n'],
    ['label app=web', 'error: one or more resources must be specified as <resource> <name> or <resource>/<name>\n'],
    ['label pods web-1 a=b web-2', 'error: all resources must be specified before label changes: web-2\n'],
    ['label pods web-1 a=b=c', 'error: invalid label spec: a=b=c\n'],
    ['label pods web-1 a=b a-', 'error: can not both modify and remove a label in the same command\n'],
    ['label pods --all -l app=web a=b', 'error: cannot set --all and --selector at the same time\n'],
    ['label pods a=b', 'error: resource(s) were provided, but no name was specified\n'],
    ['label pods web-1 web-2 a=b --resource-version=7', 'error: --resource-version may only be used with a single resource\n'],
    [
      'label pods web-1 a=b!',
      `error: invalid label value: "a=b!": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')\n`,
    ],
    [
      'label pods web-1 A!=b',
      `The Pod "web-1" is invalid: metadata.labels: Invalid value: "A!": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')\n`,
    ],
  ])('%s fails as kubectl does', (line, stderr) => {
    expect(setup().kubectl(line)).toEqual({ stdout: '', stderr, exitCode: 1 });
  });
});
