/**
 * The namespace registry's own rules (pkg/registry/core/namespace) and the NamespaceLifecycle
 * admission check on delete: a namespace carries the `kubernetes` finalizer in spec.finalizers,
 * goes Terminating when deleted, and stays until the namespace controller has emptied it and
 * removed that finalizer.
 */
import { ApiError, forbidden } from './errors';
import { clone } from './object';
import type { Namespace } from './types';
import { rfc3339 } from '../time';

export const NAMESPACE_FINALIZER = 'kubernetes';

/** NamespaceLifecycle's immortal namespaces (kube-node-lease is not one: the apiserver recreates it). */
export const IMMORTAL_NAMESPACES = ['default', 'kube-system', 'kube-public'];

/** The namespaces the apiserver's system-namespaces controller keeps in existence. */
export const SYSTEM_NAMESPACES = ['default', 'kube-node-lease', 'kube-public', 'kube-system'];

/**
 * SetDefaults_Namespace labels a namespace with its own name; namespaceStrategy.PrepareForCreate
 * gives a new one the `kubernetes` finalizer.
 */
export function defaultNamespace(ns: Namespace): void {
  const name = ns.metadata?.name;
  if (name) ns.metadata!.labels = { ...ns.metadata!.labels, 'kubernetes.io/metadata.name': name };
  ns.spec ??= {};
  ns.spec.finalizers ??= [NAMESPACE_FINALIZER];
}

export function hasSpecFinalizers(ns: Namespace): boolean {
  return (ns.spec?.finalizers?.length ?? 0) > 0;
}

/**
 * DELETE of a namespace: refused for the immortal ones; the first delete marks it Terminating and
 * returns it to be stored; a namespace without spec finalizers (undefined result) goes at once.
 */
export function beginNamespaceDeletion(old: Namespace, now: number): Namespace | undefined {
  const name = old.metadata!.name!;
  if (IMMORTAL_NAMESPACES.includes(name)) throw forbidden('namespaces', name, 'this namespace may not be deleted');
  if (!hasSpecFinalizers(old)) return undefined;
  if (old.metadata?.deletionTimestamp) {
    throw new ApiError(
      'Conflict',
      `Operation cannot be fulfilled on namespaces "${name}": The system is ensuring all content is removed from this namespace.  Upon completion, this namespace will automatically be purged by the system.`,
    );
  }
  const next = clone(old);
  next.metadata!.deletionTimestamp = rfc3339(now);
  next.metadata!.deletionGracePeriodSeconds = 0;
  next.status = { ...next.status, phase: 'Terminating' };
  return next;
}
