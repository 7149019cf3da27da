/** `kubectl describe node` (describeNode and describeNodeResource). */
import type { KubeObject } from '../../api/object';
import { bytes, cpuMillis, formatBytes, formatCpu } from '../../api/quantity';
import type { ApiServer } from '../../api/server';
import type { Container, Node, Pod } from '../../api/types';
import { age, rfc1123z } from '../duration';
import { nodeRoles } from '../printers/nodes';
import { DescribeWriter, eventsFor, writeAnnotations, writeEvents, writeLabels, writeTaints } from './writer';

type Amounts = Map<string, number>;

/** A quantity in base units: millicores for CPU, bytes (or a count) for everything else. */
function amount(resource: string, value: string | number): number {
  return resource === 'cpu' ? cpuMillis(value) : bytes(value);
}

function formatAmount(resource: string, value: number): string {
  return resource === 'cpu' ? formatCpu(value) : formatBytes(value);
}

/**
 * resourcehelper.PodRequestsAndLimits: the sum over app containers, raised to any single init
 * container's value, plus the pod overhead.
 */
function podRequestsAndLimits(pod: Pod): { requests: Amounts; limits: Amounts } {
  const requests: Amounts = new Map();
  const limits: Amounts = new Map();
  const add = (into: Amounts, list: Record<string, string | number> | undefined) => {
    for (const [name, value] of Object.entries(list ?? {})) into.set(name, (into.get(name) ?? 0) + amount(name, value));
  };
  const max = (into: Amounts, list: Record<string, string | number> | undefined) => {
    for (const [name, value] of Object.entries(list ?? {})) into.set(name, Math.max(into.get(name) ?? 0, amount(name, value)));
  };
  for (const c of pod.spec?.containers ?? []) {
    add(requests, c.resources?.requests);
    add(limits, c.resources?.limits);
  }
  for (const c of (pod.spec?.initContainers ?? []) as Container[]) {
    max(requests, c.resources?.requests);
    max(limits, c.resources?.limits);
  }
  add(requests, pod.spec?.overhead);
  add(limits, pod.spec?.overhead);
  return { requests, limits };
}

/** A share of the node as describe prints it: the value, then the whole percent, truncated. */
function share(resource: string, used: number, allocatable: number): string {
  const percent = allocatable === 0 ? 0 : Math.trunc((used / allocatable) * 100);
  return `${formatAmount(resource, used)} (${percent}%)`;
}

const isHugePages = (name: string) => name.startsWith('hugepages-');
const STANDARD = new Set(['cpu', 'memory', 'ephemeral-storage', 'pods']);

function describeNodeResource(w: DescribeWriter, node: Node, pods: Pod[], now: number): void {
  const allocatableList = Object.keys(node.status?.allocatable ?? {}).length ? node.status!.allocatable! : (node.status?.capacity ?? {});
  const allocatable = (resource: string) => (allocatableList[resource] === undefined ? 0 : amount(resource, allocatableList[resource]));
  w.write(0, `Non-terminated Pods:\t(${pods.length} in total)\n`);
  w.write(1, 'Namespace\tName\t\tCPU Requests\tCPU Limits\tMemory Requests\tMemory Limits\tAge\n');
  w.write(1, '---------\t----\t\t------------\t----------\t---------------\t-------------\t---\n');
  const total = { requests: new Map<string, number>(), limits: new Map<string, number>() };
  for (const pod of pods) {
    const { requests, limits } = podRequestsAndLimits(pod);
    for (const [into, from] of [[total.requests, requests], [total.limits, limits]] as const) {
      for (const [name, value] of from) into.set(name, (into.get(name) ?? 0) + value);
    }
    const cell = (list: Amounts, resource: string) => share(resource, list.get(resource) ?? 0, allocatable(resource));
    w.write(
      1,
      `${pod.metadata?.namespace}\t${pod.metadata?.name}\t\t${cell(requests, 'cpu')}\t${cell(limits, 'cpu')}\t${cell(requests, 'memory')}\t${cell(limits, 'memory')}\t${age(pod.metadata?.creationTimestamp, now)}\n`,
    );
  }
  w.write(0, 'Allocated resources:\n  (Total limits may be over 100 percent, i.e., overcommitted.)\n');
  w.write(1, 'Resource\tRequests\tLimits\n');
  w.write(1, '--------\t--------\t------\n');
  const line = (resource: string) =>
    w.write(1, `${resource}\t${share(resource, total.requests.get(resource) ?? 0, allocatable(resource))}\t${share(resource, total.limits.get(resource) ?? 0, allocatable(resource))}\n`);
  for (const resource of ['cpu', 'memory', 'ephemeral-storage']) line(resource);
  const names = Object.keys(allocatableList).sort();
  for (const resource of names.filter(isHugePages)) line(resource);
  for (const resource of names.filter((n) => !isHugePages(n) && !STANDARD.has(n) && !n.startsWith('requests.'))) {
    w.write(1, `${resource}\t${formatAmount(resource, total.requests.get(resource) ?? 0)}\t${formatAmount(resource, total.limits.get(resource) ?? 0)}\n`);
  }
}

export function describeNode(api: ApiServer, obj: KubeObject, now: number): string {
  const node = obj as Node;
  const name = node.metadata?.name ?? '';
  const w = new DescribeWriter();
  w.write(0, `Name:\t${name}\n`);
  w.write(0, `Roles:\t${nodeRoles(node).join(',') || '<none>'}\n`);
  writeLabels(w, 'Labels', node.metadata?.labels);
  writeAnnotations(w, 'Annotations', node.metadata?.annotations);
  w.write(0, `CreationTimestamp:\t${rfc1123z(node.metadata?.creationTimestamp)}\n`);
  writeTaints(w, 'Taints', node.spec?.taints);
  w.write(0, `Unschedulable:\t${node.spec?.unschedulable === true}\n`);
  const lease = api.get('Lease', 'kube-node-lease', name) as { spec?: { holderIdentity?: string; acquireTime?: string; renewTime?: string } } | undefined;
  if (lease) {
    w.write(0, 'Lease:\n');
    w.write(1, `HolderIdentity:\t${lease.spec?.holderIdentity ?? '<unset>'}\n`);
    w.write(1, `AcquireTime:\t${lease.spec?.acquireTime ? rfc1123z(lease.spec.acquireTime) : '<unset>'}\n`);
    w.write(1, `RenewTime:\t${lease.spec?.renewTime ? rfc1123z(lease.spec.renewTime) : '<unset>'}\n`);
  } else {
    w.write(0, `Lease:\tFailed to get lease: leases.coordination.k8s.io ${JSON.stringify(name)} not found\n`);
  }
  const conditions = node.status?.conditions ?? [];
  if (conditions.length) {
    w.write(0, 'Conditions:\n  Type\tStatus\tLastHeartbeatTime\tLastTransitionTime\tReason\tMessage\n');
    w.write(1, '----\t------\t-----------------\t------------------\t------\t-------\n');
    for (const c of conditions) {
      w.write(1, `${c.type} \t${c.status} \t${rfc1123z(c.lastHeartbeatTime)} \t${rfc1123z(c.lastTransitionTime)} \t${c.reason ?? ''} \t${c.message ?? ''}\n`);
    }
  }
  w.write(0, 'Addresses:\n');
  for (const a of node.status?.addresses ?? []) w.write(1, `${a.type}:\t${a.address}\n`);
  for (const [title, list] of [['Capacity', node.status?.capacity], ['Allocatable', node.status?.allocatable]] as const) {
    const names = Object.keys(list ?? {}).sort();
    if (!names.length) continue;
    w.write(0, `${title}:\n`);
    for (const resource of names) w.write(0, `  ${resource}:\t${list![resource]}\n`);
  }
  const info = node.status?.nodeInfo;
  w.write(0, 'System Info:\n');
  w.write(0, `  Machine ID:\t${info?.machineID ?? ''}\n`);
  w.write(0, `  System UUID:\t${info?.systemUUID ?? ''}\n`);
  w.write(0, `  Boot ID:\t${info?.bootID ?? ''}\n`);
  w.write(0, `  Kernel Version:\t${info?.kernelVersion ?? ''}\n`);
  w.write(0, `  OS Image:\t${info?.osImage ?? ''}\n`);
  w.write(0, `  Operating System:\t${info?.operatingSystem ?? ''}\n`);
  w.write(0, `  Architecture:\t${info?.architecture ?? ''}\n`);
  w.write(0, `  Container Runtime Version:\t${info?.containerRuntimeVersion ?? ''}\n`);
  w.write(0, `  Kubelet Version:\t${info?.kubeletVersion ?? ''}\n`);
  w.write(0, `  Kube-Proxy Version:\t${info?.kubeProxyVersion ?? ''}\n`);
  if (node.spec?.podCIDR) w.write(0, `PodCIDR:\t${node.spec.podCIDR}\n`);
  if (node.spec?.podCIDRs?.length) w.write(0, `PodCIDRs:\t${node.spec.podCIDRs.join(',')}\n`);
  if (node.spec?.providerID) w.write(0, `ProviderID:\t${node.spec.providerID}\n`);
  // The pods bound to the node that have not finished (field selector spec.nodeName, phase).
  const pods = (api.list('Pod') as Pod[]).filter((p) => p.spec?.nodeName === name && p.status?.phase !== 'Succeeded' && p.status?.phase !== 'Failed');
  describeNodeResource(w, node, pods, now);
  // Node events carry the node's uid (controllers) or its name (the kubelet) as the uid.
  writeEvents(w, eventsFor(api, obj, { matchKind: true, uids: [node.metadata?.uid ?? '', name] }), now);
  return w.toString();
}
