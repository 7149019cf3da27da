/** The public contract of the simulation core (DESIGN.md): tests, the worker and the CLI use only this. */
export { createCluster, KUBERNETES_VERSION } from './cluster';
export type {
  ApplyResult,
  AuditEntry,
  Cluster,
  ClusterEvent,
  ClusterOptions,
  ClusterSnapshot,
  KubectlResult,
  NodeSpecOption,
  RequestRecord,
  TrafficJob,
} from './contract';
export type { KubeObject } from './api/object';
export type { WatchEvent, WatchEventType } from './api/store';
