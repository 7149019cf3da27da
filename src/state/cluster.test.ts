import { describe, expect, it } from 'vitest';
import type { WireObject } from '../protocol/messages';
import { applyPatch, viewFromSnapshot } from './cluster';

let version = 0;

function node(name: string): WireObject {
  return { apiVersion: 'v1', kind: 'Node', metadata: { name, uid: `uid-${name}`, resourceVersion: String(++version) } };
}

function deployment(name: string, created = '2026-01-01T09:00:01Z'): WireObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name, namespace: 'default', uid: `uid-${name}`, creationTimestamp: created, resourceVersion: String(++version) },
  };
}

function replicaSet(name: string, owner: string): WireObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: {
      name,
      namespace: 'default',
      uid: `uid-${name}`,
      creationTimestamp: '2026-01-01T09:00:01Z',
      resourceVersion: String(++version),
      ownerReferences: [{ apiVersion: 'apps/v1', kind: 'Deployment', name: owner, uid: `uid-${owner}`, controller: true }],
    },
  };
}

function pod(name: string, opts: { node?: string; owner?: string; phase?: string; created?: string } = {}): WireObject {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name,
      namespace: 'default',
      uid: `uid-${name}`,
      creationTimestamp: opts.created ?? '2026-01-01T09:00:02Z',
      resourceVersion: String(++version),
      ownerReferences: opts.owner
        ? [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: opts.owner, uid: `uid-${opts.owner}`, controller: true }]
        : undefined,
    },
    spec: { nodeName: opts.node, containers: [{ name: 'app', image: 'nginx:1.14.2' }] },
    status: { phase: opts.phase ?? 'Pending' },
  };
}

function service(name: string): WireObject {
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name, namespace: 'default', uid: `uid-svc-${name}`, creationTimestamp: '2026-01-01T09:00:01Z', resourceVersion: String(++version) },
    spec: { selector: { app: name }, ports: [{ port: 80 }] },
  };
}

/** A managed EndpointSlice of `service` with one endpoint per [pod, ready] pair. */
function slice(service: string, endpoints: [string | undefined, boolean][]): WireObject {
  return {
    apiVersion: 'discovery.k8s.io/v1',
    kind: 'EndpointSlice',
    metadata: { name: `${service}-x1`, namespace: 'default', labels: { 'kubernetes.io/service-name': service }, resourceVersion: String(++version) },
    addressType: 'IPv4',
    endpoints: endpoints.map(([podName, ready], i) => ({
      addresses: [`10.244.1.${i + 2}`],
      conditions: { ready, serving: ready, terminating: false },
      ...(podName ? { targetRef: { kind: 'Pod', name: podName, namespace: 'default' } } : {}),
    })),
  };
}

function ingress(name: string, rules: [host: string | undefined, path: string, service: string][], defaultBackend?: string): WireObject {
  return {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'Ingress',
    metadata: { name, namespace: 'default', uid: `uid-ing-${name}`, creationTimestamp: '2026-01-01T09:00:03Z', resourceVersion: String(++version) },
    spec: {
      rules: rules.map(([host, path, svc]) => ({ host, http: { paths: [{ path, pathType: 'Prefix', backend: { service: { name: svc, port: { number: 80 } } } }] } })),
      ...(defaultBackend ? { defaultBackend: { service: { name: defaultBackend, port: { number: 80 } } } } : {}),
    },
  };
}

const base = () => viewFromSnapshot([node('node-2'), node('node-10'), node('control-plane'), node('node-1')]);

describe('cluster mirror', () => {
  it('lists nodes in natural name order', () => {
    expect(base().topology.nodes).toEqual(['Node//control-plane', 'Node//node-1', 'Node//node-2', 'Node//node-10']);
  });

  it('tells the control-plane node apart by its kubeadm role label or taint', () => {
    const labelled = { ...node('cp-a'), metadata: { ...node('cp-a').metadata, labels: { 'node-role.kubernetes.io/control-plane': '' } } };
    const tainted = { ...node('cp-b'), spec: { taints: [{ key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' }] } };
    const view = viewFromSnapshot([node('node-1'), labelled, tainted]);
    expect(view.topology.controlPlane).toEqual(['Node//cp-a', 'Node//cp-b']);
  });

  it('puts bound pods in their node, oldest first, and unbound ones in Unscheduled', () => {
    const view = applyPatch(
      base(),
      [
        pod('b', { node: 'node-1', created: '2026-01-01T09:00:05Z' }),
        pod('a', { node: 'node-1', created: '2026-01-01T09:00:03Z' }),
        pod('c'),
        pod('lost', { node: 'gone' }),
      ],
      [],
    );
    expect(view.topology.podsByNode.get('node-1')).toEqual(['Pod/default/a', 'Pod/default/b']);
    expect(view.topology.podsByNode.get('node-2')).toEqual([]);
    expect(view.topology.unscheduled).toEqual(['Pod/default/c', 'Pod/default/lost']);
  });

  it('draws owner edges Deployment → ReplicaSet → Pod from controller references', () => {
    const view = applyPatch(base(), [deployment('web'), replicaSet('web-abc', 'web'), pod('web-abc-1', { owner: 'web-abc', node: 'node-2' })], []);
    expect(view.topology.deployments).toEqual(['Deployment/default/web']);
    expect(view.topology.replicaSets).toEqual(['ReplicaSet/default/web-abc']);
    expect(view.topology.edges).toEqual([
      { source: 'Deployment/default/web', target: 'ReplicaSet/default/web-abc' },
      { source: 'ReplicaSet/default/web-abc', target: 'Pod/default/web-abc-1' },
    ]);
  });

  it('keeps every unchanged object, and the topology, by identity when a status changes', () => {
    const before = applyPatch(base(), [pod('a', { node: 'node-1' }), pod('b', { node: 'node-1' })], []);
    const running = pod('a', { node: 'node-1', phase: 'Running' });
    const after = applyPatch(before, [running], []);
    expect(after.objects.get('Pod/default/a')).toBe(running);
    expect(after.objects.get('Pod/default/b')).toBe(before.objects.get('Pod/default/b'));
    expect(after.objects.get('Node//node-1')).toBe(before.objects.get('Node//node-1'));
    expect(after.byKind.get('Node')).toBe(before.byKind.get('Node'));
    expect(after.byKind.get('Pod')).not.toBe(before.byKind.get('Pod'));
    expect(after.topology).toBe(before.topology);
  });

  it('recomputes the topology when the scheduler binds a pod', () => {
    const before = applyPatch(base(), [pod('a')], []);
    const after = applyPatch(before, [pod('a', { node: 'node-2' })], []);
    expect(after.topology).not.toBe(before.topology);
    expect(after.topology.unscheduled).toEqual([]);
    expect(after.topology.podsByNode.get('node-2')).toEqual(['Pod/default/a']);
  });

  it('ignores an upsert at the resourceVersion it already has', () => {
    const a = pod('a');
    const before = applyPatch(base(), [a], []);
    expect(applyPatch(before, [{ ...a }], [])).toBe(before);
  });

  it('removes deleted keys and their kind bucket, and ignores unknown ones', () => {
    const before = applyPatch(base(), [pod('a', { node: 'node-1' })], []);
    const after = applyPatch(before, [], ['Pod/default/a', 'Pod/default/never-seen']);
    expect(after.objects.has('Pod/default/a')).toBe(false);
    expect(after.byKind.has('Pod')).toBe(false);
    expect(after.topology.podsByNode.get('node-1')).toEqual([]);
    expect(applyPatch(after, [], ['Pod/default/never-seen'])).toBe(after);
  });

  it('does not touch the topology for kinds the graph does not structure, like Events', () => {
    const before = base();
    const event: WireObject = { apiVersion: 'v1', kind: 'Event', metadata: { name: 'a.1', namespace: 'default', resourceVersion: '900' } };
    const after = applyPatch(before, [event], []);
    expect(after.topology).toBe(before.topology);
    expect(after.byKind.get('Event')?.get('Event/default/a.1')).toBe(event);
  });

  it('lists Services and draws an edge from each to its endpoint pods, ready or not', () => {
    const view = applyPatch(
      base(),
      [
        service('web'),
        pod('web-1', { node: 'node-1' }),
        pod('web-2', { node: 'node-2' }),
        slice('web', [
          ['web-1', true],
          ['web-2', false],
        ]),
      ],
      [],
    );
    expect(view.topology.services).toEqual(['Service/default/web']);
    expect(view.topology.endpointEdges).toEqual([
      { source: 'Service/default/web', target: 'Pod/default/web-1', ready: true },
      { source: 'Service/default/web', target: 'Pod/default/web-2', ready: false },
    ]);
    expect(view.topology.endpointCounts.get('Service/default/web')).toEqual({ ready: 1, notReady: 1 });
  });

  it('draws an endpoint at a node address (the API server behind `kubernetes`) to that node, and counts it', () => {
    const controlPlane = { ...node('control-plane'), status: { addresses: [{ type: 'InternalIP', address: '10.244.1.2' }] } };
    const view = applyPatch(base(), [controlPlane, service('kubernetes'), slice('kubernetes', [[undefined, true]])], []);
    expect(view.topology.endpointEdges).toEqual([{ source: 'Service/default/kubernetes', target: 'Node//control-plane', ready: true }]);
    expect(view.topology.endpointCounts.get('Service/default/kubernetes')).toEqual({ ready: 1, notReady: 0 });
    const elsewhere = applyPatch(base(), [service('kubernetes'), slice('kubernetes', [[undefined, true]])], []);
    expect(elsewhere.topology.endpointEdges).toEqual([]);
  });

  it('gives a Service without slices zero endpoints', () => {
    expect(applyPatch(base(), [service('lonely')], []).topology.endpointCounts.get('Service/default/lonely')).toEqual({ ready: 0, notReady: 0 });
  });

  it('draws one edge from an Ingress to each backend Service that exists, labelled with the routes that lead there', () => {
    const shop = ingress(
      'shop',
      [
        ['shop.example.com', '/', 'web'],
        ['shop.example.com', '/api', 'api'],
        [undefined, '/web', 'web'],
        ['shop.example.com', '/gone', 'missing'],
      ],
      'web',
    );
    const view = applyPatch(base(), [service('web'), service('api'), shop], []);
    expect(view.topology.ingresses).toEqual(['Ingress/default/shop']);
    expect(view.topology.ingressEdges).toEqual([
      { source: 'Ingress/default/shop', target: 'Service/default/web', routes: ['shop.example.com/', '*/web', 'default backend'] },
      { source: 'Ingress/default/shop', target: 'Service/default/api', routes: ['shop.example.com/api'] },
    ]);
    // The edge to a missing Service appears once the Service does.
    const later = applyPatch(view, [service('missing')], []);
    expect(later.topology.ingressEdges.map((e) => e.target)).toContain('Service/default/missing');
    // A status-only change (the controller publishing its address) leaves the topology alone.
    const synced = { ...shop, metadata: { ...shop.metadata, resourceVersion: String(++version) }, status: { loadBalancer: { ingress: [{ ip: '172.18.255.100' }] } } };
    expect(applyPatch(later, [synced], []).topology).toBe(later.topology);
  });

  it('recomputes the topology when an endpoint turns not ready, and not when a slice is rewritten unchanged', () => {
    const before = applyPatch(base(), [service('web'), pod('web-1', { node: 'node-1' }), slice('web', [['web-1', true]])], []);
    const same = applyPatch(before, [slice('web', [['web-1', true]])], []);
    expect(same.topology).toBe(before.topology);
    const after = applyPatch(same, [slice('web', [['web-1', false]])], []);
    expect(after.topology).not.toBe(before.topology);
    expect(after.topology.endpointEdges).toEqual([{ source: 'Service/default/web', target: 'Pod/default/web-1', ready: false }]);
  });
});

function owned(kind: string, name: string, owner?: [kind: string, name: string], extra: Partial<WireObject> = {}): WireObject {
  return {
    apiVersion: 'v1',
    kind,
    metadata: {
      name,
      namespace: 'default',
      uid: `uid-${name}`,
      creationTimestamp: '2026-01-01T09:00:01Z',
      resourceVersion: String(++version),
      ownerReferences: owner ? [{ apiVersion: 'v1', kind: owner[0], name: owner[1], uid: `uid-${owner[1]}`, controller: true }] : undefined,
    },
    ...extra,
  };
}

function claim(name: string, volumeName?: string): WireObject {
  return { ...owned('PersistentVolumeClaim', name), spec: { volumeName, accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } } };
}

function volume(name: string, claimName?: string): WireObject {
  const pv = owned('PersistentVolume', name);
  return {
    ...pv,
    metadata: { ...pv.metadata, namespace: undefined },
    spec: { capacity: { storage: '1Gi' }, claimRef: claimName ? { kind: 'PersistentVolumeClaim', namespace: 'default', name: claimName } : undefined },
  };
}

function mounting(name: string, claims: string[], node = 'node-1'): WireObject {
  return { ...pod(name, { node }), spec: { nodeName: node, containers: [{ name: 'app', image: 'nginx' }], volumes: claims.map((c) => ({ name: c, persistentVolumeClaim: { claimName: c } })) } };
}

describe('workloads and storage in the mirror', () => {
  it('draws owner edges StatefulSet → Pod, DaemonSet → Pod and CronJob → Job → Pod', () => {
    const view = applyPatch(
      base(),
      [
        owned('StatefulSet', 'web'),
        owned('Pod', 'web-0', ['StatefulSet', 'web']),
        owned('DaemonSet', 'agent'),
        owned('Pod', 'agent-x2x8v', ['DaemonSet', 'agent']),
        owned('CronJob', 'hello'),
        owned('Job', 'hello-29433600', ['CronJob', 'hello']),
        owned('Pod', 'hello-29433600-k7f2q', ['Job', 'hello-29433600']),
      ],
      [],
    );
    expect(view.topology.statefulSets).toEqual(['StatefulSet/default/web']);
    expect(view.topology.daemonSets).toEqual(['DaemonSet/default/agent']);
    expect(view.topology.cronJobs).toEqual(['CronJob/default/hello']);
    expect(view.topology.jobs).toEqual(['Job/default/hello-29433600']);
    expect(view.topology.edges).toEqual([
      { source: 'CronJob/default/hello', target: 'Job/default/hello-29433600' },
      { source: 'DaemonSet/default/agent', target: 'Pod/default/agent-x2x8v' },
      { source: 'Job/default/hello-29433600', target: 'Pod/default/hello-29433600-k7f2q' },
      { source: 'StatefulSet/default/web', target: 'Pod/default/web-0' },
    ]);
  });

  it('pairs each claim with the volume it is bound to, lists free volumes after, and draws Pod → PVC → PV', () => {
    const view = applyPatch(
      base(),
      [
        claim('www-web-0', 'pvc-1'),
        claim('www-web-1'),
        volume('pvc-1', 'www-web-0'),
        volume('spare'),
        mounting('web-0', ['www-web-0', 'missing']),
      ],
      [],
    );
    expect(view.topology.volumePairs).toEqual([
      { claim: 'PersistentVolumeClaim/default/www-web-0', volume: 'PersistentVolume//pvc-1' },
      { claim: 'PersistentVolumeClaim/default/www-web-1' },
      { volume: 'PersistentVolume//spare' },
    ]);
    expect(view.topology.volumeEdges).toEqual([
      { source: 'PersistentVolumeClaim/default/www-web-0', target: 'PersistentVolume//pvc-1' },
      { source: 'Pod/default/web-0', target: 'PersistentVolumeClaim/default/www-web-0' },
    ]);
  });

  it('recomputes the topology when a claim binds, and not when only its status changes', () => {
    const before = applyPatch(base(), [claim('data'), volume('pv-a')], []);
    const phase = { ...claim('data'), status: { phase: 'Pending' } };
    expect(applyPatch(before, [phase], []).topology).toBe(before.topology);
    const bound = applyPatch(before, [claim('data', 'pv-a')], []);
    expect(bound.topology.volumePairs).toEqual([{ claim: 'PersistentVolumeClaim/default/data', volume: 'PersistentVolume//pv-a' }]);
  });
});
