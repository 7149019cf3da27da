import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '@xyflow/react/dist/style.css';
import './index.css';
import type { ServerMessage } from '../protocol/messages';
import { connectClient } from '../state/client';
import { superviseWorker, type Timers, type WorkerHandle } from '../state/recovery';
import { App } from './App';
import { ClientContext } from './client-context';

/** A new simulation worker; the supervisor starts another if this one dies or hangs. */
function spawnWorker(): WorkerHandle {
  const worker = new Worker(new URL('../worker/sim.worker.ts', import.meta.url), { type: 'module' });
  return {
    send: (message) => worker.postMessage(message),
    onMessage: (handler) => worker.addEventListener('message', (event: MessageEvent<ServerMessage>) => handler(event.data)),
    onError: (handler) => worker.addEventListener('error', (event) => handler(event.message || 'it failed to start')),
    terminate: () => worker.terminate(),
  };
}

const timers: Timers = {
  now: () => performance.now(),
  every(intervalMs, tick) {
    const handle = setInterval(tick, intervalMs);
    return () => clearInterval(handle);
  },
};
const supervisor = superviseWorker({ spawn: spawnWorker, timers });
// A test hook: stopping the worker is harmless, since the supervisor restores a new one.
(window as unknown as { __kubesimWorker?: { terminate(): void } }).__kubesimWorker = { terminate: supervisor.killWorker };

/** `?seed=42&nodes=5` picks another cluster; the default is the same every time. */
function clusterFromUrl(): { seed?: number; nodes?: number } {
  const params = new URLSearchParams(location.search);
  const read = (name: string) => {
    const value = Number(params.get(name));
    return Number.isInteger(value) && value > 0 ? value : undefined;
  };
  return { seed: read('seed'), nodes: read('nodes') };
}

const client = connectClient(supervisor, clusterFromUrl());

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ClientContext value={client}>
      <App />
    </ClientContext>
  </StrictMode>,
);
