import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseAllDocuments } from 'yaml';
import { describe, expect, it } from 'vitest';
import structure from '../../schema/kubernetes.structure.json';
import { decodeError } from './schema';

/** Real upstream manifests (see its INDEX.md), kept outside the repo: KUBESIM_CORPUS or ../shared/corpus. */
const CORPUS = process.env.KUBESIM_CORPUS ?? join(fileURLToPath(import.meta.url), '../../../../../shared/corpus');
const present = existsSync(CORPUS);
if (!present) console.warn(`schema.corpus.test: no corpus at ${CORPUS}; skipping the real-manifest checks`);

const KNOWN_KINDS = new Set(Object.keys(structure.kinds));

/** Every .yaml file below `dir`, except those kept as negative examples under _invalid/. */
function manifestFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === '_invalid' ? [] : manifestFiles(path);
    return entry.name.endsWith('.yaml') ? [path] : [];
  });
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The documents of a file whose kind the schema knows (Rollout, AnalysisTemplate... are not ours). */
function knownDocuments(file: string): Record<string, unknown>[] {
  return parseAllDocuments(readFileSync(file, 'utf8'))
    .map((doc) => doc.toJS() as unknown)
    .filter(isObject)
    .filter((obj) => KNOWN_KINDS.has(`${String(obj.apiVersion)} ${String(obj.kind)}`));
}

describe.skipIf(!present)('real manifests decode without errors', () => {
  const files = present ? manifestFiles(CORPUS) : [];

  it('finds the corpus manifests', () => {
    expect(files.length).toBeGreaterThan(100);
  });

  it.each(files.map((f) => [relative(CORPUS, f), f]))('%s', (_name, file) => {
    for (const obj of knownDocuments(file)) expect(decodeError(obj)).toBeUndefined();
  });
});

describe.skipIf(!present)('real manifests a real apiserver refuses while decoding', () => {
  it.each([
    ['website/_invalid/secret__tls-auth-secret.yaml',
      'Secret in version "v1" cannot be handled as a Secret: illegal base64 data at input byte 7'],
    ['website/_invalid/service__networking__dual-stack-ipv6-svc.yaml',
      'Service in version "v1" cannot be handled as a Service: strict decoding error: unknown field "spec.ipFamily"'],
    ['website/_invalid/service__networking__dual-stack-ipv6-lb-svc.yaml',
      'Service in version "v1" cannot be handled as a Service: strict decoding error: unknown field "spec.ipFamily"'],
  ])('%s', (name, message) => {
    expect(knownDocuments(join(CORPUS, name)).map(decodeError)).toEqual([message]);
  });
});
