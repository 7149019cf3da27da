import { describe, expect, it } from 'vitest';
import type { Pod } from '../../api/types';
import { SimCluster } from '../../cluster';

function cluster(yaml: string, ms = 30_000) {
  const c = new SimCluster({ nodes: 1, seed: 3 });
  for (const r of c.apply(yaml)) expect(r.error).toBeUndefined();
  c.advance(ms);
  return c;
}

const pod = (name: string, containers: string) => `apiVersion: v1
kind: Pod
metadata: {name: ${name}}
spec:
  containers:
${containers}`;

const TICKER = pod('ticker', `  - name: app
    image: busybox:1.36
    command: [sh, -c, "echo starting $HOSTNAME; while true; do echo hi; sleep 5; done"]`);

const CRASHER = pod('crasher', `  - name: app
    image: busybox:1.36
    command: [sh, -c, "echo booting; sleep 10; echo 'fatal: config missing'; exit 1"]`);

describe('kubectl logs', () => {
  it('prints what a shell loop echoes, one line every 5 s of virtual time', () => {
    const c = cluster(TICKER);
    const out = c.kubectl('logs ticker');
    expect(out.stderr).toBe('');
    const lines = out.stdout.split('\n').filter(Boolean);
    expect(lines[0]).toBe('starting ticker');
    expect(lines.slice(1).every((l) => l === 'hi')).toBe(true);
    const before = lines.length;
    c.advance(20_000);
    expect(c.kubectl('logs ticker').stdout.split('\n').filter(Boolean).length).toBe(before + 4);
  });

  it('honours --tail, --timestamps and --since', () => {
    const c = cluster(TICKER);
    expect(c.kubectl('logs ticker --tail=2').stdout).toBe('hi\nhi\n');
    expect(c.kubectl('logs ticker --tail=0').stdout).toBe('');
    const stamped = c.kubectl('logs ticker --timestamps --tail=1').stdout;
    expect(stamped).toMatch(/^2026-01-01T09:00:\d\d\.\d{9}Z hi\n$/);
    expect(c.kubectl('logs ticker --since=6s').stdout).toBe('hi\n');
  });

  it('shows the crash line, and the crashed run with --previous once restarted or backing off', () => {
    const c = cluster(CRASHER, 0);
    const restarts = () => (c.get('Pod', 'crasher', 'default') as Pod | undefined)?.status?.containerStatuses?.[0]?.restartCount ?? 0;
    while (restarts() === 0) c.advance(500);
    // Restarted at once: the new run has only booted; the crashed one is the previous instance.
    expect(c.kubectl('logs crasher').stdout).toBe('booting\n');
    expect(c.kubectl('logs -p crasher').stdout).toBe('booting\nfatal: config missing\n');
    c.advance(11_000);
    // Crashed again and in CrashLoopBackOff: both read the run that just ended (the last state).
    expect(c.kubectl('get pod crasher').stdout).toContain('CrashLoopBackOff');
    expect(c.kubectl('logs crasher').stdout).toBe('booting\nfatal: config missing\n');
    expect(c.kubectl('logs crasher --previous').stdout).toBe('booting\nfatal: config missing\n');
  });

  it('fails --previous for a container that never terminated', () => {
    const c = cluster(TICKER);
    expect(c.kubectl('logs ticker -p')).toEqual({
      stdout: '',
      stderr: 'Error from server (BadRequest): previous terminated container "app" in pod "ticker" not found\n',
      exitCode: 1,
    });
  });

  it('explains a container that is still waiting', () => {
    const c = cluster('', 30_000);
    c.apply(pod('slow', '  - {name: web, image: nginx:1.27}'));
    c.advance(1_500);
    expect(c.kubectl('logs slow').stderr).toBe('Error from server (BadRequest): container "web" in pod "slow" is waiting to start: ContainerCreating\n');
    const bad = cluster(pod('bad', '  - {name: web, image: nginx:9.99}'), 3_000);
    expect(bad.kubectl('logs bad').stderr).toBe('Error from server (BadRequest): container "web" in pod "bad" is waiting to start: image can\'t be pulled\n');
    bad.advance(2_000);
    expect(bad.kubectl('logs bad').stderr).toBe('Error from server (BadRequest): container "web" in pod "bad" is waiting to start: trying and failing to pull image\n');
  });

  it('defaults to the first container of several and says so on stderr', () => {
    const c = cluster(pod('two', `  - {name: a, image: busybox:1.36, command: [sh, -c, "echo from a; sleep 3600"]}
  - {name: b, image: busybox:1.36, command: [sh, -c, "echo from b; sleep 3600"]}`));
    expect(c.kubectl('logs two')).toEqual({ stdout: 'from a\n', stderr: 'Defaulted container "a" out of: a, b\n', exitCode: 0 });
    expect(c.kubectl('logs two -c b')).toEqual({ stdout: 'from b\n', stderr: '', exitCode: 0 });
    expect(c.kubectl('logs two b').stdout).toBe('from b\n');
    expect(c.kubectl('logs two --all-containers').stdout).toBe('from a\nfrom b\n');
    expect(c.kubectl('logs two --all-containers --prefix').stdout).toBe('[pod/two/a] from a\n[pod/two/b] from b\n');
    expect(c.kubectl('logs two -c c').stderr).toBe('Error from server (BadRequest): container c is not valid for pod two\n');
  });

  it("prints nginx's start-up lines and an access line per request the traffic sends", () => {
    const c = new SimCluster({ nodes: 1, seed: 3 });
    c.kubectl('create deployment web --image=nginx:1.27.3');
    c.kubectl('expose deployment web --port=80');
    c.advance(30_000);
    const start = c.kubectl('logs deploy/web').stdout.split('\n');
    expect(start[0]).toBe('/docker-entrypoint.sh: /docker-entrypoint.d/ is not empty, will attempt to perform configuration');
    expect(start).toContain('/docker-entrypoint.sh: Configuration complete; ready for start up');
    expect(start.some((l) => /^2026\/01\/01 09:00:\d\d \[notice\] 1#1: nginx\/1\.27\.3$/.test(l))).toBe(true);
    c.startTraffic('web', 2, 3_000);
    c.advance(5_000);
    const access = c.kubectl('logs deploy/web --tail=6').stdout.trimEnd().split('\n');
    expect(access).toHaveLength(6);
    for (const line of access) expect(line).toMatch(/^203\.0\.113\.\d+ - - \[01\/Jan\/2026:09:00:3\d \+0000\] "GET \/ HTTP\/1\.1" 200 615 "-" "curl\/8\.5\.0" "-"$/);
  });

  it('says which pod it picked when a workload has several', () => {
    const c = new SimCluster({ nodes: 1, seed: 3 });
    c.kubectl('create deployment web --image=busybox:1.36 --replicas=2 -- sh -c "echo up; sleep 3600"');
    c.advance(30_000);
    const out = c.kubectl('logs deployment/web');
    expect(out.stdout).toBe('up\n');
    expect(out.stderr).toMatch(/^Found 2 pods, using pod\/web-\w+-\w{5}\n$/);
    expect(c.kubectl('logs -l app=web --prefix').stdout).toMatch(/^\[pod\/web-\w+-\w{5}\/busybox\] up\n\[pod\/web-\w+-\w{5}\/busybox\] up\n$/);
  });

  it.each([
    ['logs', "error: expected 'logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER]'.\nPOD or TYPE/NAME is a required argument for the logs command\nSee 'kubectl logs -h' for help and examples\n"],
    ['logs ticker -l app=x', "error: only a selector (-l) or a POD name is allowed\nSee 'kubectl logs -h' for help and examples\n"],
    ['logs nope', 'Error from server (NotFound): pods "nope" not found\n'],
    ['logs ticker app -c app', 'error: only one of -c or an inline [CONTAINER] arg is allowed\n'],
  ])('%s fails as kubectl does', (line, stderr) => {
    const c = cluster(TICKER, 5_000);
    expect(c.kubectl(line)).toEqual({ stdout: '', stderr, exitCode: 1 });
  });

  it('-f streams new lines as virtual time passes, until stopped', () => {
    const c = cluster(TICKER, 6_000);
    let streamed = '';
    const session = c.kubectlStream('logs -f ticker', (text) => (streamed += text));
    expect(session.streaming).toBe(true);
    expect(session.result.stdout).toMatch(/^starting ticker\n(hi\n)+$/);
    c.advance(30_000);
    expect(streamed).toMatch(/^(hi\n){5,6}$/);
    session.stop();
    const after = streamed;
    c.advance(30_000);
    expect(streamed).toBe(after);
  });

  it('keeps logs across a save and load of the cluster', () => {
    const c = cluster(TICKER);
    const copy = new SimCluster({ nodes: 1, seed: 3 });
    copy.restore(c.snapshot());
    expect(copy.kubectl('logs ticker').stdout).toBe(c.kubectl('logs ticker').stdout);
  });

  it('refuses a kind it cannot find pods of, in kubectl\'s words', () => {
    const c = new SimCluster({ nodes: 1, seed: 3 });
    c.apply('apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\ndata:\n  a: b\n');
    expect(c.kubectl('logs configmap/settings').stderr).toBe('error: cannot attach to *v1.ConfigMap: selector for *v1.ConfigMap not implemented\n');
  });
});
