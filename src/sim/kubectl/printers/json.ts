/**
 * `-o json` as kubectl prints it: json.MarshalIndent(obj, "", "    ") of an unstructured object,
 * so map keys are sorted, and Go's HTML-safe escaping of <, > and & (and U+2028/U+2029).
 */

function sortDeep(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortDeep);
  if (value !== null && typeof value === 'object') {
    const obj = value as Record<string, unknown>;
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(obj).sort()) if (obj[key] !== undefined) out[key] = sortDeep(obj[key]);
    return out;
  }
  return value;
}

export function toJson(value: unknown): string {
  const text = JSON.stringify(sortDeep(value), null, 4) ?? 'null';
  // These characters only occur inside JSON strings, where Go escapes them.
  return `${text.replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)}\n`;
}
