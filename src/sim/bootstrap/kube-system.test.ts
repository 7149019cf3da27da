import { describe, expect, it } from 'vitest';
import type { DaemonSet, Deployment } from '../api/types';
import { SimCluster } from '../cluster';

describe('kube-system, as on a kind cluster', () => {
  it('runs the control plane as static pods on the control-plane node, owned by its Node', () => {
    const c = new SimCluster({ nodes: 2 });
    c.advance(30_000);
    const names = c.kubectl('get pods -n kube-system -l tier=control-plane -o name').stdout.trim().split('\n');
    expect(names).toEqual(['pod/etcd-control-plane', 'pod/kube-apiserver-control-plane', 'pod/kube-controller-manager-control-plane', 'pod/kube-scheduler-control-plane']);
    const apiserver = c.get('Pod', 'kube-apiserver-control-plane', 'kube-system')!;
    expect(apiserver.metadata.ownerReferences).toEqual([expect.objectContaining({ kind: 'Node', name: 'control-plane', controller: true })]);
    expect(apiserver.metadata.annotations?.['kubernetes.io/config.source']).toBe('file');
    expect(apiserver.status).toMatchObject({ phase: 'Running', podIP: '172.18.0.2' });
    expect((apiserver.spec as { priority?: number }).priority).toBe(2000001000);
  });

  it('recreates a deleted mirror pod: the kubelet, not the API, owns a static pod', () => {
    const c = new SimCluster({ nodes: 1 });
    c.advance(30_000);
    expect(c.kubectl('delete pod kube-scheduler-control-plane -n kube-system').stdout).toBe('pod "kube-scheduler-control-plane" deleted\n');
    c.advance(30_000);
    expect(c.kubectl('get pod kube-scheduler-control-plane -n kube-system').stdout).toMatch(/kube-scheduler-control-plane {3}1\/1 {5}Running {3}0 {10}\d+s/);
  });

  it('runs kube-proxy on every node and CoreDNS behind kube-dns at 10.96.0.10', () => {
    const c = new SimCluster({ nodes: 3 });
    c.advance(60_000);
    const proxy = c.get('DaemonSet', 'kube-proxy', 'kube-system') as DaemonSet;
    expect(proxy.status).toMatchObject({ desiredNumberScheduled: 4, numberReady: 4 });
    expect((c.get('Deployment', 'coredns', 'kube-system') as Deployment).status?.availableReplicas).toBe(2);
    expect(c.kubectl('get svc kube-dns -n kube-system').stdout).toContain('kube-dns   ClusterIP   10.96.0.10   <none>        53/UDP,53/TCP,9153/TCP');
    expect(c.kubectl('get endpointslices -n kube-system -l kubernetes.io/service-name=kube-dns').stdout).toMatch(/10\.244\.\d+\.\d+,10\.244\.\d+\.\d+/);
    expect(c.kubectl('get ns').stdout).toBe('NAME              STATUS   AGE\ndefault           Active   60s\nkube-node-lease   Active   60s\nkube-public       Active   60s\nkube-system       Active   60s\n');
  });

  it('gives a node that joins its own kube-proxy', () => {
    const c = new SimCluster({ nodes: 1 });
    c.advance(30_000);
    c.addNode({ name: 'node-9' });
    c.advance(30_000);
    expect(c.kubectl('get pods -n kube-system -l k8s-app=kube-proxy -o wide').stdout).toContain(' node-9 ');
  });
});
