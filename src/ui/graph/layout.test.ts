import { describe, expect, it } from 'vitest';
import type { Topology } from '../../state/cluster';
import {
  assignSlots,
  bestLayout,
  BOX_HEADER,
  CRON_JOB_H,
  layoutBounds,
  layoutGraph,
  OWNER_H,
  reuseUnchanged,
  STATEFUL_SET_H,
  UNSCHEDULED_ID,
  VOLUME_H,
  VOLUME_W,
} from './layout';

function topology(overrides: Partial<Topology> = {}): Topology {
  return {
    nodes: ['Node//control-plane', 'Node//node-1', 'Node//node-2', 'Node//node-3'],
    controlPlane: ['Node//control-plane'],
    podsByNode: new Map([
      ['control-plane', []],
      ['node-1', []],
      ['node-2', []],
      ['node-3', []],
    ]),
    unscheduled: [],
    deployments: [],
    replicaSets: [],
    statefulSets: [],
    daemonSets: [],
    cronJobs: [],
    jobs: [],
    edges: [],
    services: [],
    endpointEdges: [],
    endpointCounts: new Map(),
    ingresses: [],
    ingressEdges: [],
    volumePairs: [],
    volumeEdges: [],
    ...overrides,
  };
}

describe('assignSlots', () => {
  it('keeps the slots pods had and gives new pods the lowest free ones', () => {
    const first = assignSlots(undefined, ['a', 'b', 'c']);
    expect([...first]).toEqual([
      ['a', 0],
      ['b', 1],
      ['c', 2],
    ]);
    const next = assignSlots(first, ['a', 'c', 'd', 'e']);
    expect(next.get('a')).toBe(0);
    expect(next.get('c')).toBe(2);
    expect(next.get('d')).toBe(1);
    expect(next.get('e')).toBe(3);
  });
});

describe('layoutGraph', () => {
  it('draws the control plane and Unscheduled first, then the workers, one per row in one column', () => {
    const layout = layoutGraph(topology());
    const containers = layout.nodes.filter((n) => n.type === 'clusterNode' || n.type === 'unscheduled');
    expect(containers.map((n) => n.id)).toEqual(['Node//control-plane', UNSCHEDULED_ID, 'Node//node-1', 'Node//node-2', 'Node//node-3']);
    const ys = containers.map((n) => n.position.y);
    expect([...ys].sort((a, b) => a - b)).toEqual(ys);
    expect(new Set(containers.map((n) => n.position.x)).size).toBe(1);
  });

  it('places pods inside their node box, after the header, in a two-column grid', () => {
    const layout = layoutGraph(topology({ podsByNode: new Map([['node-1', ['Pod/d/a', 'Pod/d/b', 'Pod/d/c']]]) }));
    const pods = layout.nodes.filter((n) => n.type === 'pod');
    expect(pods.map((p) => p.parentId)).toEqual(['Node//node-1', 'Node//node-1', 'Node//node-1']);
    expect(pods[0].position.y).toBe(BOX_HEADER.worker);
    expect(pods[1].position.y).toBe(pods[0].position.y);
    expect(pods[1].position.x).toBeGreaterThan(pods[0].position.x);
    expect(pods[2].position.y).toBeGreaterThan(pods[0].position.y);
    // React Flow needs every parent before its children.
    const index = new Map(layout.nodes.map((n, i) => [n.id, i]));
    for (const pod of pods) expect(index.get(pod.parentId!)).toBeLessThan(index.get(pod.id)!);
  });

  it('stacks each Deployment over its ReplicaSets, indented, and draws owner edges between handles', () => {
    const layout = layoutGraph(
      topology({
        deployments: ['Deployment/d/web'],
        replicaSets: ['ReplicaSet/d/web-1', 'ReplicaSet/d/orphan'],
        edges: [
          { source: 'Deployment/d/web', target: 'ReplicaSet/d/web-1' },
          { source: 'ReplicaSet/d/web-1', target: 'Pod/d/web-1-a' },
        ],
      }),
    );
    const [deployment, rs, orphan] = layout.nodes.filter((n) => n.type === 'deployment' || n.type === 'replicaSet');
    expect([deployment.id, rs.id, orphan.id]).toEqual(['Deployment/d/web', 'ReplicaSet/d/web-1', 'ReplicaSet/d/orphan']);
    expect(rs.position.x).toBeGreaterThan(deployment.position.x);
    expect(rs.position.y).toBeGreaterThan(deployment.position.y);
    expect(orphan.position.y).toBeGreaterThan(rs.position.y);
    expect(layout.edges.map((e) => [e.id, e.sourceHandle, e.targetHandle])).toEqual([
      ['Deployment/d/web->ReplicaSet/d/web-1', 'out', 'in'],
      ['ReplicaSet/d/web-1->Pod/d/web-1-a', 'out', 'in'],
    ]);
  });

  it('wraps the node boxes into the requested number of columns', () => {
    const layout = layoutGraph(topology(), undefined, 2);
    const boxes = layout.nodes.filter((n) => n.type === 'clusterNode' || n.type === 'unscheduled');
    expect(new Set(boxes.map((n) => n.position.x)).size).toBe(2);
    expect(new Set(boxes.map((n) => n.position.y)).size).toBe(3);
  });
});

describe('Services', () => {
  const withService = (ready: boolean) =>
    topology({
      podsByNode: new Map([['node-1', ['Pod/d/web-1']]]),
      services: ['Service/d/web', 'Service/d/api'],
      endpointEdges: [{ source: 'Service/d/web', target: 'Pod/d/web-1', ready }],
    });

  it('stacks the Services in a column to the right of every node box', () => {
    const layout = layoutGraph(withService(true), undefined, 2);
    const services = layout.nodes.filter((n) => n.type === 'service');
    expect(services.map((n) => n.id)).toEqual(['Service/d/web', 'Service/d/api']);
    const boxesRight = Math.max(...layout.nodes.filter((n) => n.type === 'clusterNode').map((n) => n.position.x + (n.width ?? 0)));
    for (const s of services) expect(s.position.x).toBeGreaterThan(boxesRight);
    expect(services[1].position.y).toBeGreaterThan(services[0].position.y);
  });

  it('draws endpoint edges from the Service to the right side of the pod, dashed when not ready', () => {
    const ready = layoutGraph(withService(true)).edges.find((e) => e.source === 'Service/d/web');
    expect(ready).toMatchObject({ target: 'Pod/d/web-1', sourceHandle: 'endpoints', targetHandle: 'service', className: 'endpoint-edge' });
    const notReady = layoutGraph(withService(false)).edges.find((e) => e.source === 'Service/d/web');
    expect(notReady?.className).toBe('endpoint-edge not-ready');
    expect(notReady?.style?.strokeDasharray).toBeDefined();
  });

  it('replaces an endpoint edge when its readiness changes, and keeps it otherwise', () => {
    const before = layoutGraph(withService(true));
    const edge = (layout: typeof before) => layout.edges.find((e) => e.source === 'Service/d/web');
    expect(edge(reuseUnchanged(before, layoutGraph(withService(true), before.slots)))).toBe(edge(before));
    expect(edge(reuseUnchanged(before, layoutGraph(withService(false), before.slots)))).not.toBe(edge(before));
  });
});

describe('Ingresses', () => {
  const withIngress = (routes: string[]) =>
    topology({
      services: ['Service/d/web', 'Service/d/api'],
      ingresses: ['Ingress/d/shop', 'Ingress/d/admin'],
      ingressEdges: [
        { source: 'Ingress/d/shop', target: 'Service/d/web', routes },
        { source: 'Ingress/d/admin', target: 'Service/d/api', routes: ['admin.example.com/'] },
      ],
    });

  it('stacks the Ingresses at the top of the Service column, above every Service', () => {
    const layout = layoutGraph(withIngress(['shop.example.com/']));
    const ingresses = layout.nodes.filter((n) => n.type === 'ingress');
    const services = layout.nodes.filter((n) => n.type === 'service');
    expect(ingresses.map((n) => n.id)).toEqual(['Ingress/d/shop', 'Ingress/d/admin']);
    expect(new Set([...ingresses, ...services].map((n) => n.position.x)).size).toBe(1);
    const ingressBottom = Math.max(...ingresses.map((n) => n.position.y + (n.height ?? 0)));
    for (const s of services) expect(s.position.y).toBeGreaterThan(ingressBottom);
  });

  it('draws an edge from each Ingress to its backend Services, each Ingress in its own lane, carrying the routes', () => {
    const { edges } = layoutGraph(withIngress(['shop.example.com/', '*/web']));
    const ingressEdges = edges.filter((e) => e.type === 'ingress');
    expect(ingressEdges.map((e) => [e.id, e.sourceHandle, e.targetHandle, e.data])).toEqual([
      ['Ingress/d/shop->Service/d/web', 'backends', 'ingress', { routes: ['shop.example.com/', '*/web'], lane: 0 }],
      ['Ingress/d/admin->Service/d/api', 'backends', 'ingress', { routes: ['admin.example.com/'], lane: 1 }],
    ]);
  });

  it('replaces an Ingress edge when its routes change', () => {
    const before = layoutGraph(withIngress(['shop.example.com/']));
    const edge = (layout: typeof before) => layout.edges.find((e) => e.source === 'Ingress/d/shop');
    expect(edge(reuseUnchanged(before, layoutGraph(withIngress(['shop.example.com/']))))).toBe(edge(before));
    expect(edge(reuseUnchanged(before, layoutGraph(withIngress(['shop.example.com/api']))))?.data).toEqual({ routes: ['shop.example.com/api'], lane: 0 });
  });
});

describe('workload owners', () => {
  const workloads = topology({
    deployments: ['Deployment/d/web'],
    replicaSets: ['ReplicaSet/d/web-1'],
    statefulSets: ['StatefulSet/d/db'],
    daemonSets: ['DaemonSet/d/agent'],
    cronJobs: ['CronJob/d/hello'],
    jobs: ['Job/d/hello-29433600', 'Job/d/pi'],
    podsByNode: new Map([['node-1', ['Pod/d/db-0', 'Pod/d/hello-29433600-k7f2q']]]),
    edges: [
      { source: 'Deployment/d/web', target: 'ReplicaSet/d/web-1' },
      { source: 'CronJob/d/hello', target: 'Job/d/hello-29433600' },
      { source: 'Job/d/hello-29433600', target: 'Pod/d/hello-29433600-k7f2q' },
      { source: 'StatefulSet/d/db', target: 'Pod/d/db-0' },
    ],
  });

  it('stacks Deployments, StatefulSets, DaemonSets, each CronJob over its Jobs, then the other Jobs, in one column', () => {
    const owners = layoutGraph(workloads).nodes.filter((n) => n.position.x <= 28 && !n.parentId);
    expect(owners.map((n) => [n.id, n.type, n.position.x, n.height])).toEqual([
      ['Deployment/d/web', 'deployment', 0, OWNER_H],
      ['ReplicaSet/d/web-1', 'replicaSet', 28, OWNER_H],
      ['StatefulSet/d/db', 'statefulSet', 0, STATEFUL_SET_H],
      ['DaemonSet/d/agent', 'daemonSet', 0, OWNER_H],
      ['CronJob/d/hello', 'cronJob', 0, CRON_JOB_H],
      ['Job/d/hello-29433600', 'job', 28, OWNER_H],
      ['Job/d/pi', 'job', 0, OWNER_H],
    ]);
    for (let i = 1; i < owners.length; i++) {
      expect(owners[i].position.y).toBeGreaterThanOrEqual(owners[i - 1].position.y + (owners[i - 1].height ?? 0));
    }
  });

  it('draws the CronJob → Job edge down its tree and the Job and StatefulSet edges to their pods', () => {
    const { edges } = layoutGraph(workloads);
    const byId = new Map(edges.map((e) => [e.id, e]));
    expect(byId.get('CronJob/d/hello->Job/d/hello-29433600')?.type).toBe('smoothstep');
    expect(byId.get('Job/d/hello-29433600->Pod/d/hello-29433600-k7f2q')).toMatchObject({ sourceHandle: 'out', targetHandle: 'in', type: 'default' });
    expect(byId.get('StatefulSet/d/db->Pod/d/db-0')).toMatchObject({ sourceHandle: 'out', targetHandle: 'in' });
  });
});

describe('volumes', () => {
  const withVolumes = topology({
    podsByNode: new Map([['node-1', ['Pod/d/db-0', 'Pod/d/db-1']]]),
    volumePairs: [
      { claim: 'PersistentVolumeClaim/d/data-db-0', volume: 'PersistentVolume//pvc-0' },
      { claim: 'PersistentVolumeClaim/d/data-db-1' },
      { volume: 'PersistentVolume//spare' },
    ],
    volumeEdges: [
      { source: 'PersistentVolumeClaim/d/data-db-0', target: 'PersistentVolume//pvc-0' },
      { source: 'Pod/d/db-0', target: 'PersistentVolumeClaim/d/data-db-0' },
    ],
  });

  it('hangs each claim below every node box, with its volume right under it, wrapping at the nodes’ width', () => {
    const layout = layoutGraph(withVolumes);
    const boxesBottom = Math.max(...layout.nodes.filter((n) => n.type === 'clusterNode').map((n) => n.position.y + (n.height ?? 0)));
    const at = (id: string) => layout.nodes.find((n) => n.id === id)!;
    const claim0 = at('PersistentVolumeClaim/d/data-db-0');
    const pv0 = at('PersistentVolume//pvc-0');
    const claim1 = at('PersistentVolumeClaim/d/data-db-1');
    const spare = at('PersistentVolume//spare');
    expect(claim0).toMatchObject({ type: 'claim', width: VOLUME_W, height: VOLUME_H });
    expect(pv0.type).toBe('volume');
    expect(claim0.position.y).toBeGreaterThan(boxesBottom);
    expect(pv0.position.x).toBe(claim0.position.x);
    expect(pv0.position.y).toBeGreaterThan(claim0.position.y + VOLUME_H);
    // One node column is two volume columns wide: the third pair starts a new row below the first.
    expect(claim1.position.y).toBe(claim0.position.y);
    expect(claim1.position.x).toBeGreaterThan(claim0.position.x + VOLUME_W);
    expect(spare.position.x).toBe(claim0.position.x);
    expect(spare.position.y).toBeGreaterThan(pv0.position.y + VOLUME_H);
  });

  it('draws Pod → PVC from the pod’s bottom to the claim’s top, and PVC → PV straight down', () => {
    const byId = new Map(layoutGraph(withVolumes).edges.map((e) => [e.id, e]));
    expect(byId.get('Pod/d/db-0->PersistentVolumeClaim/d/data-db-0')).toMatchObject({ sourceHandle: 'claims', targetHandle: 'pods', className: 'volume-edge' });
    expect(byId.get('PersistentVolumeClaim/d/data-db-0->PersistentVolume//pvc-0')).toMatchObject({
      sourceHandle: 'volume',
      targetHandle: 'claim',
      type: 'straight',
      className: 'binding-edge',
    });
  });
});

describe('bestLayout', () => {
  it('uses one column in a tall pane and more in a wide one', () => {
    const columns = (pane: { width: number; height: number }) => {
      const boxes = bestLayout(topology(), undefined, pane).nodes.filter((n) => n.type === 'clusterNode');
      return new Set(boxes.map((n) => n.position.x)).size;
    };
    expect(columns({ width: 700, height: 1200 })).toBe(1);
    expect(columns({ width: 2400, height: 500 })).toBeGreaterThan(1);
  });

  it('grows the bounds with the pods a node holds', () => {
    const empty = layoutBounds(layoutGraph(topology()));
    const full = layoutBounds(layoutGraph(topology({ podsByNode: new Map([['node-1', ['a', 'b', 'c', 'd', 'e']]]) })));
    expect(full.height).toBeGreaterThan(empty.height);
    expect(full.width).toBe(empty.width);
  });
});

describe('reuseUnchanged', () => {
  it('hands React Flow the same objects for nodes that did not move', () => {
    const before = layoutGraph(topology({ podsByNode: new Map([['node-3', ['Pod/d/a']]]) }));
    const after = reuseUnchanged(before, layoutGraph(topology({ podsByNode: new Map([['node-3', ['Pod/d/a', 'Pod/d/b']]]) }), before.slots));
    const byId = (layout: typeof before, id: string) => layout.nodes.find((n) => n.id === id);
    expect(byId(after, 'Node//node-1')).toBe(byId(before, 'Node//node-1'));
    expect(byId(after, 'Pod/d/a')).toBe(byId(before, 'Pod/d/a'));
    expect(byId(after, 'Node//node-3')).toBe(byId(before, 'Node//node-3'));
    expect(byId(after, 'Pod/d/b')).toBeDefined();
  });
});
