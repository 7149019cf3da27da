import { ApiError } from '../api/errors';
import { allResources } from '../api/kinds';
import { NAMESPACE_FINALIZER, SYSTEM_NAMESPACES } from '../api/namespace';
import { clone, keyOf, objectKey, parseKey, type KubeObject } from '../api/object';
import type { WatchEvent } from '../api/store';
import type { Namespace, Pod } from '../api/types';
import { fromRfc3339, rfc3339 } from '../time';
import { Controller, type ControllerContext } from './controller';

type NamespaceCondition = NonNullable<NonNullable<Namespace['status']>['conditions']>[number];

/** The conditions the namespace deleter maintains, in its order, with their "all is well" reason and message. */
const CONDITIONS: [type: string, reason: string, message: string][] = [
  ['NamespaceDeletionDiscoveryFailure', 'ResourcesDiscovered', 'All resources successfully discovered'],
  ['NamespaceDeletionGroupVersionParsingFailure', 'ParsedGroupVersions', 'All legacy kube types successfully parsed'],
  ['NamespaceDeletionContentFailure', 'ContentDeleted', 'All content successfully deleted, may be waiting on finalization'],
  ['NamespaceContentRemaining', 'ContentRemoved', 'All content successfully removed'],
  ['NamespaceFinalizersRemaining', 'ContentRemoved', 'All content successfully removed'],
];

/** How long to wait before looking again at content that is still going away. */
const MIN_REQUEUE_MS = 1000;

const RECREATE_PREFIX = 'recreate:';

interface Remaining {
  /** "pods. has 2 resource instances", per resource. */
  resources: string[];
  /** "foregroundDeletion in 1 resource instances", per finalizer. */
  finalizers: string[];
  /** When the slowest terminating pod should be gone. */
  estimateMs: number;
}

/**
 * pkg/controller/namespace: a deleted namespace (Terminating) has every object in it deleted;
 * while some remain (pods in their grace period, objects held by finalizers) its conditions say
 * what is left; once it is empty the `kubernetes` finalizer is removed and the namespace goes.
 */
export class NamespaceController extends Controller {
  constructor(ctx: ControllerContext) {
    super('namespace-controller', ctx);
  }

  onEvent({ type, object }: WatchEvent): void {
    if (object.kind === 'Namespace') {
      if (object.metadata.deletionTimestamp) this.enqueue(keyOf(object));
      if (type === 'DELETED' && SYSTEM_NAMESPACES.includes(object.metadata.name!)) this.enqueue(RECREATE_PREFIX + object.metadata.name);
      return;
    }
    // Something changed inside a terminating namespace: it may be empty now.
    const namespace = object.metadata.namespace;
    if (namespace && this.ctx.api.get('Namespace', undefined, namespace)?.metadata.deletionTimestamp) this.enqueue(objectKey('Namespace', undefined, namespace));
  }

  protected sync(key: string): void {
    if (key.startsWith(RECREATE_PREFIX)) {
      this.recreate(key.slice(RECREATE_PREFIX.length));
      return;
    }
    const ns = this.ctx.api.get('Namespace', undefined, parseKey(key).name) as Namespace | undefined;
    if (!ns?.metadata?.deletionTimestamp || !ns.spec?.finalizers?.includes(NAMESPACE_FINALIZER)) return;
    const name = ns.metadata.name!;
    const failures = this.deleteAllContent(name);
    const remaining = this.remaining(name);
    const written = this.writeConditions(ns, failures, remaining);
    if (failures.length || remaining.resources.length) {
      this.enqueue(key, Math.max(MIN_REQUEUE_MS, remaining.estimateMs));
      return;
    }
    // finalizeNamespace: without its last spec finalizer the apiserver removes the namespace.
    const finalized = clone(written);
    finalized.spec = { ...finalized.spec, finalizers: finalized.spec!.finalizers!.filter((f) => f !== NAMESPACE_FINALIZER) };
    this.ctx.api.update(finalized as KubeObject, this.name);
  }

  /**
   * The apiserver's system-namespaces controller brings back a deleted kube-node-lease (the
   * others cannot be deleted); kubesim does it at once rather than on its one-minute tick.
   */
  private recreate(name: string): void {
    if (this.ctx.api.get('Namespace', undefined, name)) return;
    this.ctx.api.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name } }, 'kube-apiserver');
  }

  /** Deletes every object of every namespaced resource; returns the errors other than NotFound. */
  private deleteAllContent(namespace: string): string[] {
    const failures: string[] = [];
    for (const info of allResources()) {
      if (!info.namespaced) continue;
      for (const obj of [...this.ctx.api.list(info.kind, namespace)]) {
        if (obj.metadata.deletionTimestamp) continue;
        try {
          this.ctx.api.delete(info.kind, namespace, obj.metadata.name!, this.name);
        } catch (err) {
          if (!(err instanceof ApiError)) throw err;
          if (err.reason !== 'NotFound') failures.push(err.message);
        }
      }
    }
    return failures;
  }

  private remaining(namespace: string): Remaining {
    const now = this.ctx.clock.now();
    const result: Remaining = { resources: [], finalizers: [], estimateMs: 0 };
    const byFinalizer = new Map<string, number>();
    for (const info of allResources()) {
      if (!info.namespaced) continue;
      const left = this.ctx.api.list(info.kind, namespace);
      if (left.length === 0) continue;
      result.resources.push(`${info.resource}.${info.group} has ${left.length} resource instances`);
      for (const obj of left) {
        for (const f of obj.metadata.finalizers ?? []) byFinalizer.set(f, (byFinalizer.get(f) ?? 0) + 1);
        const deadline = obj.kind === 'Pod' ? (obj as Pod).metadata?.deletionTimestamp : undefined;
        if (deadline) result.estimateMs = Math.max(result.estimateMs, fromRfc3339(deadline) - now);
      }
    }
    result.resources.sort();
    result.finalizers = [...byFinalizer].map(([f, n]) => `${f} in ${n} resource instances`).sort();
    return result;
  }

  /** updateConditions: each condition is True with what went wrong, or False with its "ok" reason. */
  private writeConditions(ns: Namespace, failures: string[], remaining: Remaining): Namespace {
    const now = rfc3339(this.ctx.clock.now());
    const failing = new Map<string, [reason: string, message: string]>();
    if (failures.length) failing.set('NamespaceDeletionContentFailure', ['ContentDeletionFailed', `Failed to delete all resource types, ${failures.length} remaining: ${[...failures].sort().join(', ')}`]);
    if (remaining.resources.length) failing.set('NamespaceContentRemaining', ['SomeResourcesRemain', `Some resources are remaining: ${remaining.resources.join(', ')}`]);
    if (remaining.finalizers.length) failing.set('NamespaceFinalizersRemaining', ['SomeFinalizerRemain', `Some finalizers are remaining: ${remaining.finalizers.join(', ')}`]);
    const old = ns.status?.conditions ?? [];
    const conditions: NamespaceCondition[] = CONDITIONS.map(([type, okReason, okMessage]) => {
      const [reason, message] = failing.get(type) ?? [okReason, okMessage];
      const status = failing.has(type) ? 'True' : 'False';
      const previous = old.find((c) => c.type === type);
      const lastTransitionTime = previous && previous.status === status ? previous.lastTransitionTime : now;
      return { type, status, lastTransitionTime, reason, message };
    });
    return this.ctx.api.updateStatus({ ...(ns as KubeObject), status: { ...ns.status, phase: 'Terminating', conditions } }, this.name) as Namespace;
  }
}
