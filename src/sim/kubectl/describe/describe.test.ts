import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../api/object';
import { at, fixture, podFixture } from '../fixtures';
import { runKubectl } from '..';

const event = (name: string, involved: { kind: string; name: string; uid: string; namespace?: string }, extra: Record<string, unknown>): KubeObject => ({
  apiVersion: 'v1',
  kind: 'Event',
  metadata: { name, namespace: involved.namespace || 'default' },
  involvedObject: { apiVersion: 'v1', ...involved },
  type: 'Normal',
  count: 1,
  ...extra,
});

const template = {
  metadata: { labels: { app: 'web' } },
  spec: { containers: [{ name: 'app', image: 'nginx:1.27', ports: [{ containerPort: 80, protocol: 'TCP' }], resources: {} }] },
};

const deployment: KubeObject = {
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: {
    name: 'web',
    namespace: 'default',
    uid: 'uid-deploy',
    creationTimestamp: at(0),
    labels: { app: 'web' },
    annotations: { 'deployment.kubernetes.io/revision': '1', 'kubectl.kubernetes.io/last-applied-configuration': '{"kind":"Deployment"}\n' },
  },
  spec: {
    replicas: 2,
    selector: { matchLabels: { app: 'web' } },
    template,
    strategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: '25%', maxSurge: '25%' } },
  },
  status: {
    replicas: 2,
    updatedReplicas: 2,
    readyReplicas: 1,
    availableReplicas: 1,
    unavailableReplicas: 1,
    conditions: [
      { type: 'Available', status: 'False', reason: 'MinimumReplicasUnavailable' },
      { type: 'Progressing', status: 'True', reason: 'ReplicaSetUpdated' },
    ],
  },
};

const replicaSet: KubeObject = {
  apiVersion: 'apps/v1',
  kind: 'ReplicaSet',
  metadata: {
    name: 'web-abc12',
    namespace: 'default',
    uid: 'uid-rs',
    creationTimestamp: at(0),
    labels: { app: 'web', 'pod-template-hash': 'abc12' },
    ownerReferences: [{ apiVersion: 'apps/v1', kind: 'Deployment', name: 'web', uid: 'uid-deploy', controller: true }],
  },
  spec: {
    replicas: 2,
    selector: { matchLabels: { app: 'web', 'pod-template-hash': 'abc12' } },
    template: { ...template, metadata: { labels: { app: 'web', 'pod-template-hash': 'abc12' } } },
  },
  status: { replicas: 2, readyReplicas: 1 },
};

const pod = podFixture('web-abc12-x2x8v', {
  metadata: {
    labels: { app: 'web', 'pod-template-hash': 'abc12' },
    ownerReferences: [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'web-abc12', uid: 'uid-rs', controller: true }],
  },
  spec: {
    nodeName: 'node-1',
    priority: 0,
    serviceAccountName: 'default',
    containers: [
      {
        name: 'app',
        image: 'nginx:1.27',
        ports: [{ containerPort: 80, protocol: 'TCP' }],
        resources: { requests: { cpu: '100m', memory: '64Mi' }, limits: { memory: '128Mi' } },
        readinessProbe: { httpGet: { path: '/', port: 80 }, timeoutSeconds: 1, periodSeconds: 10, successThreshold: 1, failureThreshold: 3 },
        env: [{ name: 'MODE', value: 'prod' }, { name: 'POD', valueFrom: { fieldRef: { fieldPath: 'metadata.name' } } }],
      },
    ],
    tolerations: [
      { key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
      { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
    ],
  },
  status: {
    phase: 'Running',
    hostIP: '172.18.0.3',
    podIP: '10.244.1.2',
    podIPs: [{ ip: '10.244.1.2' }],
    startTime: at(1),
    qosClass: 'Burstable',
    conditions: [
      { type: 'Initialized', status: 'True' },
      { type: 'Ready', status: 'True' },
      { type: 'PodScheduled', status: 'True' },
    ],
    containerStatuses: [
      {
        name: 'app',
        containerID: 'containerd://0a1b',
        image: 'nginx:1.27',
        imageID: 'docker.io/library/nginx@sha256:2c3d',
        ready: true,
        restartCount: 1,
        state: { running: { startedAt: at(20) } },
        lastState: { terminated: { exitCode: 137, reason: 'OOMKilled', startedAt: at(5), finishedAt: at(19) } },
      },
    ],
  },
});

const node: KubeObject = {
  apiVersion: 'v1',
  kind: 'Node',
  metadata: { name: 'node-1', uid: 'uid-node', creationTimestamp: at(0), labels: { 'kubernetes.io/hostname': 'node-1' }, annotations: { 'node.alpha.kubernetes.io/ttl': '0' } },
  spec: { podCIDR: '10.244.1.0/24', podCIDRs: ['10.244.1.0/24'], taints: [{ key: 'dedicated', value: 'web', effect: 'NoSchedule' }] },
  status: {
    capacity: { cpu: '4', memory: '8Gi', pods: '110', 'ephemeral-storage': '100Gi' },
    allocatable: { cpu: '4', memory: '8Gi', pods: '110', 'ephemeral-storage': '100Gi' },
    conditions: [{ type: 'Ready', status: 'True', reason: 'KubeletReady', message: 'kubelet is posting ready status', lastHeartbeatTime: at(50), lastTransitionTime: at(0) }],
    addresses: [{ type: 'InternalIP', address: '172.18.0.3' }, { type: 'Hostname', address: 'node-1' }],
    nodeInfo: {
      machineID: 'm1',
      systemUUID: 's1',
      bootID: 'b1',
      kernelVersion: '6.8.0-49-generic',
      osImage: 'Debian GNU/Linux 12 (bookworm)',
      operatingSystem: 'linux',
      architecture: 'amd64',
      containerRuntimeVersion: 'containerd://1.7.24',
      kubeletVersion: 'v1.32.2',
      kubeProxyVersion: 'v1.32.2',
    },
  },
};

const lease: KubeObject = { apiVersion: 'coordination.k8s.io/v1', kind: 'Lease', metadata: { name: 'node-1', namespace: 'kube-node-lease' }, spec: { holderIdentity: 'node-1', renewTime: '2026-01-01T09:00:50.000000Z' } };

const events = [
  event('web-abc12-x2x8v.1', { kind: 'Pod', name: 'web-abc12-x2x8v', uid: 'uid-web-abc12-x2x8v', namespace: 'default' }, {
    reason: 'Scheduled', message: 'Successfully assigned default/web-abc12-x2x8v to node-1', source: { component: 'default-scheduler' }, firstTimestamp: at(1), lastTimestamp: at(1),
  }),
  event('web-abc12-x2x8v.2', { kind: 'Pod', name: 'web-abc12-x2x8v', uid: 'uid-web-abc12-x2x8v', namespace: 'default' }, {
    type: 'Warning', reason: 'BackOff', message: 'Back-off restarting failed container app in pod web-abc12-x2x8v_default(uid-web-abc12-x2x8v)', source: { component: 'kubelet', host: 'node-1' }, firstTimestamp: at(10), lastTimestamp: at(30), count: 3,
  }),
  event('web.1', { kind: 'Deployment', name: 'web', uid: 'uid-deploy', namespace: 'default' }, {
    reason: 'ScalingReplicaSet', message: 'Scaled up replica set web-abc12 to 2', source: { component: 'deployment-controller' }, firstTimestamp: at(0), lastTimestamp: at(0),
  }),
  event('node-1.1', { kind: 'Node', name: 'node-1', uid: 'node-1', namespace: '' }, {
    reason: 'NodeReady', message: 'Node node-1 status is now: NodeReady', source: { component: 'kubelet', host: 'node-1' }, firstTimestamp: at(0), lastTimestamp: at(0),
  }),
];

const { ctx } = fixture([deployment, replicaSet, pod, node, lease, ...events, { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'default', creationTimestamp: at(0) }, status: { phase: 'Active' } }], 60);
const kubectl = (line: string) => runKubectl(ctx, line);

describe('kubectl describe', () => {
  it('describes a pod', () => {
    expect(kubectl('describe pod web-abc12-x2x8v').stdout).toBe(`Name:             web-abc12-x2x8v
Namespace:        default
Priority:         0
Service Account:  default
Node:             node-1/172.18.0.3
Start Time:       Thu, 01 Jan 2026 09:00:01 +0000
Labels:           app=web
                  pod-template-hash=abc12
Annotations:      <none>
Status:           Running
IP:               10.244.1.2
IPs:
  IP:           10.244.1.2
Controlled By:  ReplicaSet/web-abc12
Containers:
  app:
    Container ID:   containerd://0a1b
    Image:          nginx:1.27
    Image ID:       docker.io/library/nginx@sha256:2c3d
    Port:           80/TCP
    Host Port:      0/TCP
    State:          Running
      Started:      Thu, 01 Jan 2026 09:00:20 +0000
    Last State:     Terminated
      Reason:       OOMKilled
      Exit Code:    137
      Started:      Thu, 01 Jan 2026 09:00:05 +0000
      Finished:     Thu, 01 Jan 2026 09:00:19 +0000
    Ready:          True
    Restart Count:  1
    Limits:
      memory:  128Mi
    Requests:
      cpu:      100m
      memory:   64Mi
    Readiness:  http-get http://:80/ delay=0s timeout=1s period=10s #success=1 #failure=3
    Environment:
      MODE:  prod
      POD:   web-abc12-x2x8v (v1:metadata.name)
    Mounts:  <none>
Conditions:
  Type           Status
  Initialized    True 
  Ready          True 
  PodScheduled   True 
Volumes:         <none>
QoS Class:       Burstable
Node-Selectors:  <none>
Tolerations:     node.kubernetes.io/not-ready:NoExecute op=Exists for 300s
                 node.kubernetes.io/unreachable:NoExecute op=Exists for 300s
Events:
  Type     Reason     Age                From               Message
  ----     ------     ----               ----               -------
  Normal   Scheduled  59s                default-scheduler  Successfully assigned default/web-abc12-x2x8v to node-1
  Warning  BackOff    30s (x3 over 50s)  kubelet            Back-off restarting failed container app in pod web-abc12-x2x8v_default(uid-web-abc12-x2x8v)
`);
  });

  it('describes a deployment, hiding the last-applied annotation', () => {
    expect(kubectl('describe deployment web').stdout).toBe(`Name:                   web
Namespace:              default
CreationTimestamp:      Thu, 01 Jan 2026 09:00:00 +0000
Labels:                 app=web
Annotations:            deployment.kubernetes.io/revision: 1
Selector:               app=web
Replicas:               2 desired | 2 updated | 2 total | 1 available | 1 unavailable
StrategyType:           RollingUpdate
MinReadySeconds:        0
RollingUpdateStrategy:  25% max unavailable, 25% max surge
Pod Template:
  Labels:  app=web
  Containers:
   app:
    Image:         nginx:1.27
    Port:          80/TCP
    Host Port:     0/TCP
    Environment:   <none>
    Mounts:        <none>
  Volumes:         <none>
  Node-Selectors:  <none>
  Tolerations:     <none>
Conditions:
  Type           Status  Reason
  ----           ------  ------
  Available      False   MinimumReplicasUnavailable
  Progressing    True    ReplicaSetUpdated
OldReplicaSets:  <none>
NewReplicaSet:   web-abc12 (2/2 replicas created)
Events:
  Type    Reason             Age   From                   Message
  ----    ------             ----  ----                   -------
  Normal  ScalingReplicaSet  60s   deployment-controller  Scaled up replica set web-abc12 to 2
`);
  });

  it('describes a replica set', () => {
    expect(kubectl('describe rs web-abc12').stdout).toBe(`Name:           web-abc12
Namespace:      default
Selector:       app=web,pod-template-hash=abc12
Labels:         app=web
                pod-template-hash=abc12
Annotations:    <none>
Controlled By:  Deployment/web
Replicas:       2 current / 2 desired
Pods Status:    1 Running / 0 Waiting / 0 Succeeded / 0 Failed
Pod Template:
  Labels:  app=web
           pod-template-hash=abc12
  Containers:
   app:
    Image:         nginx:1.27
    Port:          80/TCP
    Host Port:     0/TCP
    Environment:   <none>
    Mounts:        <none>
  Volumes:         <none>
  Node-Selectors:  <none>
  Tolerations:     <none>
Events:            <none>
`);
  });

  it('describes a node with its pods and allocated resources', () => {
    expect(kubectl('describe node node-1').stdout).toBe(`Name:               node-1
Roles:              <none>
Labels:             kubernetes.io/hostname=node-1
Annotations:        node.alpha.kubernetes.io/ttl: 0
CreationTimestamp:  Thu, 01 Jan 2026 09:00:00 +0000
Taints:             dedicated=web:NoSchedule
Unschedulable:      false
Lease:
  HolderIdentity:  node-1
  AcquireTime:     <unset>
  RenewTime:       Thu, 01 Jan 2026 09:00:50 +0000
Conditions:
  Type    Status  LastHeartbeatTime                 LastTransitionTime                Reason         Message
  ----    ------  -----------------                 ------------------                ------         -------
  Ready   True    Thu, 01 Jan 2026 09:00:50 +0000   Thu, 01 Jan 2026 09:00:00 +0000   KubeletReady   kubelet is posting ready status
Addresses:
  InternalIP:  172.18.0.3
  Hostname:    node-1
Capacity:
  cpu:                4
  ephemeral-storage:  100Gi
  memory:             8Gi
  pods:               110
Allocatable:
  cpu:                4
  ephemeral-storage:  100Gi
  memory:             8Gi
  pods:               110
System Info:
  Machine ID:                 m1
  System UUID:                s1
  Boot ID:                    b1
  Kernel Version:             6.8.0-49-generic
  OS Image:                   Debian GNU/Linux 12 (bookworm)
  Operating System:           linux
  Architecture:               amd64
  Container Runtime Version:  containerd://1.7.24
  Kubelet Version:            v1.32.2
  Kube-Proxy Version:         v1.32.2
PodCIDR:                      10.244.1.0/24
PodCIDRs:                     10.244.1.0/24
Non-terminated Pods:          (1 in total)
  Namespace                   Name               CPU Requests  CPU Limits  Memory Requests  Memory Limits  Age
  ---------                   ----               ------------  ----------  ---------------  -------------  ---
  default                     web-abc12-x2x8v    100m (2%)     0 (0%)      64Mi (0%)        128Mi (1%)     60s
Allocated resources:
  (Total limits may be over 100 percent, i.e., overcommitted.)
  Resource           Requests   Limits
  --------           --------   ------
  cpu                100m (2%)  0 (0%)
  memory             64Mi (0%)  128Mi (1%)
  ephemeral-storage  0 (0%)     0 (0%)
Events:
  Type    Reason     Age   From     Message
  ----    ------     ----  ----     -------
  Normal  NodeReady  60s   kubelet  Node node-1 status is now: NodeReady
`);
  });

  it('describes a namespace', () => {
    expect(kubectl('describe ns default').stdout).toBe(`Name:         default
Labels:       <none>
Annotations:  <none>
Status:       Active

No resource quota.

No LimitRange resource.
`);
  });
});

describe('kubectl describe selection', () => {
  it('describes every object whose name starts with the given prefix, each followed by a blank line', () => {
    const out = kubectl('describe pods web-abc').stdout;
    expect(out.startsWith('Name:             web-abc12-x2x8v\n')).toBe(true);
    expect(out.endsWith('(uid-web-abc12-x2x8v)\n\n')).toBe(true);
  });

  it('separates several descriptions by a blank line', () => {
    const out = kubectl('describe deploy,rs -l app=web').stdout;
    expect(out.startsWith('Name:                   web\n')).toBe(true);
    expect(out).toContain('Scaled up replica set web-abc12 to 2\n\n\nName:           web-abc12\n');
  });

  it('reports a missing object, and an empty selection', () => {
    expect(kubectl('describe pod nope')).toEqual({ stdout: '', stderr: 'Error from server (NotFound): pods "nope" not found\n', exitCode: 1 });
    expect(kubectl('describe pods -n kube-system')).toEqual({ stdout: '', stderr: 'No resources found in kube-system namespace.\n', exitCode: 0 });
  });

  it('describes other kinds generically, field by field', () => {
    expect(kubectl('describe lease node-1 -n kube-node-lease').stdout).toBe(`Name:         node-1
Namespace:    kube-node-lease
Labels:       <none>
Annotations:  <none>
API Version:  coordination.k8s.io/v1
Kind:         Lease
Metadata:
  Resource Version:  5
Spec:
  Holder Identity:  node-1
  Renew Time:       2026-01-01T09:00:50.000000Z
Events:             <none>
`);
  });
});
