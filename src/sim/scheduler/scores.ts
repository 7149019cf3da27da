/** Score plugins of the default profile (k8s-semantics §3.4), each 0–100 per node. */
import type { Node, Pod } from '../api/types';
import { bytes, cpuMillis } from '../api/quantity';
import { termMatches, tolerates } from './filters';
import type { NodeUsage } from './filters';
import type { Resources } from './resources';

const MAX_SCORE = 100;

function allocatable(node: Node): Resources {
  return { cpu: cpuMillis(node.status?.allocatable?.cpu), memory: bytes(node.status?.allocatable?.memory) };
}

/** NodeResourcesFit, LeastAllocated, cpu and memory weighted 1:1. */
export function leastAllocated(node: Node, usage: NodeUsage, request: Resources): number {
  const alloc = allocatable(node);
  const score = (cap: number, req: number) => (cap === 0 || req > cap ? 0 : Math.floor(((cap - req) * MAX_SCORE) / cap));
  const cpu = score(alloc.cpu, usage.nonZero.cpu + request.cpu);
  const memory = score(alloc.memory, usage.nonZero.memory + request.memory);
  return Math.floor((cpu + memory) / 2);
}

/** NodeResourcesBalancedAllocation: 100 × (1 − std of the cpu and memory fractions). */
export function balancedAllocation(node: Node, usage: NodeUsage, request: Resources): number {
  const alloc = allocatable(node);
  const fraction = (req: number, cap: number) => (cap === 0 ? 1 : Math.min(1, req / cap));
  const fc = fraction(usage.nonZero.cpu + request.cpu, alloc.cpu);
  const fm = fraction(usage.nonZero.memory + request.memory, alloc.memory);
  return Math.floor((1 - Math.abs(fc - fm) / 2) * MAX_SCORE);
}

/** TaintToleration: count of untolerated PreferNoSchedule taints (normalised in reverse later). */
export function intolerablePreferNoSchedule(pod: Pod, node: Node): number {
  const tolerations = (pod.spec?.tolerations ?? []).filter((t) => !t.effect || t.effect === 'PreferNoSchedule');
  return (node.spec?.taints ?? []).filter((taint) => taint.effect === 'PreferNoSchedule' && !tolerations.some((t) => tolerates(t, taint))).length;
}

/** NodeAffinity: the summed weights of matching preferred terms (normalised later). */
export function preferredAffinity(pod: Pod, node: Node): number {
  const preferred = pod.spec?.affinity?.nodeAffinity?.preferredDuringSchedulingIgnoredDuringExecution ?? [];
  return preferred.reduce((sum, p) => sum + (termMatches(p.preference, node) ? p.weight : 0), 0);
}

/** DefaultNormalizeScore: scale to 0–100 by the maximum, optionally reversed. */
export function normalize(scores: number[], reverse: boolean): number[] {
  const max = Math.max(0, ...scores);
  if (max === 0) return scores.map(() => (reverse ? MAX_SCORE : 0));
  return scores.map((s) => {
    const n = Math.floor((MAX_SCORE * s) / max);
    return reverse ? MAX_SCORE - n : n;
  });
}
