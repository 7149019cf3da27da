import type { Pod } from 'kubernetes-types/core/v1';
import { deployment, isRunningAndReady, pod, podsWith, rolledOut } from '../checks';
import type { Lesson } from '../types';

const SSD = `apiVersion: v1
kind: Pod
metadata:
  name: fast
spec:
  nodeSelector:
    disktype: ssd
  containers:
  - name: nginx
    image: nginx:1.27
`;

const PINNED = `apiVersion: v1
kind: Pod
metadata:
  name: pinned
spec:
  nodeName: node-3
  containers:
  - name: nginx
    image: nginx:1.27
`;

const HUGE = `apiVersion: v1
kind: Pod
metadata:
  name: huge
spec:
  containers:
  - name: app
    image: nginx:1.27
    resources:
      requests:
        cpu: "64"
`;

const HOG = `apiVersion: v1
kind: Pod
metadata:
  name: hog
  annotations:
    kubesim.io/memory: 200Mi
spec:
  containers:
  - name: app
    image: nginx:1.27
    resources:
      limits:
        memory: 64Mi
`;

const WEB = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 3
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
      - name: nginx
        image: nginx:1.27
`;

export const schedulingLesson: Lesson = {
  id: 'scheduling',
  title: { en: 'Scheduling, resources and node failure', ko: '스케줄링, 자원, 노드 장애' },
  summary: {
    en: 'Where a Pod runs (nodeSelector, nodeName), whether it fits (requests), what its limits do (OOMKilled), and what happens when a node dies.',
    ko: 'Pod가 어디서 실행되는지(nodeSelector, nodeName), 자리가 있는지(requests), limits가 무엇을 하는지(OOMKilled), 노드가 죽으면 어떻게 되는지를 봅니다.',
  },
  steps: [
    {
      id: 'node-selector',
      text: {
        en: 'Label node-2 `disktype=ssd`, then create a Pod with `nodeSelector: {disktype: ssd}`. The scheduler filters out every node without the label.',
        ko: 'node-2에 `disktype=ssd` 레이블을 붙이고 `nodeSelector: {disktype: ssd}`인 Pod를 만드세요. 스케줄러가 레이블 없는 노드를 모두 걸러 냅니다.',
      },
      manifest: SSD,
      commands: ['kubectl label node node-2 disktype=ssd'],
      check: (view) => pod(view, 'fast')?.spec?.nodeName === 'node-2' && isRunningAndReady(pod(view, 'fast')),
      solution: [{ kubectl: 'label node node-2 disktype=ssd' }, { apply: SSD }],
    },
    {
      id: 'node-name',
      text: {
        en: '`nodeName` skips the scheduler altogether: the kubelet of node-3 just runs the Pod. No Scheduled event appears.',
        ko: '`nodeName`은 스케줄러를 아예 건너뜁니다. node-3의 kubelet이 그냥 Pod를 실행하고, Scheduled 이벤트는 생기지 않습니다.',
      },
      manifest: PINNED,
      check: (view) => pod(view, 'pinned')?.spec?.nodeName === 'node-3' && isRunningAndReady(pod(view, 'pinned')),
      solution: [{ apply: PINNED }],
    },
    {
      id: 'requests',
      text: {
        en: 'This Pod requests 64 CPUs; no node has that much allocatable. It stays `Pending` and the scheduler says why: `0/4 nodes are available: …`.',
        ko: '이 Pod는 CPU 64개를 요청합니다. 그만큼 할당 가능한 노드가 없으니 `Pending`으로 남고, 스케줄러가 이유를 말해 줍니다: `0/4 nodes are available: …`.',
      },
      manifest: HUGE,
      commands: ['kubectl describe pod huge'],
      check: (view) => pod(view, 'huge')?.status?.conditions?.some((c) => c.type === 'PodScheduled' && c.status === 'False' && c.reason === 'Unschedulable') === true,
      solution: [{ apply: HUGE }],
    },
    {
      id: 'oom',
      text: {
        en: 'Memory is not compressible: a container that uses more than `limits.memory` is killed, `OOMKilled`, exit code 137. (Too much CPU is only throttled.)',
        ko: '메모리는 압축할 수 없습니다. `limits.memory`보다 많이 쓰는 컨테이너는 `OOMKilled`로 죽고 종료 코드는 137입니다. (CPU는 초과해도 느려질 뿐입니다.)',
      },
      manifest: HOG,
      commands: ['kubectl get pod hog -w', 'kubectl describe pod hog'],
      check: (view) => {
        const status = (pod(view, 'hog') as Pod | undefined)?.status?.containerStatuses?.[0];
        return status?.lastState?.terminated?.reason === 'OOMKilled' && status.lastState.terminated.exitCode === 137;
      },
      solution: [{ apply: HOG }],
    },
    {
      id: 'node-failure',
      text: {
        en: 'Run 3 replicas, then power off node-1. After 40–50 s without heartbeats the node turns `NotReady` and gets the `unreachable` taint; 300 s later (the default toleration) its Pods are evicted and replaced on the other nodes.',
        ko: '복제본 3개를 실행한 뒤 node-1의 전원을 끄세요. 하트비트가 40–50초 끊기면 노드가 `NotReady`가 되고 `unreachable` taint가 붙습니다. 300초 뒤(기본 toleration) 그 노드의 Pod가 축출되고 다른 노드에 새로 생깁니다.',
      },
      manifest: WEB,
      commands: ['kubectl sim node-down node-1', 'kubectl get nodes -w'],
      check: (view) => {
        const pods = podsWith(view, { app: 'web' });
        const dead = (view.get('Node', 'node-1') as { status?: { conditions?: { type: string; status: string }[] } } | undefined)?.status?.conditions?.find((c) => c.type === 'Ready')?.status !== 'True';
        return dead && rolledOut(deployment(view, 'web'), 3) && pods.filter((p) => p.spec?.nodeName !== 'node-1' && isRunningAndReady(p)).length === 3;
      },
      solution: [{ apply: WEB }, { kubectl: 'sim node-down node-1' }],
      settleSeconds: 600,
    },
  ],
};
