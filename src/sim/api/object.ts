import type { ObjectMeta, OwnerReference } from './types';

/** Any stored API object. Kind-specific shapes come from kubernetes-types, cast at the point of use. */
export interface KubeObject {
  apiVersion: string;
  kind: string;
  metadata: ObjectMeta;
  spec?: unknown;
  status?: unknown;
  [field: string]: unknown;
}

export function objectKey(kind: string, namespace: string | undefined, name: string): string {
  return `${kind}/${namespace ?? ''}/${name}`;
}

export function keyOf(obj: KubeObject): string {
  return objectKey(obj.kind, obj.metadata.namespace, obj.metadata.name ?? '');
}

export function parseKey(key: string): { kind: string; namespace: string; name: string } {
  const [kind, namespace, name] = key.split('/');
  return { kind, namespace, name };
}

export function controllerOf(obj: KubeObject): OwnerReference | undefined {
  return obj.metadata.ownerReferences?.find((ref) => ref.controller);
}

/** A deep copy of JSON data: controllers edit copies and write them back, never the stored object. */
export function clone<T>(value: T): T {
  return value === undefined ? value : (JSON.parse(JSON.stringify(value)) as T);
}

/** Objects without repeats, first occurrence kept. */
export function uniqueByKey<T extends KubeObject>(objects: T[]): T[] {
  return [...new Map(objects.map((o) => [keyOf(o), o])).values()];
}
