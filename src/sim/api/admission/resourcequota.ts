/**
 * ResourceQuota admission (apiserver admission/plugin/resourcequota, k8s-semantics §11.2), the
 * last plugin of the chain: on create it refuses an object that would take a quota over its hard
 * limits, and otherwise charges every matching quota's status.used at once, so a burst of creates
 * cannot overshoot before the resourcequota controller recounts.
 */
import { forbidden } from '../errors';
import { qualifiedResource } from '../kinds';
import { clone, type KubeObject } from '../object';
import { addQuantities, compareQuantities, formatCanonical } from '../quantity-canonical';
import { mask, missingForContainer, MUST_SPECIFY, parseList, quotaAppliesTo, usageOf, type ResourceList } from '../quota';
import type { Store } from '../store';
import type { Pod, ResourceQuota } from '../types';
import type { AdmissionPlugin, AdmissionRequest } from './plugin';

/** prettyPrint: "pods=1,requests.cpu=500m", keys sorted. */
export function prettyPrint(list: ResourceList): string {
  return Object.keys(list)
    .sort()
    .map((k) => `${k}=${formatCanonical(list[k])}`)
    .join(',');
}

/** podEvaluator.Constraints: every container must name each cpu/memory resource the quota limits. */
function podConstraints(pod: Pod, restricted: readonly string[]): string | undefined {
  const required = new Set(restricted.filter((r) => MUST_SPECIFY.has(r)));
  if (required.size === 0) return undefined;
  const missing = new Map<string, Set<string>>();
  for (const c of [...(pod.spec?.containers ?? []), ...(pod.spec?.initContainers ?? [])]) {
    for (const res of missingForContainer(c, required)) {
      if (!missing.has(res)) missing.set(res, new Set());
      missing.get(res)!.add(c.name);
    }
  }
  if (missing.size === 0) return undefined;
  const parts = [...missing.keys()].sort().map((res) => `${res} for: ${[...missing.get(res)!].sort().join(',')}`);
  return `must specify ${parts.join('; ')}`;
}

export class ResourceQuotaAdmission implements AdmissionPlugin {
  readonly name = 'ResourceQuota';
  constructor(private readonly store: Store) {}

  validate({ operation, obj, info, displayName, dryRun }: AdmissionRequest): void {
    if (operation !== 'create') return;
    const quotas = this.store.list('ResourceQuota', obj.metadata.namespace ?? 'default') as ResourceQuota[];
    const refuse = (message: string) => forbidden(qualifiedResource(info), displayName, message);
    const interesting: { quota: ResourceQuota; hard: ResourceList; used: ResourceList }[] = [];
    for (const quota of quotas) {
      const hard = parseList(quota.status?.hard as Record<string, string> | undefined);
      const restricted = quotaAppliesTo(quota, obj, Object.keys(hard));
      if (restricted.length === 0) continue;
      const name = quota.metadata!.name!;
      const constraint = obj.kind === 'Pod' ? podConstraints(obj as Pod, restricted) : undefined;
      if (constraint) throw refuse(`failed quota: ${name}: ${constraint}`);
      const used = parseList(quota.status?.used as Record<string, string> | undefined);
      if (!restricted.every((r) => used[r])) throw refuse(`status unknown for quota: ${name}, resources: ${[...restricted].sort().join(',')}`);
      interesting.push({ quota, hard, used });
    }
    if (interesting.length === 0) return;

    const delta = usageOf(obj);
    const charges: { quota: ResourceQuota; used: ResourceList }[] = [];
    for (const { quota, hard, used } of interesting) {
      const requested = mask(delta, Object.keys(hard));
      const next: ResourceList = { ...used };
      for (const [k, q] of Object.entries(requested)) next[k] = next[k] ? addQuantities(next[k], q) : q;
      const exceeded = Object.keys(requested).filter((k) => compareQuantities(next[k], hard[k]) > 0);
      if (exceeded.length) {
        throw refuse(
          `exceeded quota: ${quota.metadata!.name}, requested: ${prettyPrint(mask(requested, exceeded))}, used: ${prettyPrint(mask(used, exceeded))}, limited: ${prettyPrint(mask(hard, exceeded))}`,
        );
      }
      charges.push({ quota, used: next });
    }
    if (!dryRun) for (const { quota, used } of charges) this.charge(quota, used);
  }

  /** Writes the incremented usage into the quota's status, as the apiserver does before storing the object. */
  private charge(quota: ResourceQuota, used: ResourceList): void {
    const next = clone(quota) as KubeObject & ResourceQuota;
    next.status = { ...next.status, used: Object.fromEntries(Object.keys(used).sort().map((k) => [k, formatCanonical(used[k])])) };
    this.store.put(next);
  }
}
