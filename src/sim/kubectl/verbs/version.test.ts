import { describe, expect, it } from 'vitest';
import { fixture } from '../fixtures';
import { runKubectl } from '..';

const { ctx } = fixture([], 0);
const kubectl = (line: string) => runKubectl({ ...ctx, serverVersion: 'v1.32.2' }, line);

describe('kubectl version', () => {
  it('prints the client, Kustomize and server versions', () => {
    expect(kubectl('version')).toEqual({ stdout: 'Client Version: v1.32.2\nKustomize Version: v5.5.0\nServer Version: v1.32.2\n', stderr: '', exitCode: 0 });
    expect(kubectl('version --client').stdout).toBe('Client Version: v1.32.2\nKustomize Version: v5.5.0\n');
  });

  it('prints version.Info as JSON or YAML', () => {
    const json = JSON.parse(kubectl('version -o json').stdout);
    expect(json.serverVersion).toMatchObject({ major: '1', minor: '32', gitVersion: 'v1.32.2', platform: 'linux/amd64' });
    expect(kubectl('version --client -o yaml').stdout).toMatch(/^clientVersion:\n {2}buildDate: ""\n/);
  });

  it.each([
    ['version extra', 'error: extra arguments: [extra]\n'],
    ['version -o wide', "error: --output must be 'yaml' or 'json'\n"],
  ])('%s fails as kubectl does', (line, stderr) => {
    expect(kubectl(line)).toEqual({ stdout: '', stderr, exitCode: 1 });
  });
});
