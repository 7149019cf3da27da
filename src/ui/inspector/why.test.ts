import { describe, expect, it } from 'vitest';
import type { Deployment, ReplicaSet } from 'kubernetes-types/apps/v1';
import type { ContainerStatus, Event, Node, Pod, Service } from 'kubernetes-types/core/v1';
import type { WireObject } from '../../protocol/messages';
import type { ServiceEndpoint } from '../../state/services';
import { explain } from './why';

// Objects below are trimmed from what kubesim's core produces for the same scenarios.

const DEFAULT_TOLERATIONS = [
  { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
  { key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
];

function pod(name: string, spec: Partial<NonNullable<Pod['spec']>>, status: Pod['status'], metadata: Pod['metadata'] = {}): Pod {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace: 'default', uid: `uid-${name}`, ...metadata },
    spec: { containers: [{ name: 'app', image: 'nginx' }], tolerations: DEFAULT_TOLERATIONS, ...spec },
    status,
  };
}

function event(involved: string, reason: string, message: string, type = 'Warning'): Event {
  return {
    metadata: { name: `${involved}.${reason}` },
    involvedObject: { kind: 'Pod', name: involved, namespace: 'default' },
    reason,
    message,
    type,
  };
}

function worker(name: string, ready: 'True' | 'Unknown' = 'True', extra: Partial<Node['spec']> = {}): Node {
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: { name },
    spec: extra,
    status: {
      allocatable: { cpu: '4', memory: '8Gi', pods: '110' },
      conditions: [
        ready === 'True'
          ? { type: 'Ready', status: 'True', reason: 'KubeletReady', message: 'kubelet is posting ready status' }
          : { type: 'Ready', status: 'Unknown', reason: 'NodeStatusUnknown', message: 'Kubelet stopped posting node status.' },
      ],
    },
  };
}

const controlPlane: Node = {
  ...worker('control-plane'),
  spec: { taints: [{ key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' }] },
};
const NODES = [controlPlane, worker('node-1'), worker('node-2'), worker('node-3')];
const UNREACHABLE_NODE = worker('node-1', 'Unknown', {
  taints: [
    { key: 'node.kubernetes.io/unreachable', effect: 'NoSchedule' },
    { key: 'node.kubernetes.io/unreachable', effect: 'NoExecute', timeAdded: '2026-01-01T09:01:25Z' },
  ],
});

const why = (obj: Pod | Node | Deployment | Service, context = {}) => explain(obj as WireObject, context);

function running(name: string, extra: Partial<ContainerStatus> = {}): ContainerStatus {
  return { name, image: 'nginx', imageID: '', ready: false, restartCount: 0, started: true, state: { running: { startedAt: '2026-01-01T09:00:03Z' } }, ...extra };
}

describe('explain: Pending', () => {
  it("quotes the scheduler and says how much CPU was asked for against the largest worker", () => {
    const message =
      '0/4 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 3 Insufficient cpu. preemption: 0/4 nodes are available: 1 Preemption is not helpful for scheduling, 3 No preemption victims found for incoming pod..';
    const big = pod(
      'big',
      { containers: [{ name: 'app', image: 'nginx', resources: { requests: { cpu: '8' } } }] },
      { phase: 'Pending', conditions: [{ type: 'PodScheduled', status: 'False', reason: 'Unschedulable', message }] },
    );
    expect(why(big, { nodes: NODES })).toBe(
      'The scheduler cannot place this pod (“0/4 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 3 Insufficient cpu.”): lower `resources.requests.cpu` (it requests 8 CPU; the largest worker has 4 CPU allocatable) or add a node.',
    );
  });

  it('points at nodeSelector when no node has the label, not at the control-plane taint', () => {
    const message =
      "0/4 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 3 node(s) didn't match Pod's node affinity/selector. preemption: 0/4 nodes are available: 4 Preemption is not helpful for scheduling..";
    const sel = pod('sel', { nodeSelector: { disktype: 'ssd' } }, { phase: 'Pending', conditions: [{ type: 'PodScheduled', status: 'False', reason: 'Unschedulable', message }] });
    const text = why(sel, { nodes: NODES });
    expect(text).toContain('fix `nodeSelector` or `affinity` (no node has the label disktype=ssd)');
    expect(text).not.toContain('tolerations');
  });

  it('says to uncordon when every worker is cordoned', () => {
    const message =
      '0/4 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 3 node(s) were unschedulable. preemption: 0/4 nodes are available: 4 Preemption is not helpful for scheduling..';
    const p = pod('web-1', {}, { phase: 'Pending', conditions: [{ type: 'PodScheduled', status: 'False', reason: 'Unschedulable', message }] });
    expect(why(p)).toContain('uncordon a node (`kubectl uncordon NODE`)');
  });

  it('says a scheduled pod is being started', () => {
    const p = pod('web-1', { nodeName: 'node-2' }, { phase: 'Pending', containerStatuses: [running('app', { state: { waiting: { reason: 'ContainerCreating' } } })] });
    expect(why(p)).toContain('Scheduled to node-2');
  });
});

describe('explain: containers that fail', () => {
  it('gives the exit code, restarts and back-off of a CrashLoopBackOff, and points at command/args', () => {
    const crash = pod(
      'crash',
      { nodeName: 'node-1', containers: [{ name: 'app', image: 'busybox', command: ['sh', '-c', 'exit 1'] }] },
      {
        phase: 'Running',
        containerStatuses: [
          running('app', {
            image: 'busybox',
            restartCount: 4,
            started: false,
            state: { waiting: { reason: 'CrashLoopBackOff', message: 'back-off 1m20s restarting failed container=app pod=crash_default(86f16cf1)' } },
            lastState: { terminated: { exitCode: 1, reason: 'Error', startedAt: '2026-01-01T09:01:13Z', finishedAt: '2026-01-01T09:01:13Z' } },
          }),
        ],
      },
    );
    expect(why(crash)).toBe(
      "The container app keeps exiting (exit code 1, Error) and has restarted 4 times; the kubelet now waits 1m20s before the next try (CrashLoopBackOff); check its `command`/`args` or the app's logs.",
    );
  });

  it('names the crash-after annotation when a lesson scripted the crash', () => {
    const crash = pod(
      'scripted',
      { nodeName: 'node-1' },
      {
        phase: 'Running',
        containerStatuses: [
          running('app', {
            restartCount: 1,
            state: { waiting: { reason: 'CrashLoopBackOff', message: 'back-off 10s restarting failed container=app pod=scripted_default(1)' } },
            lastState: { terminated: { exitCode: 3, reason: 'Error' } },
          }),
        ],
      },
      { annotations: { 'kubesim.io/crash-after': '30s', 'kubesim.io/exit-code': '3' } },
    );
    expect(why(crash)).toContain("here the pod's `kubesim.io/crash-after: 30s` annotation makes it exit");
  });

  it('explains an OOMKilled restart loop with the memory use and the limit', () => {
    const oom = pod(
      'memory-demo-2',
      {
        nodeName: 'node-1',
        containers: [
          {
            name: 'memory-demo-2-ctr',
            image: 'polinux/stress',
            resources: { requests: { memory: '50Mi' }, limits: { memory: '100Mi' } },
            command: ['stress'],
            args: ['--vm', '1', '--vm-bytes', '250M', '--vm-hang', '1'],
          },
        ],
      },
      {
        phase: 'Running',
        containerStatuses: [
          running('memory-demo-2-ctr', {
            image: 'polinux/stress',
            restartCount: 2,
            started: false,
            state: { waiting: { reason: 'CrashLoopBackOff', message: 'back-off 20s restarting failed container=memory-demo-2-ctr pod=memory-demo-2_default(1)' } },
            lastState: { terminated: { exitCode: 137, reason: 'OOMKilled' } },
          }),
        ],
      },
    );
    expect(why(oom)).toBe(
      'The container memory-demo-2-ctr was OOMKilled (exit code 137) after 2 restarts: it allocates 250M (`--vm-bytes`) but its `resources.limits.memory` is 100Mi, so the kernel kills it on every start; raise `resources.limits.memory` or make it use less.',
    );
  });

  it("says the image reference doesn't exist and quotes the registry", () => {
    const pull = pod(
      'nginx-deployment-d6b6d679d-abcde',
      { nodeName: 'node-1', containers: [{ name: 'nginx', image: 'nginx:1.161' }] },
      {
        phase: 'Pending',
        containerStatuses: [running('nginx', { image: 'nginx:1.161', started: false, state: { waiting: { reason: 'ImagePullBackOff', message: 'Back-off pulling image "nginx:1.161"' } } })],
      },
    );
    const events = [
      event('nginx-deployment-d6b6d679d-abcde', 'Pulling', 'Pulling image "nginx:1.161"', 'Normal'),
      event(
        'nginx-deployment-d6b6d679d-abcde',
        'Failed',
        'Failed to pull image "nginx:1.161": rpc error: code = NotFound desc = failed to pull and unpack image "docker.io/library/nginx:1.161": failed to resolve reference "docker.io/library/nginx:1.161": docker.io/library/nginx:1.161: not found',
      ),
      event('nginx-deployment-d6b6d679d-abcde', 'Failed', 'Error: ImagePullBackOff'),
    ];
    expect(why(pull, { events })).toBe(
      "The kubelet cannot pull `nginx:1.161` for container nginx: the registry answers “nginx:1.161: not found”, so that image reference doesn't exist; fix `image` (name and tag), and meanwhile the kubelet retries with a growing back-off (ImagePullBackOff).",
    );
  });
});

describe('explain: readiness', () => {
  const probe = { httpGet: { path: '/', port: 8080, scheme: 'HTTP' }, periodSeconds: 5, failureThreshold: 3 };
  const unready = (annotations?: Record<string, string>) =>
    pod(
      'unready',
      { nodeName: 'node-1', containers: [{ name: 'app', image: 'nginx', ports: [{ containerPort: 80 }], readinessProbe: probe }] },
      {
        phase: 'Running',
        conditions: [{ type: 'Ready', status: 'False', reason: 'ContainersNotReady', message: 'containers with unready status: [app]' }],
        containerStatuses: [running('app')],
      },
      annotations ? { annotations } : {},
    );
  const refused = [event('unready', 'Unhealthy', 'Readiness probe failed: Get "http://10.244.1.2:8080/": dial tcp 10.244.1.2:8080: connect: connection refused')];

  it("quotes the probe's failure and sees that it probes a port the app does not listen on", () => {
    expect(why(unready(), { events: refused, node: worker('node-1') })).toBe(
      'The readiness probe fails (“Get "http://10.244.1.2:8080/": dial tcp 10.244.1.2:8080: connect: connection refused”), so the pod is not Ready and Services send it no traffic; its `readinessProbe` checks port 8080 but the app listens on `containerPort` 80: fix the probe\'s `port`.',
    );
  });

  it('names unready-after when a lesson scripted the failure', () => {
    const events = [event('unready', 'Unhealthy', 'Readiness probe failed: HTTP probe failed with statuscode: 503')];
    expect(why(unready({ 'kubesim.io/unready-after': '2m' }), { events })).toContain("here the pod's `kubesim.io/unready-after: 2m` annotation makes the app stop answering");
  });

  it('waits quietly for a first success when no probe has failed yet', () => {
    expect(why(unready())).toBe(
      'The container runs but has not passed its `readinessProbe` (httpGet port 8080, path /) yet, so Services send this pod no traffic.',
    );
  });

  it('blames the NotReady node, not the probe, for a pod the node lifecycle controller marked not ready', () => {
    const p = pod(
      'web-1',
      { nodeName: 'node-1' },
      {
        phase: 'Running',
        conditions: [{ type: 'Ready', status: 'False' }],
        containerStatuses: [running('app', { ready: true })],
      },
    );
    expect(why(p, { node: UNREACHABLE_NODE })).toBe(
      'Its node node-1 is NotReady, so the node lifecycle controller marked this pod not Ready and Services stopped sending it traffic; it is evicted once its 300 s toleration for `node.kubernetes.io/unreachable` runs out, and its controller then starts a replacement on another node.',
    );
  });
});

describe('explain: Terminating', () => {
  const evicted = pod(
    'nginx-deployment-cf4cd4db7-ddsqk',
    { nodeName: 'node-1', terminationGracePeriodSeconds: 30 },
    { phase: 'Running', conditions: [{ type: 'Ready', status: 'False' }], containerStatuses: [running('app', { ready: true })] },
    { deletionTimestamp: '2026-01-01T09:06:55Z', deletionGracePeriodSeconds: 30 },
  );

  it('says a pod evicted from a down node stays until the node returns or it is force-deleted', () => {
    const events = [event('nginx-deployment-cf4cd4db7-ddsqk', 'TaintManagerEviction', 'Marking for deletion Pod default/nginx-deployment-cf4cd4db7-ddsqk', 'Normal')];
    expect(why(evicted, { node: UNREACHABLE_NODE, events })).toBe(
      'The pod was evicted from NotReady node node-1 when its 300 s toleration for `node.kubernetes.io/unreachable` ran out, but the kubelet there cannot confirm its containers stopped, so it stays Terminating until node-1 returns or someone force-deletes it (`kubectl delete pod nginx-deployment-cf4cd4db7-ddsqk --grace-period=0 --force`).',
    );
  });

  it('explains the grace period of a pod being deleted on a healthy node', () => {
    expect(why(evicted, { node: worker('node-1') })).toBe(
      'Deletion was requested: the kubelet is stopping the containers, allowing up to 30s before it kills them.',
    );
  });
});

describe('explain: Deployment rollouts', () => {
  const newRs: ReplicaSet = {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: { name: 'nginx-deployment-d6b6d679d', namespace: 'default', uid: 'uid-new' },
    spec: { replicas: 1, selector: {} },
    status: { replicas: 1, readyReplicas: 0, availableReplicas: 0 },
  };
  const stuckPod = pod(
    'nginx-deployment-d6b6d679d-x2x8v',
    { nodeName: 'node-2', containers: [{ name: 'nginx', image: 'nginx:1.161' }] },
    { phase: 'Pending', containerStatuses: [running('nginx', { state: { waiting: { reason: 'ImagePullBackOff' } } })] },
    { ownerReferences: [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'nginx-deployment-d6b6d679d', uid: 'uid-new', controller: true }] },
  );
  const deployment = (progressing: NonNullable<NonNullable<Deployment['status']>['conditions']>[number]): Deployment => ({
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'nginx-deployment', namespace: 'default' },
    spec: { replicas: 3, selector: {}, template: {} },
    status: {
      replicas: 4,
      updatedReplicas: 1,
      readyReplicas: 3,
      availableReplicas: 3,
      conditions: [{ type: 'Available', status: 'True', reason: 'MinimumReplicasAvailable', message: 'Deployment has minimum availability.' }, progressing],
    },
  });

  it('names ProgressDeadlineExceeded, the failing new pods and rollout undo', () => {
    const d = deployment({ type: 'Progressing', status: 'False', reason: 'ProgressDeadlineExceeded', message: 'ReplicaSet "nginx-deployment-d6b6d679d" has timed out progressing.' });
    expect(why(d, { replicaSets: [newRs], pods: [stuckPod] })).toBe(
      "The rollout has stalled: ReplicaSet nginx-deployment-d6b6d679d made no progress for `progressDeadlineSeconds` (600 s), so the Progressing condition says ProgressDeadlineExceeded; its new pods are not available — 1 is ImagePullBackOff; fix the pod template's `image`, or roll back with `kubectl rollout undo deployment/nginx-deployment`.",
    );
  });

  it('calls a rollout stuck before the deadline when the new pods fail', () => {
    const d = deployment({ type: 'Progressing', status: 'True', reason: 'ReplicaSetUpdated', message: 'ReplicaSet "nginx-deployment-d6b6d679d" is progressing.' });
    expect(why(d, { replicaSets: [newRs], pods: [stuckPod] })).toBe(
      "The rollout is stuck: the new ReplicaSet nginx-deployment-d6b6d679d's pods are not available — 1 is ImagePullBackOff, so the Deployment keeps the old pods serving; fix the pod template's `image`, or roll back with `kubectl rollout undo deployment/nginx-deployment`.",
    );
  });

  it('counts the ready replicas a Deployment still waits for', () => {
    const d: Deployment = { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web' }, spec: { replicas: 3, selector: {}, template: {} }, status: { readyReplicas: 1 } };
    expect(why(d)).toBe('1 of 3 replicas are ready; the Deployment controller keeps working towards 3.');
  });
});

describe('explain: Nodes', () => {
  it('reports a NotReady node with its message, its taint and the eviction to come', () => {
    expect(why(UNREACHABLE_NODE, { poweredOff: true })).toBe(
      'node-1 is NotReady: “Kubelet stopped posting node status.” (NodeStatusUnknown); the node lifecycle controller tainted it `node.kubernetes.io/unreachable:NoExecute`, so its pods are evicted once their toleration (300 s by default) runs out and recreated on other nodes. Power it on (`kubectl sim node-up node-1`) to bring it back.',
    );
  });

  it('says what cordoning changed and how to undo it', () => {
    const cordoned = worker('node-2', 'True', { unschedulable: true, taints: [{ key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule' }] });
    expect(why(cordoned)).toBe(
      'node-2 is cordoned (`spec.unschedulable: true`): its pods keep running but the scheduler places no new pods here; `kubectl uncordon node-2` opens it again.',
    );
  });

  it('has nothing to say about a healthy node or pod', () => {
    expect(why(worker('node-3'))).toBeUndefined();
    const ready = pod(
      'web-1',
      { nodeName: 'node-1' },
      { phase: 'Running', conditions: [{ type: 'Ready', status: 'True' }], containerStatuses: [running('app', { ready: true })] },
    );
    expect(why(ready, { node: worker('node-1') })).toBeUndefined();
  });
});

describe('explain: Services', () => {
  const svc = (selector: Record<string, string> | undefined, extra: Partial<NonNullable<Service['spec']>> = {}, status: Service['status'] = {}): Service => ({
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: 'web', namespace: 'default' },
    spec: { type: 'ClusterIP', selector, ports: [{ port: 80, targetPort: 80, protocol: 'TCP' }], ...extra },
    status,
  });
  const readyPod = (name: string, labels: Record<string, string>, namespace = 'default') =>
    pod(
      name,
      { nodeName: 'node-1', containers: [{ name: 'app', image: 'nginx', ports: [{ containerPort: 80, name: 'web' }] }] },
      { phase: 'Running', conditions: [{ type: 'Ready', status: 'True' }], containerStatuses: [running('app', { ready: true })] },
      { labels, namespace },
    );
  const unreadyPod = (name: string, labels: Record<string, string>) =>
    pod(name, { nodeName: 'node-1' }, { phase: 'Running', conditions: [{ type: 'Ready', status: 'False' }], containerStatuses: [running('app')] }, { labels });
  const creating = (name: string, labels: Record<string, string>) =>
    pod(name, { nodeName: 'node-1' }, { phase: 'Pending', containerStatuses: [{ name: 'app', image: 'nginx', imageID: '', ready: false, restartCount: 0, state: { waiting: { reason: 'ContainerCreating' } } }] }, { labels });
  const endpoint = (podName: string, ready = true): ServiceEndpoint => ({ ip: '10.244.1.2', ready, terminating: false, podKey: `Pod/default/${podName}`, podName });
  const web = [readyPod('web-1', { app: 'web', tier: 'front' }), readyPod('web-2', { app: 'web', tier: 'front' }), readyPod('db-1', { app: 'db' })];

  it('names the selector label no pod has and the values the pods nearby carry', () => {
    expect(why(svc({ app: 'wbe' }), { pods: web, endpoints: [] })).toBe(
      'The Service has no endpoints, so connections to it are refused: no pod has the label `app: wbe`; pods nearby have `app: web`, `app: db` — fix `spec.selector` or the pod labels.',
    );
  });

  it('finds the pods that carry the value under another key', () => {
    expect(why(svc({ application: 'web' }), { pods: web, endpoints: [] })).toBe(
      'The Service has no endpoints, so connections to it are refused: no pod has the label `application: web`; pods nearby have `app: web` — fix `spec.selector` or the pod labels.',
    );
  });

  it('says which label the pods miss when each label is on some pod but none has all', () => {
    expect(why(svc({ app: 'web', tier: 'db' }), { pods: [...web, readyPod('cache', { tier: 'db' })], endpoints: [] })).toBe(
      'The Service has no endpoints, so connections to it are refused: no pod has all of `app: web`, `tier: db`; the pods with `app: web` have `tier: front`, not `tier: db` — fix `spec.selector` or the pod labels.',
    );
  });

  it('points at the namespace when the matching pods run in another one', () => {
    expect(why(svc({ app: 'shop' }), { pods: [...web, readyPod('shop-1', { app: 'shop' }, 'prod')], endpoints: [] })).toBe(
      'The Service has no endpoints, so connections to it are refused: the pods with `app: shop` run in namespace prod, but a Service only selects pods in its own namespace (default); create the Service there or move the pods.',
    );
  });

  it('says so when no pod runs in the namespace at all', () => {
    expect(why(svc({ app: 'web' }), { pods: [], endpoints: [] })).toBe(
      'The Service has no endpoints, so connections to it are refused: no pod runs in namespace default; create pods (for example with a Deployment) whose labels include `app: web`.',
    );
  });

  it('counts the matching pods that are not Ready, by status', () => {
    const pods = [unreadyPod('web-1', { app: 'web' }), unreadyPod('web-2', { app: 'web' }), unreadyPod('web-3', { app: 'web' })];
    expect(why(svc({ app: 'web' }), { pods, endpoints: pods.map((p) => endpoint(p.metadata?.name ?? '', false)) })).toBe(
      'The Service has no endpoints, so connections to it are refused: 3 pods match `app: web` but none is Ready: their containers run but fail the readiness check, and only Ready pods receive traffic; select a pod to see why.',
    );
    expect(why(svc({ app: 'web' }), { pods: [creating('web-1', { app: 'web' })], endpoints: [] })).toBe(
      'The Service has no endpoints, so connections to it are refused: 1 pod matches `app: web` but none is Ready yet (1 ContainerCreating); they become endpoints once they start and pass their readiness checks.',
    );
    expect(why(svc({ app: 'web' }), { pods: [creating('web-1', { app: 'web' }), unreadyPod('web-2', { app: 'web' })], endpoints: [] })).toBe(
      'The Service has no endpoints, so connections to it are refused: 2 pods match `app: web` but none is Ready (1 ContainerCreating, 1 Running), and only Ready pods receive traffic; select a pod to see why it is not Ready.',
    );
  });

  it('waits for the EndpointSlice controller when matching pods are Ready but not listed yet', () => {
    expect(why(svc({ app: 'web' }), { pods: web, endpoints: [] })).toBe(
      'The Service has no endpoints yet: 2 matching pods are Ready, and the EndpointSlice controller is adding them.',
    );
  });

  it('names a targetPort that no endpoint pod declares', () => {
    const named = svc({ app: 'web' }, { ports: [{ port: 80, targetPort: 'http', protocol: 'TCP' }] });
    expect(why(named, { pods: web, endpoints: [endpoint('web-1')] })).toBe(
      'Port 80 forwards to `targetPort: http`, but no endpoint pod has a container port named http, so that port has nowhere to go; fix `targetPort` or name the pod\'s `containerPort`.',
    );
    const resolved = svc({ app: 'web' }, { ports: [{ port: 80, targetPort: 'web', protocol: 'TCP' }] });
    expect(why(resolved, { pods: web, endpoints: [endpoint('web-1')] })).toBeUndefined();
  });

  it('explains a LoadBalancer still waiting for its address', () => {
    expect(why(svc({ app: 'web' }, { type: 'LoadBalancer' }), { pods: web, endpoints: [endpoint('web-1')] })).toBe(
      'EXTERNAL-IP is <pending>: the cloud controller has not assigned the load balancer an address yet; its NodePorts already work meanwhile.',
    );
    const assigned = svc({ app: 'web' }, { type: 'LoadBalancer' }, { loadBalancer: { ingress: [{ ip: '172.18.255.1' }] } });
    expect(why(assigned, { pods: web, endpoints: [endpoint('web-1')] })).toBeUndefined();
  });

  it('has nothing to say about a Service with ready endpoints or without a selector', () => {
    expect(why(svc({ app: 'web' }), { pods: web, endpoints: [endpoint('web-1'), endpoint('web-2', false)] })).toBeUndefined();
    expect(why(svc(undefined), { pods: [], endpoints: [] })).toBeUndefined();
  });
});

describe('explain: Ingresses', () => {
  const nginx: WireObject = {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'IngressClass',
    metadata: { name: 'nginx', annotations: { 'ingressclass.kubernetes.io/is-default-class': 'true' } },
    spec: { controller: 'k8s.io/ingress-nginx' },
  };
  const web: Service = { metadata: { name: 'web', namespace: 'default' }, spec: { selector: { app: 'web' } } };
  const shop = (backend: string, className?: string): WireObject => ({
    apiVersion: 'networking.k8s.io/v1',
    kind: 'Ingress',
    metadata: { name: 'shop', namespace: 'default' },
    spec: {
      ingressClassName: className,
      rules: [{ host: 'shop.example.com', http: { paths: [{ path: '/', pathType: 'Prefix', backend: { service: { name: backend, port: { number: 80 } } } }] } }],
    },
  });

  it('says nothing when the class is served and every backend exists', () => {
    expect(explain(shop('web'), { ingressClasses: [nginx], services: [web] })).toBeUndefined();
  });

  it('names a backend Service that does not exist and the 503 it causes', () => {
    expect(explain(shop('wbe'), { ingressClasses: [nginx], services: [web] })).toBe(
      'The backend Service wbe does not exist in namespace default, so ingress-nginx answers requests for shop.example.com/ with 503; create the Service or fix `backend.service.name`.',
    );
  });

  it('names an IngressClass that does not exist', () => {
    expect(explain(shop('web', 'traefik'), { ingressClasses: [nginx], services: [web] })).toContain('No IngressClass traefik exists');
  });
});
