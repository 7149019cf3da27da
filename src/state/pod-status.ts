/**
 * The READY, STATUS and RESTARTS columns of `kubectl get pods`, ported from kubectl's `printPod`
 * (k8s-semantics §4.10), plus the colour family the graph draws each STATUS in. The UI cannot import
 * the simulator's printer, and the two must agree, so this is a second, independently tested port.
 */
import type { Container, ContainerStatus, Pod, PodCondition } from 'kubernetes-types/core/v1';
import { humanDuration } from './age';

export type StatusTone = 'ready' | 'progress' | 'failed' | 'terminating' | 'completed';

export interface PodStatusSummary {
  /** The STATUS column: Running, ContainerCreating, CrashLoopBackOff, Terminating, … */
  status: string;
  /** The READY column: "1/1". */
  ready: string;
  restarts: number;
  /** The RESTARTS column: "0", or "4 (35s ago)" once a container has restarted. */
  restartsText: string;
  tone: StatusTone;
}

/** kubelet's reason for pods a lost node could not confirm deleted (node lifecycle controller). */
const NODE_UNREACHABLE_POD_REASON = 'NodeLost';

const FAILED_REASONS = new Set([
  'CrashLoopBackOff',
  'Error',
  'OOMKilled',
  'ImagePullBackOff',
  'ErrImagePull',
  'InvalidImageName',
  'CreateContainerConfigError',
  'CreateContainerError',
  'RunContainerError',
  'ContainerStatusUnknown',
  'Evicted',
  'Failed',
  'Unknown',
]);

function isRestartableInitContainer(container: Container | undefined): boolean {
  return container?.restartPolicy === 'Always';
}

function conditionTrue(conditions: PodCondition[] | undefined, type: string): boolean {
  return conditions?.some((c) => c.type === type && c.status === 'True') ?? false;
}

function terminatedAt(status: ContainerStatus): number {
  const finishedAt = status.lastState?.terminated?.finishedAt;
  return finishedAt ? Date.parse(finishedAt) : 0;
}

/** The STATUS text with its READY and RESTARTS columns; `nowMs` (wall ms of the virtual clock) dates the last restart. */
export function podStatus(pod: Pod, nowMs: number): PodStatusSummary {
  const spec = pod.spec;
  const status = pod.status ?? {};
  const phase = status.phase ?? '';
  let restarts = 0;
  let restartableInitRestarts = 0;
  let totalContainers = spec?.containers.length ?? 0;
  let readyContainers = 0;
  let lastRestart = 0;
  let lastRestartableInitRestart = 0;

  let reason = status.reason ? status.reason : phase;
  if (status.conditions?.some((c) => c.type === 'PodScheduled' && c.reason === 'SchedulingGated')) {
    reason = 'SchedulingGated';
  }

  const initContainers = new Map<string, Container>();
  for (const container of spec?.initContainers ?? []) {
    initContainers.set(container.name, container);
    if (isRestartableInitContainer(container)) totalContainers++;
  }

  let initializing = false;
  const initStatuses = status.initContainerStatuses ?? [];
  for (let i = 0; i < initStatuses.length; i++) {
    const container = initStatuses[i];
    restarts += container.restartCount;
    lastRestart = Math.max(lastRestart, terminatedAt(container));
    const restartable = isRestartableInitContainer(initContainers.get(container.name));
    if (restartable) {
      restartableInitRestarts += container.restartCount;
      lastRestartableInitRestart = Math.max(lastRestartableInitRestart, terminatedAt(container));
    }
    const terminated = container.state?.terminated;
    const waiting = container.state?.waiting;
    if (terminated && terminated.exitCode === 0) continue;
    if (restartable && container.started) {
      if (container.ready) readyContainers++;
      continue;
    }
    if (terminated) {
      if (!terminated.reason) {
        reason = terminated.signal ? `Init:Signal:${terminated.signal}` : `Init:ExitCode:${terminated.exitCode}`;
      } else {
        reason = `Init:${terminated.reason}`;
      }
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
    // Last to first, so the first container's abnormal state wins (§4.10).
    for (let i = statuses.length - 1; i >= 0; i--) {
      const container = statuses[i];
      restarts += container.restartCount;
      lastRestart = Math.max(lastRestart, terminatedAt(container));
      const waiting = container.state?.waiting;
      const terminated = container.state?.terminated;
      if (waiting?.reason) {
        reason = waiting.reason;
      } else if (terminated?.reason) {
        reason = terminated.reason;
      } else if (terminated) {
        reason = terminated.signal ? `Signal:${terminated.signal}` : `ExitCode:${terminated.exitCode}`;
      } else if (container.ready && container.state?.running) {
        hasRunning = true;
        readyContainers++;
      }
    }
    if (reason === 'Completed' && hasRunning) {
      reason = conditionTrue(status.conditions, 'Ready') ? 'Running' : 'NotReady';
    }
  }

  const deleting = Boolean(pod.metadata?.deletionTimestamp);
  if (deleting && status.reason === NODE_UNREACHABLE_POD_REASON) {
    reason = 'Unknown';
  } else if (deleting && phase !== 'Succeeded' && phase !== 'Failed') {
    reason = 'Terminating';
  }

  const restartsText =
    restarts !== 0 && lastRestart !== 0 ? `${restarts} (${humanDuration(nowMs - lastRestart)} ago)` : String(restarts);

  return {
    status: reason,
    ready: `${readyContainers}/${totalContainers}`,
    restarts,
    restartsText,
    tone: toneOf(reason, readyContainers === totalContainers && totalContainers > 0),
  };
}

/** The colour family of a STATUS (UI.md): green only when Running and every container is ready. */
export function toneOf(status: string, allReady: boolean): StatusTone {
  if (status === 'Terminating') return 'terminating';
  if (status === 'Completed' || status === 'Succeeded') return 'completed';
  if (status === 'Running') return allReady ? 'ready' : 'progress';
  const bare = status.startsWith('Init:') ? status.slice('Init:'.length) : status;
  if (FAILED_REASONS.has(bare) || /^(ExitCode|Signal):/.test(bare)) return 'failed';
  return 'progress';
}
