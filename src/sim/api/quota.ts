/**
 * The quota evaluators (pkg/quota/v1/evaluator/core and the generic object counter): which quota
 * resources an object kind is charged for, and how much one object uses. Shared by ResourceQuota
 * admission and the resourcequota controller (k8s-semantics §11.2).
 */
import { qosClass } from './admission/pod';
import { resourceForKind } from './kinds';
import type { KubeObject } from './object';
import { addQuantities, compareQuantities, fromInteger, parseCanonical, type Quantity } from './quantity-canonical';
import type { Container, PersistentVolumeClaim, Pod, ResourceQuota, Service } from './types';
import { fromRfc3339 } from '../time';

export type ResourceList = Record<string, Quantity>;

/** The resources the pod evaluator tracks; a quota on any of the cpu/memory ones makes requests mandatory. */
const POD_RESOURCES = [
  'count/pods', 'cpu', 'memory', 'ephemeral-storage', 'requests.cpu', 'requests.memory', 'requests.ephemeral-storage',
  'limits.cpu', 'limits.memory', 'limits.ephemeral-storage', 'pods',
];
/** "it was a mistake, but if a quota tracks cpu or memory … the incoming pod is required to have those values set". */
export const MUST_SPECIFY = new Set(['cpu', 'memory', 'requests.cpu', 'requests.memory', 'limits.cpu', 'limits.memory']);

const STORAGE_CLASS_SUFFIX = '.storageclass.storage.k8s.io/';

/** count/<resource>[.<group>]: the generic object-count name of a kind. */
function countName(kind: string): string | undefined {
  const info = resourceForKind(kind);
  if (!info) return undefined;
  return info.group ? `count/${info.resource}.${info.group}` : `count/${info.resource}`;
}

/** The legacy object-count names core kinds also answer to ("services", "configmaps"). */
const LEGACY_COUNT: Record<string, string> = {
  Service: 'services', ConfigMap: 'configmaps', Secret: 'secrets', PersistentVolumeClaim: 'persistentvolumeclaims',
  ResourceQuota: 'resourcequotas', ReplicationController: 'replicationcontrollers',
};

/** MatchingResources: the names among `names` that this kind's evaluator is charged for. */
export function matchingResources(kind: string, names: readonly string[]): string[] {
  return names.filter((name) => {
    if (name === countName(kind) || name === LEGACY_COUNT[kind]) return true;
    if (kind === 'Pod') return POD_RESOURCES.includes(name) || name.startsWith('hugepages-') || name.startsWith('requests.hugepages-');
    if (kind === 'Service') return name === 'services.nodeports' || name === 'services.loadbalancers';
    if (kind === 'PersistentVolumeClaim') return name === 'requests.storage' || name.includes(STORAGE_CLASS_SUFFIX);
    return false;
  });
}

const quantityOf = (value: string | number | undefined): Quantity | undefined => {
  if (value === undefined) return undefined;
  try {
    return parseCanonical(value);
  } catch {
    return undefined;
  }
};

function sum(lists: ResourceList[]): ResourceList {
  const out: ResourceList = {};
  for (const list of lists) for (const [k, q] of Object.entries(list)) out[k] = out[k] ? addQuantities(out[k], q) : q;
  return out;
}

function containerList(c: Container, field: 'requests' | 'limits'): ResourceList {
  const out: ResourceList = {};
  for (const [k, v] of Object.entries(c.resources?.[field] ?? {})) {
    const q = quantityOf(v as string | number);
    if (q) out[k] = q;
  }
  return out;
}

/** resourcehelper.PodRequests / PodLimits: the containers' sum, or the largest init container if larger. */
function podResources(pod: Pod, field: 'requests' | 'limits'): ResourceList {
  const total = sum((pod.spec?.containers ?? []).map((c) => containerList(c, field)));
  for (const init of pod.spec?.initContainers ?? []) {
    for (const [k, q] of Object.entries(containerList(init, field))) if (!total[k] || compareQuantities(q, total[k]) > 0) total[k] = q;
  }
  return total;
}

/** podComputeUsageHelper: pods=1 plus the compute resources the requests and limits name. */
function computeUsage(requests: ResourceList, limits: ResourceList): ResourceList {
  const out: ResourceList = { pods: fromInteger(1) };
  for (const res of ['cpu', 'memory', 'ephemeral-storage']) {
    if (requests[res]) {
      out[res] = requests[res];
      out[`requests.${res}`] = requests[res];
    }
    if (limits[res]) out[`limits.${res}`] = limits[res];
  }
  for (const [res, q] of Object.entries(requests)) if (res.startsWith('hugepages-')) out[res] = out[`requests.${res}`] = q;
  return out;
}

/** QuotaV1Pod: finished pods, and pods past their deletion grace period, stop being charged. */
export function podCharged(pod: Pod, now: number): boolean {
  if (pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed') return false;
  const deleted = pod.metadata?.deletionTimestamp;
  const grace = pod.metadata?.deletionGracePeriodSeconds;
  return !(deleted && grace !== undefined && now > fromRfc3339(deleted) + grace * 1000);
}

/** The names of the resources a container is missing for the required set (enforcePodContainerConstraints). */
export function missingForContainer(c: Container, required: ReadonlySet<string>): string[] {
  const has = new Set(Object.keys(computeUsage(containerList(c, 'requests'), containerList(c, 'limits'))));
  return [...required].filter((r) => !has.has(r));
}

/**
 * How much one object uses of every resource its evaluator tracks. Without `now` (admission of a
 * new object) a pod is charged whatever its deletion state.
 */
export function usageOf(obj: KubeObject, now?: number): ResourceList {
  const out: ResourceList = {};
  const count = countName(obj.kind);
  if (count) out[count] = fromInteger(1);
  if (LEGACY_COUNT[obj.kind]) out[LEGACY_COUNT[obj.kind]] = fromInteger(1);
  if (obj.kind === 'Pod') {
    const pod = obj as Pod;
    if (now !== undefined && !podCharged(pod, now)) return out;
    return { ...out, ...computeUsage(podResources(pod, 'requests'), podResources(pod, 'limits')) };
  }
  if (obj.kind === 'Service') {
    const spec = (obj as Service).spec;
    if (spec?.type === 'NodePort' || spec?.type === 'LoadBalancer') out['services.nodeports'] = fromInteger(spec.ports?.length ?? 0);
    if (spec?.type === 'LoadBalancer') out['services.loadbalancers'] = fromInteger(1);
  }
  if (obj.kind === 'PersistentVolumeClaim') {
    const pvc = obj as PersistentVolumeClaim;
    const storage = quantityOf(pvc.spec?.resources?.requests?.storage as string | undefined);
    const cls = pvc.spec?.storageClassName;
    if (storage) out['requests.storage'] = storage;
    if (cls) {
      out[`${cls}${STORAGE_CLASS_SUFFIX}persistentvolumeclaims`] = fromInteger(1);
      if (storage) out[`${cls}${STORAGE_CLASS_SUFFIX}requests.storage`] = storage;
    }
  }
  return out;
}

/** Scopes (spec.scopes and scopeSelector Exists terms) a pod must match for the quota to apply. */
function scopesMatch(quota: ResourceQuota, obj: KubeObject): boolean {
  const scopes = [...(quota.spec?.scopes ?? []), ...(quota.spec?.scopeSelector?.matchExpressions ?? []).map((e) => e.scopeName)];
  if (scopes.length === 0) return true;
  if (obj.kind !== 'Pod') return false;
  const pod = obj as Pod;
  const terminating = (pod.spec?.activeDeadlineSeconds ?? -1) >= 0;
  const bestEffort = qosClass(pod) === 'BestEffort';
  return scopes.every((scope) => {
    switch (scope) {
      case 'Terminating': return terminating;
      case 'NotTerminating': return !terminating;
      case 'BestEffort': return bestEffort;
      case 'NotBestEffort': return !bestEffort;
      default: return false;
    }
  });
}

/** The quota's hard names this object is charged for, or none when its scopes exclude it (generic.Matches). */
export function quotaAppliesTo(quota: ResourceQuota, obj: KubeObject, hardNames: readonly string[]): string[] {
  const matching = matchingResources(obj.kind, hardNames);
  return matching.length && scopesMatch(quota, obj) ? matching : [];
}

/** quota.Mask: only the named resources. */
export function mask(list: ResourceList, names: readonly string[]): ResourceList {
  return Object.fromEntries(Object.entries(list).filter(([k]) => names.includes(k)));
}

export function parseList(list: Record<string, string | number> | undefined): ResourceList {
  const out: ResourceList = {};
  for (const [k, v] of Object.entries(list ?? {})) {
    const q = quantityOf(v);
    if (q) out[k] = q;
  }
  return out;
}
