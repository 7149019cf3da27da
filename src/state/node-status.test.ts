import { describe, expect, it } from 'vitest';
import type { Node } from 'kubernetes-types/core/v1';
import { nodeStatus } from './node-status';

function node(ready: 'True' | 'False' | 'Unknown' | undefined, spec: Node['spec'] = {}): Node {
  const conditions =
    ready === undefined
      ? []
      : [
          ready === 'Unknown'
            ? { type: 'Ready', status: 'Unknown', reason: 'NodeStatusUnknown', message: 'Kubelet stopped posting node status.' }
            : { type: 'Ready', status: ready, reason: ready === 'True' ? 'KubeletReady' : 'KubeletNotReady', message: 'kubelet is posting ready status' },
        ];
  return { apiVersion: 'v1', kind: 'Node', metadata: { name: 'node-1' }, spec, status: { conditions } };
}

describe('nodeStatus (kubectl get nodes STATUS, §5.3)', () => {
  it('reads Ready, and NotReady for both False and Unknown', () => {
    expect(nodeStatus(node('True'))).toMatchObject({ status: 'Ready', notReady: false, reason: undefined });
    expect(nodeStatus(node('False'))).toMatchObject({ status: 'NotReady', notReady: true, readyStatus: 'False' });
    expect(nodeStatus(node('Unknown'))).toMatchObject({
      status: 'NotReady',
      notReady: true,
      readyStatus: 'Unknown',
      reason: 'NodeStatusUnknown',
      message: 'Kubelet stopped posting node status.',
    });
  });

  it('says Unknown for a node that never reported', () => {
    expect(nodeStatus(node(undefined)).status).toBe('Unknown');
  });

  it('appends SchedulingDisabled when cordoned and lists taints as key:effect', () => {
    const cordoned = node('True', {
      unschedulable: true,
      taints: [
        { key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule' },
        { key: 'dedicated', value: 'gpu', effect: 'NoExecute' },
      ],
    });
    expect(nodeStatus(cordoned)).toMatchObject({
      status: 'Ready,SchedulingDisabled',
      cordoned: true,
      taints: ['node.kubernetes.io/unschedulable:NoSchedule', 'dedicated=gpu:NoExecute'],
    });
  });
});
