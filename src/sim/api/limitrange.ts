/** SetDefaults_LimitRangeItem (k8s-semantics §11.1): what a stored LimitRange of type Container implies. */
import { canonical } from './quantity-canonical';
import type { LimitRange } from './types';

type Resources = Record<string, string>;

const canonicalList = (list: Resources | undefined): Resources | undefined =>
  list && Object.fromEntries(Object.entries(list).map(([k, v]) => [k, canonical(v)]));

/**
 * default ← max where no default is given; defaultRequest ← default, then ← min, where no
 * defaultRequest is given. Only Container items are defaulted; empty lists stay absent. Stored
 * quantities are in canonical form, as the apiserver writes them back ("0.5" → "500m").
 */
export function defaultLimitRange(lr: LimitRange): void {
  for (const item of lr.spec?.limits ?? []) {
    for (const field of ['min', 'max', 'default', 'defaultRequest', 'maxLimitRequestRatio'] as const) {
      if (item[field]) item[field] = canonicalList(item[field] as Resources);
    }
    if (item.type !== 'Container') continue;
    const def: Resources = { ...(item.default as Resources | undefined) };
    const request: Resources = { ...(item.defaultRequest as Resources | undefined) };
    for (const [k, v] of Object.entries((item.max ?? {}) as Resources)) def[k] ??= v;
    for (const [k, v] of Object.entries(def)) request[k] ??= v;
    for (const [k, v] of Object.entries((item.min ?? {}) as Resources)) request[k] ??= v;
    if (Object.keys(def).length) item.default = def;
    if (Object.keys(request).length) item.defaultRequest = request;
  }
}
