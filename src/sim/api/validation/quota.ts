/** ValidateResourceQuota (pkg/apis/core/validation, v1.32): what the hard limits may be. */
import type { FieldError } from '../errors';
import { canonical, parseCanonical } from '../quantity-canonical';
import type { ResourceQuota } from '../types';

/** ValidateResourceQuantityValue's non-negative check, for each spec.hard entry. */
export function validateResourceQuota(quota: ResourceQuota, errors: FieldError[]): void {
  const hard = (quota.spec?.hard ?? {}) as Record<string, string>;
  for (const key of Object.keys(hard).sort()) {
    let negative: boolean;
    try {
      negative = parseCanonical(hard[key]).nano < 0n;
    } catch {
      continue;
    }
    if (negative) errors.push({ field: `spec.hard[${key}]`, message: `Invalid value: ${JSON.stringify(canonical(hard[key]))}: must be greater than or equal to 0` });
  }
}
