import type { Node } from 'kubernetes-types/core/v1';
import { isRunningAndReady, pod } from '../checks';
import type { Lesson } from '../types';

const HELLO = `apiVersion: v1
kind: Pod
metadata:
  name: hello
  labels:
    app: hello
spec:
  containers:
  - name: web
    image: nginx:1.27
`;

export const clusterLesson: Lesson = {
  id: 'cluster',
  title: { en: 'The cluster and its components', ko: '클러스터와 구성 요소' },
  summary: {
    en: 'A control plane decides, worker nodes run. Follow one Pod from kubectl to a running container.',
    ko: '컨트롤 플레인은 결정하고, 워커 노드는 실행합니다. Pod 하나가 kubectl에서 실행 중인 컨테이너가 되기까지를 따라가 봅니다.',
  },
  steps: [
    {
      id: 'submit',
      text: {
        en: 'Every change goes through the **kube-apiserver**, which stores it in **etcd**. Apply this Pod: the API server accepts it and it waits, `Pending`, with no node yet.',
        ko: '모든 변경은 **kube-apiserver**를 거쳐 **etcd**에 저장됩니다. 이 Pod를 적용해 보세요. API 서버가 받아들이고, 아직 노드가 없어 `Pending` 상태로 기다립니다.',
      },
      manifest: HELLO,
      commands: ['kubectl apply -f hello.yaml', 'kubectl get pods'],
      check: (view) => !!pod(view, 'hello'),
      solution: [{ apply: HELLO }],
      settleSeconds: 0,
    },
    {
      id: 'schedule',
      text: {
        en: 'The **kube-scheduler** watches for Pods without a node, filters the nodes that fit and scores them, then **binds** the Pod to the best one. The control-plane node is tainted, so it is never chosen.',
        ko: '**kube-scheduler**는 노드가 없는 Pod를 지켜보다가, 조건에 맞는 노드를 거르고 점수를 매겨 가장 좋은 노드에 Pod를 **바인딩**합니다. 컨트롤 플레인 노드는 taint가 있어 선택되지 않습니다.',
      },
      commands: ['kubectl get pod hello -o wide'],
      check: (view) => {
        const node = pod(view, 'hello')?.spec?.nodeName;
        const taints = (view.get('Node', node ?? '') as Node | undefined)?.spec?.taints ?? [];
        return !!node && !taints.some((t) => t.key === 'node-role.kubernetes.io/control-plane');
      },
      solution: [],
    },
    {
      id: 'run',
      text: {
        en: "On that node the **kubelet** pulls the image, starts the container and reports the Pod `Running` and Ready. Look at the Pod's events: Scheduled, Pulling, Pulled, Created, Started.",
        ko: '그 노드의 **kubelet**이 이미지를 받고 컨테이너를 시작한 뒤 Pod가 `Running`이고 Ready라고 보고합니다. Pod의 이벤트를 보세요: Scheduled, Pulling, Pulled, Created, Started.',
      },
      commands: ['kubectl describe pod hello'],
      check: (view) => isRunningAndReady(pod(view, 'hello')),
      solution: [],
    },
  ],
};
