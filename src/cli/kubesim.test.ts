/** The CLI as a shell runs it: a real process, its stdout, stderr and exit code. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = new URL('../..', import.meta.url).pathname;
const EXAMPLE = join(ROOT, 'examples/nginx-deployment.yaml');

function kubesim(args: string[], input = '') {
  const result = spawnSync(join(ROOT, 'node_modules/.bin/tsx'), ['src/cli/kubesim.ts', ...args], { cwd: ROOT, input, encoding: 'utf8' });
  return { stdout: result.stdout, stderr: result.stderr, status: result.status };
}

describe('kubesim CLI', { timeout: 30_000 }, () => {
  it('applies a file, advances virtual time and prints kubectl\'s tables', () => {
    const result = kubesim(['--kubectl', `apply -f ${EXAMPLE}`, '--advance', '30s', '--kubectl', 'get deploy']);
    expect(result).toEqual({
      stdout: 'deployment.apps/nginx-deployment created\nNAME               READY   UP-TO-DATE   AVAILABLE   AGE\nnginx-deployment   3/3     3            3           30s\n',
      stderr: '',
      status: 0,
    });
  });

  it('reads stdin for apply -f -, and exits with the last kubectl step\'s code', () => {
    const manifest = 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: team-a\n';
    const result = kubesim(['--nodes', '1', '--kubectl', 'kubectl apply -f -', '--kubectl', 'get pods -n team-a', '--kubectl', 'get pods nope'], manifest);
    expect(result).toEqual({
      stdout: 'namespace/team-a created\n',
      stderr: 'No resources found in team-a namespace.\nError from server (NotFound): pods "nope" not found\n',
      status: 1,
    });
  });

  it('gives the same cluster for the same seed', () => {
    const run = () => kubesim(['--seed', '42', '--kubectl', `apply -f ${EXAMPLE}`, '--advance', '1m', '--kubectl', 'get pods -o wide']).stdout;
    const first = run();
    expect(first).toMatch(/nginx-deployment-[a-z0-9]+-[a-z0-9]{5} {3}1\/1 {5}Running {3}0 {10}60s {3}10\.244\./);
    expect(run()).toBe(first);
  });

  it('deletes what a file names', () => {
    const result = kubesim(['--kubectl', `apply -f ${EXAMPLE}`, '--kubectl', `delete -f ${EXAMPLE}`, '--kubectl', 'get deploy']);
    expect(result).toEqual({
      stdout: 'deployment.apps/nginx-deployment created\ndeployment.apps "nginx-deployment" deleted\n',
      stderr: 'No resources found in default namespace.\n',
      status: 0,
    });
  });

  it('lets kubectl report a file that does not exist', () => {
    expect(kubesim(['--kubectl', 'apply -f /no/such/file.yaml'])).toEqual({ stdout: '', stderr: 'error: the path "/no/such/file.yaml" does not exist\n', status: 1 });
  });

  it('quotes file names it passes on, and reads several files', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kubesim '));
    const file = join(dir, 'ns one.yaml');
    writeFileSync(file, 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: one\n');
    writeFileSync(join(dir, 'two.yaml'), 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: two\n');
    const result = kubesim(['--kubectl', `apply -f '${file}' --filename=${JSON.stringify(join(dir, 'two.yaml'))}`]);
    expect(result.stdout).toBe('namespace/one created\nnamespace/two created\n');
  });

  it('exits 0 with no steps, and 2 with usage for a bad option', () => {
    expect(kubesim([]).status).toBe(0);
    const bad = kubesim(['--frob']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/^kubesim: unknown option "--frob"\n\nUsage: npm run -s kubesim -- /);
    expect(kubesim(['--help']).stdout).toMatch(/^Usage: npm run -s kubesim/);
  });
});
