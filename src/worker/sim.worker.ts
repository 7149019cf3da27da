/**
 * The Web Worker entry: one simulated cluster, driven by the host, speaking the protocol over
 * postMessage. Everything else about hosting lives in host.ts so other transports can reuse it.
 */
import { createCluster } from '../sim/index';
import { EPOCH_MS } from '../sim/time';
import type { ClientMessage, ServerMessage } from '../protocol/messages';
import { createHost } from './host';

const scope = self as unknown as DedicatedWorkerGlobalScope;

createHost({
  // The app's clock runs on its own: a kubectl command must not jump it (rollout status, drain).
  createCluster: (options) => createCluster({ ...options, kubectlWaits: false }),
  epochMs: EPOCH_MS,
  transport: {
    send: (message: ServerMessage) => scope.postMessage(message),
    onMessage: (handler) => scope.addEventListener('message', (event: MessageEvent<ClientMessage>) => handler(event.data)),
  },
});
