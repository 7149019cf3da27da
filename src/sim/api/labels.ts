import type { LabelSelector, LabelSelectorRequirement } from './types';

export type Labels = Record<string, string> | undefined;

function matchesRequirement(labels: Record<string, string>, req: LabelSelectorRequirement): boolean {
  const has = Object.prototype.hasOwnProperty.call(labels, req.key);
  const values = req.values ?? [];
  switch (req.operator) {
    case 'In':
      return has && values.includes(labels[req.key]);
    case 'NotIn':
      return !has || !values.includes(labels[req.key]);
    case 'Exists':
      return has;
    case 'DoesNotExist':
      return !has;
    default:
      return false;
  }
}

/**
 * Whether a metav1.LabelSelector selects these labels. An empty selector selects everything and a
 * missing one selects nothing, as LabelSelectorAsSelector does.
 */
export function selectorMatches(selector: LabelSelector | undefined, labels: Labels): boolean {
  if (!selector) return false;
  const l = labels ?? {};
  for (const [key, value] of Object.entries(selector.matchLabels ?? {})) if (l[key] !== value) return false;
  for (const req of selector.matchExpressions ?? []) if (!matchesRequirement(l, req)) return false;
  return true;
}

/** A map selector (Service, nodeSelector): every pair must be present. */
export function mapSelectorMatches(selector: Record<string, string> | undefined, labels: Labels): boolean {
  if (!selector) return false;
  const l = labels ?? {};
  return Object.entries(selector).every(([k, v]) => l[k] === v);
}

export function isEmptySelector(selector: LabelSelector | undefined): boolean {
  return !!selector && Object.keys(selector.matchLabels ?? {}).length === 0 && (selector.matchExpressions ?? []).length === 0;
}

/** The selector as kubectl prints it: "app=web,tier in (a,b)". */
export function formatSelector(selector: LabelSelector | undefined): string {
  if (!selector) return '<none>';
  const parts = Object.entries(selector.matchLabels ?? {}).map(([k, v]) => `${k}=${v}`);
  for (const req of selector.matchExpressions ?? []) {
    const values = [...(req.values ?? [])].sort().join(',');
    if (req.operator === 'In') parts.push(`${req.key} in (${values})`);
    else if (req.operator === 'NotIn') parts.push(`${req.key} notin (${values})`);
    else if (req.operator === 'Exists') parts.push(req.key);
    else if (req.operator === 'DoesNotExist') parts.push(`!${req.key}`);
  }
  return parts.length ? parts.join(',') : '<none>';
}

/**
 * Parses a kubectl label selector string ("app=web,tier!=db,env in (a,b),!x") into a matcher.
 * Throws with kubectl's words on a malformed selector.
 */
export function parseSelectorString(text: string): (labels: Labels) => boolean {
  const terms: ((l: Record<string, string>) => boolean)[] = [];
  const parts = text.match(/([^,(]+(\([^)]*\))?)/g) ?? [];
  for (const raw of parts) {
    const part = raw.trim();
    if (!part) continue;
    let m: RegExpExecArray | null;
    if ((m = /^(\S+)\s+(in|notin)\s+\(([^)]*)\)$/.exec(part))) {
      const [, key, op, list] = m;
      const values = list.split(',').map((v) => v.trim());
      terms.push(op === 'in' ? (l) => key in l && values.includes(l[key]) : (l) => !(key in l) || !values.includes(l[key]));
    } else if ((m = /^([^=!\s]+)\s*!=\s*(\S*)$/.exec(part))) {
      const [, key, value] = m;
      terms.push((l) => l[key] !== value);
    } else if ((m = /^([^=!\s]+)\s*==?\s*(\S*)$/.exec(part))) {
      const [, key, value] = m;
      terms.push((l) => l[key] === value);
    } else if ((m = /^!([^=!\s]+)$/.exec(part))) {
      const [, key] = m;
      terms.push((l) => !(key in l));
    } else if (/^[^=!\s]+$/.test(part)) {
      terms.push((l) => part in l);
    } else {
      throw new Error(`unable to parse requirement: found '${part}', expected: identifier`);
    }
  }
  return (labels) => terms.every((t) => t(labels ?? {}));
}
