/** The mutating admission plugins that act on pod creation (k8s-semantics §4.1, §5.2). */
import type { Pod, Toleration } from '../types';
import type { AdmissionPlugin, AdmissionRequest } from './plugin';

const NOT_READY = 'node.kubernetes.io/not-ready';
const SYSTEM_PRIORITIES: Record<string, number> = { 'system-node-critical': 2000001000, 'system-cluster-critical': 2000000000 };
const UNREACHABLE = 'node.kubernetes.io/unreachable';

/** DefaultTolerationSeconds: tolerate not-ready/unreachable NoExecute for 300 s unless already tolerated. */
function addDefaultTolerations(pod: Pod): void {
  const tolerations: Toleration[] = pod.spec!.tolerations ?? [];
  const tolerates = (key: string) =>
    tolerations.some((t) => (t.key === key || (!t.key && t.operator === 'Exists')) && (!t.effect || t.effect === 'NoExecute'));
  for (const key of [NOT_READY, UNREACHABLE]) {
    if (!tolerates(key)) tolerations.push({ key, operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 });
  }
  pod.spec!.tolerations = tolerations;
}

export function qosClass(pod: Pod): 'Guaranteed' | 'Burstable' | 'BestEffort' {
  const containers = [...(pod.spec?.containers ?? []), ...(pod.spec?.initContainers ?? [])];
  let any = false;
  let guaranteed = true;
  for (const c of containers) {
    const req = c.resources?.requests ?? {};
    const lim = c.resources?.limits ?? {};
    if (Object.keys(req).length || Object.keys(lim).length) any = true;
    for (const res of ['cpu', 'memory']) {
      if (lim[res] === undefined || String(req[res] ?? lim[res]) !== String(lim[res])) guaranteed = false;
    }
  }
  if (!any) return 'BestEffort';
  return guaranteed ? 'Guaranteed' : 'Burstable';
}

/**
 * ServiceAccount, Priority and DefaultTolerationSeconds on a new pod; the pod strategy's
 * PrepareForCreate then resets its status and computes the QoS class, after every mutation.
 */
export class PodDefaults implements AdmissionPlugin {
  readonly name = 'ServiceAccount,Priority,DefaultTolerationSeconds';

  admit({ operation, obj }: AdmissionRequest): void {
    if (operation !== 'create' || obj.kind !== 'Pod') return;
    const pod = obj as Pod;
    if (!pod.spec) return;
    pod.spec.serviceAccountName ??= 'default';
    pod.spec.serviceAccount ??= pod.spec.serviceAccountName;
    // Priority: the two built-in classes; kubesim serves no PriorityClass objects of its own.
    pod.spec.priority ??= SYSTEM_PRIORITIES[pod.spec.priorityClassName ?? ''] ?? 0;
    pod.spec.preemptionPolicy ??= 'PreemptLowerPriority';
    addDefaultTolerations(pod);
  }
}

/** pod strategy PrepareForCreate: a new pod starts Pending with its QoS class. */
export function preparePodForCreate(pod: Pod): void {
  pod.status = { phase: 'Pending', qosClass: qosClass(pod) };
}
