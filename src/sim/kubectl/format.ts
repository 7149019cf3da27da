/** Small value formatters kubectl's printers and describers share (apimachinery's labels package). */
import type { LabelSelector } from '../api/types';

/** labels.FormatLabels: "k1=v1,k2=v2" in key order, "<none>" when empty. */
export function formatLabels(labels: Record<string, string> | undefined): string {
  const keys = Object.keys(labels ?? {}).sort();
  return keys.length ? keys.map((k) => `${k}=${labels![k]}`).join(',') : '<none>';
}

/**
 * metav1.LabelSelectorAsSelector(...).String(): every matchLabels pair and matchExpression as a
 * requirement, sorted by key, values of set requirements sorted. Empty (or missing) → "".
 */
export function selectorString(selector: LabelSelector | undefined): string {
  if (!selector) return '';
  const requirements: { key: string; text: string }[] = Object.entries(selector.matchLabels ?? {}).map(([key, value]) => ({ key, text: `${key}=${value}` }));
  for (const expr of selector.matchExpressions ?? []) {
    const values = [...(expr.values ?? [])].sort().join(',');
    const text =
      expr.operator === 'In' ? `${expr.key} in (${values})`
        : expr.operator === 'NotIn' ? `${expr.key} notin (${values})`
          : expr.operator === 'Exists' ? expr.key
            : `!${expr.key}`;
    requirements.push({ key: expr.key, text });
  }
  return requirements
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
    .map((r) => r.text)
    .join(',');
}

/** metav1.FormatLabelSelector: like selectorString, but "<none>" when it selects everything. */
export function formatLabelSelector(selector: LabelSelector | undefined): string {
  return selectorString(selector) || '<none>';
}

/** The containers and images of a pod template as two comma-separated cells (layoutContainerCells). */
export function containerCells(containers: readonly { name: string; image?: string }[] | undefined): [string, string] {
  const list = containers ?? [];
  return [list.map((c) => c.name).join(','), list.map((c) => c.image ?? '').join(',')];
}
