/** Pod resource requests as the scheduler counts them (pkg/scheduler/util/pod_resources.go). */
import type { Container, Pod } from '../api/types';
import { bytes, cpuMillis } from '../api/quantity';

export interface Resources {
  cpu: number; // millicores
  memory: number; // bytes
}

/** Default requests used for scoring only, for containers that ask for nothing (§3.4). */
export const NON_ZERO_CPU = 100;
export const NON_ZERO_MEMORY = 200 * 1024 * 1024;

function containerRequests(c: Container): Resources {
  const req = c.resources?.requests ?? {};
  return { cpu: cpuMillis(req.cpu), memory: bytes(req.memory) };
}

/** Σ container requests, each resource at least the largest init container's request. */
export function podRequests(pod: Pod): Resources {
  const sum = { cpu: 0, memory: 0 };
  for (const c of pod.spec?.containers ?? []) {
    const r = containerRequests(c);
    sum.cpu += r.cpu;
    sum.memory += r.memory;
  }
  for (const c of pod.spec?.initContainers ?? []) {
    const r = containerRequests(c);
    sum.cpu = Math.max(sum.cpu, r.cpu);
    sum.memory = Math.max(sum.memory, r.memory);
  }
  return sum;
}

/** Requests with the non-zero defaults, as LeastAllocated and BalancedAllocation score them. */
export function podNonZeroRequests(pod: Pod): Resources {
  const sum = { cpu: 0, memory: 0 };
  for (const c of pod.spec?.containers ?? []) {
    const r = containerRequests(c);
    const req = c.resources?.requests ?? {};
    sum.cpu += req.cpu === undefined ? NON_ZERO_CPU : r.cpu;
    sum.memory += req.memory === undefined ? NON_ZERO_MEMORY : r.memory;
  }
  return sum;
}

/** Pods that hold resources on a node: bound and not finished (terminating ones still count). */
export function occupiesNode(pod: Pod): boolean {
  return !!pod.spec?.nodeName && pod.status?.phase !== 'Succeeded' && pod.status?.phase !== 'Failed';
}
