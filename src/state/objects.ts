/**
 * Small, pure readers of wire objects shared by the stores and the UI: keys, owners, pod requests.
 */
import type { Pod } from 'kubernetes-types/core/v1';
import type { WireObject } from '../protocol/messages';
import { bytes, cpuMillis } from './quantity';

/** "Kind/namespace/name", namespace empty for cluster-scoped kinds: the key the worker sends. */
export function objectKey(kind: string, namespace: string | undefined, name: string): string {
  return `${kind}/${namespace ?? ''}/${name}`;
}

export function keyOf(obj: WireObject): string {
  return objectKey(obj.kind, obj.metadata.namespace, obj.metadata.name ?? '');
}

export function parseKey(key: string): { kind: string; namespace: string; name: string } {
  const [kind = '', namespace = '', ...rest] = key.split('/');
  return { kind, namespace, name: rest.join('/') };
}

export function controllerUid(obj: WireObject): string | undefined {
  return obj.metadata.ownerReferences?.find((ref) => ref.controller)?.uid;
}

/** Orders by creation, then name: the order objects keep in the graph's columns and grids. */
export function byCreation(a: WireObject, b: WireObject): number {
  const ta = a.metadata.creationTimestamp ?? '';
  const tb = b.metadata.creationTimestamp ?? '';
  if (ta !== tb) return ta < tb ? -1 : 1;
  return (a.metadata.name ?? '').localeCompare(b.metadata.name ?? '', 'en', { numeric: true });
}

export interface Requests {
  cpuMillis: number;
  memoryBytes: number;
}

/**
 * What the scheduler reserves for a pod: the larger of its containers' summed requests and its
 * biggest init container, plus overhead (kube-scheduler's `computePodResourceRequest`). A missing
 * request falls back to the limit, as apiserver defaulting does.
 */
export function podRequests(pod: Pod): Requests {
  const spec = pod.spec;
  let cpu = 0;
  let memory = 0;
  const of = (c: { resources?: { requests?: Record<string, string>; limits?: Record<string, string> } }) => ({
    cpu: cpuMillis(c.resources?.requests?.cpu ?? c.resources?.limits?.cpu),
    memory: bytes(c.resources?.requests?.memory ?? c.resources?.limits?.memory),
  });
  for (const container of spec?.containers ?? []) {
    const r = of(container);
    cpu += r.cpu;
    memory += r.memory;
  }
  for (const container of spec?.initContainers ?? []) {
    const r = of(container);
    if (container.restartPolicy === 'Always') {
      cpu += r.cpu;
      memory += r.memory;
    } else {
      cpu = Math.max(cpu, r.cpu);
      memory = Math.max(memory, r.memory);
    }
  }
  cpu += cpuMillis(spec?.overhead?.cpu);
  memory += bytes(spec?.overhead?.memory);
  return { cpuMillis: cpu, memoryBytes: memory };
}

/** Pods that finished no longer hold their node's resources. */
export function isTerminated(pod: Pod): boolean {
  return pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed';
}

/** The tag of an image reference ("nginx:1.14.2" → "1.14.2"), "latest" when none, the digest's head when pinned. */
export function imageTag(image: string | undefined): string {
  if (!image) return '';
  const at = image.indexOf('@');
  if (at >= 0) return image.slice(at + 1, at + 1 + 'sha256:'.length + 7);
  const lastSegment = image.slice(image.lastIndexOf('/') + 1);
  const colon = lastSegment.lastIndexOf(':');
  return colon >= 0 ? lastSegment.slice(colon + 1) : 'latest';
}
