/**
 * Real manifests from public projects (../shared/corpus, see its INDEX.md) applied to a fresh
 * cluster: every file outside `_invalid/` is accepted as a v1.32 cluster accepts it, and every
 * file under `_invalid/` is refused. The corpus is third-party text kept outside the repo; the
 * test reads it in place (KUBESIM_CORPUS or ../shared/corpus) and skips with a notice without it.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createCluster } from './index';

const CORPUS = process.env.KUBESIM_CORPUS ?? join(fileURLToPath(import.meta.url), '../../../../shared/corpus');
const present = existsSync(CORPUS);
if (!present) console.warn(`corpus.test: no corpus at ${CORPUS}; skipping the real-manifest apply checks`);

function yamlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return yamlFiles(path);
    return entry.name.endsWith('.yaml') ? [path] : [];
  });
}

/** The namespaces INDEX.md says a file needs ("needs namespace monitoring"), by file. */
function neededNamespaces(): Map<string, string[]> {
  const needs = new Map<string, string[]>();
  for (const line of readFileSync(join(CORPUS, 'INDEX.md'), 'utf8').split('\n')) {
    const file = /^\| ([^|]+\.yaml) \|/.exec(line)?.[1];
    if (!file) continue;
    const names = [...line.matchAll(/needs namespace ([a-z0-9-]+)/g)].map((m) => m[1]);
    if (names.length) needs.set(file.trim(), names);
  }
  return needs;
}

/** Applies one file to a new cluster; returns the error lines of the documents it refused. */
function applyFile(file: string, namespaces: string[]): string[] {
  const cluster = createCluster({ nodes: 2 });
  const setup = namespaces.map((ns) => `---\napiVersion: v1\nkind: Namespace\nmetadata:\n  name: ${ns}\n`).join('');
  if (setup) expect(cluster.apply(setup).filter((r) => r.error)).toEqual([]);
  // kubesim's default class is kind's `standard`, whose provisioner is immutable: a file defining
  // its own `standard` applies to a cluster without one (kubeadm's), as a real kind cluster refuses it.
  const text = readFileSync(file, 'utf8');
  if (/kind:\s*"?StorageClass"?[\s\S]*name:\s*"?standard"?/.test(text)) expect(cluster.kubectl('delete storageclass standard').exitCode).toBe(0);
  return cluster
    .apply(text)
    .filter((r) => r.error)
    .map((r) => r.message);
}

describe.skipIf(!present)('the real-world corpus', () => {
  const files = present ? yamlFiles(CORPUS) : [];
  const accepted = files.filter((f) => !f.includes('/_invalid/'));
  const refused = files.filter((f) => f.includes('/_invalid/'));
  const needs = present ? neededNamespaces() : new Map<string, string[]>();

  it('holds the files INDEX.md lists', () => {
    expect(accepted.length).toBeGreaterThan(250);
    expect(refused.length).toBe(5);
  });

  it.each(accepted.map((f) => [relative(CORPUS, f), f]))('accepts %s', (name, file) => {
    expect(applyFile(file, needs.get(name) ?? [])).toEqual([]);
  });

  it.each(refused.map((f) => [relative(CORPUS, f), f]))('refuses %s', (_name, file) => {
    expect(applyFile(file, []).length).toBeGreaterThan(0);
  });
});
