/**
 * The hostile-input corpus (test/bad-input/): every case is refused with kubectl's and the
 * apiserver's words, pointing at the right line, and leaves the cluster exactly as it was.
 * expected.json holds each case's first error and its line; a case applied on top of a first
 * version splits at a `# then:` line.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createCluster } from '../index';

const DIR = join(fileURLToPath(import.meta.url), '../../../../test/bad-input');
const EXPECTED = JSON.parse(readFileSync(join(DIR, 'expected.json'), 'utf8')) as Record<string, { message: string; line: number }>;
const CASES = readdirSync(DIR).filter((f) => f.endsWith('.yaml')).sort();

/** Bytes as a browser's FileReader.readAsText gives them: invalid UTF-8 becomes U+FFFD. */
function readAsText(file: string): string {
  return new TextDecoder().decode(readFileSync(join(DIR, file)));
}

/** Everything a rejected document must leave untouched: objects, audit, events, components, even the random source. */
function state(cluster: ReturnType<typeof createCluster>): string {
  return JSON.stringify(cluster.snapshot());
}

describe('the hostile-input corpus', () => {
  it('has at least 120 cases, each with its expected error', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(120);
    expect(CASES.filter((c) => !EXPECTED[c])).toEqual([]);
  });

  it.each(CASES)('%s', (file) => {
    const text = readAsText(file);
    const [setup, body] = text.includes('\n# then:\n') ? text.split('\n# then:\n') : ['', text];
    const cluster = createCluster({ nodes: 1 });
    if (setup) expect(cluster.apply(setup).filter((r) => r.error).map((r) => r.message)).toEqual([]);
    const before = state(cluster);
    const [first, ...rest] = cluster.apply(body).filter((r) => r.error);
    expect(first?.message).toBe(EXPECTED[file]?.message);
    expect(first?.error?.line).toBe(EXPECTED[file]?.line);
    expect(rest).toEqual([]);
    expect(state(cluster)).toBe(before);
  });
});

const configMap = (name: string, data: string) => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${name}\ndata:\n  payload: ${data}\n`;

/** The huge and deep inputs, built here rather than stored. */
describe('the hostile-input corpus: generated cases', () => {
  function rejects(text: string, message: string, line?: number): void {
    const cluster = createCluster({ nodes: 1 });
    const before = state(cluster);
    const results = cluster.apply(text);
    expect(results.map((r) => r.message)).toEqual([message]);
    if (line !== undefined) expect(results[0].error?.line).toBe(line);
    expect(state(cluster)).toBe(before);
  }

  it('a 10 MB document never reaches decoding: the request body is over the apiserver limit', () => {
    rejects(configMap('big', 'x'.repeat(10 * 1024 * 1024)), 'Error from server (RequestEntityTooLarge): error when creating "STDIN": Request entity too large: limit is 3145728');
  });

  it('a 300 kB document overflows the last-applied annotation of client-side apply', () => {
    rejects(configMap('big', 'x'.repeat(300 * 1024)), 'The ConfigMap "big" is invalid: metadata.annotations: Too long: may not be more than 262144 bytes', 3);
  });

  it('10,000 documents in one apply are all created', () => {
    const cluster = createCluster({ nodes: 1 });
    const text = Array.from({ length: 10_000 }, (_, i) => configMap(`cm-${i}`, `"${i}"`)).join('---\n');
    const results = cluster.apply(text);
    expect(results.filter((r) => r.error)).toEqual([]);
    expect(results).toHaveLength(10_000);
    expect(cluster.list('ConfigMap', 'default').filter((c) => c.metadata.name?.startsWith('cm-'))).toHaveLength(10_000);
  }, 120_000);

  it('flow collections nested past go-yaml’s 10,000 levels', () => {
    rejects(configMap('deep', '['.repeat(10_001) + ']'.repeat(10_001)), 'error: error parsing STDIN: error converting YAML to JSON: yaml: line 6: exceeded max depth of 10000', 6);
  });

  it('block mappings nested deeper than the parser can follow', () => {
    let text = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: deep\n  annotations:\n';
    for (let i = 0; i < 3000; i++) text += `${' '.repeat(2 * i + 4)}k${i}:\n`;
    const [result] = createCluster({ nodes: 1 }).apply(text);
    expect(result.message).toMatch(/^error: error parsing STDIN: error converting YAML to JSON: yaml: line \d+: the document nests deeper than kubesim's YAML parser can follow$/);
  });
});
