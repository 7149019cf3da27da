import { beforeEach, describe, expect, it, vi } from 'vitest';
import { PROTOCOL_VERSION, type ClientMessage, type ServerMessage, type Transport, type WireObject } from '../protocol/messages';
import { emptyView, useCluster } from './cluster';
import { useClock } from './clock';
import { connectClient } from './client';
import { useNodePower } from './node-power';
import { onRequests, resetTraffic, useTraffic } from './traffic';

class FakeWorker implements Transport<ClientMessage, ServerMessage> {
  sent: ClientMessage[] = [];
  private handler: ((message: ServerMessage) => void) | undefined;

  send(message: ClientMessage): void {
    this.sent.push(message);
  }

  onMessage(handler: (message: ServerMessage) => void): void {
    this.handler = handler;
  }

  reply(message: ServerMessage): void {
    this.handler?.(message);
  }
}

const nodeObj: WireObject = { apiVersion: 'v1', kind: 'Node', metadata: { name: 'node-1', resourceVersion: '1' } };

describe('client', () => {
  beforeEach(() => {
    useCluster.setState(emptyView(), true);
    useClock.setState({ time: 0, epoch: 0, paused: false, speed: 1, connected: false, fatal: undefined });
    resetTraffic([], 0);
  });

  it('connects with the protocol version and the requested cluster', () => {
    const worker = new FakeWorker();
    connectClient(worker, { seed: 5 });
    expect(worker.sent).toEqual([{ type: 'connect', version: PROTOCOL_VERSION, seed: 5 }]);
  });

  it('mirrors the snapshot, then patches, into the stores', () => {
    const worker = new FakeWorker();
    connectClient(worker);
    worker.reply({ type: 'snapshot', version: PROTOCOL_VERSION, epoch: 1000, time: 0, paused: false, speed: 1, objects: [nodeObj], traffic: [] });
    expect(useClock.getState()).toMatchObject({ connected: true, epoch: 1000 });
    expect(useCluster.getState().topology.nodes).toEqual(['Node//node-1']);
    const renamed = { ...nodeObj, metadata: { ...nodeObj.metadata, resourceVersion: '2', labels: { a: 'b' } } };
    worker.reply({ type: 'patch', time: 1500, upserted: [renamed], deleted: [] });
    expect(useCluster.getState().objects.get('Node//node-1')).toBe(renamed);
    expect(useClock.getState().time).toBe(1500);
    worker.reply({ type: 'patch', time: 1600, upserted: [], deleted: ['Node//node-1'] });
    expect(useCluster.getState().objects.size).toBe(0);
  });

  it('follows the clock through pause and speed changes', () => {
    const worker = new FakeWorker();
    const client = connectClient(worker);
    client.pause();
    client.setSpeed(30);
    expect(worker.sent.slice(1)).toEqual([{ type: 'pause' }, { type: 'setSpeed', speed: 30 }]);
    worker.reply({ type: 'clock', time: 9000, paused: true, speed: 30 });
    expect(useClock.getState()).toMatchObject({ time: 9000, paused: true, speed: 30 });
  });

  it('resolves each command with the result that carries its id', async () => {
    const worker = new FakeWorker();
    const client = connectClient(worker);
    const applied = client.apply('kind: Pod');
    const deleted = client.deleteObject('Pod', 'web-1', 'default');
    expect(worker.sent.slice(1)).toEqual([
      { type: 'apply', id: 1, yaml: 'kind: Pod' },
      { type: 'delete', id: 2, kind: 'Pod', name: 'web-1', namespace: 'default' },
    ]);
    worker.reply({ type: 'deleteResult', id: 2, result: { stdout: 'pod "web-1" deleted\n', stderr: '', exitCode: 0 } });
    worker.reply({ type: 'applyResult', id: 1, results: [{ index: 0, message: 'pod/web-1 created' }] });
    await expect(applied).resolves.toEqual([{ index: 0, message: 'pod/web-1 created' }]);
    await expect(deleted).resolves.toMatchObject({ exitCode: 0 });
  });

  it('remembers a node the user powered off through kubectl sim, once kubectl says it worked', async () => {
    useNodePower.setState({ poweredOff: new Set() });
    const worker = new FakeWorker();
    const client = connectClient(worker);
    const down = client.kubectl('kubectl sim node-down node-1');
    expect(useNodePower.getState().poweredOff.has('node-1')).toBe(false);
    worker.reply({ type: 'kubectlResult', id: 1, result: { stdout: 'node/node-1 powered off\n', stderr: '', exitCode: 0 } });
    await down;
    expect(useNodePower.getState().poweredOff.has('node-1')).toBe(true);
  });

  it('routes a patch’s traffic into the traffic store and to the request listeners, and lets the window drain with the clock', async () => {
    const worker = new FakeWorker();
    connectClient(worker);
    const job = { id: 1, target: 'http://web.default.svc.cluster.local', rps: 10, startedAt: 0, sent: 1, ok: 1, failed: 0, byPod: { 'default/web-a': 1 }, byVersion: { 'nginx:1.14.2': 1 } };
    worker.reply({ type: 'snapshot', version: PROTOCOL_VERSION, epoch: 0, time: 0, paused: false, speed: 1, objects: [], traffic: [job] });
    expect(useTraffic.getState().streams.get(1)?.service).toBe('Service/default/web');
    const drawn: number[] = [];
    const stop = onRequests((requests) => drawn.push(...requests.map((r) => r.time)));
    const request = { time: 900, job: 1, ok: true, status: 200, service: 'default/web', pod: 'default/web-a', version: 'nginx:1.14.2' };
    worker.reply({ type: 'patch', time: 1000, upserted: [], deleted: [], traffic: { requests: [request], jobs: [{ ...job, sent: 2, ok: 2 }] } });
    stop();
    // The dots follow at once; the counters at most every PUBLISH_MS.
    expect(drawn).toEqual([900]);
    await vi.waitFor(() => expect(useTraffic.getState().podRates.get('Pod/default/web-a')).toBe(1));
    expect(useTraffic.getState().streams.get(1)?.sent).toBe(2);
    worker.reply({ type: 'clock', time: 5000, paused: false, speed: 1 });
    await vi.waitFor(() => expect(useTraffic.getState().podRates.size).toBe(0));
  });

  it('keeps the fatal message so the app can show it', () => {
    const worker = new FakeWorker();
    connectClient(worker);
    worker.reply({ type: 'fatal', message: 'boom' });
    expect(useClock.getState().fatal).toBe('boom');
  });
});

describe('client: the inspector questions', () => {
  it("resolves a pod view and a claim's binding flow by the id their answers echo", async () => {
    const worker = new FakeWorker();
    const client = connectClient(worker);
    const view = client.podView('default', 'web');
    const binding = client.claimBinding('default', 'data');
    expect(worker.sent.slice(1)).toEqual([
      { type: 'podView', id: 1, namespace: 'default', name: 'web' },
      { type: 'claimBinding', id: 2, namespace: 'default', name: 'data' },
    ]);
    worker.reply({ type: 'claimBindingResult', id: 2, binding: { found: false, audit: [] } });
    worker.reply({ type: 'podViewResult', id: 1, view: { found: true, files: [{ path: '/data/count', volume: 'data', content: '2' }], containers: [] } });
    await expect(view).resolves.toEqual({ found: true, files: [{ path: '/data/count', volume: 'data', content: '2' }], containers: [] });
    await expect(binding).resolves.toEqual({ found: false, audit: [] });
  });
});
