import { beforeEach, describe, expect, it } from 'vitest';
import { PROTOCOL_VERSION, type ClientMessage, type ServerMessage } from '../protocol/messages';
import { superviseWorker, useRecovery, type Timers, type WorkerHandle } from './recovery';

class FakeWorker implements WorkerHandle {
  sent: ClientMessage[] = [];
  terminated = false;
  private handler?: (message: ServerMessage) => void;
  private errorHandler?: (message: string) => void;
  send(message: ClientMessage) {
    this.sent.push(message);
  }
  onMessage(handler: (message: ServerMessage) => void) {
    this.handler = handler;
  }
  onError(handler: (message: string) => void) {
    this.errorHandler = handler;
  }
  terminate() {
    this.terminated = true;
  }
  reply(message: ServerMessage) {
    this.handler?.(message);
  }
  crash(message: string) {
    this.errorHandler?.(message);
  }
}

class ManualTimers implements Timers {
  wall = 0;
  private timers: { every: number; next: number; tick: () => void }[] = [];
  now() {
    return this.wall;
  }
  every(intervalMs: number, tick: () => void) {
    const timer = { every: intervalMs, next: this.wall + intervalMs, tick };
    this.timers.push(timer);
    return () => {
      this.timers = this.timers.filter((t) => t !== timer);
    };
  }
  advance(ms: number) {
    const end = this.wall + ms;
    for (;;) {
      const due = this.timers.filter((t) => t.next <= end).sort((a, b) => a.next - b.next)[0];
      if (!due) break;
      this.wall = due.next;
      due.next += due.every;
      due.tick();
    }
    this.wall = end;
  }
}

function setup() {
  const workers: FakeWorker[] = [];
  const timers = new ManualTimers();
  const supervisor = superviseWorker({
    timers,
    spawn: () => {
      const worker = new FakeWorker();
      workers.push(worker);
      return worker;
    },
  });
  const received: ServerMessage[] = [];
  supervisor.onMessage((m) => received.push(m));
  supervisor.send({ type: 'connect', version: PROTOCOL_VERSION, seed: 7 });
  return { workers, timers, supervisor, received, current: () => workers[workers.length - 1] };
}

const sentTypes = (worker: FakeWorker) => worker.sent.map((m) => m.type);

describe('worker supervisor', () => {
  beforeEach(() => useRecovery.setState({ restarts: 0, reason: undefined }));

  it('pings every second and keeps the worker while it answers', () => {
    const { current, timers, workers } = setup();
    for (let i = 0; i < 8; i++) {
      timers.advance(1000);
      const ping = current().sent.at(-1)!;
      if (ping.type === 'ping') current().reply({ type: 'pong', id: ping.id });
    }
    expect(workers).toHaveLength(1);
    expect(sentTypes(current()).filter((t) => t === 'ping')).toHaveLength(8);
  });

  it('replaces a worker that leaves a ping unanswered for 5 s, restoring the last snapshot and the inputs answered since', () => {
    const { workers, current, timers, supervisor, received } = setup();
    const first = current();
    first.reply({ type: 'snapshot', version: PROTOCOL_VERSION, epoch: 0, time: 0, paused: false, speed: 1, objects: [], traffic: [] });
    supervisor.send({ type: 'apply', id: 1, yaml: 'before' });
    first.reply({ type: 'applyResult', id: 1, time: 1000, results: [] });
    // A healthy worker for the first 10 s, which ask for a snapshot.
    for (let i = 0; i < 10; i++) {
      timers.advance(1000);
      const ping = [...first.sent].reverse().find((m) => m.type === 'ping');
      if (ping?.type === 'ping') first.reply({ type: 'pong', id: ping.id });
    }
    const save = first.sent.find((m) => m.type === 'saveSnapshot')!;
    // Pings go unanswered from here on, but the snapshot comes back.
    first.reply({ type: 'savedSnapshot', id: save.type === 'saveSnapshot' ? save.id : 0, time: 10_000, snapshot: { version: 1, marker: 'A' } });
    supervisor.send({ type: 'kubectl', id: 2, command: 'scale deployment/web --replicas=5' });
    first.reply({ type: 'kubectlResult', id: 2, time: 12_500, result: { stdout: '', stderr: '', exitCode: 0 } });
    supervisor.send({ type: 'delete', id: 3, kind: 'Pod', namespace: 'default', name: 'web-1' });
    first.reply({ type: 'deleteResult', id: 3, time: 13_000, result: { stdout: '', stderr: '', exitCode: 0 } });
    supervisor.send({ type: 'kubectl', id: 4, command: 'get pods' });
    first.reply({ type: 'clock', time: 14_000, paused: false, speed: 5 });
    expect(workers).toHaveLength(1);

    // The ping sent at 11 s is 5 s old at 16 s.
    timers.advance(5000);
    expect(first.terminated).toBe(false);
    timers.advance(1000);
    expect(first.terminated).toBe(true);
    expect(workers).toHaveLength(2);
    expect(useRecovery.getState()).toEqual({ restarts: 1, reason: 'The simulation stopped answering for 5 s.' });
    expect(current().sent[0]).toEqual({
      type: 'connect',
      version: PROTOCOL_VERSION,
      seed: 7,
      restore: {
        snapshot: { version: 1, marker: 'A' },
        inputs: [
          { type: 'kubectl', time: 12_500, command: 'scale deployment/web --replicas=5', stdin: undefined },
          { type: 'delete', time: 13_000, kind: 'Pod', namespace: 'default', name: 'web-1' },
        ],
        time: 14_000,
        paused: false,
        speed: 5,
      },
    });
    // The command that was running is answered, not run again: it may be what hung the worker.
    expect(received.at(-1)).toMatchObject({ type: 'kubectlResult', id: 4, result: { exitCode: 1 } });
    expect(sentTypes(current())).toEqual(['connect']);
  });

  it('replaces a worker that crashes at once, from its seed when no snapshot was taken yet', () => {
    const { workers, current, supervisor } = setup();
    supervisor.send({ type: 'apply', id: 1, yaml: 'web' });
    current().reply({ type: 'applyResult', id: 1, time: 300, results: [] });
    current().crash('out of memory');
    expect(workers).toHaveLength(2);
    expect(useRecovery.getState().reason).toBe('The simulation worker crashed (out of memory).');
    expect(current().sent[0]).toMatchObject({ type: 'connect', seed: 7, restore: { snapshot: undefined, inputs: [{ type: 'apply', time: 300, yaml: 'web' }] } });
  });

  it('does not pass its own heartbeat and snapshots to the client', () => {
    const { current, timers, received } = setup();
    timers.advance(1000);
    current().reply({ type: 'pong', id: 1 });
    current().reply({ type: 'savedSnapshot', id: 2, time: 0, snapshot: { version: 1 } });
    expect(received).toEqual([]);
  });
});

describe('worker supervisor, a worker that never answers', () => {
  beforeEach(() => useRecovery.setState({ restarts: 0, reason: undefined }));

  it('reports a worker that fails before its first answer instead of starting it again and again', () => {
    const { workers, current, received } = setup();
    current().crash('SyntaxError in sim.worker.js');
    expect(workers).toHaveLength(1);
    expect(received).toEqual([
      { type: 'fatal', message: 'The simulation worker crashed (SyntaxError in sim.worker.js). It had not answered yet, so it is not started again.' },
    ]);
    expect(useRecovery.getState().restarts).toBe(0);
  });
});
