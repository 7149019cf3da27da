/** Filter plugins of the default profile, with their exact failure reasons (k8s-semantics §3.3). */
import type { Node, NodeSelectorRequirement, NodeSelectorTerm, Pod, Taint, Toleration } from '../api/types';
import { bytes, cpuMillis } from '../api/quantity';
import type { Resources } from './resources';

export interface NodeUsage {
  pods: number;
  requested: Resources;
  nonZero: Resources;
}

export interface FilterFailure {
  reason: string;
  /** UnschedulableAndUnresolvable: preemption cannot help on this node. */
  unresolvable: boolean;
}

export function tolerates(toleration: Toleration, taint: Taint): boolean {
  if (toleration.effect && toleration.effect !== taint.effect) return false;
  if (toleration.operator === 'Exists') return !toleration.key || toleration.key === taint.key;
  return toleration.key === taint.key && (toleration.value ?? '') === (taint.value ?? '');
}

function requirementMatches(req: NodeSelectorRequirement, labels: Record<string, string>): boolean {
  const has = req.key in labels;
  const value = labels[req.key];
  switch (req.operator) {
    case 'In':
      return has && (req.values ?? []).includes(value);
    case 'NotIn':
      return !has || !(req.values ?? []).includes(value);
    case 'Exists':
      return has;
    case 'DoesNotExist':
      return !has;
    case 'Gt':
      return has && Number(value) > Number(req.values?.[0]);
    case 'Lt':
      return has && Number(value) < Number(req.values?.[0]);
    default:
      return false;
  }
}

export function termMatches(term: NodeSelectorTerm, node: Node): boolean {
  const labels = node.metadata?.labels ?? {};
  const fields: Record<string, string> = { 'metadata.name': node.metadata?.name ?? '' };
  const exprs = term.matchExpressions ?? [];
  const fieldExprs = term.matchFields ?? [];
  if (exprs.length === 0 && fieldExprs.length === 0) return false;
  return exprs.every((r) => requirementMatches(r, labels)) && fieldExprs.every((r) => requirementMatches(r, fields));
}

/** NodeAffinity's filter: nodeSelector and required node affinity (also the DaemonSet controller's test). */
export function affinityMatches(pod: Pod, node: Node): boolean {
  const labels = node.metadata?.labels ?? {};
  for (const [k, v] of Object.entries(pod.spec?.nodeSelector ?? {})) if (labels[k] !== v) return false;
  const required = pod.spec?.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution;
  if (required && !(required.nodeSelectorTerms ?? []).some((t) => termMatches(t, node))) return false;
  return true;
}

/** Runs the filters in the default plugin order; all failure reasons of the first failing plugin. */
export function filterNode(pod: Pod, node: Node, usage: NodeUsage, request: Resources): FilterFailure[] {
  const spec = pod.spec ?? { containers: [] };
  const tolerations = spec.tolerations ?? [];
  if (node.spec?.unschedulable && !tolerations.some((t) => tolerates(t, { key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule' }))) {
    return [{ reason: 'node(s) were unschedulable', unresolvable: true }];
  }
  if (spec.nodeName && spec.nodeName !== node.metadata?.name) {
    return [{ reason: "node(s) didn't match the requested node name", unresolvable: true }];
  }
  const untolerated = (node.spec?.taints ?? []).find(
    (taint) => (taint.effect === 'NoSchedule' || taint.effect === 'NoExecute') && !tolerations.some((t) => tolerates(t, taint)),
  );
  if (untolerated) {
    return [{ reason: `node(s) had untolerated taint {${untolerated.key}: ${untolerated.value ?? ''}}`, unresolvable: true }];
  }
  if (!affinityMatches(pod, node)) return [{ reason: "node(s) didn't match Pod's node affinity/selector", unresolvable: true }];

  const allocatable = node.status?.allocatable ?? {};
  const failures: FilterFailure[] = [];
  if (usage.pods + 1 > Number(allocatable.pods ?? 110)) failures.push({ reason: 'Too many pods', unresolvable: false });
  if (request.cpu > 0 && request.cpu > cpuMillis(allocatable.cpu) - usage.requested.cpu) failures.push({ reason: 'Insufficient cpu', unresolvable: false });
  if (request.memory > 0 && request.memory > bytes(allocatable.memory) - usage.requested.memory) failures.push({ reason: 'Insufficient memory', unresolvable: false });
  return failures;
}

/**
 * FitError.Error() (§3.5): the reason histogram sorted as strings, then DefaultPreemption's own
 * message, which gives the familiar double period.
 */
export function fitErrorMessage(total: number, failures: FilterFailure[][]): string {
  if (total === 0) return 'no nodes available to schedule pods';
  const histogram = new Map<string, number>();
  let unresolvable = 0;
  for (const nodeFailures of failures) {
    for (const f of nodeFailures) histogram.set(f.reason, (histogram.get(f.reason) ?? 0) + 1);
    if (nodeFailures.some((f) => f.unresolvable)) unresolvable += 1;
  }
  const reasons = [...histogram].map(([reason, count]) => `${count} ${reason}`).sort();
  const preemption = [];
  if (unresolvable) preemption.push(`${unresolvable} Preemption is not helpful for scheduling`);
  if (total - unresolvable) preemption.push(`${total - unresolvable} No preemption victims found for incoming pod`);
  return `0/${total} nodes are available: ${reasons.join(', ')}. preemption: 0/${total} nodes are available: ${preemption.sort().join(', ')}..`;
}
