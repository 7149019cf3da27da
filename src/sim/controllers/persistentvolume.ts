import { clone, keyOf, objectKey, parseKey, type KubeObject } from '../api/object';
import type { WatchEvent } from '../api/store';
import type { PersistentVolume, PersistentVolumeClaim, Pod, StorageClass } from '../api/types';
import { deepEqual } from '../util/equal';
import { rfc3339 } from '../time';
import {
  ANN_BETA_STORAGE_CLASS,
  ANN_BETA_STORAGE_PROVISIONER,
  ANN_BIND_COMPLETED,
  ANN_BOUND_BY_CONTROLLER,
  ANN_PROVISIONED_BY,
  ANN_SELECTED_NODE,
  ANN_STORAGE_PROVISIONER,
  claimClass,
  claimReference,
  hasAnnotation,
  defaultStorageClass,
  isVolumeBoundToClaim,
  podClaimNames,
  volumeCapacity,
  volumeClass,
  volumeMode,
  storageBytes,
} from '../storage/helpers';
import { findBestMatchForClaim } from '../storage/matching';
import { Controller, type ControllerContext } from './controller';

/** --pvclaimbinder-sync-period: every claim and volume is synced again this often. */
export const PV_RESYNC_MS = 15_000;
const RESYNC_KEY = 'resync';

/** The in-tree hostPath deleter only removes directories under /tmp (host_path.go). */
const HOST_PATH_DELETABLE = /\/tmp\/.+/;

type Phase = 'Pending' | 'Available' | 'Bound' | 'Released' | 'Failed';

/**
 * pkg/controller/volume/persistentvolume: binds claims to volumes (k8s-semantics §10.2), asks
 * external provisioners for volumes (§10.3), and releases and reclaims volumes whose claim is gone
 * (§10.4). Claims and volumes are each synced on change and every 15 s.
 */
export class PersistentVolumeController extends Controller {
  constructor(ctx: ControllerContext) {
    super('persistentvolume-controller', ctx);
    this.enqueue(RESYNC_KEY, PV_RESYNC_MS);
  }

  onEvent({ type, object, old }: WatchEvent): void {
    if (object.kind === 'PersistentVolumeClaim') {
      const pvc = object as PersistentVolumeClaim;
      // deleteClaim: the volume it held is released.
      if (type === 'DELETED') {
        if (pvc.spec?.volumeName) this.enqueue(objectKey('PersistentVolume', undefined, pvc.spec.volumeName));
        return;
      }
      // Only this controller writes a claim's status: its own status writes need no new sync.
      if (old && statusOnly(old, object)) return;
      this.enqueue(keyOf(object));
    } else if (object.kind === 'PersistentVolume') {
      const ref = (object as PersistentVolume).spec?.claimRef;
      if (type === 'DELETED') {
        if (ref?.name) this.enqueue(objectKey('PersistentVolumeClaim', ref.namespace, ref.name));
        return;
      }
      this.enqueue(keyOf(object));
    }
  }

  protected sync(key: string): void {
    if (key === RESYNC_KEY) {
      for (const obj of [...this.ctx.api.list('PersistentVolume'), ...this.ctx.api.list('PersistentVolumeClaim')]) this.enqueue(keyOf(obj));
      this.enqueue(RESYNC_KEY, PV_RESYNC_MS);
      return;
    }
    const { kind, namespace, name } = parseKey(key);
    const obj = this.ctx.api.get(kind, namespace || undefined, name);
    if (!obj) return;
    if (kind === 'PersistentVolumeClaim') this.syncClaim(obj as PersistentVolumeClaim);
    else this.syncVolume(obj as PersistentVolume);
  }

  private syncClaim(pvc: PersistentVolumeClaim): void {
    if (!hasAnnotation(pvc as KubeObject, ANN_BIND_COMPLETED)) this.syncUnboundClaim(pvc);
    else this.syncBoundClaim(pvc);
  }

  private syncUnboundClaim(input: PersistentVolumeClaim): void {
    // A new claim's status is Pending from the start (the apiserver's defaulting).
    const pvc = this.updateClaimStatus(input, 'Pending', undefined, !input.status?.phase);
    if (!pvc.spec?.volumeName) {
      if (this.assignDefaultClass(pvc)) return;
      const delayBinding = this.isDelayBinding(pvc);
      const volume = findBestMatchForClaim(pvc, this.volumes(), delayBinding);
      if (volume) {
        this.bind(volume, pvc);
        return;
      }
      if (delayBinding && !hasAnnotation(pvc as KubeObject, ANN_SELECTED_NODE)) this.waitForFirstConsumer(pvc);
      else if (claimClass(pvc)) this.provisionClaim(pvc);
      else this.event(pvc, 'Normal', 'FailedBinding', 'no persistent volumes available for this claim and no storage class is set');
      this.updateClaimStatus(pvc, 'Pending');
      return;
    }
    // The user asked for a particular volume.
    const volume = this.ctx.api.get('PersistentVolume', undefined, pvc.spec.volumeName) as PersistentVolume | undefined;
    if (!volume) {
      this.updateClaimStatus(pvc, 'Pending');
      return;
    }
    if (!volume.spec?.claimRef) {
      const mismatch = volumeMismatch(volume, pvc);
      if (mismatch) {
        this.event(pvc, 'Warning', 'VolumeMismatch', mismatch);
        this.updateClaimStatus(pvc, 'Pending');
        return;
      }
      this.bind(volume, pvc);
    } else if (isVolumeBoundToClaim(volume, pvc)) {
      this.bind(volume, pvc);
    } else if (!hasAnnotation(pvc as KubeObject, ANN_BOUND_BY_CONTROLLER)) {
      this.event(pvc, 'Warning', 'FailedBinding', `volume "${volume.metadata!.name}" already bound to a different claim.`);
      this.updateClaimStatus(pvc, 'Pending');
    }
  }

  private syncBoundClaim(pvc: PersistentVolumeClaim): void {
    if (!pvc.spec?.volumeName) {
      this.claimLost(pvc, 'ClaimLost', 'Bound claim has lost reference to PersistentVolume. Data on the volume is lost!');
      return;
    }
    const volume = this.ctx.api.get('PersistentVolume', undefined, pvc.spec.volumeName) as PersistentVolume | undefined;
    if (!volume) {
      this.claimLost(pvc, 'ClaimLost', 'Bound claim has lost its PersistentVolume. Data on the volume is lost!');
      return;
    }
    // Unbound volume: bind it again. Same uid: all is well, and bind only repairs what drifted.
    if (!volume.spec?.claimRef || volume.spec.claimRef.uid === pvc.metadata?.uid) this.bind(volume, pvc);
    else this.claimLost(pvc, 'ClaimMisbound', 'Two claims are bound to the same volume, this one is bound incorrectly');
  }

  private syncVolume(pv: PersistentVolume): void {
    const ref = pv.spec?.claimRef;
    if (!ref) {
      this.updateVolumePhase(pv, 'Available');
      return;
    }
    // Pre-bound by the user to a claim that has not bound yet: the claim's sync will bind it.
    if (!ref.uid) {
      this.updateVolumePhase(pv, 'Available');
      return;
    }
    let claim = this.ctx.api.get('PersistentVolumeClaim', ref.namespace, ref.name ?? '') as PersistentVolumeClaim | undefined;
    if (claim && claim.metadata?.uid !== ref.uid) claim = undefined;
    if (!claim) {
      // The claim is gone: release the volume (keeping a Failed phase visible) and reclaim it.
      const released = pv.status?.phase === 'Released' || pv.status?.phase === 'Failed' ? pv : this.updateVolumePhase(pv, 'Released');
      this.reclaimVolume(released);
      return;
    }
    if (!claim.spec?.volumeName) {
      if (volumeMode(claim.spec) !== volumeMode(pv.spec)) {
        this.event(pv, 'Warning', 'VolumeMismatch', `Cannot bind PersistentVolume to requested PersistentVolumeClaim "${claim.metadata!.name}" due to incompatible volumeMode.`);
        this.event(claim, 'Warning', 'VolumeMismatch', `Cannot bind PersistentVolume "${pv.metadata!.name}" to requested PersistentVolumeClaim due to incompatible volumeMode.`);
        return;
      }
      // The binding is half done (or a provisioner just created the volume): finish it from the claim.
      this.enqueue(keyOf(claim as KubeObject));
      return;
    }
    if (claim.spec.volumeName === pv.metadata?.name) {
      this.updateVolumePhase(pv, 'Bound');
      return;
    }
    // The claim got bound to another volume.
    if (hasAnnotation(pv as KubeObject, ANN_PROVISIONED_BY) && pv.spec?.persistentVolumeReclaimPolicy === 'Delete') {
      const released = pv.status?.phase === 'Released' || pv.status?.phase === 'Failed' ? pv : this.updateVolumePhase(pv, 'Released');
      this.reclaimVolume(released);
    } else if (hasAnnotation(pv as KubeObject, ANN_BOUND_BY_CONTROLLER)) {
      this.unbindVolume(pv);
    }
  }

  /** reclaimVolume (§10.4): Retain keeps the volume Released; Delete and Recycle act on it. */
  private reclaimVolume(pv: PersistentVolume): void {
    switch (pv.spec?.persistentVolumeReclaimPolicy) {
      case 'Delete':
        this.deleteVolume(pv);
        break;
      case 'Recycle':
        this.recycleVolume(pv);
        break;
    }
  }

  /**
   * deleteVolumeOperation. An external provisioner's volume waits for that provisioner; otherwise
   * the in-tree deleter runs, which only the hostPath plugin has (for paths under /tmp).
   */
  private deleteVolume(pv: PersistentVolume): void {
    const provisioner = pv.metadata?.annotations?.[ANN_PROVISIONED_BY];
    if (provisioner && !provisioner.startsWith('kubernetes.io/')) return;
    const error = pv.spec?.hostPath
      ? HOST_PATH_DELETABLE.test(pv.spec.hostPath.path)
        ? undefined
        : `host_path deleter only supports /tmp/.+ but received provided ${pv.spec.hostPath.path}`
      : 'no deletable volume plugin matched';
    if (error) {
      this.updateVolumePhase(pv, 'Failed', error);
      this.event(pv, 'Warning', 'VolumeFailedDelete', error);
      return;
    }
    if (!pv.metadata?.deletionTimestamp) this.ctx.api.delete('PersistentVolume', undefined, pv.metadata!.name!, this.name);
  }

  /** recycleVolume: the deprecated scrub, which only hostPath and NFS volumes support. */
  private recycleVolume(pv: PersistentVolume): void {
    if (!pv.spec?.hostPath && !pv.spec?.nfs) {
      this.updateVolumePhase(pv, 'Failed', 'No recycler plugin found for the volume!');
      this.event(pv, 'Warning', 'VolumeFailedRecycle', 'No recycler plugin found for the volume!');
      return;
    }
    this.event(pv, 'Normal', 'VolumeRecycled', 'Volume recycled');
    const next = clone(pv);
    delete next.spec!.claimRef;
    this.updateVolumePhase(this.ctx.api.update(next as KubeObject, this.name) as PersistentVolume, 'Available');
  }

  /** unbindVolume: a controller-made binding is undone; a user's pre-binding keeps its name. */
  private unbindVolume(pv: PersistentVolume): void {
    const next = clone(pv);
    if (hasAnnotation(pv as KubeObject, ANN_BOUND_BY_CONTROLLER)) {
      delete next.spec!.claimRef;
      delete next.metadata!.annotations![ANN_BOUND_BY_CONTROLLER];
      if (Object.keys(next.metadata!.annotations!).length === 0) delete next.metadata!.annotations;
    } else {
      delete next.spec!.claimRef!.uid;
    }
    this.updateVolumePhase(this.ctx.api.update(next as KubeObject, this.name) as PersistentVolume, 'Available');
  }

  /** bind: volume → claim, volume Bound, claim → volume, claim Bound (each write only if needed). */
  private bind(volume: PersistentVolume, pvc: PersistentVolumeClaim): void {
    let pv = volume;
    if (!isVolumeBoundToClaim(pv, pvc) || pv.spec?.claimRef?.uid !== pvc.metadata?.uid) {
      const next = clone(pv);
      const byController = !isVolumeBoundToClaim(pv, pvc);
      next.spec!.claimRef = claimReference(pvc);
      if (byController) next.metadata!.annotations = { ...next.metadata!.annotations, [ANN_BOUND_BY_CONTROLLER]: 'yes' };
      pv = this.ctx.api.update(next as KubeObject, this.name) as PersistentVolume;
    }
    pv = this.updateVolumePhase(pv, 'Bound');
    let claim = pvc;
    if (claim.spec?.volumeName !== pv.metadata?.name || !hasAnnotation(claim as KubeObject, ANN_BIND_COMPLETED)) {
      const next = clone(claim);
      if (next.spec!.volumeName !== pv.metadata!.name) {
        next.spec!.volumeName = pv.metadata!.name;
        next.metadata!.annotations = { [ANN_BOUND_BY_CONTROLLER]: 'yes', ...next.metadata!.annotations };
      }
      next.metadata!.annotations = { ...next.metadata!.annotations, [ANN_BIND_COMPLETED]: 'yes' };
      claim = this.ctx.api.update(next as KubeObject, this.name) as PersistentVolumeClaim;
    }
    this.updateClaimStatus(claim, 'Bound', pv);
  }

  /** Since v1.28 a claim created with no class while no default existed gets the default later. */
  private assignDefaultClass(pvc: PersistentVolumeClaim): boolean {
    if (pvc.spec?.storageClassName !== undefined || hasAnnotation(pvc as KubeObject, ANN_BETA_STORAGE_CLASS)) return false;
    const sc = defaultStorageClass(this.ctx.api.list('StorageClass') as StorageClass[]);
    if (!sc) return false;
    const next = clone(pvc);
    next.spec!.storageClassName = sc.metadata!.name;
    this.ctx.api.update(next as KubeObject, this.name);
    return true;
  }

  private isDelayBinding(pvc: PersistentVolumeClaim): boolean {
    const name = claimClass(pvc);
    if (!name) return false;
    const sc = this.ctx.api.get('StorageClass', undefined, name) as StorageClass | undefined;
    return sc?.volumeBindingMode === 'WaitForFirstConsumer';
  }

  /** emitEventForUnboundDelayBindingClaim: names the unscheduled pods that use the claim, if any. */
  private waitForFirstConsumer(pvc: PersistentVolumeClaim): void {
    const pods = (this.ctx.api.list('Pod', pvc.metadata!.namespace) as Pod[]).filter(
      (p) => !p.spec?.nodeName && p.status?.phase !== 'Succeeded' && p.status?.phase !== 'Failed' && podClaimNames(p).includes(pvc.metadata!.name!),
    );
    const names = pods.map((p) => p.metadata!.name!);
    if (names.length === 0) this.event(pvc, 'Normal', 'WaitForFirstConsumer', 'waiting for first consumer to be created before binding');
    else this.event(pvc, 'Normal', 'WaitForPodScheduled', `waiting for ${names.length > 1 ? 'pods' : 'pod'} ${names.join(',')} to be scheduled`);
  }

  /**
   * provisionClaim for an external provisioner (every provisioner kubesim knows is one): name it on
   * the claim so it starts, and say so on every sync until the volume exists.
   */
  private provisionClaim(pvc: PersistentVolumeClaim): void {
    const className = claimClass(pvc);
    const sc = this.ctx.api.get('StorageClass', undefined, className) as StorageClass | undefined;
    if (!sc) {
      this.event(pvc, 'Warning', 'ProvisioningFailed', `storageclass.storage.k8s.io "${className}" not found`);
      return;
    }
    const provisioner = sc.provisioner;
    const annotations = pvc.metadata?.annotations ?? {};
    if (annotations[ANN_STORAGE_PROVISIONER] !== provisioner || annotations[ANN_BETA_STORAGE_PROVISIONER] !== provisioner) {
      const next = clone(pvc);
      next.metadata!.annotations = { ...annotations, [ANN_BETA_STORAGE_PROVISIONER]: provisioner, [ANN_STORAGE_PROVISIONER]: provisioner };
      this.ctx.api.update(next as KubeObject, this.name);
    }
    this.event(
      pvc,
      'Normal',
      'ExternalProvisioning',
      `Waiting for a volume to be created either by the external provisioner '${provisioner}' or manually by the system administrator. If volume creation is delayed, please verify that the provisioner is running and correctly registered.`,
    );
  }

  private claimLost(pvc: PersistentVolumeClaim, reason: string, message: string): void {
    if (pvc.status?.phase === 'Lost') return;
    this.updateClaimStatus(pvc, 'Lost');
    this.event(pvc, 'Warning', reason, message);
  }

  /**
   * updateClaimStatus: Bound copies the volume's access modes, and its capacity when the claim
   * becomes Bound; without a volume both are cleared. `force` writes even an unchanged phase.
   */
  private updateClaimStatus(pvc: PersistentVolumeClaim, phase: 'Pending' | 'Bound' | 'Lost', volume?: PersistentVolume, force = false): PersistentVolumeClaim {
    const status = clone(pvc.status ?? {});
    const becoming = status.phase !== phase;
    status.phase = phase;
    if (!volume) {
      delete status.accessModes;
      delete status.capacity;
    } else {
      status.accessModes = clone(volume.spec?.accessModes);
      const current = status.capacity?.storage;
      if (becoming && (current === undefined || volumeCapacity(volume) > storageBytes(current))) status.capacity = clone(volume.spec?.capacity);
    }
    if (!force && deepEqual(status, pvc.status ?? {})) return pvc;
    return this.ctx.api.updateStatus({ ...(pvc as KubeObject), status }, this.name) as PersistentVolumeClaim;
  }

  private updateVolumePhase(pv: PersistentVolume, phase: Phase, message?: string): PersistentVolume {
    if (pv.status?.phase === phase && pv.status?.message === message) return pv;
    const status = { ...pv.status, phase, message };
    if (message === undefined) delete status.message;
    if (pv.status?.phase !== phase) status.lastPhaseTransitionTime = rfc3339(this.ctx.clock.now());
    return this.ctx.api.updateStatus({ ...(pv as KubeObject), status }, this.name) as PersistentVolume;
  }

  private volumes(): PersistentVolume[] {
    return this.ctx.api.list('PersistentVolume') as PersistentVolume[];
  }

  private event(obj: PersistentVolume | PersistentVolumeClaim, type: 'Normal' | 'Warning', reason: string, message: string): void {
    this.ctx.recorder.record(obj as KubeObject, type, reason, message, { component: this.name });
  }
}

/** checkVolumeSatisfyClaim: why a volume the claim names cannot be bound to it. */
export function volumeMismatch(pv: PersistentVolume, pvc: PersistentVolumeClaim): string | undefined {
  if (pv.metadata?.deletionTimestamp) return `the volume is marked for deletion "${pv.metadata.name}"`;
  if (volumeCapacity(pv) < storageBytes(pvc.spec?.resources?.requests?.storage)) return 'requested PV is too small';
  if (volumeClass(pv) !== claimClass(pvc)) return 'storageClassName does not match';
  if (volumeMode(pv.spec) !== volumeMode(pvc.spec)) return 'incompatible volumeMode';
  const modes = new Set(pv.spec?.accessModes ?? []);
  if (!(pvc.spec?.accessModes ?? []).every((m) => modes.has(m))) return 'incompatible accessMode';
  return undefined;
}

/** Whether a write changed only the status (and so the resourceVersion). */
function statusOnly(old: KubeObject, obj: KubeObject): boolean {
  const rest = (o: KubeObject) => ({ ...o, status: undefined, metadata: { ...o.metadata, resourceVersion: undefined } });
  return deepEqual(rest(old), rest(obj));
}
