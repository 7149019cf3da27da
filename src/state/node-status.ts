/**
 * What the API says about a Node, read the way `kubectl get nodes` reads it (k8s-semantics §5.3):
 * STATUS from the Ready condition, `,SchedulingDisabled` when cordoned, and the taints. Only the
 * Node object is consulted, so the UI never knows more than the API shows.
 */
import type { Node, Taint } from 'kubernetes-types/core/v1';

export interface NodeStatusSummary {
  /** The STATUS column: "Ready", "NotReady", "Ready,SchedulingDisabled", … */
  status: string;
  /** Ready is False or Unknown (the printer says NotReady for both). */
  notReady: boolean;
  /** The Ready condition's status; "Unknown" when the node has none yet. */
  readyStatus: 'True' | 'False' | 'Unknown';
  /** The Ready condition's reason and message when it is not True ("NodeStatusUnknown", "Kubelet stopped posting node status."). */
  reason?: string;
  message?: string;
  /** `spec.unschedulable`: `kubectl cordon` was run. */
  cordoned: boolean;
  /** "key:effect" (or "key=value:effect"), as `kubectl describe node` lists them. */
  taints: string[];
}

export function taintText(taint: Taint): string {
  return `${taint.key}${taint.value ? `=${taint.value}` : ''}:${taint.effect}`;
}

export function nodeStatus(node: Node): NodeStatusSummary {
  const ready = node.status?.conditions?.find((c) => c.type === 'Ready');
  const readyStatus = ready?.status === 'True' || ready?.status === 'False' ? ready.status : 'Unknown';
  const notReady = readyStatus !== 'True';
  const cordoned = node.spec?.unschedulable === true;
  const status = `${ready ? (notReady ? 'NotReady' : 'Ready') : 'Unknown'}${cordoned ? ',SchedulingDisabled' : ''}`;
  return {
    status,
    notReady,
    readyStatus,
    reason: notReady ? ready?.reason : undefined,
    message: notReady ? ready?.message : undefined,
    cordoned,
    taints: (node.spec?.taints ?? []).map(taintText),
  };
}
