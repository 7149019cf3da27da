import { describe, expect, it } from 'vitest';
import type { WireObject } from '../../protocol/messages';
import { explain } from './why';

function pod(spec: Record<string, unknown>, status: Record<string, unknown>, metadata: Record<string, unknown> = {}): WireObject {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'web-1', namespace: 'default', ...metadata },
    spec: { containers: [{ name: 'app', image: 'nginx' }], ...spec },
    status,
  };
}

describe('explain', () => {
  it("quotes the scheduler's reason for a pod it cannot place", () => {
    const message = '0/4 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 3 Insufficient cpu.';
    const text = explain(pod({}, { phase: 'Pending', conditions: [{ type: 'PodScheduled', status: 'False', reason: 'Unschedulable', message }] }));
    expect(text).toBe(`The scheduler cannot place this pod: ${message}`);
  });

  it('says where a scheduled pod is being started', () => {
    const text = explain(pod({ nodeName: 'node-2' }, { phase: 'Pending', containerStatuses: [{ name: 'app', ready: false, restartCount: 0, image: 'nginx', imageID: '', state: { waiting: { reason: 'ContainerCreating' } } }] }));
    expect(text).toContain('Scheduled to node-2');
  });

  it('explains the grace period of a pod being deleted', () => {
    const text = explain(pod({ nodeName: 'node-1', terminationGracePeriodSeconds: 30 }, { phase: 'Running' }, { deletionTimestamp: '2026-01-01T09:01:00Z' }));
    expect(text).toContain('up to 30s');
  });

  it('has nothing to say about a healthy pod', () => {
    const ready = pod(
      { nodeName: 'node-1' },
      {
        phase: 'Running',
        conditions: [{ type: 'Ready', status: 'True' }],
        containerStatuses: [{ name: 'app', ready: true, restartCount: 0, image: 'nginx', imageID: '', state: { running: {} } }],
      },
    );
    expect(explain(ready)).toBeUndefined();
  });

  it('counts the ready replicas a Deployment still waits for', () => {
    const deployment: WireObject = { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web' }, spec: { replicas: 3 }, status: { readyReplicas: 1 } };
    expect(explain(deployment)).toBe('1 of 3 replicas are ready; the Deployment controller keeps working towards 3.');
  });

  it('reports a NotReady node with its message', () => {
    const node: WireObject = {
      apiVersion: 'v1',
      kind: 'Node',
      metadata: { name: 'node-1' },
      status: { conditions: [{ type: 'Ready', status: 'Unknown', message: 'Kubelet stopped posting node status.' }] },
    };
    expect(explain(node)).toContain('NotReady: Kubelet stopped posting node status.');
  });
});
