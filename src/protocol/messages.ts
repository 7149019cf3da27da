/**
 * The versioned messages between the simulation worker and the UI. Types only: the transport
 * (postMessage today, a WebSocket later) is chosen by whoever wires the two ends.
 *
 * The conversation: the UI sends `connect`, the host answers with a full `snapshot`, then sends at
 * most one `patch` per clock tick holding only the objects that changed and the requests made.
 * Commands carry an `id` that their result echoes.
 */
import type { ObjectMeta } from 'kubernetes-types/meta/v1';

export const PROTOCOL_VERSION = 3;

/** The speeds the clock runs at, as multiples of wall time. */
export const SPEEDS = [1, 2, 5, 10, 30] as const;
export type Speed = (typeof SPEEDS)[number];

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

/** One stream of requests (`kubectl sim traffic`, or a load-generator pod) and its counts so far. */
export interface WireTrafficJob {
  id: number;
  /** The URL requested, e.g. "http://web.default.svc.cluster.local" or "http://shop.example.com/". */
  target: string;
  rps: number;
  /** Virtual ms. */
  startedAt: number;
  /** Virtual ms the stream stops at; unset while it runs until stopped. */
  endsAt?: number;
  sent: number;
  ok: number;
  failed: number;
  /** Answers per "namespace/pod". */
  byPod: Record<string, number>;
  /** Answers per image ("nginx:1.14.2"). */
  byVersion: Record<string, number>;
  /** What the client printed for the latest failure. */
  lastError?: string;
  /** "namespace/pod" of an in-cluster load generator that sends these requests. */
  fromPod?: string;
}

/** One request of a stream, for drawing it on its way. */
export interface WireRequest {
  /** Virtual ms. */
  time: number;
  job: number;
  ok: boolean;
  /** HTTP status; unset when no connection was made (connection refused). */
  status?: number;
  /** "namespace/name" of the Service, Ingress and pod the request went through. */
  service?: string;
  ingress?: string;
  pod?: string;
  /** The image of the container that answered. */
  version?: string;
}

/** Traffic since the last patch: requests made, and the streams whose counts changed. */
export interface WireTrafficDelta {
  requests: WireRequest[];
  jobs: WireTrafficJob[];
}

export type ClientMessage =
  /** `seed` and `nodes` choose the cluster when the host has none yet; a reconnect keeps it. */
  | { type: 'connect'; version: number; seed?: number; nodes?: number }
  | { type: 'apply'; id: number; yaml: string }
  /**
   * With `stream`, a command that keeps printing (`get --watch`) answers with `kubectlOutput`
   * pieces until a `kubectlStop` of its id, then its `kubectlResult`.
   */
  | { type: 'kubectl'; id: number; command: string; stdin?: string; stream?: boolean }
  | { type: 'kubectlStop'; id: number }
  | { type: 'delete'; id: number; kind: string; namespace?: string; name: string }
  | { type: 'pause' }
  | { type: 'play' }
  | { type: 'setSpeed'; speed: Speed };

export type ServerMessage =
  /** `time` is virtual ms since the cluster started; `epoch` is the wall-clock ms its timestamps count from. */
  | { type: 'snapshot'; version: number; epoch: number; time: number; paused: boolean; speed: Speed; objects: WireObject[]; traffic: WireTrafficJob[] }
  /**
   * Objects changed since the last tick; `deleted` holds "Kind/namespace/name" keys. `traffic` is
   * there when requests were made, so traffic alone also makes a patch (with no objects).
   */
  | { type: 'patch'; time: number; upserted: WireObject[]; deleted: string[]; traffic?: WireTrafficDelta }
  /** The clock moved (a new virtual second, pause, play, speed) while no object changed. */
  | { type: 'clock'; time: number; paused: boolean; speed: Speed }
  | { type: 'applyResult'; id: number; results: WireApplyResult[] }
  | { type: 'kubectlResult'; id: number; result: WireKubectlResult }
  /** Output of a streaming command so far (its first output, then what it printed since the last tick). */
  | { type: 'kubectlOutput'; id: number; stdout: string; stderr: string }
  | { type: 'deleteResult'; id: number; result: WireKubectlResult }
  | { type: 'fatal'; message: string };

/** Where the two ends meet; a Worker, a MessagePort or a socket adapter. */
export interface Transport<Out, In> {
  send(message: Out): void;
  onMessage(handler: (message: In) => void): void;
}
