/**
 * `kubectl get pods`: a port of printPod (pkg/printers/internalversion/printers.go, v1.32),
 * k8s-semantics §4.10. STATUS walks init containers first, then the app containers from last
 * to first so the first container's abnormal state wins.
 */
import type { KubeObject } from '../../api/object';
import type { Container, Pod, PodCondition } from '../../api/types';
import { fromRfc3339 } from '../../time';
import { age, humanDuration } from '../duration';
import type { Cell, TablePrinter } from './table';

/** node.NodeUnreachablePodReason: the node lifecycle controller's mark on pods of a lost node. */
const NODE_UNREACHABLE_POD_REASON = 'NodeLost';

export interface PodSummary {
  ready: string;
  status: string;
  restarts: string;
}

function isRestartableInitContainer(container: Container | undefined): boolean {
  return container?.restartPolicy === 'Always';
}

function conditionTrue(conditions: PodCondition[] | undefined, type: string): boolean {
  return conditions?.some((c) => c.type === type && c.status === 'True') ?? false;
}

/** The READY, STATUS and RESTARTS cells of one pod at virtual instant `now`. */
export function podSummary(pod: Pod, now: number): PodSummary {
  const spec = pod.spec;
  const status = pod.status ?? {};
  let restarts = 0;
  let restartableInitRestarts = 0;
  let totalContainers = spec?.containers.length ?? 0;
  let readyContainers = 0;
  // Virtual ms of the latest lastState.terminated.finishedAt; -Infinity is Go's zero time.
  let lastRestart = -Infinity;
  let lastRestartableInitRestart = -Infinity;
  const finishedAt = (t: string | undefined) => (t ? fromRfc3339(t) : -Infinity);

  const phase = status.phase ?? '';
  let reason: string = status.reason ? status.reason : phase;
  if (status.conditions?.some((c) => c.type === 'PodScheduled' && c.reason === 'SchedulingGated')) reason = 'SchedulingGated';

  const initContainers = new Map<string, Container>();
  for (const c of spec?.initContainers ?? []) {
    initContainers.set(c.name, c);
    if (isRestartableInitContainer(c)) totalContainers++;
  }

  let initializing = false;
  const initStatuses = status.initContainerStatuses ?? [];
  for (let i = 0; i < initStatuses.length; i++) {
    const container = initStatuses[i];
    restarts += container.restartCount;
    const terminatedBefore = container.lastState?.terminated;
    if (terminatedBefore) lastRestart = Math.max(lastRestart, finishedAt(terminatedBefore.finishedAt));
    const restartable = isRestartableInitContainer(initContainers.get(container.name));
    if (restartable) {
      restartableInitRestarts += container.restartCount;
      if (terminatedBefore) lastRestartableInitRestart = Math.max(lastRestartableInitRestart, finishedAt(terminatedBefore.finishedAt));
    }
    const terminated = container.state?.terminated;
    const waiting = container.state?.waiting;
    if (terminated && terminated.exitCode === 0) continue;
    if (restartable && container.started) {
      if (container.ready) readyContainers++;
      continue;
    }
    if (terminated) {
      if (!terminated.reason) reason = terminated.signal ? `Init:Signal:${terminated.signal}` : `Init:ExitCode:${terminated.exitCode}`;
      else reason = `Init:${terminated.reason}`;
    } else if (waiting?.reason && waiting.reason !== 'PodInitializing') {
      reason = `Init:${waiting.reason}`;
    } else {
      reason = `Init:${i}/${spec?.initContainers?.length ?? 0}`;
    }
    initializing = true;
    break;
  }

  if (!initializing || conditionTrue(status.conditions, 'Initialized')) {
    restarts = restartableInitRestarts;
    lastRestart = lastRestartableInitRestart;
    let hasRunning = false;
    const statuses = status.containerStatuses ?? [];
    for (let i = statuses.length - 1; i >= 0; i--) {
      const container = statuses[i];
      restarts += container.restartCount;
      const terminatedBefore = container.lastState?.terminated;
      if (terminatedBefore) lastRestart = Math.max(lastRestart, finishedAt(terminatedBefore.finishedAt));
      const waiting = container.state?.waiting;
      const terminated = container.state?.terminated;
      if (waiting?.reason) reason = waiting.reason;
      else if (terminated?.reason) reason = terminated.reason;
      else if (terminated) reason = terminated.signal ? `Signal:${terminated.signal}` : `ExitCode:${terminated.exitCode}`;
      else if (container.ready && container.state?.running) {
        hasRunning = true;
        readyContainers++;
      }
    }
    // A pod with a container still running is not "Completed".
    if (reason === 'Completed' && hasRunning) reason = conditionTrue(status.conditions, 'Ready') ? 'Running' : 'NotReady';
  }

  const deleting = !!pod.metadata?.deletionTimestamp;
  if (deleting && status.reason === NODE_UNREACHABLE_POD_REASON) reason = 'Unknown';
  else if (deleting && phase !== 'Succeeded' && phase !== 'Failed') reason = 'Terminating';

  const restartsText = restarts !== 0 && lastRestart !== -Infinity ? `${restarts} (${humanDuration(now - lastRestart)} ago)` : String(restarts);
  return { ready: `${readyContainers}/${totalContainers}`, status: reason, restarts: restartsText };
}

function readinessGates(pod: Pod): string {
  const gates = pod.spec?.readinessGates ?? [];
  if (gates.length === 0) return '<none>';
  const trueConditions = gates.filter((g) => pod.status?.conditions?.find((c) => c.type === g.conditionType)?.status === 'True').length;
  return `${trueConditions}/${gates.length}`;
}

export const podPrinter: TablePrinter = {
  kind: 'Pod',
  columns: [
    { name: 'Name', priority: 0, isName: true },
    { name: 'Ready', priority: 0 },
    { name: 'Status', priority: 0 },
    { name: 'Restarts', priority: 0 },
    { name: 'Age', priority: 0 },
    { name: 'IP', priority: 1 },
    { name: 'Node', priority: 1 },
    { name: 'Nominated Node', priority: 1 },
    { name: 'Readiness Gates', priority: 1 },
  ],
  row(obj: KubeObject, now: number): Cell[] {
    const pod = obj as Pod;
    const { ready, status, restarts } = podSummary(pod, now);
    return [
      pod.metadata?.name ?? '',
      ready,
      status,
      restarts,
      age(pod.metadata?.creationTimestamp, now),
      pod.status?.podIPs?.[0]?.ip || '<none>',
      pod.spec?.nodeName || '<none>',
      pod.status?.nominatedNodeName || '<none>',
      readinessGates(pod),
    ];
  },
};
