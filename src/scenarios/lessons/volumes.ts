import type { Deployment } from 'kubernetes-types/apps/v1';
import { podsWith } from '../checks';
import type { Lesson, LessonView } from '../types';

const COUNTER = (name: string, volume: string) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${name}
spec:
  replicas: 1
  selector:
    matchLabels:
      app: ${name}
  template:
    metadata:
      labels:
        app: ${name}
    spec:
      containers:
      - name: counter
        image: kubesim/visit-counter:1.0
        ports:
        - containerPort: 8080
        volumeMounts:
        - name: data
          mountPath: /data
      volumes:
      - name: data
${volume}---
apiVersion: v1
kind: Service
metadata:
  name: ${name}
spec:
  selector:
    app: ${name}
  ports:
  - port: 8080
`;

const EMPTY_DIR = COUNTER('scratch', '        emptyDir: {}\n');
const HOST_PATH = COUNTER('pinned', '        hostPath:\n          path: /var/lib/counter\n          type: DirectoryOrCreate\n');

const ready = (view: LessonView, app: string) => {
  const d = view.get('Deployment', app, 'default') as Deployment | undefined;
  return d?.status?.availableReplicas === 1 && podsWith(view, { app }).length === 1;
};

export const volumesLesson: Lesson = {
  id: 'volumes',
  title: { en: 'Volumes: emptyDir and hostPath', ko: '볼륨: emptyDir와 hostPath' },
  summary: {
    en: "A container's own files vanish when it restarts. A volume outlives the container: an emptyDir lives as long as its Pod, a hostPath as long as the node's disk.",
    ko: '컨테이너 자체의 파일은 재시작하면 사라집니다. 볼륨은 컨테이너보다 오래 삽니다. emptyDir는 Pod가 살아 있는 동안, hostPath는 노드의 디스크가 있는 동안 남습니다.',
  },
  steps: [
    {
      id: 'empty-dir',
      text: {
        en: 'Deploy a visit counter that keeps its count in an emptyDir. Call it a few times (`kubectl sim curl http://scratch:8080`), then delete its Pod: the replacement starts again at 1, because the emptyDir went with the old Pod.',
        ko: '방문 횟수를 emptyDir에 저장하는 카운터를 배포하세요. 몇 번 호출한 뒤(`kubectl sim curl http://scratch:8080`) Pod를 삭제하면, 새 Pod는 다시 1부터 셉니다. emptyDir가 옛 Pod와 함께 사라졌기 때문입니다.',
      },
      manifest: EMPTY_DIR,
      commands: ['kubectl sim curl http://scratch:8080', 'kubectl delete pod -l app=scratch'],
      check: (view) => ready(view, 'scratch'),
      solution: [{ apply: EMPTY_DIR }],
    },
    {
      id: 'host-path',
      text: {
        en: 'Now keep the count in a hostPath. It survives the Pod — but only on that node. A replacement scheduled to another node finds a different directory and a different count.',
        ko: '이번에는 hostPath에 저장하세요. Pod가 바뀌어도 남지만 그 노드에서만입니다. 다른 노드에 스케줄된 새 Pod는 다른 디렉터리, 다른 숫자를 봅니다.',
      },
      manifest: HOST_PATH,
      commands: ['kubectl sim curl http://pinned:8080', 'kubectl get pods -l app=pinned -o wide'],
      check: (view) => ready(view, 'pinned'),
      solution: [{ apply: HOST_PATH }],
    },
  ],
};
