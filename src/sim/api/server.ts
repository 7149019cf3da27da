import type { Job, Namespace, Pod, Service } from './types';
import { beginNamespaceDeletion, hasSpecFinalizers } from './namespace';
import type { AuditLog } from '../audit';
import type { AuditEntry } from '../contract';
import type { Rng } from '../rng';
import { rfc3339, type Clock } from '../time';
import { deepEqual } from '../util/equal';
import { utf8Length } from '../util/utf8';
import { admissionChain, type AdmissionPlugin, type AdmissionRequest } from './admission';
import { preparePodForCreate } from './admission/pod';
import { generateJobSelector } from './job-strategy';
import { applyDefaults } from './defaults';
import { ApiError, alreadyExists, forbidden, invalid, notFound, type FieldError } from './errors';
import { allocateServiceAddresses } from './service-alloc';
import { resourceForKind, qualifiedResource, type ResourceInfo } from './kinds';
import { clone, objectKey, type KubeObject } from './object';
import { toStorageVersion } from './conversion';
import { decodeError, decodeProblems, schemaFieldErrors } from './schema';
import type { Store } from './store';
import { validateObject } from './validation';
import { objectWarnings } from './warnings';

export type PropagationPolicy = 'Background' | 'Foreground' | 'Orphan';

export interface DeleteOptions {
  gracePeriodSeconds?: number;
  propagationPolicy?: PropagationPolicy;
}

export const FOREGROUND_FINALIZER = 'foregroundDeletion';

/**
 * A deleted object goes once no finalizer holds it; a pod also waits for its grace period to be
 * spent (the kubelet's final delete sets it to 0, and unscheduled pods have none).
 */
function deletionComplete(obj: KubeObject): boolean {
  if (!obj.metadata.deletionTimestamp || obj.metadata.finalizers?.length) return false;
  if (obj.kind === 'Namespace' && hasSpecFinalizers(obj as Namespace)) return false;
  return obj.kind !== 'Pod' || obj.metadata.deletionGracePeriodSeconds === 0;
}
export const ORPHAN_FINALIZER = 'orphan';

/** The apiserver's --max-request-body-bytes default: bigger requests never reach decoding. */
const MAX_REQUEST_BYTES = 3 * 1024 * 1024;

/** Only a client's request can be that big; the controllers' writes skip the serialization. */
function checkBodySize(obj: KubeObject, actor: string): void {
  if (actor.startsWith('kubectl') && utf8Length(JSON.stringify(obj)) > MAX_REQUEST_BYTES) {
    throw new ApiError('RequestEntityTooLarge', `Request entity too large: limit is ${MAX_REQUEST_BYTES}`);
  }
}

/** Characters the apiserver uses for generated name suffixes (k8s-semantics §0.1). */
const NAME_ALPHABET = 'bcdfghjklmnpqrstvwxz2456789';
const MAX_GENERATED_BASE = 58;

/**
 * The API server: admission (defaulting → schema decode → validation → plugins), object
 * metadata, graceful deletion and finalizers, over the store. Every write is audited with the
 * component that made it.
 */
export class ApiServer {
  private readonly admission: AdmissionPlugin[];
  /** The last create or update's warnings (the Warning headers), until kubectl takes them. */
  private warnings: string[] = [];

  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
    private readonly rng: Rng,
    private readonly auditLog: AuditLog,
  ) {
    this.admission = admissionChain(store);
  }

  info(kind: string): ResourceInfo {
    const info = resourceForKind(kind);
    if (!info) throw new ApiError('NotFound', `the server could not find the requested resource (kind ${kind})`);
    return info;
  }

  get(kind: string, namespace: string | undefined, name: string): KubeObject | undefined {
    const info = resourceForKind(kind);
    return this.store.get(objectKey(kind, info?.namespaced ? namespace ?? 'default' : undefined, name));
  }

  /** Like get, but throws the apiserver's NotFound. */
  read(kind: string, namespace: string | undefined, name: string): KubeObject {
    const obj = this.get(kind, namespace, name);
    if (!obj) throw notFound(qualifiedResource(this.info(kind)), name);
    return obj;
  }

  list(kind: string, namespace?: string): KubeObject[] {
    return this.store.list(kind, namespace);
  }

  getByUid(uid: string): KubeObject | undefined {
    return this.store.getByUid(uid);
  }

  /** Objects of a kind in a namespace that no controller owns. */
  uncontrolled(kind: string, namespace: string | undefined): KubeObject[] {
    return this.store.uncontrolledIn(kind, namespace);
  }

  dependents(ownerUid: string): KubeObject[] {
    return this.store.dependents(ownerUid);
  }

  create(input: KubeObject, actor: string, options: { dryRun?: boolean } = {}): KubeObject {
    const info = this.info(input.kind);
    checkBodySize(input, actor);
    let obj = clone(input);
    obj.apiVersion = input.apiVersion;
    obj.metadata ??= {};
    this.normalizeNamespace(obj, info);
    const generated = !obj.metadata.name && !!obj.metadata.generateName;
    if (generated) obj.metadata.name = this.generateName(obj.metadata.generateName!);
    const displayName = generated ? obj.metadata.generateName! : obj.metadata.name ?? '';
    if (info.namespaced) this.checkNamespace(obj.metadata.namespace!, info, displayName);

    this.decode(obj, info);
    obj = toStorageVersion(obj, info);
    applyDefaults(obj);
    const request: AdmissionRequest = { operation: 'create', obj, info, displayName, dryRun: !!options.dryRun };
    for (const plugin of this.admission) plugin.admit?.(request);
    if (obj.kind === 'Pod') preparePodForCreate(obj as Pod);
    // A refused create gives back what it drew (a Service's addresses, the uid), so it leaves the
    // RNG as it found it: a rejected manifest changes nothing, not even later random names.
    const rngBefore = this.rng.getState();
    const allocationErrors = this.allocate(obj, undefined);
    // FillObjectMetaSystemFields precedes the strategy's Validate, which builds a Job's selector from the uid.
    obj.metadata.uid = this.rng.uuid();
    if (obj.kind === 'Job') generateJobSelector(obj as Job);
    try {
      this.validate(obj, undefined, info, allocationErrors);
      for (const plugin of this.admission) plugin.validate?.(request);
      if (this.store.get(this.keyFor(obj))) throw alreadyExists(qualifiedResource(info), obj.metadata.name!);
    } catch (err) {
      this.rng.setState(rngBefore);
      throw err;
    }
    for (const field of ['resourceVersion', 'deletionTimestamp', 'deletionGracePeriodSeconds'] as const) delete obj.metadata[field];
    obj.metadata.creationTimestamp = rfc3339(this.clock.now());
    if (info.generation) obj.metadata.generation = 1;
    if (info.hasStatus && obj.kind !== 'Pod' && obj.kind !== 'Node') delete obj.status;
    if (obj.kind === 'Namespace') (obj as Namespace).status = { phase: 'Active' };
    if (obj.kind === 'Service') obj.status = { loadBalancer: {} };
    if (obj.kind === 'PersistentVolume' || obj.kind === 'PersistentVolumeClaim') obj.status = { phase: 'Pending' };
    if (options.dryRun) return obj;
    return this.write(obj, actor, 'create');
  }

  /** Replaces an object's spec and metadata (the main resource: status is kept as stored). */
  update(input: KubeObject, actor: string, verb: 'update' | 'patch' = 'update', options: { dryRun?: boolean } = {}): KubeObject {
    const info = this.info(input.kind);
    checkBodySize(input, actor);
    const old = this.read(input.kind, input.metadata.namespace, input.metadata.name ?? '');
    this.checkResourceVersion(input, old, info);
    let obj = clone(input);
    this.normalizeNamespace(obj, info);
    this.decode(obj, info);
    obj = toStorageVersion(obj, info);
    applyDefaults(obj);
    obj.metadata.uid = old.metadata.uid;
    obj.metadata.creationTimestamp = old.metadata.creationTimestamp;
    obj.metadata.deletionTimestamp = old.metadata.deletionTimestamp;
    obj.metadata.deletionGracePeriodSeconds = old.metadata.deletionGracePeriodSeconds;
    if (info.hasStatus) obj.status = clone(old.status);
    if (info.generation) {
      obj.metadata.generation = old.metadata.generation;
      if (!deepEqual(obj.spec, old.spec)) obj.metadata.generation = (old.metadata.generation ?? 0) + 1;
    }
    if (obj.kind === 'Pod') (obj as Pod).spec!.nodeName = (old as Pod).spec?.nodeName;
    const request: AdmissionRequest = { operation: 'update', obj, old, info, displayName: old.metadata.name!, dryRun: !!options.dryRun };
    for (const plugin of this.admission) plugin.admit?.(request);
    this.validate(obj, old, info, this.allocate(obj, old));
    for (const plugin of this.admission) plugin.validate?.(request);
    if (old.metadata.deletionTimestamp && (obj.metadata.finalizers?.length ?? 0) > (old.metadata.finalizers?.length ?? 0)) {
      throw forbidden(qualifiedResource(info), old.metadata.name!, 'no new finalizers can be added if the object is being deleted');
    }
    if (options.dryRun) return obj;
    return this.commit(obj, old, actor, verb);
  }

  /** Writes only the status subresource. */
  updateStatus(input: KubeObject, actor: string): KubeObject {
    const old = this.read(input.kind, input.metadata.namespace, input.metadata.name ?? '');
    // Stored objects are never mutated, so the new version may share the unchanged spec with the old.
    const obj: KubeObject = { ...old, metadata: { ...old.metadata }, status: clone(input.status) };
    // The Deployment status strategy keeps spec and labels but takes annotations: it is how the
    // controller records the revision.
    if (input.kind === 'Deployment') obj.metadata.annotations = clone(input.metadata.annotations);
    if (deepEqual(obj, old)) return old;
    return this.write(obj, actor, 'update', 'status');
  }

  /** The pods/binding subresource: the scheduler's only way to set spec.nodeName. */
  bind(pod: Pod, nodeName: string, actor: string): KubeObject {
    const old = this.read('Pod', pod.metadata?.namespace, pod.metadata?.name ?? '') as Pod;
    if (old.spec?.nodeName) {
      throw new ApiError('Conflict', `Operation cannot be fulfilled on pods/binding "${old.metadata!.name}": pod ${old.metadata!.name} is already assigned to node "${old.spec.nodeName}"`);
    }
    const obj = clone(old);
    obj.spec!.nodeName = nodeName;
    // The binding REST storage marks the pod scheduled (pkg/registry/core/pod/storage).
    const conditions = (obj.status!.conditions ?? []).filter((c) => c.type !== 'PodScheduled');
    obj.status!.conditions = [...conditions, { type: 'PodScheduled', status: 'True', lastTransitionTime: rfc3339(this.clock.now()) }];
    return this.write(obj as KubeObject, actor, 'create', 'binding');
  }

  /**
   * DELETE. Pods on a node get a grace period (deletionTimestamp now+grace) and the kubelet
   * finishes them; objects with finalizers wait for them; everything else goes at once.
   */
  delete(kind: string, namespace: string | undefined, name: string, actor: string, options: DeleteOptions = {}): KubeObject {
    const info = this.info(kind);
    const old = this.read(kind, namespace, name);
    if (kind === 'Namespace') {
      const terminating = beginNamespaceDeletion(old as Namespace, this.clock.now());
      return terminating ? this.write(terminating as KubeObject, actor, 'delete') : this.remove(old, actor);
    }
    const obj = clone(old);
    const finalizers = new Set(obj.metadata.finalizers ?? []);
    if (options.propagationPolicy === 'Foreground') finalizers.add(FOREGROUND_FINALIZER);
    if (options.propagationPolicy === 'Orphan') finalizers.add(ORPHAN_FINALIZER);

    const grace = this.gracePeriod(obj, options);
    if (old.metadata.deletionTimestamp) {
      // A second delete may only shorten a pod's grace period (e.g. --force).
      if (grace !== undefined && grace < (old.metadata.deletionGracePeriodSeconds ?? Infinity)) {
        if (grace === 0 && finalizers.size === 0) return this.remove(old, actor);
        obj.metadata.deletionGracePeriodSeconds = grace;
        obj.metadata.deletionTimestamp = rfc3339(this.clock.now() + grace * 1000);
        return this.write(obj, actor, 'delete');
      }
      return old;
    }
    if (finalizers.size === 0 && !grace) return this.remove(old, actor);
    obj.metadata.finalizers = finalizers.size ? [...finalizers] : undefined;
    obj.metadata.deletionTimestamp = rfc3339(this.clock.now() + (grace ?? 0) * 1000);
    obj.metadata.deletionGracePeriodSeconds = grace ?? 0;
    if (info.generation) obj.metadata.generation = (old.metadata.generation ?? 0) + 1;
    return this.write(obj, actor, 'delete');
  }

  private gracePeriod(obj: KubeObject, options: DeleteOptions): number | undefined {
    if (obj.kind !== 'Pod') return undefined;
    const pod = obj as Pod;
    // CheckGracefulDelete: unscheduled or finished pods are deleted immediately.
    if (!pod.spec?.nodeName || pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed') return 0;
    return options.gracePeriodSeconds ?? pod.spec.terminationGracePeriodSeconds ?? 30;
  }

  private remove(obj: KubeObject, actor: string): KubeObject {
    this.store.remove(this.keyFor(obj));
    this.audit(obj, actor, 'delete');
    return obj;
  }

  /** Writes an update unless nothing changed; removes an object whose deletion is now complete. */
  private commit(obj: KubeObject, old: KubeObject, actor: string, verb: 'update' | 'patch'): KubeObject {
    const comparable = (o: KubeObject) => ({ ...o, metadata: { ...o.metadata, resourceVersion: undefined } });
    if (deepEqual(comparable(obj), comparable(old))) return old;
    if (deletionComplete(obj)) return this.remove(obj, actor);
    return this.write(obj, actor, verb);
  }

  /** Finalizer removal by a controller: the object goes once its last finalizer is gone. */
  removeFinalizer(obj: KubeObject, finalizer: string, actor: string): void {
    const current = this.get(obj.kind, obj.metadata.namespace, obj.metadata.name ?? '');
    if (!current || !current.metadata.finalizers?.includes(finalizer)) return;
    const next = clone(current);
    next.metadata.finalizers = current.metadata.finalizers.filter((f) => f !== finalizer);
    if (next.metadata.finalizers.length === 0) delete next.metadata.finalizers;
    if (deletionComplete(next)) {
      this.remove(next, actor);
      return;
    }
    this.write(next, actor, 'update');
  }

  /** The kubelet's final delete of a terminated pod (grace 0): the object is gone. */
  finishPodDeletion(pod: KubeObject, actor: string): void {
    const current = this.get('Pod', pod.metadata.namespace, pod.metadata.name ?? '');
    if (!current) return;
    if (current.metadata.finalizers?.length) {
      const next = clone(current);
      next.metadata.deletionGracePeriodSeconds = 0;
      this.write(next, actor, 'delete');
      return;
    }
    this.remove(current, actor);
  }

  private write(obj: KubeObject, actor: string, verb: AuditEntry['verb'], subresource?: string): KubeObject {
    const stored = this.store.put(obj);
    this.audit(stored, actor, verb, subresource);
    return stored;
  }

  private audit(obj: KubeObject, actor: string, verb: AuditEntry['verb'], subresource?: string): void {
    this.auditLog.record({
      time: this.clock.now(),
      actor,
      verb,
      subresource,
      kind: obj.kind,
      namespace: obj.metadata.namespace,
      name: obj.metadata.name ?? '',
      resourceVersion: String(this.store.resourceVersion),
    });
  }

  private keyFor(obj: KubeObject): string {
    return objectKey(obj.kind, obj.metadata.namespace, obj.metadata.name ?? '');
  }

  private normalizeNamespace(obj: KubeObject, info: ResourceInfo): void {
    if (info.namespaced) obj.metadata.namespace ||= 'default';
    else delete obj.metadata.namespace;
  }

  /** NamespaceLifecycle admission. */
  private checkNamespace(namespace: string, info: ResourceInfo, name: string): void {
    const ns = this.store.get(objectKey('Namespace', undefined, namespace)) as Namespace | undefined;
    if (!ns) throw notFound('namespaces', namespace);
    if (ns.metadata?.deletionTimestamp) {
      throw forbidden(qualifiedResource(info), name, `unable to create new content in namespace ${namespace} because it is being terminated`);
    }
  }

  private decode(obj: KubeObject, info: ResourceInfo): void {
    const message = decodeError(obj);
    // The causes carry the decoder's paths so an editor can point at the field; kubectl prints the message only.
    const causes = decodeProblems(obj).map((p) => ({ field: p.path, message: p.message }));
    if (message) throw new ApiError('BadRequest', message, info.kind, obj.metadata.name, causes);
  }

  /** The Service registry gives ClusterIPs and node ports before validation. */
  private allocate(obj: KubeObject, old: KubeObject | undefined): FieldError[] {
    if (obj.kind !== 'Service') return [];
    const others = this.store.list('Service').filter((s) => s.metadata.uid !== old?.metadata.uid) as Service[];
    return allocateServiceAddresses(obj as Service, old as Service | undefined, others, this.rng);
  }

  /** Warnings of the last create or update, once: kubectl prints each as "Warning: …". */
  takeWarnings(): string[] {
    const taken = this.warnings;
    this.warnings = [];
    return taken;
  }

  private validate(obj: KubeObject, old: KubeObject | undefined, info: ResourceInfo, allocationErrors: FieldError[] = []): void {
    this.warnings = [];
    const errors = [...schemaFieldErrors(obj), ...validateObject(obj, old), ...allocationErrors];
    if (errors.length) throw invalid(info.kind, info.group, obj.metadata.name ?? '', errors);
    // The strategy's WarningsOnCreate/Update, for a request that validated.
    this.warnings = objectWarnings(obj);
  }

  private checkResourceVersion(input: KubeObject, old: KubeObject, info: ResourceInfo): void {
    const rv = input.metadata.resourceVersion;
    if (rv && rv !== old.metadata.resourceVersion) {
      throw new ApiError(
        'Conflict',
        `Operation cannot be fulfilled on ${qualifiedResource(info)} "${old.metadata.name}": the object has been modified; please apply your changes to the latest version and try again`,
      );
    }
  }

  private generateName(base: string): string {
    const prefix = base.length > MAX_GENERATED_BASE ? base.slice(0, MAX_GENERATED_BASE) : base;
    let suffix = '';
    for (let i = 0; i < 5; i++) suffix += this.rng.pick([...NAME_ALPHABET]);
    return prefix + suffix;
  }
}
