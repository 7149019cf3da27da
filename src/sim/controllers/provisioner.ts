import { clone, type KubeObject } from '../api/object';
import type { WatchEvent } from '../api/store';
import type { PersistentVolume, PersistentVolumeClaim, StorageClass } from '../api/types';
import { ANN_BETA_STORAGE_PROVISIONER, ANN_PROVISIONED_BY, ANN_SELECTED_NODE, ANN_STORAGE_PROVISIONER, claimClass, claimReference } from '../storage/helpers';
import { Controller, type ControllerContext } from './controller';

/** The provisioner kind ships for its default `standard` class (rancher/local-path-provisioner). */
export const LOCAL_PATH_PROVISIONER = 'rancher.io/local-path';
/** kind's local-path-provisioner keeps volumes under this node directory. */
export const LOCAL_PATH_ROOT = '/var/local-path-provisioner';
/** The annotation local-path-provisioner records the node in. */
export const ANN_LOCAL_PATH_NODE = 'local.path.provisioner/selected-node';
/**
 * A real local-path volume is ready a few seconds after the claim asks (a helper pod creates the
 * directory on the node); kubesim waits this long without the helper pod (docs/SIMPLIFICATIONS.md).
 */
export const PROVISION_MS = 4000;
/** The sidecar's event source: provisioner name, its pod, its identity. */
const IDENTITY = `${LOCAL_PATH_PROVISIONER}_local-path-provisioner-7577fdbbfb-w8rnq_1f0c7a52-9d3b-4c4e-8a51-5f2b7d6e0c11`;

const CLAIM = 'claim:';
const CREATE = 'create:';
const VOLUME = 'volume:';

/**
 * local-path-provisioner on sig-storage-lib-external-provisioner (k8s-semantics §10.3): provisions
 * a hostPath volume on the selected node for every claim the PV controller hands to
 * `rancher.io/local-path`, and deletes its Released volumes whose policy is Delete (§10.4).
 */
export class LocalPathProvisioner extends Controller {
  constructor(ctx: ControllerContext) {
    super('local-path-provisioner', ctx);
  }

  onEvent({ type, object }: WatchEvent): void {
    if (type === 'DELETED') return;
    if (object.kind === 'PersistentVolumeClaim') this.enqueue(CLAIM + `${object.metadata.namespace}/${object.metadata.name}`);
    else if (object.kind === 'PersistentVolume' && object.metadata.annotations?.[ANN_PROVISIONED_BY] === LOCAL_PATH_PROVISIONER) this.enqueue(VOLUME + object.metadata.name);
  }

  protected sync(key: string): void {
    if (key.startsWith(VOLUME)) {
      this.syncVolume(key.slice(VOLUME.length));
      return;
    }
    const create = key.startsWith(CREATE);
    const [namespace, name] = key.slice(create ? CREATE.length : CLAIM.length).split('/');
    const pvc = this.ctx.api.get('PersistentVolumeClaim', namespace, name) as PersistentVolumeClaim | undefined;
    if (!pvc || this.queue.has(CREATE + `${namespace}/${name}`)) return;
    const sc = this.classFor(pvc);
    if (!sc) return;
    if (create) this.provision(pvc, sc);
    else this.start(pvc);
  }

  /** shouldProvision: the claim is handed to this provisioner, still unbound, with no volume yet. */
  private classFor(pvc: PersistentVolumeClaim): StorageClass | undefined {
    const annotations = pvc.metadata?.annotations ?? {};
    if (pvc.spec?.volumeName || pvc.metadata?.deletionTimestamp) return undefined;
    if ((annotations[ANN_STORAGE_PROVISIONER] ?? annotations[ANN_BETA_STORAGE_PROVISIONER]) !== LOCAL_PATH_PROVISIONER) return undefined;
    const sc = this.ctx.api.get('StorageClass', undefined, claimClass(pvc)) as StorageClass | undefined;
    if (sc?.provisioner !== LOCAL_PATH_PROVISIONER) return undefined;
    if (sc.volumeBindingMode === 'WaitForFirstConsumer' && !annotations[ANN_SELECTED_NODE]) return undefined;
    if (this.ctx.api.get('PersistentVolume', undefined, volumeName(pvc))) return undefined;
    return sc;
  }

  private start(pvc: PersistentVolumeClaim): void {
    const key = `${pvc.metadata!.namespace}/${pvc.metadata!.name}`;
    this.event(pvc, 'Normal', 'Provisioning', `External provisioner is provisioning volume for claim "${key}"`);
    this.enqueue(CREATE + key, PROVISION_MS);
  }

  private provision(pvc: PersistentVolumeClaim, sc: StorageClass): void {
    const node = pvc.metadata?.annotations?.[ANN_SELECTED_NODE];
    const error = provisionError(pvc, node);
    if (error) {
      this.event(pvc, 'Warning', 'ProvisioningFailed', `failed to provision volume with StorageClass "${sc.metadata!.name}": ${error}`);
      // rescheduleProvisioning: the scheduler is told to pick a node again.
      if (node) {
        const next = clone(pvc);
        delete next.metadata!.annotations![ANN_SELECTED_NODE];
        this.ctx.api.update(next as KubeObject, this.name);
      }
      return;
    }
    const name = volumeName(pvc);
    const pv: PersistentVolume = {
      apiVersion: 'v1',
      kind: 'PersistentVolume',
      metadata: { name, annotations: { [ANN_LOCAL_PATH_NODE]: node!, [ANN_PROVISIONED_BY]: LOCAL_PATH_PROVISIONER } },
      spec: {
        accessModes: clone(pvc.spec?.accessModes),
        capacity: { storage: pvc.spec!.resources!.requests!.storage },
        claimRef: claimReference(pvc),
        hostPath: { path: `${LOCAL_PATH_ROOT}/${name}_${pvc.metadata!.namespace}_${pvc.metadata!.name}`, type: 'DirectoryOrCreate' },
        nodeAffinity: { required: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'kubernetes.io/hostname', operator: 'In', values: [node!] }] }] } },
        persistentVolumeReclaimPolicy: sc.reclaimPolicy ?? 'Delete',
        storageClassName: sc.metadata!.name,
        volumeMode: 'Filesystem',
        ...(sc.mountOptions?.length ? { mountOptions: clone(sc.mountOptions) } : {}),
      },
    };
    this.ctx.api.create(pv as KubeObject, this.name);
    this.event(pvc, 'Normal', 'ProvisioningSucceeded', `Successfully provisioned volume ${name}`);
  }

  /** shouldDelete: its own Released volume whose policy is Delete; the directory goes with it. */
  private syncVolume(name: string): void {
    const pv = this.ctx.api.get('PersistentVolume', undefined, name) as PersistentVolume | undefined;
    if (!pv || pv.metadata?.deletionTimestamp) return;
    if (pv.status?.phase !== 'Released' || pv.spec?.persistentVolumeReclaimPolicy !== 'Delete') return;
    this.ctx.api.delete('PersistentVolume', undefined, name, this.name);
  }

  private event(pvc: PersistentVolumeClaim, type: 'Normal' | 'Warning', reason: string, message: string): void {
    this.ctx.recorder.record(pvc as KubeObject, type, reason, message, { component: IDENTITY });
  }
}

/** Dynamically provisioned volumes are named after the claim's uid. */
function volumeName(pvc: PersistentVolumeClaim): string {
  return `pvc-${pvc.metadata!.uid}`;
}

/** local-path-provisioner's own refusals (provisioner.go provisionFor), in its order. */
function provisionError(pvc: PersistentVolumeClaim, node: string | undefined): string | undefined {
  if (pvc.spec?.selector) return 'claim.Spec.Selector is not supported';
  if ((pvc.spec?.accessModes ?? []).some((m) => m !== 'ReadWriteOnce' && m !== 'ReadWriteOncePod')) {
    return 'NodePath only supports ReadWriteOnce and ReadWriteOncePod (1.22+) access modes';
  }
  if (!node) return 'configuration error, no node was specified';
  return undefined;
}
