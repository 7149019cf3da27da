/** The describer of each kind: the registry `kubectl describe` looks kinds up in. */
import type { KubeObject } from '../../api/object';
import type { ApiServer } from '../../api/server';
import { describeConfigMap, describeSecret } from './config';
import { describeDaemonSet } from './daemonset';
import { describeDeployment } from './deployment';
import { describeEndpointSlice, describeEndpoints } from './endpoints';
import { describeGeneric } from './generic';
import { describeCronJob, describeJob } from './job';
import { describeNamespace } from './namespace';
import { describeNode } from './node';
import { describePod } from './pod';
import { describeLimitRange, describeResourceQuota } from './quota';
import { describeReplicaSet } from './replicaset';
import { describeService } from './service';
import { describeStatefulSet } from './statefulset';
import { describePersistentVolume, describePersistentVolumeClaim, describeStorageClass } from './storage';

export type Describer = (api: ApiServer, obj: KubeObject, now: number) => string;

const DESCRIBERS: Record<string, Describer> = {
  Pod: describePod,
  Deployment: describeDeployment,
  ReplicaSet: describeReplicaSet,
  Node: describeNode,
  Namespace: describeNamespace,
  ResourceQuota: describeResourceQuota,
  LimitRange: describeLimitRange,
  Service: describeService,
  Endpoints: describeEndpoints,
  EndpointSlice: describeEndpointSlice,
  Job: describeJob,
  CronJob: describeCronJob,
  StatefulSet: describeStatefulSet,
  DaemonSet: describeDaemonSet,
  ConfigMap: describeConfigMap,
  Secret: describeSecret,
  PersistentVolume: describePersistentVolume,
  PersistentVolumeClaim: describePersistentVolumeClaim,
  StorageClass: describeStorageClass,
};

/** The describer for a kind; kinds without their own fall back to the generic one, as in kubectl. */
export function describerFor(kind: string): Describer {
  return DESCRIBERS[kind] ?? describeGeneric;
}
