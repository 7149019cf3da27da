/**
 * The graph can leave out a namespace (kube-system, by default), as `kubectl get pods` lists only
 * its own: the objects go, and with them every edge that touches one.
 */
import type { Topology } from '../../state/cluster';
import { parseKey } from '../../state/objects';

export const SYSTEM_NAMESPACE = 'kube-system';

export function withoutNamespace(topology: Topology, namespace: string): Topology {
  const keep = (key: string | undefined) => key === undefined || parseKey(key).namespace !== namespace;
  const list = (keys: readonly string[]) => keys.filter(keep);
  return {
    ...topology,
    podsByNode: new Map([...topology.podsByNode].map(([node, pods]) => [node, list(pods)])),
    unscheduled: list(topology.unscheduled),
    deployments: list(topology.deployments),
    replicaSets: list(topology.replicaSets),
    statefulSets: list(topology.statefulSets),
    daemonSets: list(topology.daemonSets),
    cronJobs: list(topology.cronJobs),
    jobs: list(topology.jobs),
    edges: topology.edges.filter((e) => keep(e.source) && keep(e.target)),
    services: list(topology.services),
    endpointEdges: topology.endpointEdges.filter((e) => keep(e.source) && keep(e.target)),
    ingresses: list(topology.ingresses),
    ingressEdges: topology.ingressEdges.filter((e) => keep(e.source) && keep(e.target)),
    volumePairs: topology.volumePairs.filter((p) => keep(p.claim)),
    volumeEdges: topology.volumeEdges.filter((e) => keep(e.source) && keep(e.target)),
  };
}
