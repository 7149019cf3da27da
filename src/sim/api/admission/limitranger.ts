/**
 * LimitRanger (plugin/pkg/admission/limitranger, k8s-semantics §11.1): on pod creation, fills
 * missing container requests and limits from the namespace's LimitRanges (type Container), records
 * what it set in the kubernetes.io/limit-ranger annotation, then refuses pods outside min, max or
 * maxLimitRequestRatio.
 */
import { forbidden } from '../errors';
import { qualifiedResource } from '../kinds';
import { formatCanonical, parseCanonical, quantityMilli, quantityValue, type Quantity } from '../quantity-canonical';
import type { Store } from '../store';
import type { Container, LimitRange, Pod } from '../types';
import type { AdmissionPlugin, AdmissionRequest } from './plugin';

export const LIMIT_RANGER_ANNOTATION = 'kubernetes.io/limit-ranger';

type Resources = Record<string, string>;
type LimitRangeItem = NonNullable<NonNullable<LimitRange['spec']>['limits']>[number];

const MAX_MILLI = 2n ** 63n / 1000n;

/** requestLimitEnforcedValues: milli-units when nothing would overflow, whole units otherwise. */
function comparable(values: (Quantity | undefined)[]): bigint[] {
  const whole = values.map((q) => (q ? quantityValue(q) : 0n));
  if (whole.every((v) => v <= MAX_MILLI)) return values.map((q) => (q ? quantityMilli(q) : 0n));
  return whole;
}

const parse = (v: string | number | undefined) => (v === undefined ? undefined : parseCanonical(v));
const show = (q: Quantity) => formatCanonical(q);

function minConstraint(type: string, res: string, enforced: Quantity, requests: Resources, limits: Resources): string | undefined {
  const req = parse(requests[res]);
  const lim = parse(limits[res]);
  const [r, l, e] = comparable([req, lim, enforced]);
  if (!req) return `minimum ${res} usage per ${type} is ${show(enforced)}.  No request is specified.`;
  if (r < e) return `minimum ${res} usage per ${type} is ${show(enforced)}, but request is ${show(req)}.`;
  if (lim && l < e) return `minimum ${res} usage per ${type} is ${show(enforced)}, but limit is ${show(lim)}.`;
  return undefined;
}

function maxConstraint(type: string, res: string, enforced: Quantity, requests: Resources, limits: Resources): string | undefined {
  const req = parse(requests[res]);
  const lim = parse(limits[res]);
  const [r, l, e] = comparable([req, lim, enforced]);
  if (!lim) return `maximum ${res} usage per ${type} is ${show(enforced)}.  No limit is specified.`;
  if (l > e) return `maximum ${res} usage per ${type} is ${show(enforced)}, but limit is ${show(lim)}.`;
  if (req && r > e) return `maximum ${res} usage per ${type} is ${show(enforced)}, but request is ${show(req)}.`;
  return undefined;
}

function ratioConstraint(type: string, res: string, enforced: Quantity, requests: Resources, limits: Resources): string | undefined {
  const req = parse(requests[res]);
  const lim = parse(limits[res]);
  const [r, l] = comparable([req, lim, enforced]);
  if (!req || r === 0n) return `${res} max limit to request ratio per ${type} is ${show(enforced)}, but no request is specified or request is 0.`;
  if (!lim || l === 0n) return `${res} max limit to request ratio per ${type} is ${show(enforced)}, but no limit is specified or limit is 0.`;
  const observed = Number(l) / Number(r);
  const useMilli = quantityValue(enforced) <= MAX_MILLI;
  const allowed = Number(useMilli ? quantityMilli(enforced) : quantityValue(enforced));
  if ((useMilli ? observed * 1000 : observed) > allowed) {
    return `${res} max limit to request ratio per ${type} is ${show(enforced)}, but provided ratio is ${observed.toFixed(6)}.`;
  }
  return undefined;
}

/** One item's min, max and ratio checks against one set of requests and limits, keys in sorted order. */
function checkItem(item: LimitRangeItem, requests: Resources, limits: Resources): string[] {
  const errors: string[] = [];
  const run = (bounds: Resources | undefined, check: typeof minConstraint) => {
    for (const res of Object.keys(bounds ?? {}).sort()) {
      const err = check(item.type, res, parseCanonical(bounds![res]), requests, limits);
      if (err) errors.push(err);
    }
  };
  run(item.min as Resources | undefined, minConstraint);
  run(item.max as Resources | undefined, maxConstraint);
  run(item.maxLimitRequestRatio as Resources | undefined, ratioConstraint);
  return errors;
}

/** limitranger.sum for type Pod: cpu in milli-units, the rest in whole units, DecimalSI. */
function podTotal(containers: Container[], field: 'requests' | 'limits'): Resources {
  const lists = containers.map((c) => (c.resources?.[field] ?? {}) as Resources);
  const out: Resources = {};
  const keys = new Set(lists.flatMap((l) => Object.keys(l)));
  for (const key of keys) {
    if (!lists.every((l) => l[key] !== undefined)) continue;
    const total = lists.reduce((acc, l) => acc + (key === 'cpu' ? quantityMilli(parseCanonical(l[key])) : quantityValue(parseCanonical(l[key]))), 0n);
    out[key] = show({ nano: total * (key === 'cpu' ? 1_000_000n : 1_000_000_000n), format: 'DecimalSI' });
  }
  return out;
}

/** Pod-level totals: the containers' sum, or an init container's value where that is larger. */
function podResources(pod: Pod, field: 'requests' | 'limits'): Resources {
  const total = podTotal(pod.spec?.containers ?? [], field);
  for (const init of pod.spec?.initContainers ?? []) {
    for (const [k, v] of Object.entries((init.resources?.[field] ?? {}) as Resources)) {
      if (total[k] === undefined || parseCanonical(v).nano > parseCanonical(total[k]).nano) total[k] = v;
    }
  }
  return total;
}

/** PodValidateLimitFunc: every error of one LimitRange. */
function validatePod(lr: LimitRange, pod: Pod): string[] {
  const errors: string[] = [];
  for (const item of lr.spec?.limits ?? []) {
    if (item.type === 'Container') {
      for (const c of [...(pod.spec?.containers ?? []), ...(pod.spec?.initContainers ?? [])]) {
        errors.push(...checkItem(item, (c.resources?.requests ?? {}) as Resources, (c.resources?.limits ?? {}) as Resources));
      }
    } else if (item.type === 'Pod') {
      errors.push(...checkItem(item, podResources(pod, 'requests'), podResources(pod, 'limits')));
    }
  }
  return errors;
}

/** mergeContainerResources: the defaults a container lacks, and the annotation phrases for them. */
function mergeDefaults(c: Container, item: LimitRangeItem, prefix: string): string[] {
  const notes: string[] = [];
  const fill = (field: 'requests' | 'limits', defaults: Resources | undefined, what: string) => {
    const set: string[] = [];
    for (const [res, value] of Object.entries(defaults ?? {})) {
      const current = (c.resources?.[field] ?? {}) as Resources;
      if (current[res] !== undefined) continue;
      c.resources ??= {};
      c.resources[field] = { ...current, [res]: value };
      set.push(res);
    }
    if (set.length) notes.push(`${set.sort().join(', ')} ${what} for ${prefix} ${c.name}`);
  };
  fill('requests', item.defaultRequest as Resources | undefined, 'request');
  fill('limits', item.default as Resources | undefined, 'limit');
  return notes;
}

export class LimitRanger implements AdmissionPlugin {
  readonly name = 'LimitRanger';
  constructor(private readonly store: Store) {}

  private limitRanges(namespace: string | undefined): LimitRange[] {
    return this.store.list('LimitRange', namespace ?? 'default') as LimitRange[];
  }

  /** PodMutateLimitFunc, once per LimitRange; each one rewrites the annotation. */
  admit({ operation, obj }: AdmissionRequest): void {
    if (operation !== 'create' || obj.kind !== 'Pod') return;
    const pod = obj as Pod;
    for (const lr of this.limitRanges(pod.metadata?.namespace)) {
      const item = lr.spec?.limits?.find((l) => l.type === 'Container');
      if (!item) continue;
      const notes = [
        ...(pod.spec?.containers ?? []).flatMap((c) => mergeDefaults(c, item, 'container')),
        ...(pod.spec?.initContainers ?? []).flatMap((c) => mergeDefaults(c, item, 'init container')),
      ];
      if (notes.length) pod.metadata!.annotations = { ...pod.metadata!.annotations, [LIMIT_RANGER_ANNOTATION]: `LimitRanger plugin set: ${notes.join('; ')}` };
    }
  }

  /** The first LimitRange the pod violates refuses it, with all of that range's errors. */
  validate({ operation, obj, info, displayName }: AdmissionRequest): void {
    if (operation !== 'create' || obj.kind !== 'Pod') return;
    for (const lr of this.limitRanges(obj.metadata.namespace)) {
      const errors = validatePod(lr, obj as Pod);
      if (errors.length) throw forbidden(qualifiedResource(info), displayName, errors.length === 1 ? errors[0] : `[${errors.join(', ')}]`);
    }
  }
}
