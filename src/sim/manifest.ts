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
function goYamlError(code: string, startLine: number, endLine: number, fallback: string): NonNullable<ManifestDocument['error']> {
  // go-yaml's scanner errors print the 1-based line; its parser errors print the 0-based one.
  const scanner = (message: string, line: number) => ({ message, line, located: true });
  const parser = (message: string, line: number) => ({ message: `line ${line - 1}: ${message}`, line, located: false });
  switch (code) {
    case 'TAB_AS_INDENT':
      return scanner('found character that cannot start any token', startLine);
    case 'BLOCK_AS_IMPLICIT_KEY':
    case 'MULTILINE_IMPLICIT_KEY':
      return scanner('mapping values are not allowed in this context', endLine);
    case 'MISSING_CHAR':
      if (fallback.startsWith('Sequence item without')) return parser("did not find expected '-' indicator", startLine);
      return scanner('found unexpected end of stream', endLine);
    case 'BAD_INDENT':
      if (fallback.startsWith('Flow sequence')) return parser("did not find expected ',' or ']'", endLine);
      if (fallback.startsWith('Flow map')) return parser("did not find expected ',' or '}'", endLine);
      return scanner(fallback.split(' at line ')[0], startLine);
    case 'UNEXPECTED_TOKEN':
      if (/flow-(map|seq)-end/.test(fallback)) return parser('did not find expected key', startLine);
      return scanner(fallback.split(' at line ')[0], startLine);
    default:
      // The yaml library recurses per level and runs out of stack first (about 900 block levels).
      if (fallback.includes('Maximum call stack size exceeded')) {
        return { message: `line ${startLine}: the document nests deeper than kubesim's YAML parser can follow`, line: startLine, located: false };
      }
      return scanner(fallback.split(' at line ')[0], startLine);
  }
}

/** go-yaml's max_flow_level: deeper `[`/`{` nesting is refused before parsing. */
const MAX_FLOW_DEPTH = 10000;

/** The first place where flow collections nest deeper than go-yaml allows, if any. */
function flowTooDeep(text: string, lineAt: (offset: number) => number): NonNullable<ManifestDocument['error']> | undefined {
  let depth = 0;
  let quote = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quote) {
      // An apostrophe in a block-context plain scalar ("don't") opens nothing past its line.
      if (ch === quote || (ch === '\n' && depth === 0)) quote = '';
      continue;
    }
    if (ch === '"' || ch === "'") quote = ch;
    else if (ch === '[' || ch === '{') {
      if (++depth > MAX_FLOW_DEPTH) return { message: `exceeded max depth of ${MAX_FLOW_DEPTH}`, line: lineAt(i), located: true };
    } else if (ch === ']' || ch === '}') depth = Math.max(0, depth - 1);
  }
  return undefined;
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
 * `{b}`): go-yaml v2 refuses it while decoding, so kubectl never sends the object.
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

/**
 * kubectl splits a file at `---` lines before go-yaml sees it, so a `%YAML` directive ends up
 * alone in a document of its own: go-yaml v2 refuses any version but 1.1, and for 1.1 finds no
 * document after it (kubernetes/kubectl#1810). Parser errors print go-yaml's 0-based line.
 */
function directiveError(text: string, from: number, to: number, lineAt: (offset: number) => number): NonNullable<ManifestDocument['error']> | undefined {
  const m = /^%YAML[ \t]+(\S+)/m.exec(text.slice(from, to));
  if (!m) return undefined;
  const line = lineAt(from + m.index);
  if (m[1] !== '1.1') return { message: `${line - 1 ? `line ${line - 1}: ` : ''}found incompatible YAML document`, line, located: false };
  return { message: `line ${line}: did not find expected <document start>`, line, located: false };
}

export function parseManifests(text: string): ManifestDocument[] {
  const lineCounter = new LineCounter();
  const tooDeep = flowTooDeep(text, (offset) => text.slice(0, offset).split('\n').length);
  if (tooDeep) return [{ index: 0, value: undefined, line: 1, error: tooDeep, lineOf: () => 1 }];
  // kubectl converts YAML with go-yaml v2's non-strict decoding: a repeated key is no error, the
  // last value wins (checked against kubectl v1.32), and the API server never sees the first.
  const docs = parseAllDocuments(text, { lineCounter, uniqueKeys: false, prettyErrors: false }) as Document.Parsed[];
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
            // The last of repeated keys is the one that counts.
            const pair = [...node.items].reverse().find((p) => isScalar(p.key) && String(p.key.value) === String(seg));
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
      const previousEnd = index > 0 ? (list[index - 1].range?.[1] ?? 0) : 0;
      const directive = doc.directives?.yaml.explicit ? directiveError(text, previousEnd, doc.range?.[0] ?? 0, lineAt) : undefined;
      if (directive) return { index, value: undefined, line: directive.line, error: directive, lineOf };
      if (firstError) {
        const last = doc.errors[doc.errors.length - 1];
        const error = goYamlError(firstError.code, lineAt(firstError.pos[0]), lineAt(last.pos[1]), firstError.message);
        return { index, value: undefined, line: lineAt(start), error, lineOf };
      }
      const badKey = collectionKey(contents, lineAt);
      if (badKey) return { index, value: undefined, line: lineAt(start), error: badKey, lineOf };
      let value: unknown;
      try {
        value = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
      } catch (err) {
        const message = (err as Error).message;
        // go-yaml v2 resolves aliases while decoding and names the anchor without a line.
        const alias = /Unresolved alias.*: (\S+)$/.exec(message);
        const decoding = (text: string) => ({ message: text, line: lineAt(start), located: false });
        const error = alias
          ? decoding(`unknown anchor '${alias[1]}' referenced`)
          : /Excessive alias count/.test(message)
            ? decoding('document contains excessive aliasing')
            : { message, line: lineAt(start), located: true };
        return { index, value: undefined, line: lineAt(start), error, lineOf };
      }
      return { index, value: value ?? undefined, line: lineAt(start), lineOf };
    })
    .filter((d) => d.value !== undefined || d.error);
}
