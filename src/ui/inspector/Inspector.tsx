import { Suspense, use, useMemo, useState } from 'react';
import type { DaemonSet, ReplicaSet, StatefulSet } from 'kubernetes-types/apps/v1';
import type { CronJob, Job } from 'kubernetes-types/batch/v1';
import type { ConfigMap, Event, Node, PersistentVolume, PersistentVolumeClaim, Pod, Secret, Service } from 'kubernetes-types/core/v1';
import type { StorageClass } from 'kubernetes-types/storage/v1';
import type { Condition } from 'kubernetes-types/meta/v1';
import type { Ingress } from 'kubernetes-types/networking/v1';
import type { WireKubectlResult, WireObject } from '../../protocol/messages';
import { ageOf } from '../../state/age';
import { selectNowSeconds, useClock } from '../../state/clock';
import { isControlPlane, useCluster } from '../../state/cluster';
import { useNodePower } from '../../state/node-power';
import { nodeStatus } from '../../state/node-status';
import { controllerUid, keyOf, objectKey, parseKey } from '../../state/objects';
import { podStatus } from '../../state/pod-status';
import { useSelection } from '../../state/selection';
import { serviceEndpoints, type ServiceEndpoint } from '../../state/services';
import { useClient } from '../client-context';
import { NodeActionButtons } from '../actions/NodeActionButtons';
import { NodeStatusBadges } from '../graph/NodeBox';
import { TONE_CLASSES } from '../graph/tone';
import { AlertIcon, PowerIcon, ToneIcon, TrashIcon } from '../icons';
import { Field, Section } from './parts';
import { scriptedBehaviour } from './scripted';
import { ServiceEndpoints, ServiceFields } from './ServiceDetails';
import { IngressFields, IngressRules } from './IngressDetails';
import { ConfigMapData, PodDnsField, PodReferencesFields, SecretData, SecretFields } from './ConfigDetails';
import { ClaimFields, StorageClassFields, VolumeFields } from './StorageDetails';
import { ClaimBinding } from './BindingFlow';
import { PodFilesAndEnv } from './PodFiles';
import {
  CronJobFields,
  CronJobJobs,
  DaemonSetFields,
  DaemonSetPods,
  JobFields,
  OwnedPods,
  StatefulSetFields,
  StatefulSetPods,
} from './WorkloadDetails';
import { maskedSecret } from '../../state/secrets';
import { TrafficDetails } from './TrafficDetails';
import { ingressTarget, serviceTarget } from '../traffic/traffic-actions';
import { explain, type WhyContext } from './why';

function useEventsFor(obj: WireObject | undefined): Event[] {
  const events = useCluster((s) => s.byKind.get('Event'));
  return useMemo(() => {
    if (!obj || !events) return [];
    const { uid, name, namespace } = obj.metadata;
    const matches = ([...events.values()] as unknown as Event[]).filter(({ involvedObject: involved }) => {
      if (involved.uid && uid) return involved.uid === uid;
      return involved.kind === obj.kind && involved.name === name && (involved.namespace ?? '') === (namespace ?? '');
    });
    return matches.sort((a, b) => (a.lastTimestamp ?? '').localeCompare(b.lastTimestamp ?? ''));
  }, [obj, events]);
}

/** kubectl describe's event age: "12s", or "3s (x4 over 40s)" for repeats. */
function eventAge(event: Event, now: number): string {
  const last = ageOf(event.lastTimestamp ?? event.firstTimestamp, now);
  return (event.count ?? 1) > 1 ? `${last} (x${event.count} over ${ageOf(event.firstTimestamp, now)})` : last;
}

function Summary({ obj, now }: { obj: WireObject; now: number }) {
  const pod = obj.kind === 'Pod' ? (obj as Pod) : undefined;
  const status = pod ? podStatus(pod, now) : undefined;
  const owner = obj.metadata.ownerReferences?.find((ref) => ref.controller);
  const nodeIp = obj.kind === 'Node' ? (obj.status as { addresses?: { type: string; address: string }[] } | undefined)?.addresses : undefined;
  const ip = pod ? pod.status?.podIP : nodeIp?.find((a) => a.type === 'InternalIP')?.address;
  const labels = Object.entries(obj.metadata.labels ?? {});
  const node = obj.kind === 'Node' ? nodeStatus(obj as Node) : undefined;
  return (
    <dl className="grid grid-cols-[6.5rem_1fr] gap-x-3 gap-y-1.5">
      <Field label="Kind">{obj.kind}</Field>
      <Field label="Name">{obj.metadata.name}</Field>
      {obj.metadata.namespace && <Field label="Namespace">{obj.metadata.namespace}</Field>}
      {pod && <Field label="Node">{pod.spec?.nodeName ?? '<none>'}</Field>}
      {(pod || obj.kind === 'Node') && <Field label="IP">{ip ?? '<none>'}</Field>}
      <Field label="Age">{ageOf(obj.metadata.creationTimestamp, now)}</Field>
      {status && (
        <>
          <Field label="Status">
            <span className={`inline-flex items-center gap-1 font-semibold ${TONE_CLASSES[status.tone].text}`}>
              <ToneIcon tone={status.tone} className="size-3.5" />
              {status.status}
            </span>
          </Field>
          <Field label="Ready">{status.ready}</Field>
          <Field label="Restarts">{status.restartsText}</Field>
          <Field label="Images">{pod?.spec?.containers.map((c) => c.image).join(', ')}</Field>
        </>
      )}
      {node && (
        <>
          <Field label="Status">
            <span className="flex flex-wrap items-center gap-1" title={`kubectl get nodes: ${node.status}`}>
              <NodeStatusBadges status={node} />
            </span>
          </Field>
          <Field label="Taints">
            {node.taints.length === 0 ? (
              '<none>'
            ) : (
              <ul className="flex flex-col gap-0.5">
                {node.taints.map((taint) => {
                  const colon = taint.lastIndexOf(':');
                  return (
                    // Wrap at the effect, not inside the key.
                    <li key={taint} className="break-normal">
                      {taint.slice(0, colon)}
                      <wbr />
                      {taint.slice(colon)}
                    </li>
                  );
                })}
              </ul>
            )}
          </Field>
        </>
      )}
      {obj.kind === 'Service' && <ServiceFields service={obj as Service} />}
      {obj.kind === 'Ingress' && <IngressFields ingress={obj as Ingress} />}
      {pod && <PodDnsField pod={pod} />}
      {pod && <PodReferencesFields pod={pod} />}
      {obj.kind === 'StatefulSet' && <StatefulSetFields set={obj as StatefulSet} />}
      {obj.kind === 'DaemonSet' && <DaemonSetFields set={obj as DaemonSet} />}
      {obj.kind === 'Job' && <JobFields job={obj as Job} now={now} />}
      {obj.kind === 'CronJob' && <CronJobFields cronJob={obj as CronJob} now={now} />}
      {obj.kind === 'PersistentVolumeClaim' && <ClaimFields claim={obj as PersistentVolumeClaim} />}
      {obj.kind === 'PersistentVolume' && <VolumeFields volume={obj as PersistentVolume} />}
      {obj.kind === 'StorageClass' && <StorageClassFields storageClass={obj as unknown as StorageClass} />}
      {obj.kind === 'Secret' && <SecretFields secret={obj as Secret} />}
      {owner && <Field label="Controlled by">{`${owner.kind}/${owner.name}`}</Field>}
      {labels.length > 0 && (
        <Field label="Labels">
          <span className="flex flex-wrap gap-1">
            {labels.map(([k, v]) => (
              <span key={k} className="rounded bg-slate-800 px-1.5 text-[11px] text-slate-300">{`${k}=${v}`}</span>
            ))}
          </span>
        </Field>
      )}
    </dl>
  );
}

/** Conditions that report trouble when True; for every other type, True is the healthy state. */
const PROBLEM_CONDITIONS = new Set(['MemoryPressure', 'DiskPressure', 'PIDPressure', 'NetworkUnavailable', 'ReplicaFailure']);

function conditionColour(c: Condition): string {
  if (c.status === 'Unknown') return 'text-slate-400';
  const healthy = (c.status === 'True') !== PROBLEM_CONDITIONS.has(c.type);
  return healthy ? 'text-emerald-300' : 'text-amber-300';
}

function Conditions({ conditions }: { conditions: Condition[] }) {
  return (
    <ul className="flex flex-col gap-1.5">
      {conditions.map((c) => (
        <li key={c.type} className="text-xs">
          <div className="flex items-baseline gap-2">
            <span className="font-mono break-all text-slate-200">{c.type}</span>
            <span className={`ml-auto shrink-0 font-mono font-semibold ${conditionColour(c)}`}>
              {c.status}
            </span>
          </div>
          {(c.reason || c.message) && (
            <p className="break-words text-slate-400">
              {c.reason && <span className="font-mono text-slate-300">{c.reason}</span>}
              {c.reason && c.message && ' · '}
              {c.message}
            </p>
          )}
        </li>
      ))}
    </ul>
  );
}

function Events({ events, now }: { events: Event[]; now: number }) {
  if (events.length === 0) return <p className="text-xs text-slate-400">&lt;none&gt;</p>;
  return (
    <ol className="flex flex-col gap-2">
      {events.map((e) => (
        <li key={e.metadata.name} className="text-xs">
          <div className="flex items-baseline gap-2">
            <span className={`font-mono font-semibold ${e.type === 'Warning' ? 'text-amber-300' : 'text-slate-200'}`}>{e.reason}</span>
            <span className="text-slate-400">{e.source?.component ?? e.reportingComponent}</span>
            <span className="ml-auto shrink-0 font-mono text-slate-400">{eventAge(e, now)}</span>
          </div>
          <p className="break-words text-slate-300">{e.message}</p>
        </li>
      ))}
    </ol>
  );
}

/** js-yaml loads with the first YAML shown, not with the app. */
let jsYaml: Promise<typeof import('js-yaml')> | undefined;
const loadJsYaml = () => (jsYaml ??= import('js-yaml'));

function YamlView({ obj }: { obj: WireObject }) {
  const { dump } = use(loadJsYaml());
  const yaml = useMemo(() => dump(obj, { lineWidth: 100, noRefs: true }), [dump, obj]);
  return <pre className="overflow-x-auto rounded-md bg-slate-950 p-2 font-mono text-[11px] leading-4 text-slate-300">{yaml}</pre>;
}

function Legend() {
  const items = [
    ['ready', 'Running and Ready'],
    ['progress', 'Pending, ContainerCreating, not yet Ready'],
    ['failed', 'CrashLoopBackOff, Error, OOMKilled, ImagePullBackOff'],
    ['terminating', 'Terminating'],
    ['completed', 'Completed'],
  ] as const;
  return (
    <ul className="flex flex-col gap-1.5">
      {items.map(([tone, text]) => (
        <li key={tone} className="flex items-center gap-2 text-xs">
          <span className={`flex size-5 items-center justify-center rounded border ${TONE_CLASSES[tone].chip}`}>
            <ToneIcon tone={tone} className={`size-3 ${TONE_CLASSES[tone].icon}`} />
          </span>
          <span className="text-slate-300">{text}</span>
        </li>
      ))}
    </ul>
  );
}

/** A why-sentence, with its `backticked` field names and commands set as code. */
function WhyText({ text }: { text: string }) {
  const parts = text.split('`');
  return (
    <p role="note" aria-label="Why" className="mx-4 mb-3 flex gap-2 rounded-md border border-amber-400/30 bg-amber-950/30 px-3 py-2 text-xs leading-5 text-amber-100">
      <AlertIcon className="mt-0.5 size-3.5 shrink-0 text-amber-300" />
      <span className="min-w-0 break-words">
        {parts.map((part, i) =>
          i % 2 === 1 ? (
            // Short names stay whole; long commands may wrap.
            <code key={i} className={`rounded bg-slate-950/70 px-1 font-mono text-[11px] text-amber-50 ${part.length <= 28 ? 'whitespace-nowrap' : ''}`}>
              {part}
            </code>
          ) : (
            part
          ),
        )}
      </span>
    </p>
  );
}

function ScriptedBehaviour({ annotations }: { annotations: Record<string, string> | undefined }) {
  const lines = scriptedBehaviour(annotations);
  if (lines.length === 0) return null;
  return (
    <Section title="Scripted behaviour">
      <p className="mb-2 text-xs text-slate-400">kubesim's lesson annotations; a real cluster ignores them.</p>
      <ul className="flex flex-col gap-2">
        {lines.map((line) => (
          <li key={line.annotation} className="text-xs">
            <code className="font-mono break-all text-violet-200">
              {line.annotation}: {line.value}
            </code>
            <p className="text-slate-300">{line.effect}</p>
          </li>
        ))}
      </ul>
    </Section>
  );
}

/** A Service's endpoints from its EndpointSlices; empty for any other object. */
function useServiceEndpoints(obj: WireObject | undefined): ServiceEndpoint[] {
  const slices = useCluster((s) => (obj?.kind === 'Service' ? s.byKind.get('EndpointSlice') : undefined));
  return useMemo(() => (obj?.kind === 'Service' ? serviceEndpoints(slices, keyOf(obj)) : []), [obj, slices]);
}

/**
 * What the why-sentence may draw on around the object: its node, the nodes, a Deployment's
 * ReplicaSets and pods, a Service's endpoints and the pods its selector is held against.
 */
function useWhyContext(obj: WireObject | undefined, events: Event[], endpoints: ServiceEndpoint[]): WhyContext {
  const nodes = useCluster((s) => s.byKind.get('Node'));
  const replicaSets = useCluster((s) => s.byKind.get('ReplicaSet'));
  const pods = useCluster((s) => s.byKind.get('Pod'));
  const services = useCluster((s) => (obj?.kind === 'Ingress' || obj?.kind === 'StatefulSet' ? s.byKind.get('Service') : undefined));
  const ingressClasses = useCluster((s) => (obj?.kind === 'Ingress' ? s.byKind.get('IngressClass') : undefined));
  const poweredOff = useNodePower((s) => obj?.kind === 'Node' && s.poweredOff.has(obj.metadata.name ?? ''));
  return useMemo(() => {
    if (!obj) return {};
    const context: WhyContext = { events, poweredOff, nodes: [...(nodes?.values() ?? [])] as unknown as Node[] };
    if (obj.kind === 'Pod') {
      const nodeName = (obj as Pod).spec?.nodeName;
      if (nodeName) context.node = nodes?.get(objectKey('Node', undefined, nodeName)) as Node | undefined;
    }
    if (obj.kind === 'Deployment') {
      const owned = (o: WireObject, uids: Set<string | undefined>) => o.metadata.ownerReferences?.some((ref) => ref.controller && uids.has(ref.uid));
      const sets = [...(replicaSets?.values() ?? [])].filter((rs) => owned(rs, new Set([obj.metadata.uid])));
      const setUids = new Set(sets.map((rs) => rs.metadata.uid));
      context.replicaSets = sets as unknown as ReplicaSet[];
      context.pods = [...(pods?.values() ?? [])].filter((p) => owned(p, setUids)) as unknown as Pod[];
    }
    if (obj.kind === 'Service') {
      context.pods = [...(pods?.values() ?? [])] as unknown as Pod[];
      context.endpoints = endpoints;
    }
    if (obj.kind === 'StatefulSet' || obj.kind === 'DaemonSet' || obj.kind === 'Job') {
      context.pods = [...(pods?.values() ?? [])].filter((p) => controllerUid(p) === obj.metadata.uid) as unknown as Pod[];
    }
    if (obj.kind === 'Ingress' || obj.kind === 'StatefulSet') {
      context.services = [...(services?.values() ?? [])].filter((s) => s.metadata.namespace === obj.metadata.namespace) as unknown as Service[];
      context.ingressClasses = [...(ingressClasses?.values() ?? [])];
    }
    return context;
  }, [obj, events, nodes, replicaSets, pods, poweredOff, endpoints, services, ingressClasses]);
}

/** A Node's actions, and what the user did that the API does not show yet. */
function NodeActions({ node }: { node: Node }) {
  const name = node.metadata?.name ?? '';
  const status = nodeStatus(node);
  const poweredOff = useNodePower((s) => s.poweredOff.has(name));
  return (
    <div className="mx-4 mb-3 flex flex-col gap-2">
      <NodeActionButtons name={name} controlPlane={isControlPlane(node)} cordoned={status.cordoned} size="full" />
      {poweredOff && !status.notReady && (
        <p className="flex gap-2 rounded-md border border-slate-700 bg-slate-800/60 px-3 py-2 text-xs text-slate-300">
          <PowerIcon className="mt-0.5 size-3.5 shrink-0 text-slate-400" />
          <span>
            You powered {name} off, but the API still says Ready: the control plane only notices once the node's Lease is 50 s old
            (<code className="font-mono">--node-monitor-grace-period</code>), then marks it NotReady.
          </span>
        </p>
      )}
    </div>
  );
}

/** Traffic is offered to Services that select pods: the request dots travel to those pods. */
function serviceTraffic(service: Service) {
  return Object.keys(service.spec?.selector ?? {}).length > 0 ? serviceTarget(service) : undefined;
}

function Inspected({ objectKey }: { objectKey: string }) {
  const client = useClient();
  const obj = useCluster((s) => s.objects.get(objectKey));
  const now = useClock(selectNowSeconds);
  const events = useEventsFor(obj);
  const endpoints = useServiceEndpoints(obj);
  const context = useWhyContext(obj, events, endpoints);
  // Keyed by the selection, so a new selection starts without the last one's result.
  const [deletion, setDeletion] = useState<WireKubectlResult | null>(null);
  const [secretRevealed, setSecretRevealed] = useState(false);
  const { kind, name } = parseKey(objectKey);

  if (!obj) {
    return (
      <div className="px-4 py-6 text-sm text-slate-400">
        {kind} <span className="font-mono text-slate-200">{name}</span> is gone: the API server has removed it.
      </div>
    );
  }

  const conditions = ((obj.status as { conditions?: Condition[] } | undefined)?.conditions ?? []).filter((c) => c.type);
  const why = explain(obj, context);
  const remove = async () => {
    const result = await client.deleteObject(obj.kind, obj.metadata.name ?? '', obj.metadata.namespace);
    setDeletion(result);
  };

  return (
    <>
      <header className="flex items-start gap-2 px-4 py-3">
        <div className="min-w-0 flex-1">
          <div className="text-[11px] font-semibold tracking-wide text-sky-300 uppercase">{obj.kind}</div>
          <h2 className="font-mono text-sm font-semibold break-all text-slate-100">{obj.metadata.name}</h2>
        </div>
        <button
          type="button"
          onClick={() => void remove()}
          className="flex shrink-0 items-center gap-1 rounded-md border border-rose-500/50 px-2 py-1 text-xs font-semibold text-rose-200 hover:bg-rose-500/15 focus-visible:ring-2 focus-visible:ring-rose-400 focus-visible:outline-none"
        >
          <TrashIcon className="size-3.5" />
          Delete
        </button>
      </header>
      {deletion && (
        <p className={`mx-4 mb-2 font-mono text-xs ${deletion.exitCode === 0 ? 'text-slate-400' : 'text-rose-300'}`}>
          {(deletion.stdout || deletion.stderr).trim()}
        </p>
      )}
      {obj.kind === 'Node' && <NodeActions node={obj as Node} />}
      {why && <WhyText text={why} />}
      <Section title="Summary">
        <Summary obj={obj} now={now} />
      </Section>
      {obj.kind === 'Service' && <ServiceEndpoints endpoints={endpoints} />}
      {obj.kind === 'Service' && <TrafficDetails objectKey={objectKey} target={serviceTraffic(obj as Service)} />}
      {obj.kind === 'Ingress' && <IngressRules ingress={obj as Ingress} />}
      {obj.kind === 'Ingress' && <TrafficDetails objectKey={objectKey} target={ingressTarget(objectKey, obj as Ingress)} />}
      {obj.kind === 'Pod' && <ScriptedBehaviour annotations={obj.metadata.annotations} />}
      {obj.kind === 'StatefulSet' && <StatefulSetPods set={obj as StatefulSet} />}
      {obj.kind === 'DaemonSet' && <DaemonSetPods set={obj as DaemonSet} />}
      {obj.kind === 'Job' && <OwnedPods owner={obj} title="Pods" />}
      {obj.kind === 'CronJob' && <CronJobJobs cronJob={obj as CronJob} now={now} />}
      {obj.kind === 'Secret' && <SecretData secret={obj as Secret} revealed={secretRevealed} onReveal={setSecretRevealed} />}
      {obj.kind === 'ConfigMap' && <ConfigMapData configMap={obj as ConfigMap} />}
      {obj.kind === 'Pod' && <PodFilesAndEnv pod={obj as Pod} />}
      {obj.kind === 'PersistentVolumeClaim' && <ClaimBinding claim={obj as PersistentVolumeClaim} events={events} />}
      {conditions.length > 0 && (
        <Section title="Conditions">
          <Conditions conditions={conditions} />
        </Section>
      )}
      <Section title="Events">
        <Events events={events} now={now} />
      </Section>
      <Section title="YAML">
        <Suspense fallback={<p className="text-xs text-slate-400">Loading…</p>}>
          {/* A Secret's YAML holds its values too; they stay masked until revealed. */}
          <YamlView obj={obj.kind === 'Secret' && !secretRevealed ? (maskedSecret(obj as Secret) as WireObject) : obj} />
        </Suspense>
      </Section>
    </>
  );
}

/** Everything about the selected object: summary, conditions, events and YAML, with Delete. */
export function Inspector() {
  const selected = useSelection((s) => s.selected);
  return (
    <aside aria-label="Inspector" className="h-full overflow-y-auto bg-slate-900">
      {selected ? (
        <Inspected key={selected} objectKey={selected} />
      ) : (
        <div className="flex flex-col gap-4 px-4 py-4">
          <div>
            <h2 className="text-sm font-semibold text-slate-200">Inspector</h2>
            <p className="mt-1 text-xs text-slate-400">Click a pod, node, workload, Service, Ingress or volume in the graph to see its status, conditions, events and YAML.</p>
          </div>
          <div>
            <h3 className="mb-2 text-[11px] font-semibold tracking-wide text-slate-400 uppercase">Pod colours</h3>
            <Legend />
          </div>
        </div>
      )}
    </aside>
  );
}
