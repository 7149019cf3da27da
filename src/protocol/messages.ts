/**
 * The versioned messages between the simulation worker and the UI. Types only: the transport
 * (postMessage today, a WebSocket later) is chosen by whoever wires the two ends.
 *
 * The conversation: the UI sends `connect`, the host answers with a full `snapshot`, then sends at
 * most one `patch` per clock tick holding only the objects that changed and the requests made.
 * Commands carry an `id` that their result echoes. The inspector's reads (`podView`, `claimBinding`)
 * are answered the same way. For crash recovery the UI pings (the host answers `pong`), asks for
 * snapshots, and connects a new host with `restore`: the last snapshot plus the inputs since.
 */
import type { ObjectMeta } from 'kubernetes-types/meta/v1';

export const PROTOCOL_VERSION = 4;

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

/** One file of a pod's volumes, where the first container that mounts the volume sees it. */
export interface WirePodFile {
  path: string;
  volume: string;
  content: string;
}

/** A container's process environment as `env` prints it; `env` is unset until the container starts. */
export interface WireContainerEnv {
  container: string;
  init: boolean;
  env?: [name: string, value: string][];
}

/** What the inspector's Files and Environment sections show for a pod; `found` is false once it is gone. */
export interface WirePodView {
  found: boolean;
  /** Set when reading them failed (a bug), so the inspector says so instead of waiting. */
  error?: string;
  files: WirePodFile[];
  containers: WireContainerEnv[];
}

/** One volume's verdict in the binder's search (explainClaim): whether it fits the claim and why. */
export interface WireVolumeVerdict {
  volume: string;
  reason: string;
  fits: boolean;
  message: string;
}

/** explainClaim's answer: the binder's decision for the claim and every volume's verdict. */
export interface WireClaimExplanation {
  phase: string;
  storageClass: string;
  volumeBindingMode?: string;
  outcome: string;
  summary: string;
  volume?: string;
  verdicts: WireVolumeVerdict[];
}

/** One API write from the audit log: which component did which verb to which object, when (virtual ms). */
export interface WireAuditEntry {
  time: number;
  actor: string;
  verb: string;
  subresource?: string;
  kind: string;
  namespace?: string;
  name: string;
  /** The object's resourceVersion after the write: orders writes made at the same virtual ms. */
  resourceVersion: string;
}

/**
 * The binding flow of one claim, from the cluster's own records: `search` is explainClaim as the
 * worker saw it at virtual time `searchedAt`, the last moment before the binder or provisioner
 * acted (unset when the worker never saw the claim unbound); `now` is explainClaim at present;
 * `audit` holds the writes to the claim, its volume, the pods that mount it, and its events' creation.
 */
export interface WireClaimBinding {
  found: boolean;
  /** Set when reading them failed (a bug), so the inspector says so instead of waiting. */
  error?: string;
  search?: WireClaimExplanation;
  searchedAt?: number;
  now?: WireClaimExplanation;
  audit: WireAuditEntry[];
}

/** A cluster snapshot (SimCluster.snapshot), opaque to the UI. */
export interface WireSnapshot {
  version: number;
  [part: string]: unknown;
}

/** A command that changed the cluster, with the virtual ms it ran at, for replay after a restart. */
export type WireInput =
  | { type: 'apply'; time: number; yaml: string }
  | { type: 'kubectl'; time: number; command: string; stdin?: string }
  | { type: 'delete'; time: number; kind: string; namespace?: string; name: string };

/**
 * What a new worker rebuilds after the last one died: the last snapshot (none: the cluster from its
 * seed), the inputs recorded since, replayed at their virtual times, then the clock where the UI saw it.
 */
export interface WireRestore {
  snapshot?: WireSnapshot;
  inputs: WireInput[];
  time: number;
  paused: boolean;
  speed: Speed;
}

export type ClientMessage =
  /** `seed` and `nodes` choose the cluster when the host has none yet; a reconnect keeps it. */
  | { type: 'connect'; version: number; seed?: number; nodes?: number; restore?: WireRestore }
  /** The heartbeat: the host answers `pong` at once, so a UI can tell a hung worker. */
  | { type: 'ping'; id: number }
  /** Asks for a snapshot to restart from; every result sent before it is inside the snapshot. */
  | { type: 'saveSnapshot'; id: number }
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
  | { type: 'setSpeed'; speed: Speed }
  /** The inspector's read-only questions: a pod's files and environment, a claim's binding flow. */
  | { type: 'podView'; id: number; namespace: string; name: string }
  | { type: 'claimBinding'; id: number; namespace: string; name: string };

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
  /** `time` is the virtual ms a command ran at, so it can be replayed at the same instant. */
  | { type: 'applyResult'; id: number; time?: number; results: WireApplyResult[] }
  | { type: 'kubectlResult'; id: number; time?: number; result: WireKubectlResult }
  /** Output of a streaming command so far (its first output, then what it printed since the last tick). */
  | { type: 'kubectlOutput'; id: number; stdout: string; stderr: string }
  | { type: 'deleteResult'; id: number; time?: number; result: WireKubectlResult }
  | { type: 'pong'; id: number }
  | { type: 'savedSnapshot'; id: number; time: number; snapshot: WireSnapshot }
  | { type: 'podViewResult'; id: number; view: WirePodView }
  | { type: 'claimBindingResult'; id: number; binding: WireClaimBinding }
  | { type: 'fatal'; message: string };

/** Where the two ends meet; a Worker, a MessagePort or a socket adapter. */
export interface Transport<Out, In> {
  send(message: Out): void;
  onMessage(handler: (message: In) => void): void;
}
