/** Pod helpers shared by controllers (pkg/api/v1/pod/util.go and controller_utils.go). */
import type { Pod, PodCondition } from './types';
import { fromRfc3339 } from '../time';

export function podCondition(pod: Pod, type: string): PodCondition | undefined {
  return pod.status?.conditions?.find((c) => c.type === type);
}

export function isPodReady(pod: Pod): boolean {
  return podCondition(pod, 'Ready')?.status === 'True';
}

/** IsPodAvailable (k8s-semantics §1.14): Ready for at least minReadySeconds. */
export function isPodAvailable(pod: Pod, minReadySeconds: number, now: number): boolean {
  const ready = podCondition(pod, 'Ready');
  if (ready?.status !== 'True') return false;
  if (minReadySeconds === 0) return true;
  if (!ready.lastTransitionTime) return false;
  return fromRfc3339(ready.lastTransitionTime) + minReadySeconds * 1000 < now;
}

/** FilterActivePods: not finished and not being deleted. Terminating pods do not count. */
export function isPodActive(pod: Pod): boolean {
  return pod.status?.phase !== 'Succeeded' && pod.status?.phase !== 'Failed' && !pod.metadata?.deletionTimestamp;
}
