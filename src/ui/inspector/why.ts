/**
 * One plain sentence for an object that is not healthy (UI.md "Words"): what happened, and why,
 * built from the conditions and container states the cluster itself reports.
 */
import type { Deployment, ReplicaSet } from 'kubernetes-types/apps/v1';
import type { Node, Pod } from 'kubernetes-types/core/v1';
import type { WireObject } from '../../protocol/messages';
import { podStatus } from '../../state/pod-status';

function explainPod(pod: Pod): string | undefined {
  const { status } = podStatus(pod, 0);
  const grace = pod.metadata?.deletionGracePeriodSeconds ?? pod.spec?.terminationGracePeriodSeconds ?? 30;
  if (status === 'Terminating') {
    return `Deletion was requested: the kubelet is stopping the containers, allowing up to ${grace}s before it kills them.`;
  }
  const scheduled = pod.status?.conditions?.find((c) => c.type === 'PodScheduled');
  if (!pod.spec?.nodeName) {
    if (scheduled?.status === 'False' && scheduled.message) return `The scheduler cannot place this pod: ${scheduled.message}`;
    return 'Waiting for the scheduler to pick a node with room for its requests.';
  }
  const container = pod.status?.containerStatuses?.find((c) => c.state?.waiting?.reason || c.state?.terminated);
  const waiting = container?.state?.waiting;
  switch (status) {
    case 'Pending':
    case 'ContainerCreating':
      return `Scheduled to ${pod.spec.nodeName}; the kubelet there is pulling the image and starting the containers.`;
    case 'ImagePullBackOff':
    case 'ErrImagePull':
      return `The image cannot be pulled${waiting?.message ? `: ${waiting.message}` : ''}. Check the image name and tag.`;
    case 'CrashLoopBackOff': {
      const last = container?.lastState?.terminated;
      const exit = last ? ` (last exit: ${last.reason ?? 'code'} ${last.exitCode})` : '';
      return `The container keeps exiting${exit}; the kubelet waits longer before each restart.`;
    }
    case 'OOMKilled':
      return 'The container used more memory than its limit and was killed. Raise resources.limits.memory or use less.';
    case 'Running': {
      const ready = pod.status?.conditions?.find((c) => c.type === 'Ready');
      if (ready?.status !== 'True') return 'The containers run but have not passed their readiness checks yet, so Services send no traffic here.';
      return undefined;
    }
    default:
      return undefined;
  }
}

function explainNode(node: Node): string | undefined {
  const ready = node.status?.conditions?.find((c) => c.type === 'Ready');
  if (ready && ready.status !== 'True') {
    return `The node is NotReady${ready.message ? `: ${ready.message}` : ''}. New pods are not scheduled here and its pods are evicted after a while.`;
  }
  if (node.spec?.unschedulable) return 'The node is cordoned: pods already here keep running, new pods go elsewhere.';
  return undefined;
}

function explainReplicas(kind: string, desired: number, ready: number): string | undefined {
  if (ready >= desired) return undefined;
  return `${ready} of ${desired} replicas are ready; the ${kind} controller keeps working towards ${desired}.`;
}

export function explain(obj: WireObject): string | undefined {
  switch (obj.kind) {
    case 'Pod':
      return explainPod(obj as Pod);
    case 'Node':
      return explainNode(obj as Node);
    case 'Deployment': {
      const d = obj as Deployment;
      return explainReplicas('Deployment', d.spec?.replicas ?? 1, d.status?.readyReplicas ?? 0);
    }
    case 'ReplicaSet': {
      const rs = obj as ReplicaSet;
      return explainReplicas('ReplicaSet', rs.spec?.replicas ?? 1, rs.status?.readyReplicas ?? 0);
    }
    default:
      return undefined;
  }
}
