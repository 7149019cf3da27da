/**
 * The versioned messages between the simulation worker and the UI. Types only: the transport
 * (postMessage today, a WebSocket later) is chosen by whoever wires the two ends.
 */
import type { ObjectMeta } from 'kubernetes-types/meta/v1';

export const PROTOCOL_VERSION = 1;

/** A Kubernetes object as it crosses the wire: plain JSON. */
export interface WireObject {
  apiVersion: string;
  kind: string;
  metadata: ObjectMeta;
  spec?: unknown;
  status?: unknown;
  [field: string]: unknown;
}

export interface WireApplyResult {
  index: number;
  kind?: string;
  name?: string;
  namespace?: string;
  action?: 'created' | 'configured' | 'unchanged';
  message: string;
  error?: { message: string; line?: number; fields?: { field: string; message: string; line?: number }[] };
}

export interface WireKubectlResult {
  stdout: string;
  stderr: string;
  exitCode: number;
}

export type ClientMessage =
  | { type: 'connect'; version: number }
  | { type: 'apply'; id: number; yaml: string }
  | { type: 'kubectl'; id: number; command: string; stdin?: string }
  | { type: 'delete'; id: number; kind: string; namespace?: string; name: string }
  | { type: 'pause' }
  | { type: 'play' }
  | { type: 'setSpeed'; speed: number };

export type ServerMessage =
  | { type: 'snapshot'; version: number; time: number; paused: boolean; speed: number; objects: WireObject[] }
  /** Objects changed since the last frame; `deleted` holds "Kind/namespace/name" keys. */
  | { type: 'patch'; time: number; upserted: WireObject[]; deleted: string[] }
  | { type: 'clock'; time: number; paused: boolean; speed: number }
  | { type: 'applyResult'; id: number; results: WireApplyResult[] }
  | { type: 'kubectlResult'; id: number; result: WireKubectlResult }
  | { type: 'fatal'; message: string };

/** Where the two ends meet; a Worker, a MessagePort or a socket adapter. */
export interface Transport<Out, In> {
  send(message: Out): void;
  onMessage(handler: (message: In) => void): void;
}
