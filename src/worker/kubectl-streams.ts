/**
 * The host's running streaming commands (`kubectl get --watch` in the terminal): each one's output
 * is gathered during a tick and sent once per tick, until the UI stops it (Ctrl+C).
 */
import type { Cluster, KubectlSession } from '../sim/contract';
import type { ServerMessage } from '../protocol/messages';

/** What a shell reports for a command ended by Ctrl+C (128 + SIGINT). */
export const INTERRUPTED_EXIT_CODE = 130;

export interface KubectlStreams {
  /** Runs the command; a command that does not stream is answered at once with its result. */
  start(cluster: Cluster, id: number, command: string, stdin: string | undefined): void;
  /** Sends what each running command printed since the last flush. */
  flush(): void;
  stop(id: number): void;
  stopAll(): void;
}

export function createKubectlStreams(send: (message: ServerMessage) => void): KubectlStreams {
  const running = new Map<number, { session: KubectlSession; pending: string }>();
  return {
    start(cluster, id, command, stdin) {
      let session: KubectlSession;
      const entry = { pending: '' };
      try {
        session = cluster.kubectlStream
          ? cluster.kubectlStream(command, (text) => (entry.pending += text), stdin)
          : { result: cluster.kubectl(command, stdin), streaming: false, stop: () => undefined };
      } catch (error) {
        // As the host answers any command that throws, so the terminal never waits forever.
        send({ type: 'kubectlResult', id, result: { stdout: '', stderr: `error: ${error instanceof Error ? error.message : String(error)}\n`, exitCode: 1 } });
        return;
      }
      if (!session.streaming) {
        send({ type: 'kubectlResult', id, result: session.result });
        return;
      }
      running.set(id, Object.assign(entry, { session }));
      send({ type: 'kubectlOutput', id, stdout: session.result.stdout, stderr: session.result.stderr });
    },
    flush() {
      for (const [id, entry] of running) {
        if (!entry.pending) continue;
        send({ type: 'kubectlOutput', id, stdout: entry.pending, stderr: '' });
        entry.pending = '';
      }
    },
    stop(id) {
      const entry = running.get(id);
      if (!entry) return;
      running.delete(id);
      entry.session.stop();
      send({ type: 'kubectlResult', id, result: { stdout: entry.pending, stderr: '', exitCode: INTERRUPTED_EXIT_CODE } });
    },
    stopAll() {
      for (const entry of running.values()) entry.session.stop();
      running.clear();
    },
  };
}
