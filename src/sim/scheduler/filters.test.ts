import { describe, expect, it } from 'vitest';
import type { Node, Pod } from '../api/types';
import { filterNode, fitErrorMessage } from './filters';

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

describe('filters a DaemonSet pod relies on (k8s-semantics §3.3, §8)', () => {
  const node = (name: string, unschedulable = false): Node => ({
    metadata: { name, labels: { 'kubernetes.io/hostname': name } },
    spec: unschedulable ? { unschedulable: true } : {},
    status: { allocatable: { cpu: '4', memory: '8Gi', pods: '110' } },
  });
  const pinned = (target: string, tolerations: NonNullable<Pod['spec']>['tolerations'] = []): Pod => ({
    metadata: { name: 'agent-x' },
    spec: {
      containers: [{ name: 'agent', image: 'nginx' }],
      tolerations,
      affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchFields: [{ key: 'metadata.name', operator: 'In', values: [target] }] }] } } },
    },
  });
  const free = { pods: 0, requested: { cpu: 0, memory: 0 }, nonZero: { cpu: 0, memory: 0 } };
  const none = { cpu: 0, memory: 0 };

  it('matches matchFields metadata.name against the node name', () => {
    expect(filterNode(pinned('node-2'), node('node-2'), free, none)).toEqual([]);
    expect(filterNode(pinned('node-2'), node('node-1'), free, none)).toEqual([{ reason: "node(s) didn't match Pod's node affinity/selector", unresolvable: true }]);
  });

  it('lets a pod tolerating node.kubernetes.io/unschedulable:NoSchedule onto a cordoned node', () => {
    expect(filterNode(pinned('node-1'), node('node-1', true), free, none)).toEqual([{ reason: 'node(s) were unschedulable', unresolvable: true }]);
    const tolerating = pinned('node-1', [{ key: 'node.kubernetes.io/unschedulable', operator: 'Exists', effect: 'NoSchedule' }]);
    expect(filterNode(tolerating, node('node-1', true), free, none)).toEqual([]);
  });
});
