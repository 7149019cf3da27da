import { describe, expect, it } from 'vitest';
import { scriptedBehaviour } from './scripted';

describe('scriptedBehaviour', () => {
  it('explains each kubesim.io annotation in one line and ignores the others', () => {
    const lines = scriptedBehaviour({
      'kubectl.kubernetes.io/last-applied-configuration': '{}',
      'kubesim.io/exit-code': '3',
      'kubesim.io/crash-after': '30s',
      'kubesim.io/memory': '300Mi',
    });
    expect(lines.map((l) => l.annotation)).toEqual(['kubesim.io/crash-after', 'kubesim.io/exit-code', 'kubesim.io/memory']);
    expect(lines[0].effect).toBe('Every run of the container exits after 30s with exit code 3, so it shows Error, then CrashLoopBackOff.');
    expect(lines[2].effect).toContain('OOMKilled (exit 137)');
  });

  it('says an annotation it does not know has no effect', () => {
    expect(scriptedBehaviour({ 'kubesim.io/explode': 'yes' })[0].effect).toContain('no effect');
  });

  it('is empty for a pod without annotations', () => {
    expect(scriptedBehaviour(undefined)).toEqual([]);
  });
});
