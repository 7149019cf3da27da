import { describe, expect, it } from 'vitest';
import type { Topology } from '../../state/cluster';
import { assignSlots, bestLayout, BOX_HEADER, layoutBounds, layoutGraph, reuseUnchanged, UNSCHEDULED_ID } from './layout';

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
    edges: [],
    services: [],
    endpointEdges: [],
    endpointCounts: new Map(),
    ingresses: [],
    ingressEdges: [],
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
