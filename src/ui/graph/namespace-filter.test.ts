import { describe, expect, it } from 'vitest';
import type { Topology } from '../../state/cluster';
import { withoutNamespace } from './namespace-filter';

const topology: Topology = {
  nodes: ['Node//node-1'],
  controlPlane: [],
  podsByNode: new Map([['node-1', ['Pod/kube-system/kube-proxy-abcde', 'Pod/default/web-1']]]),
  unscheduled: ['Pod/kube-system/coredns-x'],
  deployments: ['Deployment/kube-system/coredns', 'Deployment/default/web'],
  replicaSets: [],
  statefulSets: [],
  daemonSets: ['DaemonSet/kube-system/kube-proxy'],
  cronJobs: [],
  jobs: [],
  edges: [
    { source: 'DaemonSet/kube-system/kube-proxy', target: 'Pod/kube-system/kube-proxy-abcde' },
    { source: 'Deployment/default/web', target: 'Pod/default/web-1' },
  ],
  services: ['Service/kube-system/kube-dns', 'Service/default/kubernetes'],
  endpointEdges: [{ source: 'Service/default/kubernetes', target: 'Node//control-plane', ready: true }],
  endpointCounts: new Map(),
  ingresses: [],
  ingressEdges: [],
  volumePairs: [{ volume: 'PersistentVolume//pv-1' }],
  volumeEdges: [],
};

describe('withoutNamespace', () => {
  it('leaves out the namespace’s objects and every edge that touches one, and keeps cluster-scoped ones', () => {
    const shown = withoutNamespace(topology, 'kube-system');
    expect(shown.podsByNode.get('node-1')).toEqual(['Pod/default/web-1']);
    expect(shown.unscheduled).toEqual([]);
    expect(shown.deployments).toEqual(['Deployment/default/web']);
    expect(shown.daemonSets).toEqual([]);
    expect(shown.edges).toEqual([{ source: 'Deployment/default/web', target: 'Pod/default/web-1' }]);
    expect(shown.services).toEqual(['Service/default/kubernetes']);
    expect(shown.endpointEdges).toHaveLength(1);
    expect(shown.volumePairs).toEqual([{ volume: 'PersistentVolume//pv-1' }]);
    expect(shown.nodes).toEqual(['Node//node-1']);
  });
});
