import { describe, expect, it } from 'vitest';
import { createCluster } from '../../index';

function watching(line: string) {
  const cluster = createCluster({ nodes: 2, kubectlWaits: false });
  cluster.kubectl('create deployment web --image=nginx --replicas=1');
  cluster.advance(20_000);
  let streamed = '';
  const session = cluster.kubectlStream!(line, (text) => (streamed += text));
  return { cluster, session, streamed: () => streamed };
}

describe('kubectl get --watch', () => {
  it('prints the table, then one row per change, each aligned on its own as kubectl flushes them', () => {
    const { cluster, session, streamed } = watching('get pods -w');
    expect(session.streaming).toBe(true);
    expect(session.result.stdout).toMatch(/^NAME {19}READY {3}STATUS {4}RESTARTS {3}AGE\nweb-\w+-\w{5} {3}1\/1 {5}Running {3}0 {10}20s\n$/);
    cluster.kubectl('scale deploy web --replicas=2');
    cluster.advance(10_000);
    const rows = streamed().trimEnd().split('\n');
    expect(rows[0]).toMatch(/^web-\w+-\w{5} {3}0\/1 {3}Pending {3}0 {5}0s$/);
    expect(rows.at(-1)).toMatch(/^web-\w+-\w{5} {3}1\/1 {3}Running {3}0 {5}\d+s$/);
    expect(rows.some((r) => r.includes('ContainerCreating'))).toBe(true);
  });

  it('stops printing after stop(), as after Ctrl+C', () => {
    const { cluster, session, streamed } = watching('get deploy web -w');
    session.stop();
    cluster.kubectl('scale deploy web --replicas=3');
    cluster.advance(10_000);
    expect(streamed()).toBe('');
  });

  it('only streams rows of the watched name and namespace', () => {
    const { cluster, streamed } = watching('get deploy web -w');
    cluster.kubectl('create deployment other --image=nginx');
    cluster.kubectl('scale deploy web --replicas=2');
    cluster.advance(5_000);
    expect(streamed()).not.toContain('other');
    expect(streamed()).toMatch(/^web {3}1\/2 {3}1 {5}1 {5}\d+s$/m);
  });

  it('refuses several resource types, as kubectl does, and does not stream on errors', () => {
    const { session } = watching('get pods,svc -w');
    expect(session).toMatchObject({ streaming: false, result: { stderr: 'error: watch is only supported on individual resources and resource collections, but found 2 resources\n', exitCode: 1 } });
  });

  it('stays a one-shot error where nothing can stream (the CLI)', () => {
    const cluster = createCluster({ nodes: 1 });
    expect(cluster.kubectl('get pods -w').stderr).toBe('error: kubesim does not support --watch yet; run the command again to see changes\n');
  });
});
