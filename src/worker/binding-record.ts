/**
 * The binder's search as it happened. explainClaim answers for the present, and once a claim is
 * bound its search is over (no verdicts). So the host keeps, per claim, explainClaim as computed on
 * every PV or PVC change while the claim was still unbound and no controller had yet written a
 * volume for it: that last answer is what the PV controller saw when it bound or provisioned.
 */
import type { Cluster } from '../sim/contract';
import type { WatchEvent } from '../sim/api/store';
import type { PersistentVolume, PersistentVolumeClaim, Pod } from '../sim/api/types';
import { explainClaim, type ClaimExplanation, type StoreReader } from '../sim/storage/binding-explain';
import { ANN_BIND_COMPLETED, ANN_BOUND_BY_CONTROLLER, ANN_PROVISIONED_BY } from '../sim/storage/helpers';
import type { WireAuditEntry, WireClaimBinding, WireClaimExplanation } from '../protocol/messages';

interface Search {
  explanation: ClaimExplanation;
  /** Virtual ms of the search: the bind, or the last change of its inputs before the provisioner acted. */
  time: number;
  /** Set once a controller acted on the claim: later changes are no longer its search. */
  final: boolean;
}

export interface BindingRecorder {
  /** Feed every watch event; only PersistentVolume and PersistentVolumeClaim changes matter. */
  observe(event: WatchEvent): void;
  /** The binding flow of one claim, for the inspector. */
  binding(namespace: string, name: string): WireClaimBinding;
}

export function readerOf(cluster: Cluster): StoreReader {
  return { get: (kind, namespace, name) => cluster.get(kind, name, namespace), list: (kind, namespace) => cluster.list(kind, namespace) };
}

const wireExplanation = (e: ClaimExplanation): WireClaimExplanation => ({
  phase: e.phase,
  storageClass: e.storageClass,
  volumeBindingMode: e.volumeBindingMode,
  outcome: e.outcome,
  summary: e.summary,
  volume: e.volume,
  verdicts: e.verdicts.map((v) => ({ ...v })),
});

/**
 * Whether a controller has acted on this claim: the binder set a volume's claimRef to it (in the
 * same sync as its search), or the provisioner created its volume (after the search handed it over).
 */
function actedOn(claim: PersistentVolumeClaim, volumes: PersistentVolume[]): 'bound' | 'provisioned' | undefined {
  const uid = claim.metadata?.uid;
  const volume = uid ? volumes.find((pv) => pv.spec?.claimRef?.uid === uid) : undefined;
  const annotations = volume?.metadata?.annotations ?? {};
  if (annotations[ANN_BOUND_BY_CONTROLLER] === 'yes') return 'bound';
  if (annotations[ANN_PROVISIONED_BY] !== undefined) return 'provisioned';
  return undefined;
}

export function createBindingRecorder(cluster: () => Cluster | undefined): BindingRecorder {
  /** By claim uid. */
  const searches = new Map<string, Search>();

  const observe = ({ type, object }: WatchEvent) => {
    if (object.kind !== 'PersistentVolumeClaim' && object.kind !== 'PersistentVolume') return;
    const active = cluster();
    if (!active) return;
    if (type === 'DELETED' && object.kind === 'PersistentVolumeClaim') {
      searches.delete(object.metadata.uid ?? '');
      return;
    }
    const reader = readerOf(active);
    const volumes = reader.list('PersistentVolume') as PersistentVolume[];
    const claims = object.kind === 'PersistentVolumeClaim' ? [object as PersistentVolumeClaim] : (reader.list('PersistentVolumeClaim') as PersistentVolumeClaim[]);
    for (const claim of claims) {
      const uid = claim.metadata?.uid;
      if (!uid) continue;
      const search = searches.get(uid);
      if (search?.final) continue;
      const acted = actedOn(claim, volumes);
      if (acted || claim.metadata?.annotations?.[ANN_BIND_COMPLETED]) {
        // The inputs have not changed since the last record; a bind is the moment the binder searched.
        if (search) searches.set(uid, { ...search, final: true, time: acted === 'bound' ? active.now() : search.time });
        continue;
      }
      searches.set(uid, { explanation: explainClaim(reader, claim), time: active.now(), final: false });
    }
  };

  const binding = (namespace: string, name: string): WireClaimBinding => {
    const active = cluster();
    const claim = active?.get('PersistentVolumeClaim', name, namespace) as PersistentVolumeClaim | undefined;
    if (!active || !claim) return { found: false, audit: [] };
    const search = searches.get(claim.metadata?.uid ?? '');
    const volume = claim.spec?.volumeName ?? `pvc-${claim.metadata?.uid}`;
    const pods = new Set(
      (active.list('Pod', namespace) as Pod[])
        .filter((pod) => pod.spec?.volumes?.some((v) => v.persistentVolumeClaim?.claimName === name))
        .map((pod) => pod.metadata?.name),
    );
    const audit: WireAuditEntry[] = active
      .audit()
      .filter(
        (a) =>
          (a.kind === 'PersistentVolumeClaim' && a.namespace === namespace && a.name === name) ||
          (a.kind === 'PersistentVolume' && a.name === volume) ||
          (a.kind === 'Pod' && a.namespace === namespace && pods.has(a.name)) ||
          // An event's creation orders it among the writes; its own resourceVersion moves on each repeat.
          (a.kind === 'Event' && a.verb === 'create' && a.namespace === namespace && a.name.startsWith(`${name}.`)),
      )
      .map(({ time, actor, verb, subresource, kind, namespace: ns, name: n, resourceVersion }) => ({ time, actor, verb, subresource, kind, namespace: ns, name: n, resourceVersion }));
    return {
      found: true,
      search: search && wireExplanation(search.explanation),
      searchedAt: search?.time,
      now: wireExplanation(explainClaim(readerOf(active), claim)),
      audit,
    };
  };

  return { observe, binding };
}
