/** The API resources kubesim serves: kind ↔ group/version ↔ resource name, as discovery tells kubectl. */
export interface ResourceInfo {
  kind: string;
  group: string;
  version: string;
  /** Plural resource name ("deployments"). */
  resource: string;
  singular: string;
  namespaced: boolean;
  shortNames: string[];
  /** Whether it has a status subresource: a main-resource update leaves status alone. */
  hasStatus: boolean;
  /** Whether spec changes bump metadata.generation. */
  generation: boolean;
}

const RESOURCES: ResourceInfo[] = [
  { kind: 'Namespace', group: '', version: 'v1', resource: 'namespaces', singular: 'namespace', namespaced: false, shortNames: ['ns'], hasStatus: true, generation: false },
  { kind: 'Node', group: '', version: 'v1', resource: 'nodes', singular: 'node', namespaced: false, shortNames: ['no'], hasStatus: true, generation: false },
  { kind: 'Pod', group: '', version: 'v1', resource: 'pods', singular: 'pod', namespaced: true, shortNames: ['po'], hasStatus: true, generation: false },
  { kind: 'Event', group: '', version: 'v1', resource: 'events', singular: 'event', namespaced: true, shortNames: ['ev'], hasStatus: false, generation: false },
  { kind: 'Deployment', group: 'apps', version: 'v1', resource: 'deployments', singular: 'deployment', namespaced: true, shortNames: ['deploy'], hasStatus: true, generation: true },
  { kind: 'ReplicaSet', group: 'apps', version: 'v1', resource: 'replicasets', singular: 'replicaset', namespaced: true, shortNames: ['rs'], hasStatus: true, generation: true },
  { kind: 'Service', group: '', version: 'v1', resource: 'services', singular: 'service', namespaced: true, shortNames: ['svc'], hasStatus: true, generation: false },
  { kind: 'Endpoints', group: '', version: 'v1', resource: 'endpoints', singular: 'endpoints', namespaced: true, shortNames: ['ep'], hasStatus: false, generation: false },
  { kind: 'EndpointSlice', group: 'discovery.k8s.io', version: 'v1', resource: 'endpointslices', singular: 'endpointslice', namespaced: true, shortNames: [], hasStatus: false, generation: true },
  { kind: 'Ingress', group: 'networking.k8s.io', version: 'v1', resource: 'ingresses', singular: 'ingress', namespaced: true, shortNames: ['ing'], hasStatus: true, generation: true },
  { kind: 'IngressClass', group: 'networking.k8s.io', version: 'v1', resource: 'ingressclasses', singular: 'ingressclass', namespaced: false, shortNames: [], hasStatus: false, generation: true },
  { kind: 'HorizontalPodAutoscaler', group: 'autoscaling', version: 'v2', resource: 'horizontalpodautoscalers', singular: 'horizontalpodautoscaler', namespaced: true, shortNames: ['hpa'], hasStatus: true, generation: true },
  { kind: 'StatefulSet', group: 'apps', version: 'v1', resource: 'statefulsets', singular: 'statefulset', namespaced: true, shortNames: ['sts'], hasStatus: true, generation: true },
  { kind: 'DaemonSet', group: 'apps', version: 'v1', resource: 'daemonsets', singular: 'daemonset', namespaced: true, shortNames: ['ds'], hasStatus: true, generation: true },
  { kind: 'ControllerRevision', group: 'apps', version: 'v1', resource: 'controllerrevisions', singular: 'controllerrevision', namespaced: true, shortNames: [], hasStatus: false, generation: false },
  { kind: 'Job', group: 'batch', version: 'v1', resource: 'jobs', singular: 'job', namespaced: true, shortNames: [], hasStatus: true, generation: true },
  { kind: 'CronJob', group: 'batch', version: 'v1', resource: 'cronjobs', singular: 'cronjob', namespaced: true, shortNames: ['cj'], hasStatus: true, generation: true },
  { kind: 'ConfigMap', group: '', version: 'v1', resource: 'configmaps', singular: 'configmap', namespaced: true, shortNames: ['cm'], hasStatus: false, generation: false },
  { kind: 'Secret', group: '', version: 'v1', resource: 'secrets', singular: 'secret', namespaced: true, shortNames: [], hasStatus: false, generation: false },
  { kind: 'ServiceAccount', group: '', version: 'v1', resource: 'serviceaccounts', singular: 'serviceaccount', namespaced: true, shortNames: ['sa'], hasStatus: false, generation: false },
  { kind: 'PersistentVolume', group: '', version: 'v1', resource: 'persistentvolumes', singular: 'persistentvolume', namespaced: false, shortNames: ['pv'], hasStatus: true, generation: false },
  { kind: 'PersistentVolumeClaim', group: '', version: 'v1', resource: 'persistentvolumeclaims', singular: 'persistentvolumeclaim', namespaced: true, shortNames: ['pvc'], hasStatus: true, generation: false },
  { kind: 'StorageClass', group: 'storage.k8s.io', version: 'v1', resource: 'storageclasses', singular: 'storageclass', namespaced: false, shortNames: ['sc'], hasStatus: false, generation: false },
  { kind: 'LimitRange', group: '', version: 'v1', resource: 'limitranges', singular: 'limitrange', namespaced: true, shortNames: ['limits'], hasStatus: false, generation: false },
  { kind: 'ResourceQuota', group: '', version: 'v1', resource: 'resourcequotas', singular: 'resourcequota', namespaced: true, shortNames: ['quota'], hasStatus: true, generation: false },
  // Argo Rollouts' custom resources, as a cluster with its CRDs installed serves them.
  { kind: 'Rollout', group: 'argoproj.io', version: 'v1alpha1', resource: 'rollouts', singular: 'rollout', namespaced: true, shortNames: ['ro'], hasStatus: true, generation: true },
  { kind: 'AnalysisTemplate', group: 'argoproj.io', version: 'v1alpha1', resource: 'analysistemplates', singular: 'analysistemplate', namespaced: true, shortNames: [], hasStatus: false, generation: true },
  { kind: 'Lease', group: 'coordination.k8s.io', version: 'v1', resource: 'leases', singular: 'lease', namespaced: true, shortNames: [], hasStatus: false, generation: false },
];

const byKind = new Map(RESOURCES.map((r) => [r.kind, r]));

export function resourceForKind(kind: string): ResourceInfo | undefined {
  return byKind.get(kind);
}

export function allResources(): readonly ResourceInfo[] {
  return RESOURCES;
}

export function apiVersionOf(info: ResourceInfo): string {
  return info.group ? `${info.group}/${info.version}` : info.version;
}

/** "deployments.apps" or "pods": how the apiserver names a resource in its messages. */
export function qualifiedResource(info: ResourceInfo): string {
  return info.group ? `${info.resource}.${info.group}` : info.resource;
}

/**
 * Finds a resource by what a person types: plural, singular, short name, kind, or
 * "resource.group" ("deployments.apps"), case-insensitively as kubectl does.
 */
export function resolveResource(name: string): ResourceInfo | undefined {
  const lower = name.toLowerCase();
  for (const r of RESOURCES) {
    const names = [r.resource, r.singular, r.kind.toLowerCase(), ...r.shortNames];
    if (names.includes(lower)) return r;
    if (r.group && names.some((n) => `${n}.${r.group}` === lower)) return r;
  }
  return undefined;
}
