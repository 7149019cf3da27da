import { describe, expect, it } from 'vitest';
import { admitted, DEFAULT_NAMESPACE, fixture, podFixture } from '../fixtures';
import { runKubectl } from '..';

function setup() {
  const f = fixture([DEFAULT_NAMESPACE], 10);
  admitted(f, [podFixture('web-1', { metadata: { annotations: { owner: 'team-a', 'kubernetes.io/change-cause': 'first' } } })]);
  const annotations = () => f.ctx.api.get('Pod', 'default', 'web-1')!.metadata.annotations;
  return { ...f, annotations, kubectl: (line: string) => runKubectl(f.ctx, line) };
}

describe('kubectl annotate', () => {
  it('adds, overwrites and removes annotations, always saying "annotated"', () => {
    const { kubectl, annotations } = setup();
    expect(kubectl('annotate pod web-1 description="my frontend=v2"')).toEqual({ stdout: 'pod/web-1 annotated\n', stderr: '', exitCode: 0 });
    expect(kubectl('annotate pod web-1 owner=team-b --overwrite').stdout).toBe('pod/web-1 annotated\n');
    expect(kubectl('annotate pod web-1 owner- missing-').stdout).toBe('pod/web-1 annotated\n');
    expect(annotations()).toEqual({ description: 'my frontend=v2', 'kubernetes.io/change-cause': 'first' });
  });

  it('refuses an existing key without --overwrite, even with the same value, except the change-cause', () => {
    const { kubectl, annotations } = setup();
    expect(kubectl('annotate pod web-1 owner=team-a')).toEqual({
      stdout: '',
      stderr: "error: --overwrite is false but found the following declared annotation(s): 'owner' already has a value (team-a)\n",
      exitCode: 1,
    });
    expect(kubectl('annotate pod web-1 kubernetes.io/change-cause=second').stdout).toBe('pod/web-1 annotated\n');
    expect(annotations()?.['kubernetes.io/change-cause']).toBe('second');
  });

  it.each([
    ['annotate pod web-1', 'error: at least one annotation update is required\n'],
    ['annotate pod web-1 a=b a-', 'error: can not both modify and remove the following annotation(s) in the same command: a\n'],
    ['annotate pod web-1 =b', 'error: at least one annotation update is required\n'],
    ['annotate pod/nope a=b', 'Error from server (NotFound): pods "nope" not found\n'],
  ])('%s fails as kubectl does', (line, stderr) => {
    expect(setup().kubectl(line)).toEqual({ stdout: '', stderr, exitCode: 1 });
  });
});
