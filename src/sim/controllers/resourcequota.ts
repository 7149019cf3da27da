import { allResources } from '../api/kinds';
import { keyOf, parseKey, type KubeObject } from '../api/object';
import { addQuantities, canonical, formatCanonical, fromInteger, type Quantity } from '../api/quantity-canonical';
import { matchingResources, quotaAppliesTo, usageOf } from '../api/quota';
import type { WatchEvent } from '../api/store';
import type { ResourceQuota } from '../api/types';
import { Controller, type ControllerContext } from './controller';

/** --resource-quota-sync-period: every quota is recounted in full this often. */
export const QUOTA_RESYNC_MS = 5 * 60_000;

/** Kinds whose churn never changes a quota's usage worth recounting for. */
const UNCOUNTED = new Set(['Event', 'Lease', 'EndpointSlice', 'Endpoints', 'ResourceQuota']);

/**
 * pkg/controller/resourcequota (k8s-semantics §11.2): status.hard mirrors spec.hard and
 * status.used is recounted from the store whenever a counted object in the namespace changes, and
 * every 5 minutes, which releases what finished or deleted pods held.
 */
export class ResourceQuotaController extends Controller {
  constructor(ctx: ControllerContext) {
    super('resourcequota-controller', ctx);
  }

  onEvent({ object, old }: WatchEvent): void {
    if (object.kind === 'ResourceQuota') {
      this.enqueue(keyOf(object));
      return;
    }
    const namespace = object.metadata.namespace;
    if (!namespace || UNCOUNTED.has(object.kind)) return;
    for (const quota of this.ctx.api.list('ResourceQuota', namespace) as ResourceQuota[]) {
      const names = Object.keys(quota.spec?.hard ?? {});
      if (matchingResources(object.kind, names).length || (old && matchingResources(old.kind, names).length)) this.enqueue(keyOf(quota as KubeObject));
    }
  }

  protected sync(key: string): void {
    const { namespace, name } = parseKey(key);
    const quota = this.ctx.api.get('ResourceQuota', namespace, name) as ResourceQuota | undefined;
    if (!quota) return;
    // The full resync runs on a fixed 5-minute tick, whatever events came in between.
    const now = this.ctx.clock.now();
    this.enqueue(key, (Math.floor(now / QUOTA_RESYNC_MS) + 1) * QUOTA_RESYNC_MS - now);
    const hard = (quota.spec?.hard ?? {}) as Record<string, string | number>;
    const names = Object.keys(hard).sort();
    const used = new Map<string, Quantity>(names.map((n) => [n, fromInteger(0)]));
    for (const info of allResources()) {
      if (!info.namespaced || matchingResources(info.kind, names).length === 0) continue;
      for (const obj of this.ctx.api.list(info.kind, namespace)) {
        const charged = quotaAppliesTo(quota, obj, names);
        const usage = usageOf(obj, now);
        for (const res of charged) if (usage[res]) used.set(res, addQuantities(used.get(res)!, usage[res]));
      }
    }
    const status = {
      hard: Object.fromEntries(names.map((n) => [n, canonical(hard[n])])),
      used: Object.fromEntries(names.map((n) => [n, formatCanonical(used.get(n)!)])),
    };
    this.ctx.api.updateStatus({ ...(quota as KubeObject), status }, this.name);
  }
}
