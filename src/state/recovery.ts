/**
 * Keeps the simulation alive when its worker dies (an error event) or hangs (no answer to a ping
 * for 5 s): it starts a new worker and restores it from the last snapshot plus every input recorded
 * since, each with the virtual ms it ran at, so the user loses nothing they applied. It sits
 * between the client and the worker as a transport, so the client needs no changes.
 */
import { create } from 'zustand';
import type { ClientMessage, ServerMessage, Speed, Transport, WireInput, WireSnapshot } from '../protocol/messages';

/** A worker as the supervisor needs it: its messages, its death, and a way to stop it. */
export interface WorkerHandle extends Transport<ClientMessage, ServerMessage> {
  onError(handler: (message: string) => void): void;
  terminate(): void;
}

/** Wall time and a repeating timer; tests pass a manual one. */
export interface Timers {
  now(): number;
  every(intervalMs: number, tick: () => void): () => void;
}

export interface SupervisorOptions {
  spawn(): WorkerHandle;
  timers: Timers;
  pingEveryMs?: number;
  /** A ping unanswered this long means the worker hangs. */
  hangAfterMs?: number;
  snapshotEveryMs?: number;
}

export interface RecoveryState {
  /** How many times a worker was replaced. */
  restarts: number;
  /** Why the last one was, in words for the banner. */
  reason?: string;
}

export const useRecovery = create<RecoveryState>(() => ({ restarts: 0 }));

export const PING_EVERY_MS = 1000;
export const HANG_AFTER_MS = 5000;
export const SNAPSHOT_EVERY_MS = 10_000;

type Request = Extract<ClientMessage, { type: 'apply' | 'kubectl' | 'delete' }>;

function toInput(request: Request, time: number): WireInput {
  if (request.type === 'apply') return { type: 'apply', time, yaml: request.yaml };
  if (request.type === 'kubectl') return { type: 'kubectl', time, command: request.command, stdin: request.stdin };
  return { type: 'delete', time, kind: request.kind, namespace: request.namespace, name: request.name };
}

export interface Supervisor extends Transport<ClientMessage, ServerMessage> {
  /** Stops the current worker without a word, as a crash would (the e2e test's hook). */
  killWorker(): void;
  dispose(): void;
}

export function superviseWorker(options: SupervisorOptions): Supervisor {
  const { timers } = options;
  const hangAfter = options.hangAfterMs ?? HANG_AFTER_MS;
  let handler: ((message: ServerMessage) => void) | undefined;
  let worker: WorkerHandle;
  let connect: Extract<ClientMessage, { type: 'connect' }> | undefined;
  let snapshot: WireSnapshot | undefined;
  let inputs: WireInput[] = [];
  /** Sent and not answered yet. */
  const inflight = new Map<number, Request>();
  /** Streaming commands, which a restart ends. */
  const streams = new Set<number>();
  let clock = { time: 0, paused: false, speed: 1 as Speed };
  let nextId = 1;
  let pingSentAt: number | undefined;
  /** Whether the current worker ever answered: one that dies before that would die again. */
  let answered = false;

  const receive = (message: ServerMessage) => {
    answered = true;
    switch (message.type) {
      case 'pong':
        pingSentAt = undefined;
        return;
      case 'savedSnapshot':
        // Messages are answered in order: every input answered so far is inside this snapshot.
        snapshot = message.snapshot;
        inputs = [];
        return;
      case 'snapshot':
      case 'clock':
        clock = { time: message.time, paused: message.paused, speed: message.speed };
        break;
      case 'patch':
        clock = { ...clock, time: message.time };
        break;
      case 'applyResult':
      case 'kubectlResult':
      case 'deleteResult': {
        const request = inflight.get(message.id);
        inflight.delete(message.id);
        streams.delete(message.id);
        if (request) inputs.push(toInput(request, message.time ?? clock.time));
        break;
      }
    }
    handler?.(message);
  };

  const start = () => {
    worker = options.spawn();
    worker.onMessage(receive);
    worker.onError((message) => restart(`The simulation worker crashed (${message}).`));
    pingSentAt = undefined;
    answered = false;
  };

  const restart = (reason: string) => {
    worker.terminate();
    if (!answered) {
      stopTimers();
      handler?.({ type: 'fatal', message: `${reason} It had not answered yet, so it is not started again.` });
      return;
    }
    useRecovery.setState((s) => ({ restarts: s.restarts + 1, reason }));
    start();
    if (connect) worker.send({ ...connect, restore: { snapshot, inputs: [...inputs], ...clock } });
    // What was running may be what killed the worker: it is answered, not run again.
    const lost = 'the simulation restarted while this ran; it was not applied, run it again';
    for (const [id, request] of inflight) {
      if (request.type === 'apply') handler?.({ type: 'applyResult', id, results: [{ index: 0, message: lost, error: { message: lost } }] });
      else handler?.({ type: request.type === 'delete' ? 'deleteResult' : 'kubectlResult', id, result: { stdout: '', stderr: `error: ${lost}\n`, exitCode: 1 } });
    }
    inflight.clear();
    for (const id of streams) handler?.({ type: 'kubectlResult', id, result: { stdout: '', stderr: 'error: the simulation restarted; run the command again\n', exitCode: 1 } });
    streams.clear();
  };

  const heartbeat = () => {
    if (!connect) return;
    if (pingSentAt !== undefined) {
      if (timers.now() - pingSentAt >= hangAfter) restart(`The simulation stopped answering for ${hangAfter / 1000} s.`);
      return;
    }
    pingSentAt = timers.now();
    worker.send({ type: 'ping', id: nextId++ });
  };

  start();
  const stopPing = timers.every(options.pingEveryMs ?? PING_EVERY_MS, heartbeat);
  const stopSnapshots = timers.every(options.snapshotEveryMs ?? SNAPSHOT_EVERY_MS, () => {
    if (connect) worker.send({ type: 'saveSnapshot', id: nextId++ });
  });
  function stopTimers() {
    stopPing();
    stopSnapshots();
  }

  return {
    send(message) {
      if (message.type === 'connect') connect = message;
      if (message.type === 'apply' || message.type === 'delete' || (message.type === 'kubectl' && !message.stream)) inflight.set(message.id, message);
      if (message.type === 'kubectl' && message.stream) streams.add(message.id);
      worker.send(message);
    },
    onMessage(next) {
      handler = next;
    },
    killWorker: () => worker.terminate(),
    dispose() {
      stopTimers();
      worker.terminate();
    },
  };
}
