/**
 * Values rendered as the v1.32 apiserver renders them in field errors: Go's %#v for maps and
 * structs (v1.34 switched to JSON; we target v1.32, k8s-semantics §12.1).
 */
import type { LabelSelector, LabelSelectorRequirement } from './types';

const quote = (s: string) => JSON.stringify(s);

export function goStringMap(map: Record<string, string> | undefined): string {
  if (map === undefined || map === null) return 'map[string]string(nil)';
  const entries = Object.keys(map)
    .sort()
    .map((k) => `${quote(k)}:${quote(map[k])}`);
  return `map[string]string{${entries.join(', ')}}`;
}

function goRequirement(r: LabelSelectorRequirement): string {
  const values = r.values ? `[]string{${r.values.map(quote).join(', ')}}` : '[]string(nil)';
  return `v1.LabelSelectorRequirement{Key:${quote(r.key)}, Operator:${quote(r.operator)}, Values:${values}}`;
}

export function goLabelSelector(sel: LabelSelector): string {
  const labels = sel.matchLabels ? goStringMap(sel.matchLabels) : 'map[string]string(nil)';
  const exprs = sel.matchExpressions
    ? `[]v1.LabelSelectorRequirement{${sel.matchExpressions.map(goRequirement).join(', ')}}`
    : '[]v1.LabelSelectorRequirement(nil)';
  return `v1.LabelSelector{MatchLabels:${labels}, MatchExpressions:${exprs}}`;
}

/** intstr.IntOrString as %#v prints it. */
export function goIntOrString(value: number | string): string {
  return typeof value === 'number'
    ? `intstr.IntOrString{Type:0, IntVal:${value}, StrVal:""}`
    : `intstr.IntOrString{Type:1, IntVal:0, StrVal:${quote(value)}}`;
}

/** A simple value: strings quoted, numbers and bools plain. */
export function goValue(value: unknown): string {
  return typeof value === 'string' ? quote(value) : String(value);
}
