/**
 * The Downward API as the kubelet resolves it (pkg/fieldpath, pkg/api/v1/resource): pod fields and
 * container resources, for env vars and downwardAPI volume files alike.
 */
import { bytes, cpuMillis, parseQuantity } from '../api/quantity';
import type { Container, Node, Pod } from '../api/types';

/** What the kubelet knows at container start that the pod object may not show yet. */
export interface PodRuntimeFacts {
  podIP?: string;
  hostIP?: string;
}

type FieldSelector = { fieldPath: string };
type ResourceSelector = { containerName?: string; resource: string; divisor?: string | number };

/** fieldpath.FormatMap: `key="value"` lines, sorted by key, without a trailing newline. */
export function formatMap(map: Record<string, string> | undefined): string {
  return Object.keys(map ?? {})
    .sort()
    .map((k) => `${k}=${JSON.stringify(map![k])}`)
    .join('\n');
}

const SUBSCRIPTED = /^metadata\.(labels|annotations)\['(.*)'\]$/;

/** podFieldSelectorRuntimeValue + fieldpath.ExtractFieldPathAsString; throws the kubelet's error. */
export function fieldRefValue(pod: Pod, selector: FieldSelector, facts: PodRuntimeFacts): string {
  const meta = pod.metadata ?? {};
  const path = selector.fieldPath;
  switch (path) {
    case 'spec.nodeName':
      return pod.spec?.nodeName ?? '';
    case 'spec.serviceAccountName':
      return pod.spec?.serviceAccountName ?? '';
    case 'status.hostIP':
    case 'status.hostIPs':
      return facts.hostIP ?? pod.status?.hostIP ?? '';
    case 'status.podIP':
    case 'status.podIPs':
      return facts.podIP ?? pod.status?.podIP ?? '';
    case 'metadata.name':
      return meta.name ?? '';
    case 'metadata.namespace':
      return meta.namespace ?? '';
    case 'metadata.uid':
      return meta.uid ?? '';
    case 'metadata.generateName':
      return meta.generateName ?? '';
    case 'metadata.labels':
      return formatMap(meta.labels);
    case 'metadata.annotations':
      return formatMap(meta.annotations);
  }
  const m = SUBSCRIPTED.exec(path);
  if (m) return (m[1] === 'labels' ? meta.labels : meta.annotations)?.[m[2]] ?? '';
  throw new Error(`unsupported fieldPath: ${path}`);
}

/**
 * ExtractContainerResourceValue on a container whose unset limits are the node's allocatable
 * (MergeContainerResourceLimits), rounded up to whole divisors.
 */
export function resourceFieldValue(pod: Pod, selector: ResourceSelector, containerName: string, node: Node | undefined): string {
  const name = selector.containerName || containerName;
  const container: Container | undefined = [...(pod.spec?.containers ?? []), ...(pod.spec?.initContainers ?? [])].find((c) => c.name === name);
  if (!container) throw new Error(`container ${name} not found`);
  const allocatable = node?.status?.allocatable ?? {};
  const limits = { ...allocatable, ...(container.resources?.limits ?? {}) } as Record<string, string | number>;
  const requests = (container.resources?.requests ?? {}) as Record<string, string | number>;
  const divisor = selector.divisor === undefined || parseQuantity(selector.divisor) === 0 ? '1' : selector.divisor;
  const cpu = (q: string | number | undefined) => String(Math.ceil(cpuMillis(q ?? 0) / cpuMillis(divisor)));
  const size = (q: string | number | undefined) => String(Math.ceil(bytes(q ?? 0) / parseQuantity(divisor)));
  switch (selector.resource) {
    case 'limits.cpu':
      return cpu(limits.cpu);
    case 'requests.cpu':
      return cpu(requests.cpu);
    case 'limits.memory':
      return size(limits.memory);
    case 'requests.memory':
      return size(requests.memory);
    case 'limits.ephemeral-storage':
      return size(limits['ephemeral-storage']);
    case 'requests.ephemeral-storage':
      return size(requests['ephemeral-storage']);
  }
  throw new Error(`unsupported container resource : ${selector.resource}`);
}
