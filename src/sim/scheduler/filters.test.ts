import { describe, expect, it } from 'vitest';
import { fitErrorMessage } from './filters';

describe('FailedScheduling message (k8s-semantics §3.5)', () => {
  it('formats the taint + insufficient cpu example exactly', () => {
    const taint = [{ reason: 'node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }', unresolvable: true }];
    const cpu = [{ reason: 'Insufficient cpu', unresolvable: false }];
    expect(fitErrorMessage(4, [taint, cpu, cpu, cpu])).toBe(
      '0/4 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 3 Insufficient cpu. preemption: 0/4 nodes are available: 1 Preemption is not helpful for scheduling, 3 No preemption victims found for incoming pod..',
    );
  });

  it('sorts the histogram as strings', () => {
    const memory = [{ reason: 'Insufficient memory', unresolvable: false }];
    const selector = [{ reason: "node(s) didn't match Pod's node affinity/selector", unresolvable: true }];
    expect(fitErrorMessage(12, [...Array(10).fill(memory), selector, selector])).toMatch(/^0\/12 nodes are available: 10 Insufficient memory, 2 node\(s\) didn't match/);
  });

  it('says so when there are no nodes', () => {
    expect(fitErrorMessage(0, [])).toBe('no nodes available to schedule pods');
  });
});
