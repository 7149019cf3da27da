/**
 * Where everything sits on the graph, from structure alone: owners in a column on the left, the
 * control plane and the Unscheduled area in the first row, worker nodes in a grid below, each
 * holding its pods in a grid of slots, volumes (each claim above the volume bound to it) in a band
 * below the nodes, and Services in a column on the right with the Ingresses that route to them on
 * top of it. No force or layered
 * layout: positions depend only on the topology and on the slots pods already hold, so a pod never
 * jumps when another comes or goes.
 */
import { MarkerType, type Edge, type Node } from '@xyflow/react';
import type { Topology } from '../../state/cluster';

export const CHIP_W = 196;
export const CHIP_H = 50;
export const CHIP_GAP = 8;
export const CHIP_COLS = 2;
export const BOX_PAD = 12;
export const BOX_W = BOX_PAD * 2 + CHIP_COLS * CHIP_W + (CHIP_COLS - 1) * CHIP_GAP;
export const BOX_GAP = 24;
/** The header above the chips: name and actions, resource bars, status, taints, plus a note on the control plane. */
export const BOX_HEADER = { worker: 124, controlPlane: 146, unscheduled: 66 } as const;
export const OWNER_W = 236;
export const OWNER_H = 76;
/** A StatefulSet's card adds a row of its ordinals; a CronJob's its schedule and next run. */
export const STATEFUL_SET_H = 96;
export const CRON_JOB_H = 112;
export const OWNER_GAP = 12;
/** How far a dependent owner (a Deployment's ReplicaSet, a CronJob's Job) sits right of its owner. */
export const RS_INDENT = 28;
export const VOLUME_W = 204;
export const VOLUME_H = 72;
export const VOLUME_GAP = 16;
/** Between a claim and its volume below it: room for the short edge that binds them. */
export const VOLUME_PAIR_GAP = 28;
/** Between the last row of node boxes and the volume band: room for the pods' edges down to their claims. */
const VOLUMES_GAP = 40;
export const SERVICE_W = 236;
export const SERVICE_H = 192;
/**
 * Ingresses sit above the Services, wider than them: their edges run down a lane in the strip to
 * the right of the Services and enter each backend from the right, where there is room for the
 * route labels.
 */
export const INGRESS_GUTTER = 132;
export const INGRESS_W = SERVICE_W + INGRESS_GUTTER;
export const INGRESS_H = 124;
/** Room below the last Ingress before the first Service. */
const INGRESS_GAP = 28;
/** Room between the owner column and the nodes for the owner edges to fan out. */
const NODES_X = OWNER_W + RS_INDENT + 72;
/** Room between the nodes and the Service column for the endpoint edges to fan in. */
const SERVICES_GAP = 96;
const MAX_NODE_COLUMNS = 4;

export const UNSCHEDULED_ID = 'area/unscheduled';

const READY_ENDPOINT_STYLE = { stroke: 'var(--color-violet-400)', strokeWidth: 1.5 };
const NOT_READY_ENDPOINT_STYLE = { stroke: 'var(--color-amber-400)', strokeWidth: 1.5, strokeDasharray: '5 4' };
/** orange-300, the volume cards' accent; a mount is dotted and thinner than ownership, so pods stay the subject. */
const VOLUME_COLOUR = '#fdba74';
const VOLUME_EDGE_STYLE = { stroke: VOLUME_COLOUR, strokeWidth: 1.25, strokeDasharray: '2 3' };
const BINDING_EDGE_STYLE = { stroke: VOLUME_COLOUR, strokeWidth: 1.5 };
/** teal-400, the Ingress card's accent; an arrow shows which way requests go. */
const INGRESS_COLOUR = '#2dd4bf';
const INGRESS_EDGE_STYLE = { stroke: INGRESS_COLOUR, strokeWidth: 1.5 };
const INGRESS_MARKER = { type: MarkerType.ArrowClosed, color: INGRESS_COLOUR, width: 20, height: 20 };

export type OwnerNodeType = 'deployment' | 'replicaSet' | 'statefulSet' | 'daemonSet' | 'cronJob' | 'job';
export type GraphNodeType = 'pod' | 'clusterNode' | 'unscheduled' | OwnerNodeType | 'service' | 'ingress' | 'claim' | 'volume';
/** Every graph node carries only the key of the object it draws; it subscribes to the object itself. */
export type GraphNode = Node<{ objectKey: string }, GraphNodeType>;
/** An Ingress → Service edge: the routes that lead there, and which lane of the strip it runs down. */
export type IngressEdgeData = { routes: readonly string[]; lane: number };

export interface GraphLayout {
  nodes: GraphNode[];
  edges: Edge[];
  /** Pod key → slot index, per container id; feed back into the next layout. */
  slots: ReadonlyMap<string, ReadonlyMap<string, number>>;
}

/**
 * Keeps each pod in the slot it had; new pods take the lowest free slots, in the given order.
 */
export function assignSlots(previous: ReadonlyMap<string, number> | undefined, pods: readonly string[]): Map<string, number> {
  const slots = new Map<string, number>();
  const taken = new Set<number>();
  for (const pod of pods) {
    const slot = previous?.get(pod);
    if (slot !== undefined) {
      slots.set(pod, slot);
      taken.add(slot);
    }
  }
  let free = 0;
  for (const pod of pods) {
    if (slots.has(pod)) continue;
    while (taken.has(free)) free++;
    slots.set(pod, free);
    taken.add(free);
  }
  return slots;
}

/** An empty box is only its header; each row of chips adds to it. */
function boxHeight(header: number, slots: ReadonlyMap<string, number>): number {
  if (slots.size === 0) return header;
  const rows = Math.ceil((Math.max(...slots.values()) + 1) / CHIP_COLS);
  return header + rows * CHIP_H + (rows - 1) * CHIP_GAP + BOX_PAD;
}

function slotPosition(header: number, slot: number): { x: number; y: number } {
  return {
    x: BOX_PAD + (slot % CHIP_COLS) * (CHIP_W + CHIP_GAP),
    y: header + Math.floor(slot / CHIP_COLS) * (CHIP_H + CHIP_GAP),
  };
}

type BoxKind = keyof typeof BOX_HEADER;

/**
 * @param nodeColumns how many node boxes sit side by side; `bestLayout` picks it for the pane.
 */
export function layoutGraph(topology: Topology, previousSlots: GraphLayout['slots'] = new Map(), nodeColumns = 1): GraphLayout {
  const nodes: GraphNode[] = [];
  const slots = new Map<string, ReadonlyMap<string, number>>();

  // Owners: each Deployment with its ReplicaSets indented under it, StatefulSets, DaemonSets, each
  // CronJob with its Jobs, then the Jobs and ReplicaSets nobody owns.
  const parentOf = new Map<string, string>();
  for (const edge of topology.edges) {
    if (edge.source.startsWith('Deployment/') || edge.source.startsWith('CronJob/')) parentOf.set(edge.target, edge.source);
  }
  let y = 0;
  const placeOwner = (key: string, type: OwnerNodeType, x: number, height = OWNER_H) => {
    nodes.push({ id: key, type, position: { x, y }, width: OWNER_W, height, data: { objectKey: key } });
    y += height + OWNER_GAP;
  };
  const placeTree = (parents: readonly string[], type: OwnerNodeType, children: readonly string[], childType: OwnerNodeType, height = OWNER_H) => {
    for (const parent of parents) {
      placeOwner(parent, type, 0, height);
      for (const child of children) {
        if (parentOf.get(child) === parent) placeOwner(child, childType, RS_INDENT);
      }
      y += OWNER_GAP;
    }
  };
  placeTree(topology.deployments, 'deployment', topology.replicaSets, 'replicaSet');
  for (const key of topology.statefulSets) placeOwner(key, 'statefulSet', 0, STATEFUL_SET_H);
  for (const key of topology.daemonSets) placeOwner(key, 'daemonSet', 0);
  placeTree(topology.cronJobs, 'cronJob', topology.jobs, 'job', CRON_JOB_H);
  for (const job of topology.jobs) {
    if (!parentOf.has(job)) placeOwner(job, 'job', 0);
  }
  for (const rs of topology.replicaSets) {
    if (!parentOf.has(rs)) placeOwner(rs, 'replicaSet', RS_INDENT);
  }

  // Containers: the control plane and Unscheduled first, then the worker nodes, wrapped into rows.
  const controlPlane = new Set(topology.controlPlane);
  const podsOn = (key: string) => topology.podsByNode.get(key.slice('Node//'.length)) ?? [];
  const boxes: { id: string; kind: BoxKind; pods: readonly string[] }[] = [
    ...topology.controlPlane.map((key) => ({ id: key, kind: 'controlPlane' as const, pods: podsOn(key) })),
    { id: UNSCHEDULED_ID, kind: 'unscheduled', pods: topology.unscheduled },
    ...topology.nodes.filter((key) => !controlPlane.has(key)).map((key) => ({ id: key, kind: 'worker' as const, pods: podsOn(key) })),
  ];
  const columns = Math.max(1, nodeColumns);
  const rows: (typeof boxes)[] = [];
  for (let i = 0; i < boxes.length; i += columns) rows.push(boxes.slice(i, i + columns));

  let rowY = 0;
  let nodesRight = NODES_X;
  const pods: GraphNode[] = [];
  for (const row of rows) {
    let rowHeight = 0;
    row.forEach((box, column) => {
      const header = BOX_HEADER[box.kind];
      const boxSlots = assignSlots(previousSlots.get(box.id), box.pods);
      slots.set(box.id, boxSlots);
      const height = boxHeight(header, boxSlots);
      rowHeight = Math.max(rowHeight, height);
      const unscheduled = box.kind === 'unscheduled';
      const x = NODES_X + column * (BOX_W + BOX_GAP);
      nodesRight = Math.max(nodesRight, x + BOX_W);
      nodes.push({
        id: box.id,
        type: unscheduled ? 'unscheduled' : 'clusterNode',
        position: { x, y: rowY },
        width: BOX_W,
        height,
        data: { objectKey: unscheduled ? '' : box.id },
      });
      for (const [pod, slot] of boxSlots) {
        pods.push({
          id: pod,
          type: 'pod',
          parentId: box.id,
          position: slotPosition(header, slot),
          width: CHIP_W,
          height: CHIP_H,
          data: { objectKey: pod },
        });
      }
    });
    rowY += rowHeight + BOX_GAP;
  }
  // React Flow needs parents before their children.
  nodes.push(...pods);

  // Volumes: each claim over the volume bound to it, in as many columns as the nodes are wide.
  const volumeColumns = Math.max(1, Math.floor((nodesRight - NODES_X + VOLUME_GAP) / (VOLUME_W + VOLUME_GAP)));
  const volumesY = rowY - BOX_GAP + VOLUMES_GAP;
  topology.volumePairs.forEach((pair, i) => {
    const x = NODES_X + (i % volumeColumns) * (VOLUME_W + VOLUME_GAP);
    const top = volumesY + Math.floor(i / volumeColumns) * (2 * VOLUME_H + VOLUME_PAIR_GAP + VOLUMES_GAP);
    const place = (key: string, type: 'claim' | 'volume', at: number) =>
      nodes.push({ id: key, type, position: { x, y: at }, width: VOLUME_W, height: VOLUME_H, data: { objectKey: key } });
    if (pair.claim) place(pair.claim, 'claim', top);
    if (pair.volume) place(pair.volume, 'volume', top + VOLUME_H + VOLUME_PAIR_GAP);
  });

  const servicesX = nodesRight + SERVICES_GAP;
  topology.ingresses.forEach((key, i) => {
    nodes.push({
      id: key,
      type: 'ingress',
      position: { x: servicesX, y: i * (INGRESS_H + OWNER_GAP) },
      width: INGRESS_W,
      height: INGRESS_H,
      data: { objectKey: key },
    });
  });
  const servicesY = topology.ingresses.length ? topology.ingresses.length * (INGRESS_H + OWNER_GAP) - OWNER_GAP + INGRESS_GAP : 0;
  topology.services.forEach((key, i) => {
    nodes.push({
      id: key,
      type: 'service',
      position: { x: servicesX, y: servicesY + i * (SERVICE_H + OWNER_GAP) },
      width: SERVICE_W,
      height: SERVICE_H,
      data: { objectKey: key },
    });
  });

  const edges: Edge[] = topology.edges.map((edge) => ({
    id: `${edge.source}->${edge.target}`,
    source: edge.source,
    target: edge.target,
    sourceHandle: 'out',
    targetHandle: 'in',
    type: edge.source.startsWith('Deployment/') || edge.source.startsWith('CronJob/') ? 'smoothstep' : 'default',
    focusable: false,
    selectable: false,
    domAttributes: { 'aria-hidden': true },
  }));
  // Endpoint edges leave the Service's left side and end on the pod's right; a not-ready endpoint
  // is dashed, so the difference does not rest on colour alone.
  for (const edge of topology.endpointEdges) {
    edges.push({
      id: `${edge.source}->${edge.target}`,
      source: edge.source,
      target: edge.target,
      sourceHandle: 'endpoints',
      targetHandle: 'service',
      type: 'default',
      className: edge.ready ? 'endpoint-edge' : 'endpoint-edge not-ready',
      style: edge.ready ? READY_ENDPOINT_STYLE : NOT_READY_ENDPOINT_STYLE,
      focusable: false,
      selectable: false,
      domAttributes: { 'aria-hidden': true },
    });
  }

  // Storage edges leave the pod's bottom for the claim's top, and the claim's bottom for its volume.
  for (const edge of topology.volumeEdges) {
    const binding = edge.source.startsWith('PersistentVolumeClaim/');
    edges.push({
      id: `${edge.source}->${edge.target}`,
      source: edge.source,
      target: edge.target,
      sourceHandle: binding ? 'volume' : 'claims',
      targetHandle: binding ? 'claim' : 'pods',
      type: binding ? 'straight' : 'default',
      className: binding ? 'binding-edge' : 'volume-edge',
      style: binding ? BINDING_EDGE_STYLE : VOLUME_EDGE_STYLE,
      focusable: false,
      selectable: false,
      domAttributes: { 'aria-hidden': true },
    });
  }

  const lanes = new Map(topology.ingresses.map((key, i) => [key, i]));
  for (const edge of topology.ingressEdges) {
    const data: IngressEdgeData = { routes: edge.routes, lane: lanes.get(edge.source) ?? 0 };
    edges.push({
      id: `${edge.source}->${edge.target}`,
      source: edge.source,
      target: edge.target,
      sourceHandle: 'backends',
      targetHandle: 'ingress',
      type: 'ingress',
      className: 'ingress-edge',
      style: INGRESS_EDGE_STYLE,
      markerEnd: INGRESS_MARKER,
      data,
      focusable: false,
      selectable: false,
      domAttributes: { 'aria-hidden': true },
    });
  }

  return { nodes, edges, slots };
}

/** The drawing's extent in flow units: top-level nodes only, children sit inside them. */
export function layoutBounds(layout: GraphLayout): { width: number; height: number } {
  let width = 0;
  let height = 0;
  for (const node of layout.nodes) {
    if (node.parentId) continue;
    width = Math.max(width, node.position.x + (node.width ?? 0));
    height = Math.max(height, node.position.y + (node.height ?? 0));
  }
  return { width, height };
}

/**
 * The layout whose node grid lets the whole drawing fit the pane at the largest zoom: one column
 * in a tall pane, more in a wide one. Without a pane size, one column.
 */
export function bestLayout(
  topology: Topology,
  previousSlots: GraphLayout['slots'] | undefined,
  pane: { width: number; height: number } | undefined,
): GraphLayout {
  let best = layoutGraph(topology, previousSlots, 1);
  if (!pane || pane.width <= 0 || pane.height <= 0) return best;
  const zoomOf = (layout: GraphLayout) => {
    const bounds = layoutBounds(layout);
    return Math.min(pane.width / Math.max(bounds.width, 1), pane.height / Math.max(bounds.height, 1));
  };
  let bestZoom = zoomOf(best);
  const boxes = topology.nodes.length + 1;
  for (let columns = 2; columns <= Math.min(MAX_NODE_COLUMNS, boxes); columns++) {
    const candidate = layoutGraph(topology, previousSlots, columns);
    const zoom = zoomOf(candidate);
    // Prefer fewer columns unless more columns are clearly bigger on screen.
    if (zoom > bestZoom * 1.05) {
      best = candidate;
      bestZoom = zoom;
    }
  }
  return best;
}

function sameNode(a: GraphNode, b: GraphNode): boolean {
  return (
    a.type === b.type &&
    a.parentId === b.parentId &&
    a.position.x === b.position.x &&
    a.position.y === b.position.y &&
    a.width === b.width &&
    a.height === b.height &&
    a.data.objectKey === b.data.objectKey
  );
}

function sameData(a: Record<string, unknown> | undefined, b: Record<string, unknown> | undefined): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

/** The next layout, reusing the previous node and edge objects that did not move, so React Flow skips them. */
export function reuseUnchanged(previous: GraphLayout | undefined, next: GraphLayout): GraphLayout {
  if (!previous) return next;
  const oldNodes = new Map(previous.nodes.map((n) => [n.id, n]));
  const oldEdges = new Map(previous.edges.map((e) => [e.id, e]));
  return {
    slots: next.slots,
    nodes: next.nodes.map((n) => {
      const old = oldNodes.get(n.id);
      return old && sameNode(old, n) ? old : n;
    }),
    edges: next.edges.map((e) => {
      const old = oldEdges.get(e.id);
      return old && old.type === e.type && old.className === e.className && sameData(old.data, e.data) ? old : e;
    }),
  };
}
