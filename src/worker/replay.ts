/**
 * Rebuilds a cluster after its worker died: the last snapshot, then every recorded input at the
 * virtual instant it first ran, then the clock up to where the UI last saw it. The core is
 * deterministic, so this is the cluster the user had (k8s-semantics aside, DESIGN "pure core").
 */
import type { Cluster, ClusterSnapshot } from '../sim/contract';
import type { WireInput, WireRestore } from '../protocol/messages';

/** Runs one input as the host first ran it. */
export function runInput(cluster: Cluster, input: WireInput): void {
  if (input.type === 'apply') cluster.apply(input.yaml);
  else if (input.type === 'kubectl') cluster.kubectl(input.command, input.stdin);
  else cluster.kubectl(deleteCommand(input.kind, input.name, input.namespace));
}

/** The kubectl line the UI's Delete button runs. */
export function deleteCommand(kind: string, name: string, namespace?: string): string {
  return `delete ${kind.toLowerCase()} ${name}${namespace ? ` -n ${namespace}` : ''}`;
}

export function replay(cluster: Cluster, restore: WireRestore): void {
  if (restore.snapshot) cluster.restore(restore.snapshot as ClusterSnapshot);
  const inputs = [...restore.inputs].sort((a, b) => a.time - b.time);
  for (const input of inputs) {
    if (input.time > cluster.now()) cluster.advance(input.time - cluster.now());
    runInput(cluster, input);
  }
  if (restore.time > cluster.now()) cluster.advance(restore.time - cluster.now());
}
