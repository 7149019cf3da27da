/**
 * metrics-server for the simulated cluster: what `kubectl top` and the HPA read. A container uses
 * a little CPU idle plus its image's cost per request it serves (averaged over 15 s, as
 * metrics-server's window), capped at its CPU limit (throttled, never killed); memory is what the
 * kubelet's behaviour model says it uses.
 */
import { cpuMillis } from './api/quantity';
import type { Pod } from './api/types';
import { behaviourOf } from './kubelet/behaviour';
import { imageInfo } from './kubelet/images';

/** Idle CPU of a running container, in millicores. */
const IDLE_MILLIS = 1;
/** CPU per request per second for images kubesim has no figure for. */
const DEFAULT_CPU_PER_RPS = 0.2;

export interface ContainerUsage {
  name: string;
  cpuMillis: number;
  memoryBytes: number;
}

export interface PodUsage {
  namespace: string;
  name: string;
  containers: ContainerUsage[];
}

/** The usage of a pod's running containers; undefined when none runs (no metrics yet). */
export function podUsage(pod: Pod, rps: number): PodUsage | undefined {
  const statuses = pod.status?.containerStatuses ?? [];
  const running = (pod.spec?.containers ?? []).filter((c) => statuses.find((s) => s.name === c.name)?.state?.running);
  if (running.length === 0) return undefined;
  const share = rps / running.length;
  return {
    namespace: pod.metadata!.namespace!,
    name: pod.metadata!.name!,
    containers: running.map((c) => {
      const wanted = IDLE_MILLIS + share * (imageInfo(c.image ?? '').cpuPerRps ?? DEFAULT_CPU_PER_RPS);
      const limit = c.resources?.limits?.cpu;
      const cpu = limit === undefined ? wanted : Math.min(wanted, cpuMillis(limit));
      return { name: c.name, cpuMillis: Math.round(cpu), memoryBytes: behaviourOf(c, pod.metadata?.annotations).memoryBytes };
    }),
  };
}
