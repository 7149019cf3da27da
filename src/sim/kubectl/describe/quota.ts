/**
 * `kubectl describe resourcequota|limitrange` (describeQuota, describeLimitRange) and the
 * "Resource Quotas" / "Resource Limits" sections `describe namespace` prints (describe.go).
 */
import type { KubeObject } from '../../api/object';
import { formatCanonical, parseCanonical, quantityValue } from '../../api/quantity-canonical';
import type { ApiServer } from '../../api/server';
import type { LimitRange, ResourceQuota } from '../../api/types';
import { DescribeWriter } from './writer';

type Resources = Record<string, string>;

const SCOPE_HELP: Record<string, string> = {
  Terminating: 'Matches all pods that have an active deadline. These pods have a limited lifespan on a node before being actively terminated by the system.',
  NotTerminating: 'Matches all pods that do not have an active deadline. These pods usually include long running pods whose container command is not expected to terminate.',
  BestEffort: 'Matches all pods that do not have resource requirements set. These pods have a best effort quality of service.',
  NotBestEffort: 'Matches all pods that have at least one resource requirement set. These pods have a burstable or guaranteed quality of service.',
};

const show = (q: string | undefined) => formatCanonical(parseCanonical(q ?? '0'));

/** describeQuota prints a used value in the hard value's format when they differ (NewQuantity(used.Value(), hard.Format)). */
function usedLike(used: string | undefined, hard: string): string {
  const u = parseCanonical(used ?? '0');
  const h = parseCanonical(hard);
  if (u.format === h.format) return formatCanonical(u);
  return formatCanonical({ nano: quantityValue(u) * 1_000_000_000n, format: h.format });
}

function scopesOf(q: ResourceQuota): string[] {
  return [...(q.spec?.scopes ?? [])].sort();
}

export function describeResourceQuota(_api: ApiServer, obj: KubeObject): string {
  const q = obj as ResourceQuota;
  const w = new DescribeWriter();
  w.write(0, `Name:\t${q.metadata?.name ?? ''}\n`);
  w.write(0, `Namespace:\t${q.metadata?.namespace ?? ''}\n`);
  const scopes = scopesOf(q);
  if (scopes.length) {
    w.write(0, `Scopes:\t${scopes.join(', ')}\n`);
    for (const s of scopes) if (SCOPE_HELP[s]) w.write(0, ` * ${SCOPE_HELP[s]}\n`);
  }
  w.write(0, 'Resource\tUsed\tHard\n');
  w.write(0, '--------\t----\t----\n');
  const hard = (q.status?.hard ?? {}) as Resources;
  const used = (q.status?.used ?? {}) as Resources;
  for (const res of Object.keys(hard).sort()) w.write(0, `${res}\t${usedLike(used[res], hard[res])}\t${show(hard[res])}\n`);
  return w.toString();
}

/** describeLimitRangeSpec: one row per item and resource; "-" where the item sets nothing. */
function writeLimitRangeSpec(w: DescribeWriter, lr: LimitRange, prefix: string): void {
  for (const item of lr.spec?.limits ?? []) {
    const columns = [item.min, item.max, item.defaultRequest, item.default, item.maxLimitRequestRatio] as (Resources | undefined)[];
    // Go ranges over a map here, so kubectl's row order is unspecified; kubesim keeps first-mention order.
    const names = [...new Set([item.max, item.min, item.default, item.defaultRequest, item.maxLimitRequestRatio].flatMap((r) => Object.keys(r ?? {})))];
    for (const res of names) {
      const cells = columns.map((c) => (c?.[res] !== undefined ? show(c[res]) : '-'));
      w.write(0, `${prefix}${item.type}\t${res}\t${cells.join('\t')}\n`);
    }
  }
}

export function describeLimitRange(_api: ApiServer, obj: KubeObject): string {
  const lr = obj as LimitRange;
  const w = new DescribeWriter();
  w.write(0, `Name:\t${lr.metadata?.name ?? ''}\n`);
  w.write(0, `Namespace:\t${lr.metadata?.namespace ?? ''}\n`);
  w.write(0, 'Type\tResource\tMin\tMax\tDefault Request\tDefault Limit\tMax Limit/Request Ratio\n');
  w.write(0, '----\t--------\t---\t---\t---------------\t-------------\t-----------------------\n');
  writeLimitRangeSpec(w, lr, '');
  return w.toString();
}

/** DescribeResourceQuotas: every quota of a namespace, sorted by name, used values as stored. */
export function writeResourceQuotas(w: DescribeWriter, quotas: readonly ResourceQuota[]): void {
  if (quotas.length === 0) {
    w.write(0, 'No resource quota.\n');
    return;
  }
  w.write(0, 'Resource Quotas\n');
  for (const q of [...quotas].sort((a, b) => a.metadata!.name!.localeCompare(b.metadata!.name!))) {
    w.write(1, `Name:\t${q.metadata!.name}\n`);
    const scopes = scopesOf(q);
    if (scopes.length) {
      w.write(1, `Scopes:\t${scopes.join(', ')}\n`);
      for (const s of scopes) if (SCOPE_HELP[s]) w.write(1, `* ${SCOPE_HELP[s]}\n`);
    }
    w.write(1, 'Resource\tUsed\tHard\n');
    w.write(1, '--------\t---\t---\n');
    const hard = (q.status?.hard ?? {}) as Resources;
    const used = (q.status?.used ?? {}) as Resources;
    for (const res of Object.keys(hard).sort()) w.write(1, `${res}\t${show(used[res])}\t${show(hard[res])}\n`);
  }
}

/** DescribeLimitRanges: the items of every LimitRange of a namespace in one table. */
export function writeLimitRanges(w: DescribeWriter, ranges: readonly LimitRange[]): void {
  if (ranges.length === 0) {
    w.write(0, 'No LimitRange resource.\n');
    return;
  }
  w.write(0, 'Resource Limits\n Type\tResource\tMin\tMax\tDefault Request\tDefault Limit\tMax Limit/Request Ratio\n');
  w.write(0, ' ----\t--------\t---\t---\t---------------\t-------------\t-----------------------\n');
  for (const lr of ranges) writeLimitRangeSpec(w, lr, ' ');
}
