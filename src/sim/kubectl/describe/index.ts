/** The describer of each kind: the registry `kubectl describe` looks kinds up in. */
import type { KubeObject } from '../../api/object';
import type { ApiServer } from '../../api/server';
import { describeDeployment } from './deployment';
import { describeEndpointSlice, describeEndpoints } from './endpoints';
import { describeGeneric } from './generic';
import { describeNamespace } from './namespace';
import { describeNode } from './node';
import { describePod } from './pod';
import { describeReplicaSet } from './replicaset';
import { describeService } from './service';

export type Describer = (api: ApiServer, obj: KubeObject, now: number) => string;

const DESCRIBERS: Record<string, Describer> = {
  Pod: describePod,
  Deployment: describeDeployment,
  ReplicaSet: describeReplicaSet,
  Node: describeNode,
  Namespace: (_api, obj) => describeNamespace(obj),
  Service: describeService,
  Endpoints: describeEndpoints,
  EndpointSlice: describeEndpointSlice,
};

/** The describer for a kind; kinds without their own fall back to the generic one, as in kubectl. */
export function describerFor(kind: string): Describer {
  return DESCRIBERS[kind] ?? describeGeneric;
}
