/**
 * Static binding: which PersistentVolume a claim gets (k8s-semantics §10.2). A port of
 * FindMatchingVolume (pv_helpers.go) and the PV controller's access-mode index (index.go
 * findByClaim), that also says for every volume why it was or was not chosen, so the binding
 * flow can be explained.
 */
import { selectorMatches } from '../api/labels';
import type { Node, PersistentVolume, PersistentVolumeClaim } from '../api/types';
import { termMatches } from '../scheduler/filters';
import { accessModesString, claimClass, isVolumeBoundToClaim, requestedStorage, volumeCapacity, volumeClass, volumeMode } from './helpers';

export type VerdictReason =
  | 'chosen'
  | 'fits'
  | 'prebound'
  | 'claimed'
  | 'too-small'
  | 'volume-mode'
  | 'deleting'
  | 'node-affinity'
  | 'wait-for-consumer'
  | 'not-available'
  | 'selector'
  | 'class'
  | 'access-modes';

export interface VolumeVerdict {
  volume: string;
  reason: VerdictReason;
  /** Whether the volume satisfies the claim (chosen, pre-bound, or a fit that lost to a better one). */
  fits: boolean;
  message: string;
}

export interface MatchOptions {
  /** The class binds WaitForFirstConsumer: only the scheduler (with a node) binds unbound volumes. */
  delayBinding: boolean;
  /** The scheduler's path: the node the pod would run on. */
  node?: Node;
}

/** CheckNodeAffinity: a PV with required node affinity is usable only on nodes one of its terms matches. */
export function volumeFitsNode(pv: PersistentVolume, node: Node): boolean {
  const terms = pv.spec?.nodeAffinity?.required?.nodeSelectorTerms;
  if (!terms) return true;
  return terms.some((t) => termMatches(t, node));
}

/** ContainsAllAccessModes. */
function containsAll(have: readonly string[] | undefined, want: readonly string[] | undefined): boolean {
  const set = new Set(have ?? []);
  return (want ?? []).every((m) => set.has(m));
}

const fmt = (bytes: number) => String(bytes);

/**
 * FindMatchingVolume's checks for one volume, in its order. `prebound` ends the search at once;
 * `fits` makes the volume a candidate for the smallest fit.
 */
function evaluate(pvc: PersistentVolumeClaim, pv: PersistentVolume, options: MatchOptions): { reason: VerdictReason; message: string } {
  const ref = pv.spec?.claimRef;
  if (ref && !isVolumeBoundToClaim(pv, pvc)) return { reason: 'claimed', message: `already bound to claim ${ref.namespace}/${ref.name}` };
  const capacity = volumeCapacity(pv);
  const request = requestedStorage(pvc);
  if (capacity < request) {
    return { reason: 'too-small', message: `capacity ${pv.spec?.capacity?.storage ?? fmt(capacity)} is less than the requested ${pvc.spec?.resources?.requests?.storage ?? fmt(request)}` };
  }
  if (volumeMode(pv.spec) !== volumeMode(pvc.spec)) return { reason: 'volume-mode', message: `volumeMode ${volumeMode(pv.spec)} differs from the claim's ${volumeMode(pvc.spec)}` };
  if (pv.metadata?.deletionTimestamp) return { reason: 'deleting', message: 'is being deleted' };
  const nodeOk = !options.node || volumeFitsNode(pv, options.node);
  const affinity = { reason: 'node-affinity' as const, message: `node affinity does not allow node ${options.node?.metadata?.name ?? ''}` };
  if (isVolumeBoundToClaim(pv, pvc)) return nodeOk ? { reason: 'prebound', message: 'is pre-bound to this claim by spec.claimRef' } : affinity;
  if (!options.node && options.delayBinding) {
    return { reason: 'wait-for-consumer', message: 'the class binds WaitForFirstConsumer: the scheduler picks it once a pod using the claim is scheduled' };
  }
  if (pv.status?.phase !== 'Available') return { reason: 'not-available', message: `phase is ${pv.status?.phase ?? 'Pending'}, not Available` };
  if (pvc.spec?.selector && !selectorMatches(pvc.spec.selector, pv.metadata?.labels)) return { reason: 'selector', message: "labels do not match the claim's selector" };
  if (volumeClass(pv) !== claimClass(pvc)) {
    return { reason: 'class', message: `storageClassName "${volumeClass(pv)}" differs from the claim's "${claimClass(pvc)}"` };
  }
  if (!nodeOk) return affinity;
  if (options.node && !containsAll(pv.spec?.accessModes, pvc.spec?.accessModes)) return accessModeVerdict(pv, pvc);
  return { reason: 'fits', message: 'satisfies the claim' };
}

function accessModeVerdict(pv: PersistentVolume, pvc: PersistentVolumeClaim): { reason: 'access-modes'; message: string } {
  return { reason: 'access-modes', message: `access modes ${accessModesString(pv.spec?.accessModes) || '<none>'} do not include ${accessModesString(pvc.spec?.accessModes)}` };
}

/** FindMatchingVolume: a volume pre-bound to the claim, else the smallest that satisfies it. */
export function findMatchingVolume(pvc: PersistentVolumeClaim, volumes: readonly PersistentVolume[], options: MatchOptions): PersistentVolume | undefined {
  let smallest: PersistentVolume | undefined;
  for (const pv of volumes) {
    const { reason } = evaluate(pvc, pv, options);
    if (reason === 'prebound') return pv;
    // A pre-bound volume the node cannot reach makes the claim unsuitable for the node.
    if (reason === 'node-affinity' && isVolumeBoundToClaim(pv, pvc)) return undefined;
    if (reason === 'fits' && (!smallest || volumeCapacity(smallest) > volumeCapacity(pv))) smallest = pv;
  }
  return smallest;
}

/**
 * The PV controller's index: volumes grouped by their access-mode set; the sets that contain every
 * requested mode are tried fewest modes first, and the first set with a match wins.
 */
function accessModeGroups(pvc: PersistentVolumeClaim, volumes: readonly PersistentVolume[]): PersistentVolume[][] {
  const groups = new Map<string, PersistentVolume[]>();
  for (const pv of volumes) {
    if (!containsAll(pv.spec?.accessModes, pvc.spec?.accessModes)) continue;
    const key = accessModesString(pv.spec?.accessModes);
    groups.set(key, [...(groups.get(key) ?? []), pv]);
  }
  const size = (key: string) => (key ? key.split(',').length : 0);
  return [...groups.keys()].sort((a, b) => size(a) - size(b) || (a < b ? -1 : a > b ? 1 : 0)).map((k) => groups.get(k)!);
}

/** findBestMatchForClaim: the controller's choice, with no node. */
export function findBestMatchForClaim(pvc: PersistentVolumeClaim, volumes: readonly PersistentVolume[], delayBinding: boolean): PersistentVolume | undefined {
  for (const group of accessModeGroups(pvc, volumes)) {
    const found = findMatchingVolume(pvc, group, { delayBinding });
    if (found) return found;
  }
  return undefined;
}

/** Every volume's verdict for the controller's choice, and the chosen one. */
export function explainMatch(pvc: PersistentVolumeClaim, volumes: readonly PersistentVolume[], delayBinding: boolean): { chosen?: PersistentVolume; verdicts: VolumeVerdict[] } {
  const chosen = findBestMatchForClaim(pvc, volumes, delayBinding);
  const verdicts = volumes.map((pv): VolumeVerdict => {
    const name = pv.metadata?.name ?? '';
    if (!containsAll(pv.spec?.accessModes, pvc.spec?.accessModes)) return { volume: name, fits: false, ...accessModeVerdict(pv, pvc) };
    const { reason, message } = evaluate(pvc, pv, { delayBinding });
    if (pv === chosen) return { volume: name, reason: reason === 'prebound' ? 'prebound' : 'chosen', fits: true, message: reason === 'prebound' ? message : 'the smallest volume that satisfies the claim' };
    if (reason === 'fits' || reason === 'prebound') {
      const why = chosen && accessModesString(chosen.spec?.accessModes) !== accessModesString(pv.spec?.accessModes) ? 'has fewer access modes' : 'is smaller or pre-bound';
      return { volume: name, reason, fits: true, message: chosen ? `satisfies the claim, but ${chosen.metadata?.name} ${why}` : message };
    }
    return { volume: name, reason, fits: false, message };
  });
  return { chosen, verdicts };
}
