/**
 * One plain sentence for an object that is not healthy (UI.md "Words"): what happened, why, and
 * which field or command changes it, built from the conditions, container states and events the
 * cluster itself reports. Field names and commands are wrapped in backticks; the inspector shows
 * them as code.
 */
import type { DaemonSet, Deployment, ReplicaSet, StatefulSet } from 'kubernetes-types/apps/v1';
import type { Job } from 'kubernetes-types/batch/v1';
import type { Container, ContainerStatus, Event, Node, PersistentVolume, PersistentVolumeClaim, Pod, Probe, Service } from 'kubernetes-types/core/v1';
import type { Ingress } from 'kubernetes-types/networking/v1';
import type { WireObject } from '../../protocol/messages';
import { ingressClass, ingressRoutes } from '../../state/ingresses';
import { nodeStatus } from '../../state/node-status';
import { isTerminated, podRequests } from '../../state/objects';
import { podStatus } from '../../state/pod-status';
import type { ServiceEndpoint } from '../../state/services';
import { bytes, cpuMillis, formatBytes, formatCpu } from '../../state/quantity';
import { explainClaim, explainDaemonSet, explainJob, explainStatefulSet, explainVolume } from './why-workloads';

/** What the inspector knows around the object, so a sentence can name real causes. */
export interface WhyContext {
  /** Events about this object, oldest first. */
  events?: readonly Event[];
  /** The Node a pod is bound to. */
  node?: Node;
  /** Every Node, to size an unschedulable pod's requests against. */
  nodes?: readonly Node[];
  /** A Deployment's ReplicaSets and their pods. */
  replicaSets?: readonly ReplicaSet[];
  /** The pods of a Deployment, StatefulSet, DaemonSet or Job; for a Service, every pod in the cluster, to hold its selector against. */
  pods?: readonly Pod[];
  /** A Service's endpoints, from its EndpointSlices. */
  endpoints?: readonly ServiceEndpoint[];
  /** The user powered this Node off (state/node-power.ts). */
  poweredOff?: boolean;
  /** For an Ingress or a StatefulSet: the Services in its namespace; for an Ingress, the IngressClasses. */
  services?: readonly Service[];
  ingressClasses?: readonly WireObject[];
}

const UNREACHABLE = 'node.kubernetes.io/unreachable';
const NOT_READY = 'node.kubernetes.io/not-ready';
const CONTROL_PLANE_TAINT = 'node-role.kubernetes.io/control-plane';

const quote = (text: string) => `“${text}”`;

function latestEvent(events: readonly Event[] | undefined, test: (e: Event) => boolean): Event | undefined {
  const matches = (events ?? []).filter(test);
  return matches[matches.length - 1];
}

function annotation(pod: Pod, name: string): string | undefined {
  return pod.metadata?.annotations?.[`kubesim.io/${name}`];
}

// --- Scheduling --------------------------------------------------------------------------------

/** The first sentence of a FailedScheduling message, without the preemption part (§3.5). */
function schedulerVerdict(message: string): string {
  const cut = message.indexOf(' preemption: ');
  return cut >= 0 ? message.slice(0, cut) : message;
}

/** "3 Insufficient cpu" → reason "Insufficient cpu", per entry of the §3.5 histogram. */
function schedulerReasons(message: string): string[] {
  const verdict = schedulerVerdict(message);
  const colon = verdict.indexOf('nodes are available: ');
  if (colon < 0) return [verdict];
  return verdict
    .slice(colon + 'nodes are available: '.length)
    .replace(/\.$/, '')
    .split(', ')
    .map((entry) => entry.replace(/^\d+ /, ''));
}

function largestAllocatable(nodes: readonly Node[] | undefined, resource: 'cpu' | 'memory'): number {
  let largest = 0;
  for (const node of nodes ?? []) {
    if ((node.spec?.taints ?? []).some((t) => t.key === CONTROL_PLANE_TAINT)) continue;
    const value = node.status?.allocatable?.[resource];
    largest = Math.max(largest, resource === 'cpu' ? cpuMillis(value) : bytes(value));
  }
  return largest;
}

function schedulingAdvice(pod: Pod, reasons: string[], context: WhyContext): string {
  const advice: string[] = [];
  const requests = podRequests(pod);
  for (const resource of ['cpu', 'memory'] as const) {
    if (!reasons.includes(`Insufficient ${resource}`)) continue;
    const format = resource === 'cpu' ? (m: number) => `${formatCpu(m)} CPU` : formatBytes;
    const asked = format(resource === 'cpu' ? requests.cpuMillis : requests.memoryBytes);
    const largest = largestAllocatable(context.nodes, resource);
    const sizes = largest > 0 ? ` (it requests ${asked}; the largest worker has ${format(largest)} allocatable)` : ` (it requests ${asked})`;
    advice.push(`lower \`resources.requests.${resource}\`${sizes} or add a node`);
  }
  if (reasons.includes("node(s) didn't match Pod's node affinity/selector")) {
    const selector = Object.entries(pod.spec?.nodeSelector ?? {}).map(([k, v]) => `${k}=${v}`);
    const which = selector.length > 0 ? ` (no node has the label ${selector.join(', ')})` : '';
    advice.push(`fix \`nodeSelector\` or \`affinity\`${which}`);
  }
  if (reasons.includes('node(s) were unschedulable')) advice.push('uncordon a node (`kubectl uncordon NODE`)');
  if (reasons.includes("node(s) didn't match the requested node name")) advice.push('fix `nodeName`');
  if (reasons.includes('Too many pods')) advice.push('add a node');
  const taints = reasons
    .map((r) => /^node\(s\) had untolerated taint \{([^:]+):/.exec(r)?.[1])
    .filter((key): key is string => key !== undefined);
  // The control plane's taint turns every pod away; it is the cause only when nothing else is.
  const telling = taints.filter((key) => key !== CONTROL_PLANE_TAINT || reasons.length === 1);
  for (const key of telling) {
    if (key === UNREACHABLE || key === NOT_READY) advice.push(`wait for the NotReady node to return (its \`${key}\` taint turns pods away)`);
    else advice.push(`add a \`tolerations\` entry for \`${key}\` or schedule onto another node`);
  }
  if (advice.length === 0) advice.push('change the pod so a node fits it, or add a node');
  return [...new Set(advice)].join('; ');
}

// --- Containers --------------------------------------------------------------------------------

function containerNamed(pod: Pod, name: string | undefined): Container | undefined {
  return pod.spec?.containers.find((c) => c.name === name);
}

/** The first container that is not running ready, as kubectl's STATUS picks it (§4.10). */
function troubledContainer(pod: Pod): ContainerStatus | undefined {
  const statuses = pod.status?.containerStatuses ?? [];
  return statuses.find((c) => c.state?.waiting?.reason || c.state?.terminated) ?? statuses.find((c) => !c.ready);
}

function describeProbe(probe: Probe): string {
  if (probe.httpGet) return `httpGet port ${probe.httpGet.port}, path ${probe.httpGet.path ?? '/'}`;
  if (probe.tcpSocket) return `tcpSocket port ${probe.tcpSocket.port}`;
  if (probe.exec) return `exec ${(probe.exec.command ?? []).join(' ')}`;
  if (probe.grpc) return `grpc port ${probe.grpc.port}`;
  return 'no handler';
}

/** What the container uses, where the pod says: the lesson annotation, or stress's `--vm-bytes`. */
function memoryUse(pod: Pod, container: Container | undefined): string | undefined {
  const scripted = annotation(pod, 'memory');
  if (scripted) return `\`kubesim.io/memory\` says it uses ${scripted}`;
  const args = [...(container?.command ?? []), ...(container?.args ?? [])];
  const at = args.indexOf('--vm-bytes');
  if (at >= 0 && args[at + 1]) return `it allocates ${args[at + 1]} (\`--vm-bytes\`)`;
  return undefined;
}

function explainOom(pod: Pod, status: ContainerStatus): string {
  const container = containerNamed(pod, status.name);
  const limit = container?.resources?.limits?.memory;
  const use = memoryUse(pod, container);
  const against = limit ? `its \`resources.limits.memory\` is ${limit}` : 'it has no memory limit of its own';
  const cause = use ? `${use} but ${against}` : `it used more memory than allowed: ${against}`;
  return `The container ${status.name} was OOMKilled (exit code 137) after ${status.restartCount} restarts: ${cause}, so the kernel kills it on every start; raise \`resources.limits.memory\` or make it use less.`;
}

function explainCrash(pod: Pod, status: ContainerStatus): string {
  const last = status.state?.terminated ?? status.lastState?.terminated;
  const exit = last ? `exit code ${last.exitCode}${last.reason ? `, ${last.reason}` : ''}` : 'it exits';
  const backOff = /back-off (\S+)/.exec(status.state?.waiting?.message ?? '')?.[1];
  const waiting = backOff ? `; the kubelet now waits ${backOff} before the next try (CrashLoopBackOff)` : '; the kubelet restarts it with a growing back-off';
  const crashAfter = annotation(pod, 'crash-after');
  let fix = 'check its `command`/`args` or the app\'s logs';
  if (crashAfter) fix = `here the pod's \`kubesim.io/crash-after: ${crashAfter}\` annotation makes it exit`;
  else if (last?.exitCode === 0) fix = 'its command finished, and a `restartPolicy: Always` pod is restarted whenever it ends: run a long-lived process in `command`/`args`';
  return `The container ${status.name} keeps exiting (${exit}) and has restarted ${status.restartCount} times${waiting}; ${fix}.`;
}

/** The registry's answer from the kubelet's last `Failed to pull image "…": <error>` event. */
function pullError(events: readonly Event[] | undefined, image: string | undefined): string | undefined {
  const failed = latestEvent(events, (e) => e.reason === 'Failed' && (e.message ?? '').startsWith('Failed to pull image'));
  const error = failed?.message?.slice(failed.message.indexOf('": ') + 3);
  if (!error) return undefined;
  if (/not found$/.test(error)) return `the registry answers ${quote(`${image ?? 'image'}: not found`)}`;
  return `the pull fails with ${quote(error)}`;
}

function explainImage(pod: Pod, status: ContainerStatus, context: WhyContext): string {
  const image = containerNamed(pod, status.name)?.image ?? status.image;
  const why = pullError(context.events, image) ?? (status.state?.waiting?.message ? quote(status.state.waiting.message) : 'the pull fails');
  return `The kubelet cannot pull \`${image}\` for container ${status.name}: ${why}, so that image reference doesn't exist; fix \`image\` (name and tag), and meanwhile the kubelet retries with a growing back-off (${status.state?.waiting?.reason ?? 'ImagePullBackOff'}).`;
}

/** Seconds a pod tolerates the NoExecute taint of a NotReady node (DefaultTolerationSeconds: 300). */
function tolerationSeconds(pod: Pod, key: string): number | undefined {
  return pod.spec?.tolerations?.find((t) => (t.key === key || (!t.key && t.operator === 'Exists')) && t.effect === 'NoExecute')?.tolerationSeconds;
}

function explainNotReadyNode(pod: Pod, node: Node): string {
  const { name } = node.metadata ?? {};
  const { readyStatus } = nodeStatus(node);
  const key = readyStatus === 'Unknown' ? UNREACHABLE : NOT_READY;
  const seconds = tolerationSeconds(pod, key);
  const eviction =
    seconds === undefined
      ? `it tolerates \`${key}\` without a time limit, so it is never evicted`
      : `it is evicted once its ${seconds} s toleration for \`${key}\` runs out, and its controller then starts a replacement on another node`;
  return `Its node ${name} is NotReady, so the node lifecycle controller marked this pod not Ready and Services stopped sending it traffic; ${eviction}.`;
}

function explainReadiness(pod: Pod, status: ContainerStatus | undefined, context: WhyContext): string {
  const container = containerNamed(pod, status?.name) ?? pod.spec?.containers[0];
  const probe = container?.readinessProbe;
  const failed = latestEvent(context.events, (e) => e.reason === 'Unhealthy' && (e.message ?? '').startsWith('Readiness probe failed'));
  const unreadyAfter = annotation(pod, 'unready-after');
  const readyAfter = annotation(pod, 'ready-after');
  if (!probe) return 'The containers run but are not all ready yet, so Services send this pod no traffic.';
  const probeText = `\`readinessProbe\` (${describeProbe(probe)})`;
  if (!failed) {
    const warmUp = readyAfter ? `; \`kubesim.io/ready-after: ${readyAfter}\` delays its first success` : '';
    return `The container runs but has not passed its ${probeText} yet, so Services send this pod no traffic${warmUp}.`;
  }
  const port = probe.httpGet?.port ?? probe.tcpSocket?.port;
  const ports = (container?.ports ?? []).map((p) => p.containerPort);
  let fix = `check the ${probeText} port and path against what the app serves`;
  if (unreadyAfter) fix = `here the pod's \`kubesim.io/unready-after: ${unreadyAfter}\` annotation makes the app stop answering`;
  else if (port !== undefined && ports.length > 0 && !ports.includes(Number(port))) {
    fix = `its \`readinessProbe\` checks port ${port} but the app listens on \`containerPort\` ${ports.join(', ')}: fix the probe's \`port\``;
  }
  return `The readiness probe fails (${quote(failed.message?.replace(/^Readiness probe failed: /, '') ?? '')}), so the pod is not Ready and Services send it no traffic; ${fix}.`;
}

function explainTerminating(pod: Pod, context: WhyContext): string {
  const node = context.node;
  const nodeDown = (node && nodeStatus(node).notReady) || pod.status?.reason === 'NodeLost';
  if (!nodeDown) {
    const grace = pod.metadata?.deletionGracePeriodSeconds ?? pod.spec?.terminationGracePeriodSeconds ?? 30;
    return `Deletion was requested: the kubelet is stopping the containers, allowing up to ${grace}s before it kills them.`;
  }
  const nodeName = pod.spec?.nodeName ?? 'its node';
  const evicted = latestEvent(context.events, (e) => e.reason === 'TaintManagerEviction' && (e.message ?? '').startsWith('Marking for deletion'));
  const seconds = tolerationSeconds(pod, UNREACHABLE);
  const cause = evicted
    ? `The pod was evicted from NotReady node ${nodeName}${seconds !== undefined ? ` when its ${seconds} s toleration for \`${UNREACHABLE}\` ran out` : ''}`
    : `Deletion was requested while node ${nodeName} is NotReady`;
  return `${cause}, but the kubelet there cannot confirm its containers stopped, so it stays Terminating until ${nodeName} returns or someone force-deletes it (\`kubectl delete pod ${pod.metadata?.name} --grace-period=0 --force\`).`;
}

function explainPod(pod: Pod, context: WhyContext): string | undefined {
  const { status } = podStatus(pod, 0);
  if (pod.metadata?.deletionTimestamp) {
    if (status === 'Terminating' || status === 'Unknown') return explainTerminating(pod, context);
    return undefined;
  }
  if (!pod.spec?.nodeName) {
    const scheduled = pod.status?.conditions?.find((c) => c.type === 'PodScheduled');
    if (scheduled?.status === 'False' && scheduled.message) {
      const advice = schedulingAdvice(pod, schedulerReasons(scheduled.message), context);
      return `The scheduler cannot place this pod (${quote(schedulerVerdict(scheduled.message))}): ${advice}.`;
    }
    return 'Waiting for the scheduler to pick a node with room for its requests.';
  }
  const container = troubledContainer(pod);
  const lastReason = container?.lastState?.terminated?.reason;
  switch (status) {
    case 'Pending':
    case 'ContainerCreating':
      return `Scheduled to ${pod.spec.nodeName}; the kubelet there is pulling the image and starting the containers.`;
    case 'ImagePullBackOff':
    case 'ErrImagePull':
    case 'InvalidImageName':
      return container && explainImage(pod, container, context);
    case 'OOMKilled':
      return container && explainOom(pod, container);
    case 'CrashLoopBackOff':
    case 'Error':
      if (!container) return undefined;
      return lastReason === 'OOMKilled' ? explainOom(pod, container) : explainCrash(pod, container);
    case 'Running': {
      const ready = pod.status?.conditions?.find((c) => c.type === 'Ready');
      if (ready?.status === 'True') return undefined;
      if (context.node && nodeStatus(context.node).notReady) return explainNotReadyNode(pod, context.node);
      return explainReadiness(pod, container, context);
    }
    default:
      if (/^(ExitCode|Signal):/.test(status) && container) return explainCrash(pod, container);
      return undefined;
  }
}

// --- Nodes -------------------------------------------------------------------------------------

function explainNode(node: Node, context: WhyContext): string | undefined {
  const name = node.metadata?.name ?? '';
  const status = nodeStatus(node);
  if (status.notReady) {
    const said = status.message ? `: ${quote(status.message)}${status.reason ? ` (${status.reason})` : ''}` : '';
    const key = status.readyStatus === 'Unknown' ? UNREACHABLE : NOT_READY;
    const back = context.poweredOff ? ` Power it on (\`kubectl sim node-up ${name}\`) to bring it back.` : '';
    return `${name} is NotReady${said}; the node lifecycle controller tainted it \`${key}:NoExecute\`, so its pods are evicted once their toleration (300 s by default) runs out and recreated on other nodes.${back}`;
  }
  if (status.cordoned) {
    return `${name} is cordoned (\`spec.unschedulable: true\`): its pods keep running but the scheduler places no new pods here; \`kubectl uncordon ${name}\` opens it again.`;
  }
  return undefined;
}

// --- Workloads ---------------------------------------------------------------------------------

/** The pod field that fixes a pod stuck in a given STATUS. */
function fieldFor(status: string): string {
  if (status === 'ImagePullBackOff' || status === 'ErrImagePull' || status === 'InvalidImageName') return '`image`';
  if (status === 'OOMKilled') return '`resources.limits.memory`';
  if (status === 'CrashLoopBackOff' || status === 'Error') return '`command`/`args`';
  if (status === 'Pending') return '`resources.requests`';
  return '`readinessProbe`';
}

function explainDeployment(deployment: Deployment, context: WhyContext): string | undefined {
  const name = deployment.metadata?.name ?? '';
  const desired = deployment.spec?.replicas ?? 1;
  const progressing = deployment.status?.conditions?.find((c) => c.type === 'Progressing');
  const newName = /^ReplicaSet "([^"]+)"/.exec(progressing?.message ?? '')?.[1];
  const newRs = context.replicaSets?.find((rs) => rs.metadata?.name === newName);
  const newPods = (context.pods ?? []).filter(
    (p) => !p.metadata?.deletionTimestamp && p.metadata?.ownerReferences?.some((ref) => ref.controller && ref.uid === newRs?.metadata?.uid),
  );
  const failing = newPods.map((p) => podStatus(p, 0)).filter((s) => s.tone !== 'ready' && s.tone !== 'completed');
  const counts = new Map<string, number>();
  for (const s of failing) counts.set(s.status, (counts.get(s.status) ?? 0) + 1);
  const worst = [...counts].sort((a, b) => b[1] - a[1])[0];
  const podsText = worst ? ` — ${worst[1]} ${worst[1] === 1 ? 'is' : 'are'} ${worst[0]}` : '';
  const fix = worst ? `fix the pod template's ${fieldFor(worst[0])}` : 'fix the pod template';
  const undo = `\`kubectl rollout undo deployment/${name}\``;

  if (progressing?.status === 'False' && progressing.reason === 'ProgressDeadlineExceeded') {
    const deadline = deployment.spec?.progressDeadlineSeconds ?? 600;
    return `The rollout has stalled: ${newName ? `ReplicaSet ${newName}` : 'the new ReplicaSet'} made no progress for \`progressDeadlineSeconds\` (${deadline} s), so the Progressing condition says ProgressDeadlineExceeded; its new pods are not available${podsText}; ${fix}, or roll back with ${undo}.`;
  }
  const rolling = newRs && (deployment.status?.updatedReplicas ?? 0) < (deployment.status?.replicas ?? 0);
  if (progressing?.status === 'True' && rolling && worst && failing.some((s) => s.tone === 'failed')) {
    return `The rollout is stuck: the new ReplicaSet ${newName}'s pods are not available${podsText}, so the Deployment keeps the old pods serving; ${fix}, or roll back with ${undo}.`;
  }
  return explainReplicas('Deployment', desired, deployment.status?.readyReplicas ?? 0);
}

function explainReplicas(kind: string, desired: number, ready: number): string | undefined {
  if (ready >= desired) return undefined;
  return `${ready} of ${desired} replicas are ready; the ${kind} controller keeps working towards ${desired}.`;
}

// --- Services ----------------------------------------------------------------------------------

const pair = (key: string, value: string) => `\`${key}: ${value}\``;

/** The values pods carry under a label key, most common first. */
function valuesOf(pods: readonly Pod[], key: string): string[] {
  const counts = new Map<string, number>();
  for (const p of pods) {
    const value = p.metadata?.labels?.[key];
    if (value !== undefined) counts.set(value, (counts.get(value) ?? 0) + 1);
  }
  return [...counts].sort((a, b) => b[1] - a[1]).map(([value]) => value);
}

const matches = (selector: Record<string, string>, pod: Pod) => Object.entries(selector).every(([k, v]) => pod.metadata?.labels?.[k] === v);

/** Why no pod in the namespace matches: the first selector label none carries, against the labels they do carry. */
function selectorMismatch(selector: Record<string, string>, namespace: string, pods: readonly Pod[]): string {
  const entries = Object.entries(selector);
  const missing = entries.find(([k, v]) => !pods.some((p) => p.metadata?.labels?.[k] === v));
  const fix = 'fix `spec.selector` or the pod labels';
  if (!missing) {
    // Each label is on some pod, but no pod has them all.
    const [k, v] = entries[0];
    const partial = pods.filter((p) => p.metadata?.labels?.[k] === v);
    const [other, wanted] = entries.find(([ok, ov]) => partial.every((p) => p.metadata?.labels?.[ok] !== ov)) ?? entries[1];
    const seen = valuesOf(partial, other);
    const theirs = seen.length ? `have ${seen.slice(0, 3).map((value) => pair(other, value)).join(', ')}` : `have no \`${other}\` label`;
    return `no pod has all of ${entries.map(([ek, ev]) => pair(ek, ev)).join(', ')}; the pods with ${pair(k, v)} ${theirs}, not ${pair(other, wanted)} — ${fix}`;
  }
  const [key, value] = missing;
  const sameKey = valuesOf(pods, key);
  if (sameKey.length) return `no pod has the label ${pair(key, value)}; pods nearby have ${sameKey.slice(0, 3).map((v) => pair(key, v)).join(', ')} — ${fix}`;
  const sameValue = [...new Set(pods.flatMap((p) => Object.entries(p.metadata?.labels ?? {}).filter(([, v]) => v === value).map(([k]) => k)))];
  if (sameValue.length) return `no pod has the label ${pair(key, value)}; pods nearby have ${sameValue.slice(0, 3).map((k) => pair(k, value)).join(', ')} — ${fix}`;
  return `no pod in namespace ${namespace} has a \`${key}\` label at all — ${fix}`;
}

/** A named targetPort that no endpoint pod declares: kube-proxy has no port to forward that Service port to. */
function unresolvedTargetPort(service: Service, pods: readonly Pod[]): string | undefined {
  for (const port of service.spec?.ports ?? []) {
    const target = port.targetPort;
    if (typeof target !== 'string') continue;
    const declared = pods.some((p) => p.spec?.containers.some((c) => c.ports?.some((cp) => cp.name === target)));
    if (!declared) {
      return `Port ${port.port} forwards to \`targetPort: ${target}\`, but no endpoint pod has a container port named ${target}, so that port has nowhere to go; fix \`targetPort\` or name the pod's \`containerPort\`.`;
    }
  }
  return undefined;
}

function explainService(service: Service, context: WhyContext): string | undefined {
  const selector = service.spec?.selector ?? {};
  // Without a selector the endpoints are managed by hand (the `kubernetes` Service's are the API server's).
  if (service.spec?.type === 'ExternalName' || Object.keys(selector).length === 0) return undefined;
  const namespace = service.metadata?.namespace ?? 'default';
  const live = (context.pods ?? []).filter((p) => !isTerminated(p) && !p.metadata?.deletionTimestamp);
  const nearby = live.filter((p) => (p.metadata?.namespace ?? 'default') === namespace);
  const matching = nearby.filter((p) => matches(selector, p));
  const ready = (context.endpoints ?? []).filter((e) => e.ready);
  const pending = service.spec?.type === 'LoadBalancer' && !(service.status?.loadBalancer?.ingress ?? []).length;

  if (ready.length > 0) {
    const served = new Set(ready.map((e) => e.podName));
    const unresolved = unresolvedTargetPort(service, matching.filter((p) => served.has(p.metadata?.name)));
    if (unresolved) return unresolved;
    if (pending) return 'EXTERNAL-IP is <pending>: the cloud controller has not assigned the load balancer an address yet; its NodePorts already work meanwhile.';
    return undefined;
  }
  const none = 'The Service has no endpoints, so connections to it are refused';
  const readyPods = matching.filter((p) => p.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True'));
  if (readyPods.length > 0) {
    return `The Service has no endpoints yet: ${readyPods.length} matching ${readyPods.length === 1 ? 'pod is' : 'pods are'} Ready, and the EndpointSlice controller is adding ${readyPods.length === 1 ? 'it' : 'them'}.`;
  }
  if (matching.length > 0) {
    const statuses = new Map<string, number>();
    for (const p of matching) {
      const { status } = podStatus(p, 0);
      statuses.set(status, (statuses.get(status) ?? 0) + 1);
    }
    const list = [...statuses].map(([status, n]) => `${n} ${status}`).join(', ');
    const count = `${matching.length === 1 ? '1 pod matches' : `${matching.length} pods match`} ${selectorLabel(selector)} but none is Ready`;
    const kinds = [...statuses.keys()];
    if (kinds.every((s) => s === 'Pending' || s === 'ContainerCreating')) {
      return `${none}: ${count} yet (${list}); they become endpoints once they start and pass their readiness checks.`;
    }
    if (kinds.every((s) => s === 'Running')) {
      return `${none}: ${count}: their containers run but fail the readiness check, and only Ready pods receive traffic; select a pod to see why.`;
    }
    return `${none}: ${count} (${list}), and only Ready pods receive traffic; select a pod to see why it is not Ready.`;
  }
  const elsewhere = [...new Set(live.filter((p) => matches(selector, p)).map((p) => p.metadata?.namespace ?? 'default'))];
  if (elsewhere.length) {
    return `${none}: the pods with ${selectorLabel(selector)} run in namespace ${elsewhere.join(', ')}, but a Service only selects pods in its own namespace (${namespace}); create the Service there or move the pods.`;
  }
  if (nearby.length === 0) {
    return `${none}: no pod runs in namespace ${namespace}; create pods (for example with a Deployment) whose labels include ${selectorLabel(selector)}.`;
  }
  return `${none}: ${selectorMismatch(selector, namespace, nearby)}.`;
}

function selectorLabel(selector: Record<string, string>): string {
  return Object.entries(selector)
    .map(([k, v]) => pair(k, v))
    .join(', ');
}

// --- Ingresses ----------------------------------------------------------------------------------

/** The ingress controller the simulation runs; an Ingress of another class has no controller. */
const SERVED_CLASS_CONTROLLER = 'k8s.io/ingress-nginx';

function explainIngress(ingress: Ingress, context: WhyContext): string | undefined {
  const classes = context.ingressClasses ?? [];
  const cls = ingressClass(ingress, classes);
  const known = classes.find((c) => c.metadata.name === cls.name);
  if (!cls.name) return 'No IngressClass is named and none is the default, so no ingress controller serves this Ingress; set `spec.ingressClassName`.';
  if (!known) return `No IngressClass ${cls.name} exists, so no ingress controller serves this Ingress and it gets no address; set \`spec.ingressClassName\` to one that exists (\`kubectl get ingressclass\`).`;
  if ((known.spec as { controller?: string } | undefined)?.controller !== SERVED_CLASS_CONTROLLER) return undefined;
  const services = new Set((context.services ?? []).map((s) => s.metadata?.name));
  const missing = ingressRoutes(ingress).find((r) => r.service && !services.has(r.service));
  if (missing?.service) {
    const namespace = ingress.metadata?.namespace ?? 'default';
    const where = missing.path === undefined ? 'requests no rule matches' : `requests for ${missing.route}`;
    return `The backend Service ${missing.service} does not exist in namespace ${namespace}, so ingress-nginx answers ${where} with 503; create the Service or fix \`backend.service.name\`.`;
  }
  return undefined;
}

export function explain(obj: WireObject, context: WhyContext = {}): string | undefined {
  switch (obj.kind) {
    case 'Pod':
      return explainPod(obj as Pod, context);
    case 'Node':
      return explainNode(obj as Node, context);
    case 'Deployment':
      return explainDeployment(obj as Deployment, context);
    case 'Service':
      return explainService(obj as Service, context);
    case 'Ingress':
      return explainIngress(obj as Ingress, context);
    case 'ReplicaSet': {
      const rs = obj as ReplicaSet;
      return explainReplicas('ReplicaSet', rs.spec?.replicas ?? 1, rs.status?.readyReplicas ?? 0);
    }
    case 'StatefulSet': {
      const set = obj as StatefulSet;
      const serviceName = set.spec?.serviceName;
      return explainStatefulSet(set, context.pods ?? [], (context.services ?? []).some((s) => s.metadata?.name === serviceName));
    }
    case 'DaemonSet':
      return explainDaemonSet(obj as DaemonSet);
    case 'Job':
      return explainJob(obj as Job, context.pods ?? []);
    case 'PersistentVolumeClaim':
      return explainClaim(obj as PersistentVolumeClaim, context.events);
    case 'PersistentVolume':
      return explainVolume(obj as unknown as PersistentVolume);
    default:
      return undefined;
  }
}
