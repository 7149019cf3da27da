import type { KubeObject } from './api/object';
import type { WatchEvent } from './api/store';
import type { RequestRecord, TrafficJob } from './network/traffic';
import type { PodFile } from './kubelet/filesystem';

export type { RequestRecord, TrafficJob };
export type { PodFile };

/** A worker node to create at start-up. */
export interface NodeSpecOption {
  name: string;
  cpu?: string;
  memory?: string;
  pods?: number;
  labels?: Record<string, string>;
  taints?: { key: string; value?: string; effect: 'NoSchedule' | 'PreferNoSchedule' | 'NoExecute' }[];
}

export interface ClusterOptions {
  /** A count N gives node-1 … node-N (4 CPU, 8Gi, 110 pods) plus a tainted control-plane node. */
  nodes?: number | NodeSpecOption[];
  seed?: number;
  /** How `kubectl apply -f FILE` reads a file: Node passes one; the browser has none. */
  readFile?: (path: string) => string;
  /**
   * Whether commands that wait (`rollout status`, `drain`) move virtual time on themselves, as a
   * shell user would see them wait. True by default; the app sets false, as its clock runs on its own.
   */
  kubectlWaits?: boolean;
}

export interface KubectlResult {
  stdout: string;
  stderr: string;
  exitCode: number;
}

/** The outcome of one YAML document of an apply, as kubectl words it. */
export interface ApplyResult {
  /** 0-based index of the document in the text. */
  index: number;
  kind?: string;
  name?: string;
  namespace?: string;
  action?: 'created' | 'configured' | 'unchanged';
  /** kubectl's line: "deployment.apps/web created", or the error text. */
  message: string;
  /** The apiserver's warnings, which kubectl prints as "Warning: …" on stderr. */
  warnings?: string[];
  error?: {
    message: string;
    /** The apiserver's reason (Invalid, BadRequest, …) and its own message, when the API refused it. */
    reason?: string;
    apiMessage?: string;
    /** 1-based line in the whole text the error points at, when known. */
    line?: number;
    /** Field paths the apiserver named ("spec.template.metadata.labels"). */
    fields?: { field: string; message: string; line?: number }[];
  };
}

export interface ClusterEvent {
  type: 'Normal' | 'Warning';
  reason: string;
  message: string;
  involvedObject: { kind: string; namespace?: string; name: string; uid?: string };
  source: string;
  count: number;
  firstTimestamp: string;
  lastTimestamp: string;
}

/** One API write: who did which verb to which object, at which virtual time. */
export interface AuditEntry {
  time: number;
  actor: string;
  verb: 'create' | 'update' | 'patch' | 'delete';
  subresource?: string;
  kind: string;
  namespace?: string;
  name: string;
  resourceVersion: string;
}

export interface ClusterSnapshot {
  version: 1;
  [part: string]: unknown;
}

/** A command that may keep printing after it returns (`kubectl get --watch`). */
export interface KubectlSession {
  /** What it printed before returning. */
  result: KubectlResult;
  /** Whether more output follows until stop(). */
  streaming: boolean;
  stop(): void;
}

export interface Cluster {
  kubectl(commandLine: string, stdin?: string): KubectlResult;
  /** Runs a command that may stream; `onOutput` gets each later piece of its stdout. */
  kubectlStream?(commandLine: string, onOutput: (stdout: string) => void, stdin?: string): KubectlSession;
  apply(yamlText: string): ApplyResult[];
  advance(ms: number): void;
  now(): number;
  get(kind: string, name: string, namespace?: string): KubeObject | undefined;
  list(kind: string, namespace?: string): KubeObject[];
  events(): ClusterEvent[];
  audit(): AuditEntry[];
  snapshot(): ClusterSnapshot;
  restore(snapshot: ClusterSnapshot): void;
  /** Subscribe to every object change (the worker batches these per frame). Returns unsubscribe. */
  watch(listener: (event: WatchEvent) => void): () => void;
  /** Every stored object (the worker's initial sync). */
  objects(): KubeObject[];
  /** Traffic streams (kubectl sim traffic, in-cluster load generators) with their counts. */
  trafficJobs(): TrafficJob[];
  /** Requests made after virtual time `since` (the most recent 500), for drawing them. */
  requestsSince(since: number): RequestRecord[];
  /** The files in a pod's volumes, where its containers see them (the inspector's file view). */
  podFiles?(namespace: string, name: string): PodFile[];
  /** The environment a container's process was started with, as `env` prints it; undefined until it starts. */
  containerEnv?(namespace: string, name: string, container: string): [name: string, value: string][] | undefined;
}
