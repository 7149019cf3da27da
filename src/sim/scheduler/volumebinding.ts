/**
 * The scheduler's VolumeBinding plugin (k8s-semantics §3.3, §10.3): PreFilter refuses pods whose
 * claims are missing or are Immediate and unbound; Filter checks bound volumes' node affinity and
 * that every WaitForFirstConsumer claim can get a volume on the node; PreBind binds the chosen
 * static volumes or asks for provisioning (`volume.kubernetes.io/selected-node`), and the pod is
 * bound only once every claim is.
 */
import { clone, type KubeObject } from '../api/object';
import type { ApiServer } from '../api/server';
import type { Node, PersistentVolume, PersistentVolumeClaim, Pod, StorageClass } from '../api/types';
import { ANN_BIND_COMPLETED, ANN_BOUND_BY_CONTROLLER, ANN_SELECTED_NODE, claimClass, claimReference, hasAnnotation, podClaimNames, volumeClass } from '../storage/helpers';
import { findMatchingVolume, volumeFitsNode } from '../storage/matching';
import type { FilterFailure } from './filters';

/** The kinds whose changes can make a pod's volumes bindable. */
export const VOLUME_KINDS = new Set(['PersistentVolumeClaim', 'PersistentVolume', 'StorageClass']);

const NODE_CONFLICT = 'node(s) had volume node affinity conflict';
const BIND_CONFLICT = "node(s) didn't find available persistent volumes to bind";
const PV_NOT_EXIST = 'node(s) unavailable due to one or more pvc(s) bound to non-existent pv(s)';
/** The provisioner of classes whose volumes an administrator creates by hand. */
const NO_PROVISIONER = 'kubernetes.io/no-provisioner';

/** What PreFilter learned about a pod's claims. */
export interface PodVolumes {
  bound: PersistentVolumeClaim[];
  /** Unbound claims of WaitForFirstConsumer classes: the scheduler chooses their node. */
  delayed: PersistentVolumeClaim[];
}

/** How a pod assumed on a node is doing in PreBind. */
export type PreBindState = { node: string; ready: boolean } | { failed: string };

/** A PreFilter failure, as FitError prints it: the plugin's message instead of a histogram. */
export function preFilterMessage(total: number, message: string): string {
  if (total === 0) return 'no nodes available to schedule pods';
  return `0/${total} nodes are available: ${message}. preemption: 0/${total} nodes are available: ${total} Preemption is not helpful for scheduling..`;
}

/** isPVCFullyBound. */
function fullyBound(pvc: PersistentVolumeClaim): boolean {
  return !!pvc.spec?.volumeName && hasAnnotation(pvc as KubeObject, ANN_BIND_COMPLETED);
}

export class VolumeBinding {
  /** Pods in PreBind: pod key → the node they were assumed on. */
  private assumed = new Map<string, string>();

  constructor(
    private readonly api: ApiServer,
    private readonly actor: string,
  ) {}

  /** PreFilter: the pod's claims, or the message that makes it unschedulable; undefined without claims. */
  preFilter(pod: Pod): PodVolumes | string | undefined {
    const names = podClaimNames(pod);
    if (names.length === 0) return undefined;
    const namespace = pod.metadata!.namespace;
    const claims: PersistentVolumeClaim[] = [];
    for (const name of names) {
      const pvc = this.api.get('PersistentVolumeClaim', namespace, name) as PersistentVolumeClaim | undefined;
      if (!pvc) return `persistentvolumeclaim "${name}" not found`;
      if (pvc.status?.phase === 'Lost') return `persistentvolumeclaim "${name}" bound to non-existent persistentvolume "${pvc.spec?.volumeName ?? ''}"`;
      if (pvc.metadata?.deletionTimestamp) return `persistentvolumeclaim "${name}" is being deleted`;
      claims.push(pvc);
    }
    const volumes: PodVolumes = { bound: [], delayed: [] };
    for (const pvc of claims) {
      if (fullyBound(pvc)) volumes.bound.push(pvc);
      // A claim naming its volume counts as Immediate: the PV controller binds it.
      else if (this.delayBinding(pvc) && !pvc.spec?.volumeName) volumes.delayed.push(pvc);
      else return 'pod has unbound immediate PersistentVolumeClaims';
    }
    return volumes;
  }

  /** Filter (FindPodVolumes) for one node. */
  filter(volumes: PodVolumes | undefined, node: Node): FilterFailure[] {
    if (!volumes) return [];
    const reasons: string[] = [];
    for (const pvc of volumes.bound) {
      const pv = this.api.get('PersistentVolume', undefined, pvc.spec!.volumeName!) as PersistentVolume | undefined;
      if (!pv) reasons.push(PV_NOT_EXIST);
      else if (!volumeFitsNode(pv, node)) reasons.push(NODE_CONFLICT);
    }
    if (volumes.delayed.length && this.planDelayed(volumes.delayed, node) === undefined) reasons.push(BIND_CONFLICT);
    return [...new Set(reasons)].map((reason) => ({ reason, unresolvable: true }));
  }

  /**
   * For each delayed claim on this node: the smallest fitting static volume (each used once), or
   * null to provision one. Undefined when some claim can have neither.
   */
  private planDelayed(claims: readonly PersistentVolumeClaim[], node: Node): (PersistentVolume | null)[] | undefined {
    const chosen = new Set<string>();
    const plan: (PersistentVolume | null)[] = [];
    for (const pvc of claims) {
      const candidates = (this.api.list('PersistentVolume') as PersistentVolume[]).filter((pv) => volumeClass(pv) === claimClass(pvc) && !chosen.has(pv.metadata!.name!));
      const pv = findMatchingVolume(pvc, candidates, { delayBinding: true, node });
      if (pv) {
        chosen.add(pv.metadata!.name!);
        plan.push(pv);
      } else if (this.canProvision(pvc, node)) {
        plan.push(null);
      } else {
        return undefined;
      }
    }
    return plan;
  }

  /** checkVolumeProvisions: a class with a provisioner whose allowedTopologies admit the node. */
  private canProvision(pvc: PersistentVolumeClaim, node: Node): boolean {
    const sc = this.api.get('StorageClass', undefined, claimClass(pvc)) as StorageClass | undefined;
    if (!sc || sc.provisioner === NO_PROVISIONER) return false;
    const topologies = sc.allowedTopologies;
    if (!topologies?.length) return true;
    const labels = node.metadata?.labels ?? {};
    return topologies.some((t) => (t.matchLabelExpressions ?? []).every((e) => e.values.includes(labels[e.key])));
  }

  /**
   * PreBind on the chosen node: binds the static volumes to their claims and marks the others for
   * provisioning there. True when the pod may be bound at once.
   */
  preBind(key: string, volumes: PodVolumes | undefined, node: Node): boolean {
    if (!volumes?.delayed.length) return true;
    const plan = this.planDelayed(volumes.delayed, node) ?? [];
    volumes.delayed.forEach((pvc, i) => {
      const pv = plan[i];
      if (pv) {
        const next = clone(pv);
        next.spec!.claimRef = claimReference(pvc);
        next.metadata!.annotations = { ...next.metadata!.annotations, [ANN_BOUND_BY_CONTROLLER]: 'yes' };
        this.api.update(next as KubeObject, this.actor);
      } else {
        const next = clone(pvc);
        next.metadata!.annotations = { ...next.metadata!.annotations, [ANN_SELECTED_NODE]: node.metadata!.name! };
        this.api.update(next as KubeObject, this.actor);
      }
    });
    this.assumed.set(key, node.metadata!.name!);
    return false;
  }

  /** checkBindings for a pod in PreBind; undefined when the pod is not waiting. */
  state(key: string, pod: Pod): PreBindState | undefined {
    const node = this.assumed.get(key);
    if (node === undefined) return undefined;
    let ready = true;
    for (const name of podClaimNames(pod)) {
      const pvc = this.api.get('PersistentVolumeClaim', pod.metadata!.namespace, name) as PersistentVolumeClaim | undefined;
      if (!pvc) return { failed: `running PreBind plugin "VolumeBinding": binding volumes: persistentvolumeclaim "${name}" not found` };
      if (fullyBound(pvc)) continue;
      ready = false;
      const selected = pvc.metadata?.annotations?.[ANN_SELECTED_NODE];
      // The provisioner clears the node it could not provision on, so that the scheduler picks again.
      if (!pvc.spec?.volumeName && selected !== undefined && selected !== node) return { failed: `running PreBind plugin "VolumeBinding": binding volumes: provisioning failed for PVC "${name}"` };
      if (!pvc.spec?.volumeName && selected === undefined && !this.staticallyBinding(pvc)) {
        return { failed: `running PreBind plugin "VolumeBinding": binding volumes: provisioning failed for PVC "${name}"` };
      }
    }
    return { node, ready };
  }

  /** A volume the scheduler bound to the claim, which the PV controller has yet to complete. */
  private staticallyBinding(pvc: PersistentVolumeClaim): boolean {
    return (this.api.list('PersistentVolume') as PersistentVolume[]).some((pv) => pv.spec?.claimRef?.uid === pvc.metadata?.uid);
  }

  waitingPods(): string[] {
    return [...this.assumed.keys()];
  }

  forget(key: string): void {
    this.assumed.delete(key);
  }

  private delayBinding(pvc: PersistentVolumeClaim): boolean {
    const name = claimClass(pvc);
    const sc = name ? (this.api.get('StorageClass', undefined, name) as StorageClass | undefined) : undefined;
    return sc?.volumeBindingMode === 'WaitForFirstConsumer';
  }

  save(): [string, string][] {
    return [...this.assumed];
  }

  load(state: [string, string][] | undefined): void {
    this.assumed = new Map(state ?? []);
  }
}
