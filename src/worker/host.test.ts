import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { ApplyResult, Cluster, ClusterOptions, KubectlResult } from '../sim/contract';
import type { KubeObject } from '../sim/api/object';
import type { WatchEvent } from '../sim/api/store';
import { PROTOCOL_VERSION, type ClientMessage, type ServerMessage, type Transport, type WireObject, type WireRestore } from '../protocol/messages';
import { createCluster } from '../sim/index';
import { createHost, MAX_WALL_STEP_MS, TICK_INTERVAL_MS, wireKey, type Ticker } from './host';

const EPOCH = Date.UTC(2026, 0, 1, 9);

/** Records what the host sends and lets a test play the UI. */
class FakeTransport implements Transport<ServerMessage, ClientMessage> {
  sent: ServerMessage[] = [];
  private handler: ((message: ClientMessage) => void) | undefined;

  send(message: ServerMessage): void {
    this.sent.push(message);
  }

  onMessage(handler: (message: ClientMessage) => void): void {
    this.handler = handler;
  }

  receive(message: ClientMessage): void {
    this.handler?.(message);
  }

  take(): ServerMessage[] {
    const out = this.sent;
    this.sent = [];
    return out;
  }
}

class ManualTicker implements Ticker {
  wall = 1000;
  running = false;
  interval = 0;

  now(): number {
    return this.wall;
  }

  every(intervalMs: number): () => void {
    this.running = true;
    this.interval = intervalMs;
    return () => {
      this.running = false;
    };
  }
}

function pod(name: string, phase = 'Pending'): KubeObject {
  return { apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: 'default' }, status: { phase } };
}

/** Just enough of a cluster to watch the host batch: a store with watch fan-out and a clock. */
class FakeCluster implements Cluster {
  readonly options: ClusterOptions;
  readonly commands: string[] = [];
  readonly advanced: number[] = [];
  private time = 0;
  private readonly store = new Map<string, KubeObject>();
  private listeners: ((event: WatchEvent) => void)[] = [];

  constructor(options: ClusterOptions) {
    this.options = options;
    this.put({ apiVersion: 'v1', kind: 'Node', metadata: { name: 'node-1' } });
  }

  trafficJobs(): [] {
    return [];
  }

  requestsSince(): [] {
    return [];
  }

  put(obj: KubeObject): void {
    const key = wireKey(obj);
    const old = this.store.get(key);
    this.store.set(key, obj);
    this.emit({ type: old ? 'MODIFIED' : 'ADDED', object: obj, old });
  }

  remove(key: string): void {
    const old = this.store.get(key);
    if (!old) return;
    this.store.delete(key);
    this.emit({ type: 'DELETED', object: old });
  }

  private emit(event: WatchEvent): void {
    for (const listener of this.listeners) listener(event);
  }

  kubectl(commandLine: string): KubectlResult {
    this.commands.push(commandLine);
    const [verb, kind, name, , namespace] = commandLine.split(' ');
    if (verb === 'delete' && kind === 'pod') {
      this.remove(`Pod/${namespace}/${name}`);
      return { stdout: `pod "${name}" deleted\n`, stderr: '', exitCode: 0 };
    }
    return { stdout: '', stderr: 'unsupported', exitCode: 1 };
  }

  apply(yamlText: string): ApplyResult[] {
    if (yamlText === 'boom') throw new Error('parser exploded');
    this.put(pod(yamlText));
    return [{ index: 0, kind: 'Pod', name: yamlText, action: 'created', message: `pod/${yamlText} created` }];
  }

  advance(ms: number): void {
    this.advanced.push(ms);
    this.time += ms;
  }

  now(): number {
    return this.time;
  }

  get(kind: string, name: string, namespace?: string): KubeObject | undefined {
    return this.store.get(`${kind}/${namespace ?? ''}/${name}`);
  }

  list(kind: string): KubeObject[] {
    return [...this.store.values()].filter((o) => o.kind === kind);
  }

  events() {
    return [];
  }

  audit() {
    return [];
  }

  snapshot() {
    return { version: 1 as const };
  }

  restore(): void {}

  watch(listener: (event: WatchEvent) => void): () => void {
    this.listeners.push(listener);
    return () => {
      this.listeners = this.listeners.filter((l) => l !== listener);
    };
  }

  objects(): KubeObject[] {
    return [...this.store.values()];
  }
}

function setup() {
  const transport = new FakeTransport();
  const ticker = new ManualTicker();
  const clusters: FakeCluster[] = [];
  const host = createHost({
    transport,
    ticker,
    epochMs: EPOCH,
    createCluster: (options) => {
      const cluster = new FakeCluster(options);
      clusters.push(cluster);
      return cluster;
    },
  });
  transport.receive({ type: 'connect', version: PROTOCOL_VERSION });
  const cluster = clusters[0];
  return { transport, ticker, host, cluster, clusters };
}

describe('worker host', () => {
  it('answers connect with a full snapshot and starts a 60 Hz clock', () => {
    const { transport, ticker, cluster } = setup();
    const [snapshot] = transport.take();
    expect(snapshot).toMatchObject({ type: 'snapshot', version: PROTOCOL_VERSION, epoch: EPOCH, time: 0, paused: false, speed: 1 });
    expect(snapshot.type === 'snapshot' && snapshot.objects.map((o) => o.metadata.name)).toEqual(['node-1']);
    expect(cluster.options).toEqual({ nodes: 3, seed: 1 });
    expect(ticker.running).toBe(true);
    expect(ticker.interval).toBeCloseTo(TICK_INTERVAL_MS);
  });

  it('creates the cluster from the seed and node count the UI asks for, once', () => {
    const transport = new FakeTransport();
    const made: ClusterOptions[] = [];
    createHost({
      transport,
      epochMs: EPOCH,
      ticker: new ManualTicker(),
      createCluster: (options) => {
        made.push(options);
        return new FakeCluster(options);
      },
    });
    transport.receive({ type: 'connect', version: PROTOCOL_VERSION, seed: 42, nodes: 5 });
    transport.receive({ type: 'connect', version: PROTOCOL_VERSION, seed: 7 });
    expect(made).toEqual([{ nodes: 5, seed: 42 }]);
    expect(transport.take().map((m) => m.type)).toEqual(['snapshot', 'snapshot']);
  });

  it('sends one patch per tick holding only the latest version of each changed object', () => {
    const { transport, host, cluster } = setup();
    transport.take();
    cluster.put(pod('a'));
    cluster.put(pod('b'));
    cluster.put(pod('a', 'Running'));
    host.tick();
    const messages = transport.take();
    expect(messages).toHaveLength(1);
    const [patch] = messages;
    expect(patch.type).toBe('patch');
    if (patch.type !== 'patch') return;
    expect(patch.upserted.map((o) => [o.metadata.name, (o.status as { phase: string }).phase])).toEqual([
      ['a', 'Running'],
      ['b', 'Pending'],
    ]);
    expect(patch.deleted).toEqual([]);
  });

  it('sends nothing on a tick where nothing changed within the same virtual second', () => {
    const { transport, host, ticker } = setup();
    transport.take();
    ticker.wall += 16;
    host.tick();
    ticker.wall += 16;
    host.tick();
    expect(transport.take()).toEqual([]);
  });

  it('reports deletions as Kind/namespace/name keys', () => {
    const { transport, host, cluster } = setup();
    cluster.put(pod('a'));
    host.tick();
    transport.take();
    cluster.remove('Pod/default/a');
    cluster.remove('Node//node-1');
    host.tick();
    expect(transport.take()).toEqual([{ type: 'patch', time: 0, upserted: [], deleted: ['Pod/default/a', 'Node//node-1'] }]);
  });

  it('sends an object deleted and re-created within one tick as an upsert', () => {
    const { transport, host, cluster } = setup();
    cluster.put(pod('a'));
    host.tick();
    transport.take();
    cluster.remove('Pod/default/a');
    cluster.put(pod('a', 'Pending'));
    host.tick();
    const [patch] = transport.take();
    expect(patch.type === 'patch' && [patch.upserted.length, patch.deleted.length]).toEqual([1, 0]);
  });

  it('deletes through kubectl and answers with its result', () => {
    const { transport, host, cluster } = setup();
    cluster.put(pod('web-1'));
    host.tick();
    transport.take();
    transport.receive({ type: 'delete', id: 9, kind: 'Pod', namespace: 'default', name: 'web-1' });
    expect(cluster.commands).toEqual(['delete pod web-1 -n default']);
    expect(transport.take()).toEqual([
      { type: 'deleteResult', id: 9, time: 0, result: { stdout: 'pod "web-1" deleted\n', stderr: '', exitCode: 0 } },
    ]);
    host.tick();
    expect(transport.take()).toEqual([{ type: 'patch', time: 0, upserted: [], deleted: ['Pod/default/web-1'] }]);
  });

  it('answers apply with one result per document and streams the objects on the next tick', () => {
    const { transport, host } = setup();
    transport.take();
    transport.receive({ type: 'apply', id: 3, yaml: 'nginx' });
    expect(transport.take()).toEqual([
      {
        type: 'applyResult',
        id: 3,
        time: 0,
        results: [{ index: 0, kind: 'Pod', name: 'nginx', action: 'created', message: 'pod/nginx created' }],
      },
    ]);
    host.tick();
    const [patch] = transport.take();
    expect(patch.type === 'patch' && patch.upserted.map(wireKey)).toEqual(['Pod/default/nginx']);
  });

  it('turns an apply that throws into an error result instead of leaving the UI waiting', () => {
    const { transport } = setup();
    transport.take();
    transport.receive({ type: 'apply', id: 4, yaml: 'boom' });
    expect(transport.take()).toEqual([
      { type: 'applyResult', id: 4, time: 0, results: [{ index: 0, message: 'parser exploded', error: { message: 'parser exploded' } }] },
    ]);
  });

  it('advances virtual time by wall time times speed, in whole milliseconds', () => {
    const { transport, host, ticker, cluster } = setup();
    transport.take();
    ticker.wall += 16.5;
    host.tick();
    ticker.wall += 16.5;
    host.tick();
    expect(cluster.advanced).toEqual([16, 17]);
    transport.receive({ type: 'setSpeed', speed: 30 });
    ticker.wall += 100;
    host.tick();
    expect(cluster.now()).toBe(33 + 3000);
  });

  it('stops virtual time while paused and resumes without a jump on play', () => {
    const { transport, host, ticker, cluster } = setup();
    transport.take();
    transport.receive({ type: 'pause' });
    expect(transport.take()).toEqual([{ type: 'clock', time: 0, paused: true, speed: 1 }]);
    for (let i = 0; i < 10; i++) {
      ticker.wall += 100;
      host.tick();
    }
    expect(cluster.now()).toBe(0);
    transport.receive({ type: 'play' });
    ticker.wall += 20;
    host.tick();
    expect(cluster.now()).toBe(20);
  });

  it('caps one step so a throttled tab does not fast-forward', () => {
    const { host, ticker, cluster } = setup();
    ticker.wall += 60_000;
    host.tick();
    expect(cluster.now()).toBe(MAX_WALL_STEP_MS);
  });

  it('sends a clock message when a new virtual second starts and no object changed', () => {
    const { transport, host, ticker } = setup();
    transport.take();
    transport.receive({ type: 'setSpeed', speed: 10 });
    transport.take();
    ticker.wall += 50;
    host.tick();
    expect(transport.take()).toEqual([]);
    ticker.wall += 60;
    host.tick();
    expect(transport.take()).toEqual([{ type: 'clock', time: 1100, paused: false, speed: 10 }]);
  });

  it('ignores speeds outside the offered choices', () => {
    const { transport } = setup();
    transport.take();
    transport.receive({ type: 'setSpeed', speed: 1000 as 30 });
    expect(transport.take()).toEqual([{ type: 'clock', time: 0, paused: false, speed: 1 }]);
  });

  it('refuses a UI that speaks another protocol version', () => {
    const transport = new FakeTransport();
    createHost({ transport, epochMs: EPOCH, ticker: new ManualTicker(), createCluster: (o) => new FakeCluster(o) });
    transport.receive({ type: 'connect', version: PROTOCOL_VERSION + 1 });
    expect(transport.take()).toEqual([
      { type: 'fatal', message: `protocol version ${PROTOCOL_VERSION + 1} is not ${PROTOCOL_VERSION}` },
    ]);
  });

  it('stops the clock after dispose', () => {
    const { host, ticker } = setup();
    host.dispose();
    expect(ticker.running).toBe(false);
  });
});

const SAMPLE = readFileSync(new URL('../../examples/nginx-deployment.yaml', import.meta.url), 'utf8');

describe('worker host with the real cluster', () => {
  /** The UI's view, rebuilt only from what the host sent. */
  function mirror(messages: ServerMessage[], into = new Map<string, WireObject>()) {
    for (const message of messages) {
      if (message.type === 'snapshot') {
        into.clear();
        for (const obj of message.objects) into.set(wireKey(obj), obj);
      }
      if (message.type === 'patch') {
        for (const obj of message.upserted) into.set(wireKey(obj), obj);
        for (const key of message.deleted) into.delete(key);
      }
    }
    return into;
  }

  function run(host: { tick(): void }, ticker: ManualTicker, wallMs: number) {
    for (let t = 0; t < wallMs; t += 100) {
      ticker.wall += 100;
      host.tick();
    }
  }

  function podsOf(view: Map<string, WireObject>) {
    return [...view.values()].filter((o) => o.kind === 'Pod' && o.metadata.namespace === 'default');
  }

  it('streams the sample Deployment to Running, and a deleted pod through Terminating to gone', () => {
    const transport = new FakeTransport();
    const ticker = new ManualTicker();
    let cluster: Cluster | undefined;
    const host = createHost({
      transport,
      ticker,
      epochMs: EPOCH,
      createCluster: (options) => (cluster = createCluster(options)),
    });
    transport.receive({ type: 'connect', version: PROTOCOL_VERSION });
    transport.receive({ type: 'setSpeed', speed: 30 });
    const view = mirror(transport.take());
    expect([...view.keys()].filter((k) => k.startsWith('Node/'))).toEqual(
      expect.arrayContaining(['Node//control-plane', 'Node//node-1', 'Node//node-2', 'Node//node-3']),
    );

    transport.receive({ type: 'apply', id: 1, yaml: SAMPLE });
    const [result] = transport.take();
    expect(result).toMatchObject({ type: 'applyResult', id: 1, results: [{ message: 'deployment.apps/nginx-deployment created' }] });

    run(host, ticker, 3000);
    const sent = transport.take();
    for (const message of sent) {
      if (message.type !== 'patch') continue;
      const keys = [...message.upserted.map(wireKey), ...message.deleted];
      expect(new Set(keys).size).toBe(keys.length);
    }
    mirror(sent, view);
    const pods = podsOf(view);
    expect(pods).toHaveLength(3);
    expect(pods.map((p) => (p.status as { phase?: string }).phase)).toEqual(['Running', 'Running', 'Running']);
    // The mirror holds exactly what the cluster holds.
    expect(new Map([...view].map(([k, o]) => [k, o.metadata.resourceVersion]))).toEqual(
      new Map(cluster!.objects().map((o) => [wireKey(o), o.metadata.resourceVersion])),
    );

    const victim = pods[0].metadata.name!;
    transport.receive({ type: 'delete', id: 2, kind: 'Pod', namespace: 'default', name: victim });
    expect(transport.take()).toEqual([{ type: 'deleteResult', id: 2, time: cluster!.now(), result: { stdout: `pod "${victim}" deleted\n`, stderr: '', exitCode: 0 } }]);
    host.tick();
    mirror(transport.take(), view);
    expect(view.get(`Pod/default/${victim}`)?.metadata.deletionTimestamp).toBeDefined();

    run(host, ticker, 3000);
    const later = transport.take();
    expect(later.some((m) => m.type === 'patch' && m.deleted.includes(`Pod/default/${victim}`))).toBe(true);
    mirror(later, view);
    expect(podsOf(view).map((p) => p.metadata.name)).not.toContain(victim);
    expect(podsOf(view)).toHaveLength(3);
  });

  it('streams requests and stream counts with the patches while traffic runs, and nothing once it stops', () => {
    const transport = new FakeTransport();
    const ticker = new ManualTicker();
    const host = createHost({ transport, ticker, epochMs: EPOCH, createCluster: (options) => createCluster({ ...options, kubectlWaits: false }) });
    transport.receive({ type: 'connect', version: PROTOCOL_VERSION });
    transport.receive({ type: 'setSpeed', speed: 10 });
    transport.receive({ type: 'apply', id: 1, yaml: `${SAMPLE}---\napiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  selector:\n    app: nginx\n  ports:\n  - port: 80\n` });
    run(host, ticker, 3000);
    transport.take();

    transport.receive({ type: 'kubectl', id: 2, command: 'kubectl sim traffic svc/web --rps 10 --duration 5s' });
    const [answer] = transport.take();
    expect(answer).toMatchObject({ type: 'kubectlResult', result: { stdout: 'sending 10 requests/s to http://web.default.svc.cluster.local for 5s (traffic 1)\n' } });
    run(host, ticker, 1000);
    const patches = transport.take().flatMap((m) => (m.type === 'patch' && m.traffic ? [m.traffic] : []));
    const requests = patches.flatMap((t) => t.requests);
    const last = patches[patches.length - 1].jobs[0];
    // Each request arrives once, and the counts sent last cover every request drawn.
    expect(new Set(requests.map((r) => `${r.job}@${r.time}`)).size).toBe(requests.length);
    expect(requests.length).toBe(last.sent);
    expect(last).toMatchObject({ id: 1, target: 'http://web.default.svc.cluster.local', rps: 10, failed: 0 });
    expect(requests.every((r) => r.ok && r.service === 'default/web' && r.pod?.startsWith('default/nginx-deployment-') && r.version === 'nginx:1.14.2')).toBe(true);

    run(host, ticker, 1000);
    transport.take();
    run(host, ticker, 500);
    expect(transport.take().some((m) => m.type === 'patch' && m.traffic)).toBe(false);
  });
});

describe('worker host: the inspector questions', () => {
  function realHost() {
    const transport = new FakeTransport();
    const ticker = new ManualTicker();
    const host = createHost({ transport, ticker, epochMs: EPOCH, createCluster: (options) => createCluster({ ...options, kubectlWaits: false }) });
    transport.receive({ type: 'connect', version: PROTOCOL_VERSION });
    transport.receive({ type: 'setSpeed', speed: 10 });
    transport.take();
    const apply = (yaml: string) => {
      transport.receive({ type: 'apply', id: 1, yaml });
      const [answer] = transport.take();
      expect(answer.type === 'applyResult' && answer.results.filter((r) => r.error)).toEqual([]);
    };
    /** Runs `seconds` of virtual time: 100 wall ms at 10x each. */
    const run = (seconds: number) => {
      for (let t = 0; t < seconds; t++) {
        ticker.wall += 100;
        host.tick();
      }
      transport.take();
    };
    const ask = <T extends ServerMessage['type']>(message: ClientMessage, type: T) => {
      transport.receive(message);
      const answer = transport.take().find((m) => m.type === type);
      return answer as Extract<ServerMessage, { type: T }>;
    };
    return { apply, run, ask };
  }

  it("answers a pod's volume files and each container's environment, and not-found for a gone pod", () => {
    const { apply, run, ask } = realHost();
    apply(`apiVersion: v1
kind: ConfigMap
metadata: {name: site}
data: {index.html: hello}
---
apiVersion: v1
kind: Pod
metadata: {name: web}
spec:
  containers:
  - name: nginx
    image: nginx:1.27
    env: [{name: GREETING, value: hi}]
    volumeMounts: [{name: site, mountPath: /usr/share/nginx/html}]
  volumes:
  - name: site
    configMap: {name: site}
`);
    run(20);
    const { view } = ask({ type: 'podView', id: 5, namespace: 'default', name: 'web' }, 'podViewResult');
    expect(view.found).toBe(true);
    expect(view.files).toEqual([{ path: '/usr/share/nginx/html/index.html', volume: 'site', content: 'hello' }]);
    expect(view.containers.map((c) => [c.container, c.init])).toEqual([['nginx', false]]);
    expect(view.containers[0].env).toContainEqual(['GREETING', 'hi']);
    expect(view.containers[0].env).toContainEqual(['HOSTNAME', 'web']);
    expect(ask({ type: 'podView', id: 6, namespace: 'default', name: 'nope' }, 'podViewResult')).toEqual({
      type: 'podViewResult',
      id: 6,
      view: { found: false, files: [], containers: [] },
    });
  });

  it("keeps the binder's search for a statically bound claim: the smallest fit chosen, the others with why", () => {
    const { apply, run, ask } = realHost();
    const pv = (name: string, size: string, cls = 'manual', mode = 'ReadWriteOnce') => `apiVersion: v1
kind: PersistentVolume
metadata: {name: ${name}}
spec:
  capacity: {storage: ${size}}
  accessModes: [${mode}]
  storageClassName: "${cls}"
  hostPath: {path: /mnt/${name}}
---
`;
    apply(pv('pv-small', '1Gi') + pv('pv-mid', '5Gi') + pv('pv-big', '10Gi') + pv('pv-other', '5Gi', 'fast') + pv('pv-rwx', '5Gi', 'manual', 'ReadWriteMany'));
    run(2);
    apply(`apiVersion: v1
kind: PersistentVolumeClaim
metadata: {name: data}
spec:
  storageClassName: manual
  accessModes: [ReadWriteOnce]
  resources: {requests: {storage: 3Gi}}
`);
    run(2);
    const { binding } = ask({ type: 'claimBinding', id: 7, namespace: 'default', name: 'data' }, 'claimBindingResult');
    expect(binding.found).toBe(true);
    expect(binding.now).toMatchObject({ phase: 'Bound', outcome: 'bound', volume: 'pv-mid', verdicts: [] });
    expect(binding.search).toMatchObject({ phase: 'Pending', outcome: 'bind', volume: 'pv-mid', summary: 'binds to volume pv-mid' });
    const verdicts = Object.fromEntries(binding.search!.verdicts.map((v) => [v.volume, [v.reason, v.fits, v.message]]));
    expect(verdicts).toEqual({
      'pv-mid': ['chosen', true, expect.any(String)],
      'pv-big': ['fits', true, expect.any(String)],
      'pv-small': ['too-small', false, 'capacity 1Gi is less than the requested 3Gi'],
      'pv-other': ['class', false, 'storageClassName "fast" differs from the claim\'s "manual"'],
      'pv-rwx': expect.arrayContaining([false]),
    });
    // The binder bound it as the claim was created, after the first 2 s.
    expect(binding.searchedAt).toBe(2000);
    const writes = binding.audit.map((a) => `${a.actor} ${a.verb}${a.subresource ? `/${a.subresource}` : ''} ${a.kind}/${a.name}`);
    expect(writes[0]).toBe('kubectl create PersistentVolume/pv-mid');
    expect(writes).toContain('kubectl create PersistentVolumeClaim/data');
    expect(writes).toContain('persistentvolume-controller update PersistentVolume/pv-mid');
    expect(writes.some((w) => w.includes('pv-big') || w.includes('pv-small'))).toBe(false);
    expect(writes).toContain('persistentvolume-controller update/status PersistentVolumeClaim/data');
  });

  it('records the search that bound a waiting claim when a fitting volume appears later', () => {
    const { apply, run, ask } = realHost();
    apply(`apiVersion: v1
kind: PersistentVolumeClaim
metadata: {name: late}
spec:
  storageClassName: manual
  accessModes: [ReadWriteOnce]
  resources: {requests: {storage: 1Gi}}
`);
    run(3);
    const stuck = ask({ type: 'claimBinding', id: 1, namespace: 'default', name: 'late' }, 'claimBindingResult').binding;
    expect(stuck.now).toMatchObject({ outcome: 'class-missing', summary: 'no volume fits, and class manual does not exist to provision one', verdicts: [] });
    apply(`apiVersion: v1
kind: PersistentVolume
metadata: {name: arrives}
spec:
  capacity: {storage: 2Gi}
  accessModes: [ReadWriteOnce]
  storageClassName: manual
  hostPath: {path: /mnt/arrives}
`);
    // The claim is looked at again on the PV controller's 15 s resync.
    run(16);
    const bound = ask({ type: 'claimBinding', id: 2, namespace: 'default', name: 'late' }, 'claimBindingResult').binding;
    expect(bound.now).toMatchObject({ outcome: 'bound', volume: 'arrives' });
    // Searched and bound on the resync 15 s after the claim was created, with the volume in sight.
    expect(bound.searchedAt).toBe(15_000);
    expect(bound.search).toMatchObject({ outcome: 'bind', volume: 'arrives', verdicts: [{ volume: 'arrives', reason: 'chosen', fits: true }] });
  });

  it('shows dynamic provisioning waiting for the first consumer, then the provisioner creating pvc-<uid>', () => {
    const { apply, run, ask } = realHost();
    apply(`apiVersion: v1
kind: PersistentVolumeClaim
metadata: {name: cache}
spec:
  accessModes: [ReadWriteOnce]
  resources: {requests: {storage: 1Gi}}
`);
    run(2);
    const waiting = ask({ type: 'claimBinding', id: 8, namespace: 'default', name: 'cache' }, 'claimBindingResult').binding;
    expect(waiting.now).toMatchObject({ phase: 'Pending', storageClass: 'standard', volumeBindingMode: 'WaitForFirstConsumer', outcome: 'wait-for-first-consumer' });
    expect(waiting.search?.outcome).toBe('wait-for-first-consumer');

    apply(`apiVersion: v1
kind: Pod
metadata: {name: user}
spec:
  containers:
  - {name: app, image: busybox:1.36, command: [sh, -c, sleep 3600], volumeMounts: [{name: c, mountPath: /cache}]}
  volumes:
  - {name: c, persistentVolumeClaim: {claimName: cache}}
`);
    run(20);
    const done = ask({ type: 'claimBinding', id: 9, namespace: 'default', name: 'cache' }, 'claimBindingResult').binding;
    expect(done.now).toMatchObject({ phase: 'Bound', outcome: 'bound' });
    expect(done.now!.volume).toMatch(/^pvc-[0-9a-f-]{36}$/);
    // The last search before the provisioner acted: the scheduler had picked a node, so it provisions.
    expect(done.search).toMatchObject({ outcome: 'provision', summary: 'no volume fits: rancher.io/local-path is asked to provision one' });
    const writes = done.audit.map((a) => `${a.actor} ${a.verb}${a.subresource ? `/${a.subresource}` : ''} ${a.kind}`);
    expect(writes).toContain('local-path-provisioner create PersistentVolume');
    expect(writes).toContain('default-scheduler create/binding Pod');
  });
});

describe('worker host: heartbeat, snapshots and restore', () => {
  function realHost(restoreFrom?: WireRestore) {
    const transport = new FakeTransport();
    const ticker = new ManualTicker();
    let cluster: Cluster | undefined;
    const host = createHost({ transport, ticker, epochMs: EPOCH, createCluster: (options) => (cluster = createCluster({ ...options, kubectlWaits: false })) });
    transport.receive({ type: 'connect', version: PROTOCOL_VERSION, restore: restoreFrom });
    const run = (seconds: number) => {
      for (let t = 0; t < seconds; t++) {
        ticker.wall += 100;
        host.tick();
      }
    };
    return { transport, run, cluster: () => cluster! };
  }

  it('answers a ping at once', () => {
    const { transport } = realHost();
    transport.take();
    transport.receive({ type: 'ping', id: 4 });
    expect(transport.take()).toEqual([{ type: 'pong', id: 4 }]);
  });

  it('rebuilds the same cluster, to the resourceVersion, from a snapshot plus the inputs replayed at their times', () => {
    const first = realHost();
    first.transport.receive({ type: 'setSpeed', speed: 10 });
    first.transport.receive({ type: 'apply', id: 1, yaml: SAMPLE });
    first.run(5);
    first.transport.take();
    first.transport.receive({ type: 'saveSnapshot', id: 2 });
    const [saved] = first.transport.take();
    expect(saved).toMatchObject({ type: 'savedSnapshot', id: 2, time: 5000 });
    first.run(3);
    first.transport.take();
    first.transport.receive({ type: 'kubectl', id: 3, command: 'set image deployment/nginx-deployment nginx=nginx:1.16.1' });
    const [answer] = first.transport.take();
    expect(answer).toMatchObject({ type: 'kubectlResult', id: 3, time: 8000, result: { exitCode: 0 } });
    first.run(4);
    const time = first.cluster().now();
    expect(time).toBe(12000);

    if (saved.type !== 'savedSnapshot') return;
    const second = realHost({
      snapshot: saved.snapshot,
      inputs: [{ type: 'kubectl', time: 8000, command: 'set image deployment/nginx-deployment nginx=nginx:1.16.1' }],
      time,
      paused: true,
      speed: 10,
    });
    const [snapshot] = second.transport.take();
    expect(snapshot).toMatchObject({ type: 'snapshot', time: 12000, paused: true, speed: 10 });
    const versions = (objects: WireObject[]) => new Map(objects.map((o) => [wireKey(o), o.metadata.resourceVersion]));
    expect(snapshot.type === 'snapshot' && versions(snapshot.objects)).toEqual(versions(first.cluster().objects()));
    // Mid-rollout: the new ReplicaSet exists on both sides.
    expect(second.cluster().list('ReplicaSet', 'default')).toHaveLength(2);
  });
});
