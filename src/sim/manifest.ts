/** Multi-document YAML with positions, so an error can name the line of the field it is about. */
import { LineCounter, parseAllDocuments, isMap, isSeq, isScalar, type Document, type Node as YamlNode } from 'yaml';

export interface ManifestDocument {
  index: number;
  /** The document as JSON; undefined when the document is empty. */
  value: unknown;
  /** 1-based line where the document starts. */
  line: number;
  /**
   * A YAML error in this document, with its line; `located` when the Go parser's message itself
   * names the line ("yaml: line 5: …"), as it does for syntax errors but not for decoding ones.
   */
  error?: { message: string; line: number; located: boolean };
  /** 1-based line of a field path ("spec.template.spec.containers[0].image"), or of its nearest existing parent. */
  lineOf(path: string): number;
}

/** YAML aliases can expand exponentially ("billion laughs"); refuse beyond this many. */
const MAX_ALIAS_COUNT = 100;

/** "spec.containers[0].image" → ["spec", "containers", 0, "image"]; "requests[cpu]" keeps "cpu" as a key. */
export function parseFieldPath(path: string): (string | number)[] {
  const out: (string | number)[] = [];
  for (const part of path.split('.')) {
    const m = /^([^[]*)((?:\[[^\]]*\])*)$/.exec(part);
    if (!m) {
      out.push(part);
      continue;
    }
    if (m[1]) out.push(m[1]);
    for (const idx of m[2].matchAll(/\[([^\]]*)\]/g)) out.push(/^\d+$/.test(idx[1]) ? Number(idx[1]) : idx[1]);
  }
  return out;
}

/**
 * The yaml library's error in the words of the Go YAML parser kubectl uses ("yaml: line 5: mapping
 * values are not allowed in this context"), for the common mistakes; others keep the library's text.
 */
function goYamlError(code: string, startLine: number, endLine: number, fallback: string, offending: string): NonNullable<ManifestDocument['error']> {
  switch (code) {
    case 'TAB_AS_INDENT':
      return { message: 'found character that cannot start any token', line: startLine, located: true };
    case 'BLOCK_AS_IMPLICIT_KEY':
    case 'MULTILINE_IMPLICIT_KEY':
      return { message: 'mapping values are not allowed in this context', line: endLine, located: true };
    case 'MISSING_CHAR':
      return { message: 'found unexpected end of stream', line: endLine, located: true };
    case 'DUPLICATE_KEY':
      return { message: `unmarshal errors:\n  line ${startLine}: key ${JSON.stringify(offending.replace(/:.*$/s, '').trim())} already set in map`, line: startLine, located: false };
    default:
      return { message: fallback.split(' at line ')[0], line: startLine, located: true };
  }
}

/** A value as Go's %#v prints what go-yaml v2 decodes into interface{}. */
function goSyntax(value: unknown): string {
  if (value === null || value === undefined) return 'interface {}(nil)';
  if (typeof value === 'string') return JSON.stringify(value);
  if (Array.isArray(value)) return `[]interface {}{${value.map(goSyntax).join(', ')}}`;
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).map(([k, v]) => `${JSON.stringify(k)}:${goSyntax(v)}`);
    return `map[interface {}]interface {}{${entries.join(', ')}}`;
  }
  return String(value);
}

/**
 * A mapping key that is itself a mapping or a sequence (`a: {{b}}` is a flow mapping keyed by
 * `{b}`): go-yaml v2 refuses it while decoding, so kubectl never sees the document.
 */
function collectionKey(node: unknown, lineAt: (offset: number) => number): NonNullable<ManifestDocument['error']> | undefined {
  if (isMap(node)) {
    for (const pair of node.items) {
      if (isMap(pair.key) || isSeq(pair.key)) {
        const line = pair.key.range ? lineAt(pair.key.range[0]) : 0;
        return { message: `invalid map key: ${goSyntax(pair.key.toJSON())}`, line, located: false };
      }
      const inner = collectionKey(pair.value, lineAt);
      if (inner) return inner;
    }
  } else if (isSeq(node)) {
    for (const item of node.items) {
      const inner = collectionKey(item, lineAt);
      if (inner) return inner;
    }
  }
  return undefined;
}

export function parseManifests(text: string): ManifestDocument[] {
  const lineCounter = new LineCounter();
  const docs = parseAllDocuments(text, { lineCounter, uniqueKeys: true, prettyErrors: false }) as Document.Parsed[];
  const lineAt = (offset: number) => lineCounter.linePos(offset).line;
  const list = Array.isArray(docs) ? docs : [docs];
  return list
    .map((doc, index): ManifestDocument => {
      const contents = doc.contents as YamlNode | null;
      const start = contents?.range?.[0] ?? doc.range?.[0] ?? 0;
      const firstError = doc.errors[0];
      const lineOf = (path: string) => {
        let node: unknown = contents;
        let line = lineAt(start);
        for (const seg of parseFieldPath(path)) {
          if (isMap(node)) {
            const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === String(seg));
            if (!pair) break;
            if (isScalar(pair.key) && pair.key.range) line = lineAt(pair.key.range[0]);
            node = pair.value;
          } else if (isSeq(node)) {
            const item = node.items[typeof seg === 'number' ? seg : 0] as YamlNode | undefined;
            if (!item) break;
            if (item.range) line = lineAt(item.range[0]);
            node = item;
          } else break;
        }
        return line;
      };
      if (firstError) {
        const last = doc.errors[doc.errors.length - 1];
        const offending = text.slice(firstError.pos[0], firstError.pos[1] + 40);
        const error = goYamlError(firstError.code, lineAt(firstError.pos[0]), lineAt(last.pos[1]), firstError.message, offending);
        return { index, value: undefined, line: lineAt(start), error, lineOf };
      }
      const badKey = collectionKey(contents, lineAt);
      if (badKey) return { index, value: undefined, line: lineAt(start), error: badKey, lineOf };
      let value: unknown;
      try {
        value = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
      } catch (err) {
        return { index, value: undefined, line: lineAt(start), error: { message: (err as Error).message, line: lineAt(start), located: true }, lineOf };
      }
      return { index, value: value ?? undefined, line: lineAt(start), lineOf };
    })
    .filter((d) => d.value !== undefined || d.error);
}
