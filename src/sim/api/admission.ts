/** Mutating admission plugins that act on pod creation (k8s-semantics §4.1, §5.2). */
import type { Pod, Toleration } from './types';

const NOT_READY = 'node.kubernetes.io/not-ready';
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

export function admitPodCreate(pod: Pod): void {
  if (!pod.spec) return;
  pod.spec.serviceAccountName ??= 'default';
  pod.spec.serviceAccount ??= pod.spec.serviceAccountName;
  pod.spec.priority ??= 0;
  pod.spec.preemptionPolicy ??= 'PreemptLowerPriority';
  addDefaultTolerations(pod);
  pod.status = { phase: 'Pending', qosClass: qosClass(pod) };
}
