import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../api/object';
import type { Deployment } from '../../api/types';
import { admitted, DEFAULT_NAMESPACE, fixture } from '../fixtures';
import { runKubectl } from '..';
import { jsonPatch, mergePatch, strategicMerge } from './patch-apply';

const deployment: KubeObject = {
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'web', namespace: 'default' },
  spec: {
    replicas: 2,
    selector: { matchLabels: { app: 'web' } },
    template: {
      metadata: { labels: { app: 'web' } },
      spec: {
        containers: [
          { name: 'app', image: 'nginx:1.27', env: [{ name: 'A', value: '1' }], ports: [{ containerPort: 80 }] },
          { name: 'side', image: 'busybox:1.36', args: ['sleep', '3600'] },
        ],
      },
    },
  },
};

function setup() {
  const f = fixture([DEFAULT_NAMESPACE], 10);
  admitted(f, [deployment]);
  const get = () => f.ctx.api.get('Deployment', 'default', 'web') as Deployment;
  return { kubectl: (line: string) => runKubectl(f.ctx, line), get };
}

describe('kubectl patch', () => {
  it('applies a strategic merge patch, merging containers by name', () => {
    const { kubectl, get } = setup();
    expect(kubectl(`patch deployment web -p '{"spec":{"template":{"spec":{"containers":[{"name":"side","image":"busybox:1.37"}]}}}}'`)).toEqual({
      stdout: 'deployment.apps/web patched\n',
      stderr: '',
      exitCode: 0,
    });
    const containers = get().spec!.template.spec!.containers;
    expect(containers.map((c) => `${c.name}=${c.image}`)).toEqual(['app=nginx:1.27', 'side=busybox:1.37']);
    expect(containers[1].args).toEqual(['sleep', '3600']);
  });

  it('says (no change) when the patch changes nothing, and accepts YAML', () => {
    const { kubectl } = setup();
    expect(kubectl(`patch deploy/web -p 'spec: {replicas: 2}'`).stdout).toBe('deployment.apps/web patched (no change)\n');
    expect(kubectl(`patch deploy/web --type merge -p '{"spec":{"replicas":4}}'`).stdout).toBe('deployment.apps/web patched\n');
  });

  it('replaces whole lists with a merge patch', () => {
    const { kubectl, get } = setup();
    kubectl(`patch deploy web --type=merge -p '{"spec":{"template":{"spec":{"containers":[{"name":"only","image":"nginx:1.28"}]}}}}'`);
    expect(get().spec!.template.spec!.containers.map((c) => c.name)).toEqual(['only']);
  });

  it('applies a JSON patch', () => {
    const { kubectl, get } = setup();
    const out = kubectl(`patch deploy web --type=json -p '[{"op":"replace","path":"/spec/template/spec/containers/0/image","value":"nginx:1.28"},{"op":"add","path":"/spec/template/spec/containers/0/env/-","value":{"name":"B","value":"2"}}]'`);
    expect(out.stdout).toBe('deployment.apps/web patched\n');
    const app = get().spec!.template.spec!.containers[0];
    expect(app.image).toBe('nginx:1.28');
    expect(app.env).toEqual([{ name: 'A', value: '1' }, { name: 'B', value: '2' }]);
  });

  it.each([
    [`patch deploy web --type foo -p '{}'`, 'error: --type must be one of [json merge strategic], not "foo"\n'],
    ['patch deploy web', 'error: must specify --patch or --patch-file containing the contents of the patch\n'],
    [`patch deploy nope -p '{"spec":{}}'`, 'Error from server (NotFound): deployments.apps "nope" not found\n'],
    [`patch deploy web --type json -p '{"op":"add"}'`, 'Error from server (BadRequest): json: cannot unmarshal object into Go value of type jsonpatch.Patch\n'],
    [`patch deploy web --type json -p '[{"op":"remove","path":"/spec/foo"}]'`, "Error from server (BadRequest): error in remove for path: '/spec/foo': Unable to remove nonexistent key: foo: missing value\n"],
    [`patch deploy web --type json -p '[{"op":"add","path":"/spec/a/b","value":5}]'`, 'Error from server (BadRequest): add operation does not apply: doc is missing path: "/spec/a/b": missing value\n'],
    [`patch deploy web --type json -p '[{"op":"test","path":"/spec/replicas","value":5}]'`, 'The request is invalid: the server rejected our request due to an error in our request\n'],
    [`patch deploy web --type json -p '[{"op":"bogus","path":"/spec"}]'`, 'Error from server (BadRequest): Unexpected kind: bogus\n'],
    [`patch deploy web -p '{"spec":{"replicas":-1}}'`, 'The Deployment "web" is invalid: spec.replicas: Invalid value: -1: must be greater than or equal to 0\n'],
  ])('%s fails as kubectl does', (line, stderr) => {
    const { kubectl } = setup();
    expect(kubectl(line)).toEqual({ stdout: '', stderr, exitCode: 1 });
  });
});

describe('patch documents', () => {
  it('merge patch follows RFC 7386', () => {
    expect(mergePatch({ a: 'b', c: { d: 'e', f: 'g' } }, { a: 'z', c: { f: null } })).toEqual({ a: 'z', c: { d: 'e' } });
    expect(mergePatch({ a: [1, 2] }, { a: [3] })).toEqual({ a: [3] });
    expect(mergePatch({ a: 'b' }, ['c'])).toEqual(['c']);
  });

  it('strategic merge merges keyed lists and honours $patch: delete', () => {
    const spec = { containers: [{ name: 'a', image: 'x', ports: [{ containerPort: 80, name: 'http' }] }], volumes: [{ name: 'v', emptyDir: {} }] };
    expect(strategicMerge(spec, { containers: [{ name: 'a', ports: [{ containerPort: 80, protocol: 'TCP' }, { containerPort: 443 }] }, { name: 'b', image: 'y' }], volumes: [{ name: 'v', $patch: 'delete' }] })).toEqual({
      containers: [
        { name: 'a', image: 'x', ports: [{ containerPort: 80, name: 'http', protocol: 'TCP' }, { containerPort: 443 }] },
        { name: 'b', image: 'y' },
      ],
      volumes: [],
    });
  });

  it('JSON patch follows RFC 6902 move, copy and test', () => {
    expect(jsonPatch({ a: { b: 1 }, l: [1, 2] }, [{ op: 'move', from: '/a/b', path: '/c' }, { op: 'copy', from: '/l/0', path: '/l/-' }, { op: 'test', path: '/c', value: 1 }])).toEqual({ a: {}, c: 1, l: [1, 2, 1] });
  });
});
