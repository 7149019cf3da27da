/**
 * The main thread's mirror of the cluster, rebuilt from the worker's snapshot and patches. Pure
 * functions produce each next view; the zustand store only holds it. A patch copies the maps it
 * touches and keeps every other object by identity, so a selector over one object re-renders only
 * when that object changed.
 */
import { create } from 'zustand';
import type { Node, Pod } from 'kubernetes-types/core/v1';
import type { WireObject } from '../protocol/messages';
import { byCreation, controllerUid, keyOf } from './objects';

export interface OwnerEdge {
  /** The owner's key (Deployment or ReplicaSet). */
  source: string;
  /** The dependent's key (ReplicaSet or Pod). */
  target: string;
}

/** What the graph draws and where it hangs, without the status that changes every second. */
export interface Topology {
  /** Node keys in natural name order. */
  nodes: readonly string[];
  /** The subset of `nodes` that runs the control plane, drawn apart. */
  controlPlane: readonly string[];
  /** Pod keys by the name of the Node they are bound to, oldest first. */
  podsByNode: ReadonlyMap<string, readonly string[]>;
  /** Pods bound to no known Node, oldest first. */
  unscheduled: readonly string[];
  deployments: readonly string[];
  replicaSets: readonly string[];
  edges: readonly OwnerEdge[];
}

export interface ClusterView {
  objects: ReadonlyMap<string, WireObject>;
  byKind: ReadonlyMap<string, ReadonlyMap<string, WireObject>>;
  topology: Topology;
}

/** The kinds whose presence, binding or ownership changes the graph's structure. */
const STRUCTURAL_KINDS = new Set(['Node', 'Pod', 'Deployment', 'ReplicaSet']);

export const CONTROL_PLANE_ROLE = 'node-role.kubernetes.io/control-plane';

/** kubeadm marks its control-plane nodes with both a role label and a NoSchedule taint. */
export function isControlPlane(node: Node): boolean {
  return CONTROL_PLANE_ROLE in (node.metadata?.labels ?? {}) || (node.spec?.taints ?? []).some((t) => t.key === CONTROL_PLANE_ROLE);
}

function structure(obj: WireObject): string {
  const nodeName =
    obj.kind === 'Pod' ? ((obj as Pod).spec?.nodeName ?? '') : obj.kind === 'Node' && isControlPlane(obj as Node) ? 'control-plane' : '';
  const owners = (obj.metadata.ownerReferences ?? []).map((ref) => `${ref.uid}:${ref.controller ? 1 : 0}`).join(',');
  return `${obj.metadata.uid ?? ''}|${nodeName}|${owners}`;
}

const EMPTY_TOPOLOGY: Topology = {
  nodes: [],
  controlPlane: [],
  podsByNode: new Map(),
  unscheduled: [],
  deployments: [],
  replicaSets: [],
  edges: [],
};

export function emptyView(): ClusterView {
  return { objects: new Map(), byKind: new Map(), topology: EMPTY_TOPOLOGY };
}

function sortedKeys(kindMap: ReadonlyMap<string, WireObject> | undefined): string[] {
  return [...(kindMap?.values() ?? [])].sort(byCreation).map(keyOf);
}

export function computeTopology(byKind: ReadonlyMap<string, ReadonlyMap<string, WireObject>>): Topology {
  const nodeObjects = [...(byKind.get('Node')?.values() ?? [])].sort((a, b) =>
    (a.metadata.name ?? '').localeCompare(b.metadata.name ?? '', 'en', { numeric: true }),
  );
  const nodes = nodeObjects.map((n) => n.metadata.name ?? '');
  const podsByNode = new Map<string, string[]>(nodes.map((name) => [name, []]));
  const unscheduled: string[] = [];
  const pods = [...(byKind.get('Pod')?.values() ?? [])].sort(byCreation);
  for (const pod of pods) {
    const bound = podsByNode.get((pod as Pod).spec?.nodeName ?? '');
    (bound ?? unscheduled).push(keyOf(pod));
  }

  const ownerByUid = new Map<string, string>();
  for (const kind of ['Deployment', 'ReplicaSet']) {
    for (const [key, obj] of byKind.get(kind) ?? []) {
      if (obj.metadata.uid) ownerByUid.set(obj.metadata.uid, key);
    }
  }
  const edges: OwnerEdge[] = [];
  const replicaSets = sortedKeys(byKind.get('ReplicaSet'));
  for (const dependents of [replicaSets, pods.map(keyOf)]) {
    for (const key of dependents) {
      const kind = key.slice(0, key.indexOf('/'));
      const obj = byKind.get(kind)?.get(key);
      const uid = obj && controllerUid(obj);
      const source = uid && ownerByUid.get(uid);
      if (source) edges.push({ source, target: key });
    }
  }

  return {
    nodes: nodeObjects.map(keyOf),
    controlPlane: nodeObjects.filter((n) => isControlPlane(n as Node)).map(keyOf),
    podsByNode,
    unscheduled,
    deployments: sortedKeys(byKind.get('Deployment')),
    replicaSets,
    edges,
  };
}

export function viewFromSnapshot(objects: readonly WireObject[]): ClusterView {
  return applyPatch(emptyView(), objects, []);
}

/**
 * The next view after a patch. An upsert at the same resourceVersion keeps the old object, so a
 * resync does not re-render what did not change.
 */
export function applyPatch(view: ClusterView, upserted: readonly WireObject[], deleted: readonly string[]): ClusterView {
  if (upserted.length === 0 && deleted.length === 0) return view;
  const objects = new Map(view.objects);
  const byKind = new Map(view.byKind);
  const copied = new Set<string>();
  let structural = false;

  const kindMap = (kind: string): Map<string, WireObject> => {
    const existing = byKind.get(kind);
    if (copied.has(kind) && existing) return existing as Map<string, WireObject>;
    const copy = new Map(existing ?? []);
    byKind.set(kind, copy);
    copied.add(kind);
    return copy;
  };

  for (const obj of upserted) {
    const key = keyOf(obj);
    const previous = objects.get(key);
    if (previous && previous.metadata.resourceVersion !== undefined && previous.metadata.resourceVersion === obj.metadata.resourceVersion) {
      continue;
    }
    objects.set(key, obj);
    kindMap(obj.kind).set(key, obj);
    if (STRUCTURAL_KINDS.has(obj.kind) && (!previous || structure(previous) !== structure(obj))) structural = true;
  }
  for (const key of deleted) {
    const previous = objects.get(key);
    if (!previous) continue;
    objects.delete(key);
    const map = kindMap(previous.kind);
    map.delete(key);
    if (map.size === 0) byKind.delete(previous.kind);
    if (STRUCTURAL_KINDS.has(previous.kind)) structural = true;
  }
  if (copied.size === 0) return view;
  return { objects, byKind, topology: structural ? computeTopology(byKind) : view.topology };
}

export const useCluster = create<ClusterView>(() => emptyView());
