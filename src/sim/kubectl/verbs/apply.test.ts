import { describe, expect, it } from 'vitest';
import { fixture } from '../fixtures';
import { runKubectl } from '..';
import type { KubectlContext } from '../command';

const NAMESPACE = { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'default' }, status: { phase: 'Active' } };

const deployment = (name: string, selectorApp: string) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${name}
spec:
  replicas: 2
  selector:
    matchLabels:
      app: ${selectorApp}
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
      - name: app
        image: nginx:1.27
`;

function setup(files: Record<string, string> = {}) {
  const { ctx } = fixture([NAMESPACE], 0);
  const withFiles: KubectlContext = {
    ...ctx,
    readFile: (path) => {
      if (!(path in files)) throw new Error(`ENOENT: ${path}`);
      return files[path];
    },
  };
  return (line: string, stdin?: string) => runKubectl(withFiles, line, stdin);
}

describe('kubectl apply', () => {
  it('creates from stdin, then reports unchanged and configured', () => {
    const kubectl = setup();
    expect(kubectl('apply -f -', deployment('web', 'web'))).toEqual({ stdout: 'deployment.apps/web created\n', stderr: '', exitCode: 0 });
    expect(kubectl('apply -f -', deployment('web', 'web')).stdout).toBe('deployment.apps/web unchanged\n');
    expect(kubectl('apply -f -', deployment('web', 'web').replace('replicas: 2', 'replicas: 3')).stdout).toBe('deployment.apps/web configured\n');
  });

  it('reads files through the context and applies every document', () => {
    const kubectl = setup({ 'web.yaml': `${deployment('web', 'web')}---\n${deployment('api', 'web')}` });
    expect(kubectl('apply -f web.yaml')).toEqual({ stdout: 'deployment.apps/web created\ndeployment.apps/api created\n', stderr: '', exitCode: 0 });
  });

  it('prints an Invalid document in kubectl\'s words and applies the others', () => {
    const kubectl = setup({ 'd.yaml': `${deployment('bad', 'other')}---\n${deployment('good', 'web')}` });
    expect(kubectl('apply -f d.yaml')).toEqual({
      stdout: 'deployment.apps/good created\n',
      stderr: 'The Deployment "bad" is invalid: spec.template.metadata.labels: Invalid value: map[string]string{"app":"web"}: `selector` does not match template `labels`\n',
      exitCode: 1,
    });
  });

  it.each([
    ['apply', undefined, 'error: must specify one of -f and -k\n'],
    ['apply -f', undefined, "error: flag needs an argument: 'f' in -f\nSee 'kubectl apply --help' for usage.\n"],
    ['apply -f missing.yaml', undefined, 'error: the path "missing.yaml" does not exist\n'],
    ['apply -f -', '', 'error: no objects passed to apply\n'],
    ['apply -f - extra', 'x: 1', "error: Unexpected args: [extra]\nSee 'kubectl apply -h' for help and examples\n"],
  ])('%s fails as kubectl does', (line, stdin, stderr) => {
    expect(setup()(line, stdin)).toEqual({ stdout: '', stderr, exitCode: 1 });
  });

  it('says a path does not exist where there is no file system (the browser)', () => {
    const { ctx } = fixture([NAMESPACE], 0);
    expect(runKubectl(ctx, 'apply -f web.yaml').stderr).toBe('error: the path "web.yaml" does not exist\n');
  });
});
