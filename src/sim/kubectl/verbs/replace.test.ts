import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../api/object';
import { admitted, DEFAULT_NAMESPACE, fixture } from '../fixtures';
import { runKubectl } from '..';

const configMap = (data: Record<string, string>, resourceVersion?: string) => `apiVersion: v1
kind: ConfigMap
metadata:
  name: settings
${resourceVersion ? `  resourceVersion: "${resourceVersion}"\n` : ''}data:
${Object.entries(data).map(([k, v]) => `  ${k}: "${v}"`).join('\n')}
`;

function setup(files: Record<string, string>) {
  const f = fixture([DEFAULT_NAMESPACE], 10);
  f.ctx.readFile = (path) => {
    if (!(path in files)) throw new Error('missing');
    return files[path];
  };
  const live: KubeObject = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'settings', namespace: 'default' }, data: { a: '1', b: '2' } };
  admitted(f, [live]);
  const get = () => f.ctx.api.get('ConfigMap', 'default', 'settings') as KubeObject & { data: Record<string, string> };
  return { kubectl: (line: string, stdin?: string) => runKubectl(f.ctx, line, stdin), get };
}

describe('kubectl replace', () => {
  it('replaces the whole object: fields missing from the file are gone', () => {
    const { kubectl, get } = setup({ 'cm.yaml': configMap({ a: '10' }) });
    expect(kubectl('replace -f cm.yaml')).toEqual({ stdout: 'configmap/settings replaced\n', stderr: '', exitCode: 0 });
    expect(get().data).toEqual({ a: '10' });
  });

  it('checks a resourceVersion in the manifest', () => {
    const { kubectl, get } = setup({});
    const current = get().metadata.resourceVersion!;
    expect(kubectl('replace -f -', configMap({ a: '3' }, current)).stdout).toBe('configmap/settings replaced\n');
    expect(kubectl('replace -f -', configMap({ a: '4' }, current))).toEqual({
      stdout: '',
      stderr:
        'Error from server (Conflict): error when replacing "STDIN": Operation cannot be fulfilled on configmaps "settings": the object has been modified; please apply your changes to the latest version and try again\n',
      exitCode: 1,
    });
  });

  it('deletes and creates with --force', () => {
    const { kubectl, get } = setup({ 'cm.yaml': configMap({ c: '5' }) });
    const uid = get().metadata.uid;
    expect(kubectl('replace --force -f cm.yaml').stdout).toBe('configmap "settings" deleted\nconfigmap/settings replaced\n');
    expect(get().data).toEqual({ c: '5' });
    expect(get().metadata.uid).not.toBe(uid);
  });

  it.each([
    ['replace', "error: must specify --filename to replace\nSee 'kubectl replace -h' for help and examples\n"],
    ['replace -f nope.yaml', 'error: the path "nope.yaml" does not exist\n'],
  ])('%s fails as kubectl does', (line, stderr) => {
    const { kubectl } = setup({});
    expect(kubectl(line)).toEqual({ stdout: '', stderr, exitCode: 1 });
  });

  it('reports a missing object as the server does', () => {
    const { kubectl } = setup({});
    expect(kubectl('replace -f -', configMap({ a: '1' }).replace('settings', 'other')).stderr).toBe(
      'Error from server (NotFound): error when replacing "STDIN": configmaps "other" not found\n',
    );
  });
});
