/**
 * `kubectl drain` (k8s.io/kubectl/pkg/cmd/drain and pkg/drain, k8s-semantics §5.4): cordon, sort
 * the node's pods through drain's filters, evict the rest and wait for each to be gone.
 *
 * kubesim has no PodDisruptionBudgets yet, so an eviction is never refused (no 429 retries):
 * it deletes the pod with its grace period, as the eviction subresource does when a budget allows.
 * A pod whose controller reference has kind DaemonSet is treated as DaemonSet-managed without
 * looking the DaemonSet up (real drain also refuses when it is gone, unless --force).
 */
import { parseSelectorString } from '../../api/labels';
import type { Node, Pod } from '../../api/types';
import { fromRfc3339 } from '../../time';
import type { Invocation, Verb } from '../command';
import { goDuration } from '../duration';
import { KubectlError } from '../errors';
import { SELECTOR } from './common';
import { cordonNodes, nodesFor } from './cordon';

const MIRROR_POD_ANNOTATION = 'kubernetes.io/config.mirror';
/** waitForDelete polls every second. */
const POLL_MS = 1000;
/** Past the longest grace period, kubesim stops waiting on pods that cannot finish (their node is down). */
const GRACE_SLACK_MS = 60_000;

/** drain's filter messages (pkg/drain/filters.go, v1.32). */
const DAEMONSET_FATAL = 'DaemonSet-managed Pods (use --ignore-daemonsets to ignore)';
const DAEMONSET_WARNING = 'ignoring DaemonSet-managed Pods';
const LOCAL_STORAGE_FATAL = 'Pods with local storage (use --delete-emptydir-data to override)';
const LOCAL_STORAGE_WARNING = 'deleting Pods with local storage';
// v1.32's constant carries its own "cannot delete", which errors() prefixes again.
const UNMANAGED_FATAL = 'cannot delete Pods that declare no controller (use --force to override)';
const UNMANAGED_WARNING = 'deleting Pods that declare no controller';

type Status = { delete: boolean; reason: 'Okay' | 'Skip' | 'Warning' | 'Error'; message?: string };
const OKAY: Status = { delete: true, reason: 'Okay' };

interface DrainOptions {
  force: boolean;
  ignoreDaemonSets: boolean;
  deleteEmptyDirData: boolean;
  skipWaitForDeleteTimeoutSeconds: number;
}

const finished = (pod: Pod) => pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed';
const controllerOf = (pod: Pod) => pod.metadata?.ownerReferences?.find((r) => r.controller);

/** shouldSkipPod: deleted longer ago than --skip-wait-for-delete-timeout (when above 0). */
function shouldSkipPod(pod: Pod, skipSeconds: number, now: number): boolean {
  const deleted = pod.metadata?.deletionTimestamp;
  return skipSeconds > 0 && !!deleted && Math.trunc((now - fromRfc3339(deleted)) / 1000) > skipSeconds;
}

/** makeFilters, in drain's order: each may keep the pod, skip it, warn or refuse. */
function filters(o: DrainOptions, now: number): ((pod: Pod) => Status)[] {
  return [
    (pod) => (shouldSkipPod(pod, o.skipWaitForDeleteTimeoutSeconds, now) ? { delete: false, reason: 'Skip' } : OKAY),
    (pod) => {
      if (controllerOf(pod)?.kind !== 'DaemonSet' || finished(pod)) return OKAY;
      return o.ignoreDaemonSets ? { delete: false, reason: 'Warning', message: DAEMONSET_WARNING } : { delete: false, reason: 'Error', message: DAEMONSET_FATAL };
    },
    (pod) => (pod.metadata?.annotations?.[MIRROR_POD_ANNOTATION] !== undefined ? { delete: false, reason: 'Skip' } : OKAY),
    (pod) => {
      if (!pod.spec?.volumes?.some((v) => v.emptyDir) || finished(pod)) return OKAY;
      // This warning is lost to the next filter's verdict, as in kubectl.
      return o.deleteEmptyDirData ? { delete: true, reason: 'Warning', message: LOCAL_STORAGE_WARNING } : { delete: false, reason: 'Error', message: LOCAL_STORAGE_FATAL };
    },
    (pod) => {
      if (finished(pod) || controllerOf(pod)) return OKAY;
      return o.force ? { delete: true, reason: 'Warning', message: UNMANAGED_WARNING } : { delete: false, reason: 'Error', message: UNMANAGED_FATAL };
    },
  ];
}

interface PodDeleteList {
  pods: Pod[];
  warnings: string;
  errors: string[];
}

/** "message: ns/a, ns/b" per message, in the order the messages first occur (kubectl groups them in a map, in no set order). */
function grouped(items: { status: Status; pod: Pod }[], reason: Status['reason']): string[] {
  const byMessage = new Map<string, string[]>();
  for (const { status, pod } of items) {
    if (status.reason !== reason) continue;
    const message = status.message || 'unexpected error';
    byMessage.set(message, [...(byMessage.get(message) ?? []), `${pod.metadata?.namespace}/${pod.metadata?.name}`]);
  }
  return [...byMessage].map(([message, pods]) => `${message}: ${pods.join(', ')}`);
}

/** GetPodsForDeletion: the node's pods (-A, --pod-selector) through the filters, each stopping at the first that drops it. */
function podsForDeletion(inv: Invocation, nodeName: string, o: DrainOptions): PodDeleteList {
  const podSelector = inv.flags.string('pod-selector');
  const matches = podSelector ? parseSelectorString(podSelector) : () => true;
  const pods = (inv.ctx.api.list('Pod') as Pod[]).filter((p) => p.spec?.nodeName === nodeName && matches(p.metadata?.labels));
  const chain = filters(o, inv.ctx.clock.now());
  const items = pods.map((pod) => {
    let status = OKAY;
    for (const filter of chain) {
      status = filter(pod);
      if (!status.delete) break;
    }
    return { pod, status };
  });
  return {
    pods: items.filter((i) => i.status.delete).map((i) => i.pod),
    warnings: grouped(items, 'Warning').join('; '),
    errors: grouped(items, 'Error').map((e) => `cannot delete ${e}`),
  };
}

/** utilerrors.Aggregate's Error(): one message bare, several as "[a, b]". */
const aggregateText = (messages: readonly string[]) => (messages.length === 1 ? messages[0] : `[${messages.join(', ')}]`);

/** kubesim gave up on pods that cannot finish: the command ends there, as if interrupted. */
const STOPPED = 'stopped';
/** No clock to move (the UI drives it): the pods finish terminating after the command returns. */
const NOT_WAITED = 'not waited';

/**
 * evictPods and waitForDelete: "evicting pod ns/name" for each, then "pod/name evicted" as each
 * is gone, polling every second; the errors of the pods that did not finish.
 */
function evictAndWait(inv: Invocation, pods: readonly Pod[], skipSeconds: number): string[] | typeof STOPPED | typeof NOT_WAITED {
  const grace = inv.flags.int('grace-period');
  for (const pod of pods) {
    inv.out.out(`evicting pod ${pod.metadata?.namespace}/${pod.metadata?.name}\n`);
    if (inv.ctx.api.get('Pod', pod.metadata?.namespace, pod.metadata?.name ?? '')) {
      inv.ctx.api.delete('Pod', pod.metadata?.namespace, pod.metadata?.name ?? '', 'kubectl', grace >= 0 ? { gracePeriodSeconds: grace } : {});
    }
  }
  const advance = inv.ctx.advance;
  if (!advance) return NOT_WAITED;
  const timeout = inv.flags.duration('timeout');
  const longestGrace = Math.max(0, ...pods.map((p) => (grace >= 0 ? grace : (p.spec?.terminationGracePeriodSeconds ?? 30)))) * 1000;
  let pending = [...pods];
  for (let waited = 0; ; waited += POLL_MS) {
    pending = pending.filter((pod) => {
      const current = inv.ctx.api.get('Pod', pod.metadata?.namespace, pod.metadata?.name ?? '');
      if (!current || current.metadata.uid !== pod.metadata?.uid) {
        inv.out.out(`pod/${pod.metadata?.name} evicted\n`);
        return false;
      }
      if (shouldSkipPod(current as Pod, skipSeconds, inv.ctx.clock.now())) {
        inv.out.out(`pod ${JSON.stringify(pod.metadata?.name)} has DeletionTimestamp older than ${skipSeconds} seconds, skipping\n`);
        return false;
      }
      return true;
    });
    if (pending.length === 0) return [];
    if (timeout > 0 && waited >= timeout) {
      return pending.map((p) => `error when waiting for pod ${JSON.stringify(p.metadata?.name)} in namespace ${JSON.stringify(p.metadata?.namespace)} to terminate: global timeout reached: ${goDuration(timeout)}`);
    }
    if (waited >= longestGrace + GRACE_SLACK_MS) {
      inv.out.err(`kubesim stopped waiting after ${goDuration(waited)} of simulated time: ${pending.map((p) => `pod/${p.metadata?.name}`).join(', ')} still terminating; kubectl would keep waiting (see --timeout)\n`);
      return STOPPED;
    }
    advance(POLL_MS);
  }
}

/** deleteOrEvictPodsSimple: the node's error messages, or none when it drained. */
function drainNode(inv: Invocation, node: Node, o: DrainOptions): ReturnType<typeof evictAndWait> {
  const nodeName = node.metadata?.name ?? '';
  const list = podsForDeletion(inv, nodeName, o);
  if (list.errors.length) return list.errors;
  if (list.warnings) inv.out.err(`Warning: ${list.warnings}\n`);
  const errors = evictAndWait(inv, list.pods, o.skipWaitForDeleteTimeoutSeconds);
  if (Array.isArray(errors) && errors.length) {
    const pending = podsForDeletion(inv, nodeName, o).pods;
    if (pending.length) inv.out.err(`There are pending pods in node ${JSON.stringify(nodeName)} when an error occurred: ${aggregateText(errors)}\n${pending.map((p) => `pod/${p.metadata?.name}\n`).join('')}`);
  }
  return errors;
}

export const drainVerb: Verb = {
  name: 'drain',
  group: 'Cluster Management Commands:',
  short: 'Drain node in preparation for maintenance',
  long: `Drain node in preparation for maintenance.

 The given node will be marked unschedulable to prevent new pods from arriving. 'drain' evicts the pods if the API server supports https://kubernetes.io/docs/concepts/workloads/pods/disruptions/ eviction https://kubernetes.io/docs/concepts/workloads/pods/disruptions/ . Otherwise, it will use normal DELETE to delete the pods. The 'drain' evicts or deletes all pods except mirror pods (which cannot be deleted through the API server).  If there are daemon set-managed pods, drain will not proceed without --ignore-daemonsets, and regardless it will not delete any daemon set-managed pods, because those pods would be immediately replaced by the daemon set controller, which ignores unschedulable markings.  If there are any pods that are neither mirror pods nor managed by a replication controller, replica set, daemon set, stateful set, or job, then drain will not delete any pods unless you use --force.  --force will also allow deletion to proceed if the managing resource of one or more pods is missing.

 'drain' waits for graceful termination. You should not operate on the machine until the command completes.

 When you are ready to put the node back into service, use kubectl uncordon, which will make the node schedulable again.

https://kubernetes.io/images/docs/kubectl_drain.svg Workflowhttps://kubernetes.io/images/docs/kubectl_drain.svg`,
  examples: `  # Drain node "foo", even if there are pods not managed by a replication controller, replica set, job, daemon set, or stateful set on it
  kubectl drain foo --force
  
  # As above, but abort if there are pods not managed by a replication controller, replica set, job, daemon set, or stateful set, and use a grace period of 15 minutes
  kubectl drain foo --grace-period=900`,
  usage: 'kubectl drain NODE [options]',
  flags: [
    { name: 'delete-emptydir-data', type: 'bool', default: false, usage: 'Continue even if there are pods using emptyDir (local data that will be deleted when the node is drained).' },
    { name: 'force', type: 'bool', default: false, usage: 'Continue even if there are pods that do not declare a controller.' },
    { name: 'grace-period', type: 'int', default: -1, usage: 'Period of time in seconds given to each pod to terminate gracefully. If negative, the default value specified in the pod will be used.' },
    { name: 'ignore-daemonsets', type: 'bool', default: false, usage: 'Ignore DaemonSet-managed pods.' },
    { name: 'pod-selector', type: 'string', default: '', usage: 'Label selector to filter pods on the node' },
    SELECTOR,
    {
      name: 'skip-wait-for-delete-timeout',
      type: 'int',
      default: 0,
      usage: 'If pod DeletionTimestamp older than N seconds, skip waiting for the pod.  Seconds must be greater than 0 to skip.',
    },
    { name: 'timeout', type: 'duration', default: 0, usage: 'The length of time to wait before giving up, zero means infinite' },
  ],
  run(inv) {
    const nodes = nodesFor(inv);
    const podSelector = inv.flags.string('pod-selector');
    if (podSelector) {
      try {
        parseSelectorString(podSelector);
      } catch {
        throw new KubectlError('--pod-selector=<pod_selector> must be a valid label selector');
      }
    }
    cordonNodes(inv, nodes, true);
    const o: DrainOptions = {
      force: inv.flags.bool('force'),
      ignoreDaemonSets: inv.flags.bool('ignore-daemonsets'),
      deleteEmptyDirData: inv.flags.bool('delete-emptydir-data'),
      skipWaitForDeleteTimeoutSeconds: inv.flags.int('skip-wait-for-delete-timeout'),
    };
    const failed: { name: string; errors: string[] }[] = [];
    for (const node of nodes) {
      const errors = drainNode(inv, node, o);
      if (errors === STOPPED) return 1;
      if (errors === NOT_WAITED) continue;
      if (errors.length === 0) {
        inv.out.out(`node/${node.metadata?.name} drained\n`);
        continue;
      }
      inv.out.err(`error: unable to drain node ${JSON.stringify(node.metadata?.name)} due to error: ${aggregateText(errors)}, continuing command...\n`);
      failed.push({ name: node.metadata?.name ?? '', errors });
    }
    if (failed.length === 0) return 0;
    inv.out.err(`There are pending nodes to be drained:\n${failed.map((f) => ` ${f.name}\n`).join('')}`);
    // CheckErr on the aggregate of the nodes' aggregates: one node's errors one per line, several nodes' as "[a, b]" each.
    const lines = failed.length === 1 ? failed[0].errors : failed.map((f) => aggregateText(f.errors));
    inv.out.err(lines.map((l) => `${l}\n`).join(''));
    return 1;
  },
};
