/**
 * A claim's binding flow as four steps (issue 6 item 7), each drawn from what the cluster recorded:
 * the claim's creation, the binder's search (explainClaim, as the worker saw it), the bind or the
 * provisioning (events and audit-log writes), and the pods that mount it. A step the cluster has not
 * reached yet is "waiting"; nothing here is inferred from elapsed time alone.
 */
import type { Event, PersistentVolumeClaim, Pod } from 'kubernetes-types/core/v1';
import type { WireAuditEntry, WireClaimBinding, WireClaimExplanation, WireVolumeVerdict } from '../protocol/messages';
import { claimPhase } from './storage';

export type StepState = 'done' | 'waiting' | 'failed';

/** One recorded fact under a step: an event or an audit write, at virtual ms `time`, by `actor`. */
export interface FlowEntry {
  time?: number;
  actor?: string;
  text: string;
  /** The resourceVersion of the write, which orders entries made at the same virtual ms. */
  order?: number;
}

export interface BindingStep {
  id: 'created' | 'search' | 'bind' | 'mount';
  title: string;
  state: StepState;
  /** Virtual ms the step happened at. */
  time?: number;
  summary: string;
  /** The binder's verdict on every volume (the search step only). */
  verdicts?: WireVolumeVerdict[];
  entries: FlowEntry[];
}

export interface FlowInput {
  claim: PersistentVolumeClaim;
  /** Events whose involved object is the claim. */
  events: readonly Event[];
  /** The worker's answer; undefined until it comes. */
  binding: WireClaimBinding | undefined;
  /** Pods whose volumes name the claim. */
  pods: readonly Pod[];
  /** Wall-clock ms of virtual time 0, to place event timestamps on the virtual clock. */
  epoch: number;
}

const SELECTED_NODE = 'volume.kubernetes.io/selected-node';
const SEARCH_EVENTS = new Set(['WaitForFirstConsumer', 'WaitForPodScheduled', 'FailedBinding', 'VolumeMismatch', 'ProvisioningFailed']);
const BIND_EVENTS = new Set(['ExternalProvisioning', 'Provisioning', 'ProvisioningSucceeded', 'ProvisioningFailed', 'ClaimLost']);

const virtualMs = (timestamp: string | undefined, epoch: number) => (timestamp ? Date.parse(timestamp) - epoch : undefined);

/** An event at its first occurrence, ordered by the audit log's record of its creation. */
function eventEntry(event: Event, epoch: number, audit: readonly WireAuditEntry[]): FlowEntry {
  const repeats = (event.count ?? 1) > 1 ? ` (x${event.count})` : '';
  const created = audit.find((a) => a.kind === 'Event' && a.verb === 'create' && a.name === event.metadata?.name);
  return {
    time: virtualMs(event.firstTimestamp ?? event.lastTimestamp, epoch),
    actor: event.source?.component ?? event.reportingComponent,
    text: `${event.type === 'Warning' ? 'Warning ' : ''}${event.reason}: ${event.message ?? ''}${repeats}`,
    order: Number(created?.resourceVersion ?? event.metadata?.resourceVersion) || undefined,
  };
}

const write = (a: WireAuditEntry, text: string): FlowEntry => ({ time: a.time, actor: a.actor, text, order: Number(a.resourceVersion) || undefined });

const byTime = (a: FlowEntry, b: FlowEntry) => (a.time ?? 0) - (b.time ?? 0) || (a.order ?? 0) - (b.order ?? 0);

/** Where a search ended: decided (bind or provision), still waiting, or stuck on a problem the user must fix. */
function searchState(outcome: string): StepState {
  if (outcome === 'bind' || outcome === 'provision' || outcome === 'bound') return 'done';
  if (outcome === 'wait-for-first-consumer' || outcome === 'wait-for-volume') return 'waiting';
  return 'failed';
}

function createdStep(claim: PersistentVolumeClaim, audit: readonly WireAuditEntry[], epoch: number): BindingStep {
  const name = claim.metadata?.name ?? '';
  const created = audit.find((a) => a.kind === 'PersistentVolumeClaim' && a.verb === 'create' && !a.subresource);
  return {
    id: 'created',
    title: 'Claim created: Pending',
    state: 'done',
    time: created?.time ?? virtualMs(claim.metadata?.creationTimestamp, epoch),
    summary: `The API server stored ${name} with no volume: it is Pending until the PV controller binds it.`,
    entries: created ? [write(created, `created PersistentVolumeClaim ${name}`)] : [],
  };
}

function searchStep(input: FlowInput, binding: WireClaimBinding): BindingStep {
  const { claim, events, epoch } = input;
  const bound = claimPhase(claim) !== 'Pending';
  // Once bound, the live answer has no verdicts left: show the search as the worker recorded it.
  const explanation: WireClaimExplanation | undefined = bound ? binding.search : binding.now;
  const entries = events.filter((e) => SEARCH_EVENTS.has(e.reason ?? '')).map((e) => eventEntry(e, epoch, binding.audit));
  // The scheduler writes a WaitForFirstConsumer claim once: the node it picked for the pod.
  const node = claim.metadata?.annotations?.[SELECTED_NODE];
  for (const a of binding.audit) {
    if (node && a.kind === 'PersistentVolumeClaim' && a.actor === 'default-scheduler') entries.push(write(a, `annotated the claim ${SELECTED_NODE}=${node}`));
  }
  entries.sort(byTime);
  if (!explanation) {
    return {
      id: 'search',
      title: "The binder's search",
      state: 'done',
      summary: 'The worker did not see this claim before it was bound (it was restarted since), so the search is not recorded.',
      entries,
    };
  }
  return {
    id: 'search',
    title: "The binder's search",
    state: searchState(explanation.outcome),
    time: bound ? binding.searchedAt : undefined,
    summary: explanation.summary,
    // A claim that names its volume is not searched for: there are no verdicts to show.
    verdicts: explanation.volume && explanation.verdicts.length === 0 ? undefined : explanation.verdicts,
    entries,
  };
}

function bindStep(input: FlowInput, binding: WireClaimBinding): BindingStep {
  const { claim, events, epoch } = input;
  const phase = claimPhase(claim);
  const volume = claim.spec?.volumeName;
  const entries: FlowEntry[] = events.filter((e) => BIND_EVENTS.has(e.reason ?? '')).map((e) => eventEntry(e, epoch, binding.audit));
  for (const a of binding.audit) {
    if (a.kind === 'PersistentVolume' && a.verb === 'create' && a.actor !== 'kubectl') entries.push(write(a, `created PersistentVolume ${a.name}`));
    if (a.kind === 'PersistentVolume' && a.verb === 'update' && !a.subresource && a.actor === 'persistentvolume-controller') {
      entries.push(write(a, `set PersistentVolume ${a.name}'s claimRef to this claim`));
    }
  }
  const boundWrite = [...binding.audit].reverse().find((a) => a.kind === 'PersistentVolumeClaim' && a.subresource === 'status' && a.actor === 'persistentvolume-controller');
  if (phase !== 'Pending' && boundWrite) entries.push(write(boundWrite, `set the claim's phase to ${phase}`));
  entries.sort(byTime);
  const provisioned = binding.audit.some((a) => a.kind === 'PersistentVolume' && a.verb === 'create' && a.actor !== 'kubectl');
  const title = provisioned ? 'Provisioned and bound' : 'Bound';
  if (phase === 'Bound') {
    return {
      id: 'bind',
      title,
      state: 'done',
      time: boundWrite?.time,
      summary: provisioned ? `The provisioner created ${volume}, and the PV controller bound the claim to it.` : `The PV controller bound the claim to ${volume}.`,
      entries,
    };
  }
  if (phase === 'Lost') return { id: 'bind', title, state: 'failed', summary: `Its volume ${volume ?? ''} is gone: the data on it is lost.`, entries };
  const failed = events.some((e) => e.reason === 'ProvisioningFailed');
  return {
    id: 'bind',
    title: 'Bind or provision',
    state: failed ? 'failed' : 'waiting',
    summary: failed ? 'Provisioning failed; the controller retries.' : 'Waiting: no volume is bound to the claim yet.',
    entries,
  };
}

function mountStep(input: FlowInput, audit: readonly WireAuditEntry[]): BindingStep {
  const { pods, epoch } = input;
  if (pods.length === 0) return { id: 'mount', title: 'Mounted by a pod', state: 'waiting', summary: 'No pod uses this claim yet.', entries: [] };
  const entries: FlowEntry[] = [];
  let firstStart: number | undefined;
  for (const pod of pods) {
    const name = pod.metadata?.name ?? '';
    const scheduled = audit.find((a) => a.kind === 'Pod' && a.name === name && a.subresource === 'binding');
    if (scheduled) entries.push(write(scheduled, `bound pod ${name} to ${pod.spec?.nodeName ?? 'a node'}`));
    const starts = (pod.status?.containerStatuses ?? []).flatMap((s) => (s.state?.running?.startedAt ? [virtualMs(s.state.running.startedAt, epoch)!] : []));
    if (starts.length > 0) {
      const start = Math.min(...starts);
      entries.push({ time: start, actor: `kubelet/${pod.spec?.nodeName ?? ''}`, text: `mounted the volume and started pod ${name}` });
      firstStart = firstStart === undefined ? start : Math.min(firstStart, start);
    }
  }
  entries.sort(byTime);
  const names = pods.map((p) => p.metadata?.name).join(', ');
  if (firstStart === undefined) return { id: 'mount', title: 'Mounted by a pod', state: 'waiting', summary: `Used by ${names}, which has not started yet.`, entries };
  return { id: 'mount', title: 'Mounted by a pod', state: 'done', time: firstStart, summary: `Mounted by ${names}.`, entries };
}

/** The four steps, or only the first while the worker's answer is on its way. */
export function bindingFlow(input: FlowInput): BindingStep[] {
  const { binding } = input;
  const audit = binding?.audit ?? [];
  const created = createdStep(input.claim, audit, input.epoch);
  if (!binding?.found) return [created];
  return [created, searchStep(input, binding), bindStep(input, binding), mountStep(input, audit)];
}
