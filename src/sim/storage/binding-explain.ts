/**
 * Why a claim is (or is not) bound, for the inspector: the decision the PV controller's next sync
 * takes (k8s-semantics §10.2) and every volume's verdict. Pure over a store or a snapshot's
 * objects, so the same answer comes from a live cluster and from a point on the timeline.
 */
import { resourceForKind } from '../api/kinds';
import { keyOf, type KubeObject } from '../api/object';
import type { ApiServer } from '../api/server';
import type { PersistentVolume, PersistentVolumeClaim, StorageClass } from '../api/types';
import { volumeMismatch } from '../controllers/persistentvolume';
import { ANN_BIND_COMPLETED, ANN_SELECTED_NODE, claimClass, hasAnnotation } from './helpers';
import { explainMatch, type VolumeVerdict } from './matching';

export type { VerdictReason, VolumeVerdict } from './matching';

/** What explainClaim reads: the API server, or a snapshot through snapshotReader. */
export type StoreReader = Pick<ApiServer, 'get' | 'list'>;

export type ClaimOutcome =
  | 'bound'
  | 'lost'
  | 'bind'
  | 'wait-for-volume'
  | 'volume-mismatch'
  | 'volume-claimed'
  | 'wait-for-first-consumer'
  | 'provision'
  | 'class-missing'
  | 'no-class';

export interface ClaimExplanation {
  /** "namespace/name". */
  claim: string;
  phase: string;
  /** "" when the claim asks for no class. */
  storageClass: string;
  volumeBindingMode?: string;
  outcome: ClaimOutcome;
  summary: string;
  /** The volume the claim is bound to or will be bound to. */
  volume?: string;
  /** Every volume, with why it fits the claim or not (empty once bound or when a volume is named). */
  verdicts: VolumeVerdict[];
}

export function explainClaim(api: StoreReader, pvc: PersistentVolumeClaim): ClaimExplanation {
  const className = claimClass(pvc);
  const sc = className ? (api.get('StorageClass', undefined, className) as StorageClass | undefined) : undefined;
  const base = {
    claim: `${pvc.metadata?.namespace}/${pvc.metadata?.name}`,
    phase: pvc.status?.phase ?? 'Pending',
    storageClass: className,
    volumeBindingMode: sc?.volumeBindingMode,
    verdicts: [] as VolumeVerdict[],
  };
  const named = pvc.spec?.volumeName;
  if (pvc.status?.phase === 'Lost') return { ...base, outcome: 'lost', volume: named, summary: `lost its volume ${named ?? ''}: the data on it is gone` };
  if (named && hasAnnotation(pvc as KubeObject, ANN_BIND_COMPLETED)) return { ...base, outcome: 'bound', volume: named, summary: `bound to volume ${named}` };
  if (named) {
    const pv = api.get('PersistentVolume', undefined, named) as PersistentVolume | undefined;
    if (!pv) return { ...base, outcome: 'wait-for-volume', volume: named, summary: `names volume ${named}, which does not exist yet` };
    const ref = pv.spec?.claimRef;
    if (ref && (ref.name !== pvc.metadata?.name || ref.namespace !== pvc.metadata?.namespace || (ref.uid && ref.uid !== pvc.metadata?.uid))) {
      return { ...base, outcome: 'volume-claimed', volume: named, summary: `names volume ${named}, which is bound to ${ref.namespace}/${ref.name}` };
    }
    const mismatch = ref ? undefined : volumeMismatch(pv, pvc);
    if (mismatch) return { ...base, outcome: 'volume-mismatch', volume: named, summary: `names volume ${named}, which does not fit: ${mismatch}` };
    return { ...base, outcome: 'bind', volume: named, summary: `binds to the volume it names, ${named}` };
  }
  const delayBinding = sc?.volumeBindingMode === 'WaitForFirstConsumer';
  const { chosen, verdicts } = explainMatch(pvc, api.list('PersistentVolume') as PersistentVolume[], delayBinding);
  const result = { ...base, verdicts };
  if (chosen) return { ...result, outcome: 'bind', volume: chosen.metadata?.name, summary: `binds to volume ${chosen.metadata?.name}` };
  if (delayBinding && !hasAnnotation(pvc as KubeObject, ANN_SELECTED_NODE)) {
    return { ...result, outcome: 'wait-for-first-consumer', summary: `class ${className} binds WaitForFirstConsumer: nothing happens until a pod using the claim is scheduled` };
  }
  if (className && !sc) return { ...result, outcome: 'class-missing', summary: `no volume fits, and class ${className} does not exist to provision one` };
  if (sc) return { ...result, outcome: 'provision', summary: `no volume fits: ${sc.provisioner} is asked to provision one` };
  return { ...result, outcome: 'no-class', summary: 'no volume fits, and with no storage class none is provisioned' };
}

/** A StoreReader over a snapshot's objects. */
export function snapshotReader(objects: readonly KubeObject[]): StoreReader {
  const namespaceOf = (kind: string, namespace: string | undefined) => (resourceForKind(kind)?.namespaced ? (namespace ?? 'default') : undefined);
  const sorted = [...objects].sort((a, b) => (keyOf(a) < keyOf(b) ? -1 : keyOf(a) > keyOf(b) ? 1 : 0));
  return {
    get: (kind, namespace, name) => sorted.find((o) => o.kind === kind && o.metadata.name === name && o.metadata.namespace === namespaceOf(kind, namespace)),
    list: (kind, namespace) => sorted.filter((o) => o.kind === kind && (namespace === undefined || o.metadata.namespace === namespace)),
  };
}
