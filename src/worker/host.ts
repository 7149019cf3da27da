/**
 * Drives a cluster for one UI over any transport: runs the virtual clock, answers commands, and
 * streams what changed. The Web Worker is one host; a Node process serving a WebSocket can be
 * another, so nothing here touches `self` or `postMessage`.
 */
import type { Cluster, ClusterOptions } from '../sim/contract';
import type { WatchEvent } from '../sim/api/store';
import {
  PROTOCOL_VERSION,
  SPEEDS,
  type ClientMessage,
  type ServerMessage,
  type Speed,
  type Transport,
  type WireKubectlResult,
  type WireObject,
  type WirePodView,
} from '../protocol/messages';
import type { Pod } from '../sim/api/types';
import { createBindingRecorder } from './binding-record';
import { createKubectlStreams } from './kubectl-streams';
import { deleteCommand, replay } from './replay';
import { createTrafficFeed } from './traffic-feed';

/** Wall time and a repeating timer; tests pass a manual one. */
export interface Ticker {
  /** Wall milliseconds from any fixed origin. */
  now(): number;
  /** Calls `tick` every `intervalMs` until the returned function is called. */
  every(intervalMs: number, tick: () => void): () => void;
}

export interface HostOptions {
  transport: Transport<ServerMessage, ClientMessage>;
  createCluster(options: ClusterOptions): Cluster;
  ticker?: Ticker;
  /** Used when `connect` names no seed, so a plain reload shows the same cluster. */
  defaultSeed?: number;
  defaultNodes?: number;
  /** Wall-clock ms of virtual time 0, which object timestamps count from. */
  epochMs: number;
}

export interface Host {
  /** One clock step: advance virtual time, then send what changed. */
  tick(): void;
  dispose(): void;
}

export const TICK_INTERVAL_MS = 1000 / 60;
/** A tab that slept or was throttled resumes where it was instead of fast-forwarding. */
export const MAX_WALL_STEP_MS = 250;
export const DEFAULT_SEED = 1;
export const DEFAULT_NODES = 3;

export const systemTicker: Ticker = {
  now: () => performance.now(),
  every(intervalMs, tick) {
    const handle = setInterval(tick, intervalMs);
    return () => clearInterval(handle);
  },
};

/** The same key the UI mirror uses: "Kind/namespace/name", namespace empty when cluster-scoped. */
export function wireKey(obj: WireObject): string {
  return `${obj.kind}/${obj.metadata.namespace ?? ''}/${obj.metadata.name ?? ''}`;
}

function isSpeed(value: number): value is Speed {
  return (SPEEDS as readonly number[]).includes(value);
}

export function createHost(options: HostOptions): Host {
  const { transport } = options;
  const ticker = options.ticker ?? systemTicker;
  let cluster: Cluster | undefined;
  let unwatch: (() => void) | undefined;
  let stopTicking: (() => void) | undefined;
  let paused = false;
  let speed: Speed = 1;
  let lastWall = 0;
  /** Virtual milliseconds owed to the cluster; it advances in whole milliseconds. */
  let carry = 0;
  let lastSentSecond = -1;
  /** Latest state per key since the last send; null marks a deletion. */
  const pending = new Map<string, WireObject | null>();
  const traffic = createTrafficFeed();

  const send = (message: ServerMessage) => transport.send(message);
  const streams = createKubectlStreams(send);

  const bindings = createBindingRecorder(() => cluster);

  const record = (event: WatchEvent) => {
    pending.set(wireKey(event.object), event.type === 'DELETED' ? null : event.object);
    bindings.observe(event);
  };

  const sendClock = (time: number) => {
    lastSentSecond = Math.floor(time / 1000);
    send({ type: 'clock', time, paused, speed });
  };

  const flush = (active: Cluster) => {
    streams.flush();
    const time = active.now();
    const requests = traffic.take(active);
    if (pending.size > 0 || requests) {
      const upserted: WireObject[] = [];
      const deleted: string[] = [];
      for (const [key, obj] of pending) {
        if (obj) upserted.push(obj);
        else deleted.push(key);
      }
      pending.clear();
      lastSentSecond = Math.floor(time / 1000);
      send(requests ? { type: 'patch', time, upserted, deleted, traffic: requests } : { type: 'patch', time, upserted, deleted });
    } else if (Math.floor(time / 1000) !== lastSentSecond) {
      sendClock(time);
    }
  };

  const fail = (error: unknown) => {
    stopTicking?.();
    stopTicking = undefined;
    send({ type: 'fatal', message: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  };

  const tick = () => {
    if (!cluster) return;
    const wall = ticker.now();
    const elapsed = Math.min(Math.max(wall - lastWall, 0), MAX_WALL_STEP_MS);
    lastWall = wall;
    try {
      if (!paused) {
        carry += elapsed * speed;
        const step = Math.floor(carry);
        if (step > 0) {
          carry -= step;
          cluster.advance(step);
        }
      }
      flush(cluster);
    } catch (error) {
      fail(error);
    }
  };

  const connect = (message: Extract<ClientMessage, { type: 'connect' }>) => {
    if (message.version !== PROTOCOL_VERSION) {
      send({ type: 'fatal', message: `protocol version ${message.version} is not ${PROTOCOL_VERSION}` });
      return;
    }
    if (!cluster) {
      cluster = options.createCluster({
        nodes: message.nodes ?? options.defaultNodes ?? DEFAULT_NODES,
        seed: message.seed ?? options.defaultSeed ?? DEFAULT_SEED,
      });
      unwatch = cluster.watch(record);
      if (message.restore) {
        replay(cluster, message.restore);
        paused = message.restore.paused;
        if (isSpeed(message.restore.speed)) speed = message.restore.speed;
      }
    }
    pending.clear();
    const time = cluster.now();
    lastSentSecond = Math.floor(time / 1000);
    send({
      type: 'snapshot',
      version: PROTOCOL_VERSION,
      epoch: options.epochMs,
      time,
      paused,
      speed,
      objects: cluster.objects(),
      traffic: traffic.reset(cluster),
    });
    if (!stopTicking) {
      lastWall = ticker.now();
      stopTicking = ticker.every(TICK_INTERVAL_MS, tick);
    }
  };


  /** The files of a pod's volumes and each container's environment, read from the kubelet's view. */
  const podView = (active: Cluster, namespace: string, name: string): WirePodView => {
    const pod = active.get('Pod', name, namespace) as Pod | undefined;
    if (!pod) return { found: false, files: [], containers: [] };
    const containers = [
      ...(pod.spec?.initContainers ?? []).map((c) => ({ container: c.name, init: true })),
      ...(pod.spec?.containers ?? []).map((c) => ({ container: c.name, init: false })),
    ].map((c) => ({ ...c, env: active.containerEnv?.(namespace, name, c.container) }));
    return { found: true, files: active.podFiles?.(namespace, name) ?? [], containers };
  };

  /** A command that throws answers like kubectl does on failure, so the UI never waits forever. */
  const guarded = (run: () => WireKubectlResult): WireKubectlResult => {
    try {
      return run();
    } catch (error) {
      return { stdout: '', stderr: `error: ${error instanceof Error ? error.message : String(error)}\n`, exitCode: 1 };
    }
  };

  const handle = (message: ClientMessage) => {
    if (message.type === 'connect') {
      connect(message);
      return;
    }
    if (!cluster) {
      send({ type: 'fatal', message: `"${message.type}" before "connect"` });
      return;
    }
    const active = cluster;
    switch (message.type) {
      case 'apply': {
        try {
          const time = active.now();
          send({ type: 'applyResult', id: message.id, time, results: active.apply(message.yaml) });
        } catch (error) {
          const text = error instanceof Error ? error.message : String(error);
          send({ type: 'applyResult', id: message.id, time: active.now(), results: [{ index: 0, message: text, error: { message: text } }] });
        }
        return;
      }
      case 'kubectl':
        if (message.stream) {
          streams.start(active, message.id, message.command, message.stdin);
          return;
        }
        send({
          type: 'kubectlResult',
          id: message.id,
          time: active.now(),
          result: guarded(() => active.kubectl(message.command, message.stdin)),
        });
        return;
      case 'delete':
        send({
          type: 'deleteResult',
          id: message.id,
          time: active.now(),
          result: guarded(() => active.kubectl(deleteCommand(message.kind, message.name, message.namespace))),
        });
        return;
      // A read that throws must not leave the inspector waiting; the clock keeps running.
      case 'podView':
        try {
          send({ type: 'podViewResult', id: message.id, view: podView(active, message.namespace, message.name) });
        } catch (error) {
          send({ type: 'podViewResult', id: message.id, view: { found: false, files: [], containers: [], error: String(error) } });
        }
        return;
      case 'claimBinding':
        try {
          send({ type: 'claimBindingResult', id: message.id, binding: bindings.binding(message.namespace, message.name) });
        } catch (error) {
          send({ type: 'claimBindingResult', id: message.id, binding: { found: false, audit: [], error: String(error) } });
        }
        return;
      case 'ping':
        send({ type: 'pong', id: message.id });
        return;
      case 'saveSnapshot':
        send({ type: 'savedSnapshot', id: message.id, time: active.now(), snapshot: active.snapshot() });
        return;
      case 'kubectlStop':
        streams.stop(message.id);
        return;
      case 'pause':
        paused = true;
        sendClock(active.now());
        return;
      case 'play':
        paused = false;
        sendClock(active.now());
        return;
      case 'setSpeed':
        if (isSpeed(message.speed)) speed = message.speed;
        sendClock(active.now());
        return;
    }
  };

  transport.onMessage(handle);

  return {
    tick,
    dispose() {
      stopTicking?.();
      stopTicking = undefined;
      streams.stopAll();
      unwatch?.();
    },
  };
}
