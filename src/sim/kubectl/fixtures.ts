/**
 * Hand-built API objects and a kubectl context over them, for the tests of the printers,
 * describers and verbs: objects go straight into the store, so a test shows exactly what it prints.
 */
import { applyYaml } from '../apply';
import { AuditLog } from '../audit';
import { clone, type KubeObject } from '../api/object';
import { ApiServer } from '../api/server';
import { Store } from '../api/store';
import type { Endpoint, EndpointPort, Pod, Service } from '../api/types';
import { Rng } from '../rng';
import { Clock, rfc3339 } from '../time';
import type { KubectlContext } from './command';

/** The RFC 3339 timestamp `seconds` of virtual time after the cluster started. */
export const at = (seconds: number): string => rfc3339(seconds * 1000);

export interface Fixture {
  ctx: KubectlContext;
  store: Store;
  clock: Clock;
}

/** A context whose API server holds `objects`, with the virtual clock at `nowSeconds`. */
export function fixture(objects: readonly KubeObject[], nowSeconds: number): Fixture {
  const store = new Store();
  for (const obj of objects) store.put(clone(obj));
  const clock = new Clock();
  clock.set(nowSeconds * 1000);
  const api = new ApiServer(store, clock, new Rng(1), new AuditLog());
  return { ctx: { api, clock, apply: (text, source) => applyYaml(api, text, 'kubectl', source) }, store, clock };
}

/** The "default" Namespace, which objects created through the API server need. */
export const DEFAULT_NAMESPACE: KubeObject = { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'default', creationTimestamp: at(0) }, status: { phase: 'Active' } };

/** Objects created through the API server (defaulted and validated), as a cluster holds them and commands may update them. */
export function admitted(f: Fixture, objects: readonly KubeObject[]): void {
  for (const obj of objects) f.ctx.api.create(obj, 'test');
}

/** A one-container pod in "default", created at 0s, with the given changes on top. */
export function podFixture(name: string, changes: { spec?: Partial<NonNullable<Pod['spec']>>; status?: Pod['status']; metadata?: Partial<NonNullable<Pod['metadata']>> } = {}): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace: 'default', uid: `uid-${name}`, creationTimestamp: at(0), labels: { app: 'web' }, ...changes.metadata },
    spec: { containers: [{ name: 'app', image: 'nginx:1.27' }], ...changes.spec },
    status: changes.status ?? { phase: 'Pending' },
  };
}


/** A Service in "default", created at 0s, as the API server stores it once defaulted and allocated (k8s-semantics §6.1). */
export function serviceFixture(name: string, spec: Partial<NonNullable<Service['spec']>> = {}, status: Service['status'] = { loadBalancer: {} }): KubeObject {
  const clusterIP = spec.clusterIP ?? '10.96.12.34';
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name, namespace: 'default', uid: `uid-${name}`, creationTimestamp: at(0) },
    spec: {
      type: 'ClusterIP',
      selector: { app: 'web' },
      clusterIP,
      clusterIPs: [clusterIP],
      ipFamilies: ['IPv4'],
      ipFamilyPolicy: 'SingleStack',
      sessionAffinity: 'None',
      internalTrafficPolicy: 'Cluster',
      ports: [{ port: 80, targetPort: 80, protocol: 'TCP' }],
      ...spec,
    },
    status,
  };
}

/** One endpoint of a slice: ready (and serving) unless told otherwise. */
export function endpointFixture(ip: string, nodeName: string, pod: string, ready = true): Endpoint {
  return {
    addresses: [ip],
    conditions: { ready, serving: ready, terminating: false },
    nodeName,
    targetRef: { kind: 'Pod', name: pod, namespace: 'default', uid: `uid-${pod}` },
  };
}

/** A managed EndpointSlice of Service `service` (k8s-semantics §6.2). */
export function endpointSliceFixture(name: string, service: string, endpoints: Endpoint[], ports: EndpointPort[] = [{ name: '', port: 80, protocol: 'TCP' }]): KubeObject {
  return {
    apiVersion: 'discovery.k8s.io/v1',
    kind: 'EndpointSlice',
    metadata: {
      name,
      namespace: 'default',
      uid: `uid-${name}`,
      creationTimestamp: at(0),
      labels: { 'endpointslice.kubernetes.io/managed-by': 'endpointslice-controller.k8s.io', 'kubernetes.io/service-name': service },
    },
    addressType: 'IPv4',
    ports,
    endpoints,
  };
}
