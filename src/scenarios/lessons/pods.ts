import type { Pod } from 'kubernetes-types/core/v1';
import { isRunningAndReady, pod } from '../checks';
import type { Lesson } from '../types';

const WEB = `apiVersion: v1
kind: Pod
metadata:
  name: web
  labels:
    app: web
spec:
  containers:
  - name: nginx
    image: nginx:1.27
    ports:
    - containerPort: 80
`;

const CRASHER = `apiVersion: v1
kind: Pod
metadata:
  name: crasher
spec:
  containers:
  - name: app
    image: busybox:1.36
    command: ["sh", "-c", "echo starting; sleep 5; exit 1"]
`;

const restarts = (p: Pod | undefined) => p?.status?.containerStatuses?.[0]?.restartCount ?? 0;

export const podsLesson: Lesson = {
  id: 'pods',
  title: { en: 'Pods', ko: 'Pod' },
  summary: {
    en: 'The smallest thing Kubernetes runs: one or more containers sharing a network and volumes. A bare Pod is not healed by anyone.',
    ko: '쿠버네티스가 실행하는 가장 작은 단위입니다. 네트워크와 볼륨을 공유하는 하나 이상의 컨테이너이며, 혼자 만든 Pod는 아무도 되살려 주지 않습니다.',
  },
  steps: [
    {
      id: 'run',
      text: { en: 'Create a Pod running nginx and wait until it is `Running` with `1/1` ready.', ko: 'nginx를 실행하는 Pod를 만들고 `Running`, `1/1` 준비 상태가 될 때까지 기다리세요.' },
      manifest: WEB,
      commands: ['kubectl get pods -w'],
      check: (view) => isRunningAndReady(pod(view, 'web')),
      solution: [{ apply: WEB }],
    },
    {
      id: 'crash',
      text: {
        en: 'This container exits with code 1 after 5 seconds. `restartPolicy: Always` makes the kubelet restart it, waiting 10 s, 20 s, 40 s… between tries: that wait is **CrashLoopBackOff**.',
        ko: '이 컨테이너는 5초 뒤 종료 코드 1로 끝납니다. `restartPolicy: Always`이므로 kubelet이 다시 시작하는데, 시도 사이에 10초, 20초, 40초…를 기다립니다. 이 기다림이 **CrashLoopBackOff**입니다.',
      },
      manifest: CRASHER,
      commands: ['kubectl get pod crasher -w', 'kubectl describe pod crasher'],
      check: (view) => restarts(pod(view, 'crasher')) >= 2,
      solution: [{ apply: CRASHER }],
    },
    {
      id: 'delete',
      text: {
        en: 'Delete the `web` Pod. Nothing brings it back: no controller owns it. That is why you run Pods through a ReplicaSet or a Deployment.',
        ko: '`web` Pod를 삭제하세요. 소유한 컨트롤러가 없으니 아무것도 다시 만들지 않습니다. 그래서 Pod는 ReplicaSet이나 Deployment를 통해 실행합니다.',
      },
      commands: ['kubectl delete pod web'],
      check: (view) => !pod(view, 'web') && !!pod(view, 'crasher') && !(view.list('Pod') as Pod[]).some((p) => p.metadata?.labels?.app === 'web'),
      solution: [{ kubectl: 'delete pod web' }],
    },
  ],
};
