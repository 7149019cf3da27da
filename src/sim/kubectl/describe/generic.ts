/**
 * describe's genericDescriber, for kinds without a dedicated describer: name, namespace, labels
 * and annotations, then every other field of the object under a label made from its name.
 */
import type { KubeObject } from '../../api/object';
import type { ApiServer } from '../../api/server';
import { DescribeWriter, eventsFor, writeAnnotations, writeEvents, writeLabels } from './writer';

const SKIPPED = new Set(['.metadata.managedFields', '.metadata.name', '.metadata.namespace', '.metadata.labels', '.metadata.annotations']);
const ACRONYMS = new Set(['API', 'URL', 'UID', 'OSB', 'GUID']);

/** fatih/camelcase.Split: runs of lower, upper, digit and other runes, "PDFLoader" → PDF, Loader. */
export function camelSplit(text: string): string[] {
  const classOf = (r: string) => (/\p{Ll}/u.test(r) ? 1 : /\p{Lu}/u.test(r) ? 2 : /\p{Nd}/u.test(r) ? 3 : 4);
  const runs: string[][] = [];
  let last = 0;
  for (const r of text) {
    const cls = classOf(r);
    if (cls === last) runs[runs.length - 1].push(r);
    else runs.push([r]);
    last = cls;
  }
  for (let i = 0; i < runs.length - 1; i++) {
    if (classOf(runs[i][0]) === 2 && classOf(runs[i + 1][0]) === 1) runs[i + 1].unshift(runs[i].pop()!);
  }
  return runs.filter((r) => r.length > 0).map((r) => r.join(''));
}

/** smartLabelFor: "involvedObject" → "Involved Object", "apiVersion" → "API Version". */
export function smartLabel(field: string): string {
  if (/[^\p{L}-]/u.test(field)) return field;
  return camelSplit(field)
    .filter((part) => part !== '_')
    .map((part) => (ACRONYMS.has(part.toUpperCase()) ? part.toUpperCase() : part.charAt(0).toUpperCase() + part.slice(1)))
    .join(' ');
}

/** Go's %v of a JSON value. */
function plain(value: unknown): string {
  if (value === null || value === undefined) return '<nil>';
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

function writeContent(w: DescribeWriter, level: number, content: Record<string, unknown>, prefix: string): void {
  for (const field of Object.keys(content).sort()) {
    const value = content[field];
    const path = `${prefix}.${field}`;
    if (SKIPPED.has(path) || value === undefined) continue;
    if (Array.isArray(value)) {
      w.write(level, `${smartLabel(field)}:\n`);
      for (const child of value) {
        if (child !== null && typeof child === 'object' && !Array.isArray(child)) writeContent(w, level + 1, child as Record<string, unknown>, path);
        else w.write(level + 1, `${plain(child)}\n`);
      }
    } else if (value !== null && typeof value === 'object') {
      w.write(level, `${smartLabel(field)}:\n`);
      writeContent(w, level + 1, value as Record<string, unknown>, path);
    } else {
      w.write(level, `${smartLabel(field)}:\t${plain(value)}\n`);
    }
  }
}

export function describeGeneric(api: ApiServer, obj: KubeObject, now: number): string {
  const w = new DescribeWriter();
  w.write(0, `Name:\t${obj.metadata.name ?? ''}\n`);
  w.write(0, `Namespace:\t${obj.metadata.namespace ?? ''}\n`);
  writeLabels(w, 'Labels', obj.metadata.labels);
  writeAnnotations(w, 'Annotations', obj.metadata.annotations);
  writeContent(w, 0, JSON.parse(JSON.stringify(obj)) as Record<string, unknown>, '');
  writeEvents(w, eventsFor(api, obj, { matchKind: true }), now);
  return w.toString();
}
