import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '@xyflow/react/dist/style.css';
import './index.css';
import type { ServerMessage } from '../protocol/messages';
import { connectClient } from '../state/client';
import { useClock } from '../state/clock';
import { App } from './App';
import { ClientContext } from './client-context';

const worker = new Worker(new URL('../worker/sim.worker.ts', import.meta.url), { type: 'module' });
worker.addEventListener('error', (event) => useClock.setState({ fatal: event.message || 'The simulation worker failed to start.' }));

/** `?seed=42&nodes=5` picks another cluster; the default is the same every time. */
function clusterFromUrl(): { seed?: number; nodes?: number } {
  const params = new URLSearchParams(location.search);
  const read = (name: string) => {
    const value = Number(params.get(name));
    return Number.isInteger(value) && value > 0 ? value : undefined;
  };
  return { seed: read('seed'), nodes: read('nodes') };
}

const client = connectClient(
  {
    send: (message) => worker.postMessage(message),
    onMessage: (handler) => worker.addEventListener('message', (event: MessageEvent<ServerMessage>) => handler(event.data)),
  },
  clusterFromUrl(),
);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ClientContext value={client}>
      <App />
    </ClientContext>
  </StrictMode>,
);
