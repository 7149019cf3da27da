/**
 * The main thread's mirror of the cluster, rebuilt from the worker's snapshot and patches. Pure
 * functions produce each next view; the zustand store only holds it. A patch copies the maps it
 * touches and keeps every other object by identity, so a selector over one object re-renders only
 * when that object changed.
 */
import { create } from 'zustand';
import type { Node, PersistentVolume, PersistentVolumeClaim, Pod } from 'kubernetes-types/core/v1';
import type { Ingress } from 'kubernetes-types/networking/v1';
import type { WireObject } from '../protocol/messages';
import { byCreation, controllerUid, keyOf, objectKey } from './objects';
import { ingressRoutes } from './ingresses';
import { sliceEndpoints, sliceServiceKey } from './services';
import { claimVolumeKey, podClaimKeys, volumeClaimKey } from './storage';

/** A Service's endpoint, from its EndpointSlices; not-ready endpoints are drawn dashed. */
export interface EndpointEdge {
  /** The Service's key. */
  source: string;
  /** The pod's key, or a Node's for an endpoint at a node address (the API server behind `kubernetes`). */
  target: string;
  ready: boolean;
}

export interface EndpointCount {
  ready: number;
  notReady: number;
}

/** An Ingress's routes to one backend Service, which must exist to be drawn. */
export interface IngressEdge {
  /** The Ingress's key. */
  source: string;
  /** The Service's key. */
  target: string;
  /** "shop.example.com/api", one per rule path that leads there; "default backend" for spec.defaultBackend. */
  routes: readonly string[];
}

export interface OwnerEdge {
  /** The owner's key: a Deployment, ReplicaSet, StatefulSet, DaemonSet, CronJob or Job. */
  source: string;
  /** The dependent's key: a ReplicaSet, Job or Pod. */
  target: string;
}

/** A pod mounting a claim (Pod → PVC), or a claim bound to its volume (PVC → PV). */
export interface VolumeEdge {
  source: string;
  target: string;
}

/** A claim and the volume bound to it, drawn one above the other; either may be missing. */
export interface VolumePair {
  claim?: string;
  volume?: string;
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
  statefulSets: readonly string[];
  daemonSets: readonly string[];
  cronJobs: readonly string[];
  jobs: readonly string[];
  edges: readonly OwnerEdge[];
  /** Service keys, oldest first. */
  services: readonly string[];
  /** Service → pod edges for the endpoints whose pod is drawn, and Service → Node for those at a node's address. */
  endpointEdges: readonly EndpointEdge[];
  /** Ready and not-ready endpoints per Service key, counting those without a pod (the API server's). */
  endpointCounts: ReadonlyMap<string, EndpointCount>;
  /** Ingress keys, oldest first. */
  ingresses: readonly string[];
  /** Ingress → Service edges, one per backend Service that exists. */
  ingressEdges: readonly IngressEdge[];
  /** Claims with the volume bound to each, then volumes no existing claim is bound to; claims oldest first. */
  volumePairs: readonly VolumePair[];
  /** Pod → PVC for the claims a drawn pod mounts, and PVC → PV for each binding. */
  volumeEdges: readonly VolumeEdge[];
}

export interface ClusterView {
  objects: ReadonlyMap<string, WireObject>;
  byKind: ReadonlyMap<string, ReadonlyMap<string, WireObject>>;
  topology: Topology;
}

/** The kinds whose presence, binding, ownership or endpoints change the graph's structure. */
const STRUCTURAL_KINDS = new Set([
  'Node',
  'Pod',
  'Deployment',
  'ReplicaSet',
  'StatefulSet',
  'DaemonSet',
  'CronJob',
  'Job',
  'Service',
  'EndpointSlice',
  'Ingress',
  'PersistentVolumeClaim',
  'PersistentVolume',
]);

/** The kinds drawn as owner cards, whose controller references become owner edges. */
const OWNER_KINDS = ['Deployment', 'ReplicaSet', 'StatefulSet', 'DaemonSet', 'CronJob', 'Job'];

export const CONTROL_PLANE_ROLE = 'node-role.kubernetes.io/control-plane';

/** kubeadm marks its control-plane nodes with both a role label and a NoSchedule taint. */
export function isControlPlane(node: Node): boolean {
  return CONTROL_PLANE_ROLE in (node.metadata?.labels ?? {}) || (node.spec?.taints ?? []).some((t) => t.key === CONTROL_PLANE_ROLE);
}

function structure(obj: WireObject): string {
  if (obj.kind === 'Ingress') {
    return ingressRoutes(obj as Ingress)
      .map((r) => `${r.route}>${r.service ?? ''}`)
      .join(',');
  }
  if (obj.kind === 'EndpointSlice') {
    const endpoints = sliceEndpoints(obj).map((e) => `${e.podKey ?? e.ip}:${e.ready ? 1 : 0}`);
    return `${sliceServiceKey(obj) ?? ''}|${endpoints.join(',')}`;
  }
  if (obj.kind === 'Node') {
    // A node's address is where endpoints without a pod (the API server's) are drawn to.
    const ip = (obj as Node).status?.addresses?.find((a) => a.type === 'InternalIP')?.address ?? '';
    return `${obj.metadata.uid ?? ''}|${isControlPlane(obj as Node) ? 'control-plane' : ''}|${ip}`;
  }
  if (obj.kind === 'PersistentVolumeClaim') return `${obj.metadata.uid ?? ''}|${claimVolumeKey(obj as PersistentVolumeClaim) ?? ''}`;
  if (obj.kind === 'PersistentVolume') return `${obj.metadata.uid ?? ''}|${volumeClaimKey(obj as PersistentVolume) ?? ''}`;
  const nodeName = obj.kind === 'Pod' ? ((obj as Pod).spec?.nodeName ?? '') : '';
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
  for (const kind of OWNER_KINDS) {
    for (const [key, obj] of byKind.get(kind) ?? []) {
      if (obj.metadata.uid) ownerByUid.set(obj.metadata.uid, key);
    }
  }
  const edges: OwnerEdge[] = [];
  const replicaSets = sortedKeys(byKind.get('ReplicaSet'));
  const jobs = sortedKeys(byKind.get('Job'));
  for (const dependents of [replicaSets, jobs, pods.map(keyOf)]) {
    for (const key of dependents) {
      const kind = key.slice(0, key.indexOf('/'));
      const obj = byKind.get(kind)?.get(key);
      const uid = obj && controllerUid(obj);
      const source = uid && ownerByUid.get(uid);
      if (source) edges.push({ source, target: key });
    }
  }

  const drawn = new Set(pods.map(keyOf));
  const nodeByIp = new Map<string, string>();
  for (const node of nodeObjects) {
    for (const address of (node as Node).status?.addresses ?? []) if (address.type === 'InternalIP') nodeByIp.set(address.address, keyOf(node));
  }
  const endpointEdges: EndpointEdge[] = [];
  const endpointCounts = new Map<string, EndpointCount>();
  const services = sortedKeys(byKind.get('Service'));
  for (const service of services) endpointCounts.set(service, { ready: 0, notReady: 0 });
  for (const slice of byKind.get('EndpointSlice')?.values() ?? []) {
    const service = sliceServiceKey(slice);
    const count = service && endpointCounts.get(service);
    if (!service || !count) continue;
    for (const endpoint of sliceEndpoints(slice)) {
      if (endpoint.ready) count.ready++;
      else count.notReady++;
      const target = endpoint.podKey ? (drawn.has(endpoint.podKey) ? endpoint.podKey : undefined) : nodeByIp.get(endpoint.ip);
      if (target) endpointEdges.push({ source: service, target, ready: endpoint.ready });
    }
  }

  const serviceSet = new Set(services);
  const ingresses = sortedKeys(byKind.get('Ingress'));
  const ingressEdges: IngressEdge[] = [];
  for (const key of ingresses) {
    const ingress = byKind.get('Ingress')?.get(key) as Ingress | undefined;
    const routesTo = new Map<string, string[]>();
    for (const { route, service } of ingress ? ingressRoutes(ingress) : []) {
      const target = service && objectKey('Service', ingress?.metadata?.namespace, service);
      if (!target || !serviceSet.has(target)) continue;
      const routes = routesTo.get(target) ?? [];
      if (!routes.includes(route)) routes.push(route);
      routesTo.set(target, routes);
    }
    for (const [target, routes] of routesTo) ingressEdges.push({ source: key, target, routes });
  }

  const { volumePairs, volumeEdges } = storageTopology(byKind, pods);

  return {
    nodes: nodeObjects.map(keyOf),
    controlPlane: nodeObjects.filter((n) => isControlPlane(n as Node)).map(keyOf),
    podsByNode,
    unscheduled,
    deployments: sortedKeys(byKind.get('Deployment')),
    replicaSets,
    statefulSets: sortedKeys(byKind.get('StatefulSet')),
    daemonSets: sortedKeys(byKind.get('DaemonSet')),
    cronJobs: sortedKeys(byKind.get('CronJob')),
    jobs,
    edges,
    services,
    endpointEdges,
    endpointCounts,
    ingresses,
    ingressEdges,
    volumePairs,
    volumeEdges,
  };
}

/**
 * Each claim with the volume its `spec.volumeName` names, then the volumes left over (Available,
 * Released, or bound to a claim that is gone); edges from the pods that mount a claim and from a
 * claim to its volume.
 */
function storageTopology(
  byKind: ReadonlyMap<string, ReadonlyMap<string, WireObject>>,
  pods: readonly WireObject[],
): Pick<Topology, 'volumePairs' | 'volumeEdges'> {
  const claimObjects = byKind.get('PersistentVolumeClaim');
  const volumeObjects = byKind.get('PersistentVolume');
  const volumePairs: VolumePair[] = [];
  const volumeEdges: VolumeEdge[] = [];
  const paired = new Set<string>();
  for (const claim of [...(claimObjects?.values() ?? [])].sort(byCreation)) {
    const key = keyOf(claim);
    const volume = claimVolumeKey(claim as PersistentVolumeClaim);
    if (volume && volumeObjects?.has(volume) && !paired.has(volume)) {
      paired.add(volume);
      volumePairs.push({ claim: key, volume });
      volumeEdges.push({ source: key, target: volume });
    } else {
      volumePairs.push({ claim: key });
    }
  }
  for (const volume of sortedKeys(volumeObjects)) if (!paired.has(volume)) volumePairs.push({ volume });
  if (claimObjects) {
    for (const pod of pods) {
      for (const claim of podClaimKeys(pod as Pod)) if (claimObjects.has(claim)) volumeEdges.push({ source: keyOf(pod), target: claim });
    }
  }
  return { volumePairs, volumeEdges };
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
