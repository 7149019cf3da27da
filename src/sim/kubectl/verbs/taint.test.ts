import { describe, expect, it } from 'vitest';
import type { Node } from '../../api/types';
import { SimCluster } from '../../cluster';

function setup() {
  const c = new SimCluster({ nodes: 2, seed: 4 });
  c.advance(1_000);
  const taints = (name = 'node-1') => (c.get('Node', name) as Node).spec?.taints ?? [];
  return { c, taints };
}

describe('kubectl taint', () => {
  it('adds a taint and removes it by key and effect', () => {
    const { c, taints } = setup();
    expect(c.kubectl('taint nodes node-1 dedicated=gpu:NoSchedule')).toEqual({ stdout: 'node/node-1 tainted\n', stderr: '', exitCode: 0 });
    expect(taints()).toEqual([{ key: 'dedicated', value: 'gpu', effect: 'NoSchedule' }]);
    expect(c.kubectl('taint node node-1 dedicated:NoSchedule-').stdout).toBe('node/node-1 untainted\n');
    expect(taints()).toEqual([]);
  });

  it('removes every effect of a key with key-, and stamps NoExecute taints', () => {
    const { c, taints } = setup();
    c.kubectl('taint nodes node-1 a=1:NoSchedule a=1:NoExecute');
    expect(taints().find((t) => t.effect === 'NoExecute')?.timeAdded).toMatch(/^2026-01-01T09:00:\d\dZ$/);
    expect(c.kubectl('taint nodes node-1 a-').stdout).toBe('node/node-1 untainted\n');
    expect(taints()).toEqual([]);
  });

  it('refuses to overwrite without --overwrite, and reports modified with it', () => {
    const { c, taints } = setup();
    c.kubectl('taint nodes node-1 a=1:NoSchedule');
    expect(c.kubectl('taint nodes node-1 a=2:NoSchedule')).toEqual({
      stdout: '',
      stderr: 'error: node node-1 already has a taint(s) with same effect(s) and --overwrite is false\n',
      exitCode: 1,
    });
    expect(c.kubectl('taint nodes node-1 a=2:NoSchedule --overwrite').stdout).toBe('node/node-1 modified\n');
    expect(taints()).toEqual([{ key: 'a', value: '2', effect: 'NoSchedule' }]);
    expect(c.kubectl('taint nodes node-1 b:PreferNoSchedule a-').stdout).toBe('node/node-1 modified\n');
  });

  it('keeps pods off a NoSchedule node', () => {
    const { c } = setup();
    c.kubectl('taint nodes node-1 node-2 only=none:NoSchedule');
    c.kubectl('run web --image=nginx');
    c.advance(5_000);
    expect(c.kubectl('get pod web').stdout).toContain('Pending');
  });

  it.each([
    ['taint nodes node-1', 'error: at least one taint update is required\n'],
    ['taint nodes node-1 a=b:Bogus', "error: invalid taint effect: Bogus, unsupported taint effect\nSee 'kubectl taint -h' for help and examples\n"],
    ['taint nodes node-1 k=v:NoSchedule k=w:NoSchedule', "error: duplicated taints with the same key and effect: {k w NoSchedule <nil>}\nSee 'kubectl taint -h' for help and examples\n"],
    ['taint nodes node-1 k=v:NoSchedule k:NoSchedule-', 'error: can not both modify and remove the following taint(s) in the same command: {"k":"NoSchedule"}\n'],
    ['taint nodes node-1 c:NoSchedule-', 'error: taint "c:NoSchedule" not found\n'],
    ['taint nodes nope a=b:NoSchedule', 'Error from server (NotFound): nodes "nope" not found\n'],
    ['taint a=b:NoSchedule', 'error: one or more resources must be specified as <resource> <name>\n'],
    [
      'taint nodes node-1 a=b@:NoSchedule',
      "error: invalid taint spec: a=b@:NoSchedule, a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')\nSee 'kubectl taint -h' for help and examples\n",
    ],
  ])('%s fails as kubectl does', (line, stderr) => {
    const { c } = setup();
    expect(c.kubectl(line)).toEqual({ stdout: '', stderr, exitCode: 1 });
  });
});
