/** Small predicates lesson checks share, over the read-only view. */
import type { Deployment, ReplicaSet } from 'kubernetes-types/apps/v1';
import type { Pod, Service } from 'kubernetes-types/core/v1';
import type { EndpointSlice } from 'kubernetes-types/discovery/v1';
import type { LessonView } from './types';

export function pod(view: LessonView, name: string, namespace = 'default'): Pod | undefined {
  return view.get('Pod', name, namespace) as Pod | undefined;
}

export function isReady(p: Pod | undefined): boolean {
  return !!p?.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True');
}

export function isRunningAndReady(p: Pod | undefined): boolean {
  return p?.status?.phase === 'Running' && isReady(p) && !p.metadata?.deletionTimestamp;
}

/** Live pods whose labels include all of `labels`. */
export function podsWith(view: LessonView, labels: Record<string, string>, namespace = 'default'): Pod[] {
  return (view.list('Pod', namespace) as Pod[]).filter(
    (p) => !p.metadata?.deletionTimestamp && Object.entries(labels).every(([k, v]) => p.metadata?.labels?.[k] === v),
  );
}

export function deployment(view: LessonView, name: string, namespace = 'default'): Deployment | undefined {
  return view.get('Deployment', name, namespace) as Deployment | undefined;
}

/** A Deployment whose rollout is complete with `replicas` available, as `kubectl rollout status` says. */
export function rolledOut(d: Deployment | undefined, replicas: number): boolean {
  const s = d?.status;
  if (!d || !s || (s.observedGeneration ?? 0) < (d.metadata?.generation ?? 0)) return false;
  return d.spec?.replicas === replicas && s.updatedReplicas === replicas && s.availableReplicas === replicas && (s.replicas ?? 0) === replicas;
}

export function replicaSetsOf(view: LessonView, d: Deployment | undefined, namespace = 'default'): ReplicaSet[] {
  const uid = d?.metadata?.uid;
  return (view.list('ReplicaSet', namespace) as ReplicaSet[]).filter((rs) => rs.metadata?.ownerReferences?.some((r) => r.uid === uid));
}

export function firstImage(p: { spec?: { containers?: { image?: string }[] } } | undefined): string | undefined {
  return p?.spec?.containers?.[0]?.image;
}

export function service(view: LessonView, name: string, namespace = 'default'): Service | undefined {
  return view.get('Service', name, namespace) as Service | undefined;
}

/** Names of the pods a Service's EndpointSlices list as ready. */
export function readyEndpointPods(view: LessonView, serviceName: string, namespace = 'default'): string[] {
  return (view.list('EndpointSlice', namespace) as EndpointSlice[])
    .filter((s) => s.metadata?.labels?.['kubernetes.io/service-name'] === serviceName)
    .flatMap((s) => s.endpoints ?? [])
    .filter((e) => e.conditions?.ready && e.targetRef?.kind === 'Pod')
    .map((e) => e.targetRef!.name!)
    .sort();
}
