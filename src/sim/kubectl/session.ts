/**
 * A kubectl command that may keep printing after it returns (`get --watch`): its first output,
 * whether it streams, and how to stop it — what a terminal's Ctrl+C does.
 */
import type { WatchEvent } from '../api/store';
import type { KubectlResult, KubectlSession } from '../contract';
import type { KubectlStream } from './command';

export interface PendingSession {
  /** The stream the command's context carries. */
  stream: KubectlStream;
  /** The session, once the command has returned `result`. */
  finish(result: KubectlResult): KubectlSession;
}

/** `subscribe` is the cluster's watch; `onOutput` receives each later piece of stdout. */
export function startSession(subscribe: (listener: (event: WatchEvent) => void) => () => void, onOutput: (stdout: string) => void): PendingSession {
  const unsubscribes: (() => void)[] = [];
  let stopped = false;
  const stop = () => {
    stopped = true;
    for (const unsubscribe of unsubscribes.splice(0)) unsubscribe();
  };
  const stream: KubectlStream = {
    watch(listener) {
      unsubscribes.push(subscribe((event) => !stopped && listener(event)));
    },
    write(text) {
      if (!stopped && text) onOutput(text);
    },
  };
  return {
    stream,
    finish(result) {
      const streaming = unsubscribes.length > 0 && result.exitCode === 0;
      if (!streaming) stop();
      return { result, streaming, stop };
    },
  };
}
