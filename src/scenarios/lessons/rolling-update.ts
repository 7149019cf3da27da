import { deployment, firstImage, podsWith, replicaSetsOf, rolledOut } from '../checks';
import type { Lesson, LessonView } from '../types';

const WEB = (image: string) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 4
  strategy:
    type: RollingUpdate
    rollingUpdate:
      maxSurge: 1
      maxUnavailable: 0
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
        image: ${image}
`;

const allRunning = (view: LessonView, image: string) => {
  const pods = podsWith(view, { app: 'web' });
  return pods.length === 4 && pods.every((p) => firstImage(p) === image);
};

export const rollingUpdateLesson: Lesson = {
  id: 'rolling-update',
  title: { en: 'Deployment: rolling update and rollback', ko: 'Deployment: 롤링 업데이트와 롤백' },
  summary: {
    en: 'A Deployment changes Pods by making a new ReplicaSet and moving replicas to it step by step, within maxSurge and maxUnavailable.',
    ko: 'Deployment는 새 ReplicaSet을 만들고 maxSurge와 maxUnavailable 범위 안에서 replicas를 조금씩 옮겨 Pod를 바꿉니다.',
  },
  steps: [
    {
      id: 'deploy',
      text: { en: 'Deploy 4 replicas of nginx 1.26.', ko: 'nginx 1.26을 4개 배포하세요.' },
      manifest: WEB('nginx:1.26'),
      check: (view) => rolledOut(deployment(view, 'web'), 4) && allRunning(view, 'nginx:1.26'),
      solution: [{ apply: WEB('nginx:1.26') }],
    },
    {
      id: 'update',
      text: {
        en: 'Change the image to nginx:1.27. With maxSurge=1 there are at most 5 Pods; with maxUnavailable=0 an old Pod is removed only after a new one is available. Watch the two ReplicaSets trade replicas one at a time.',
        ko: '이미지를 nginx:1.27로 바꾸세요. maxSurge=1이므로 Pod는 최대 5개, maxUnavailable=0이므로 새 Pod가 사용 가능해진 뒤에야 옛 Pod가 하나 지워집니다. 두 ReplicaSet이 replicas를 하나씩 주고받는 것을 보세요.',
      },
      manifest: WEB('nginx:1.27'),
      commands: ['kubectl set image deployment/web nginx=nginx:1.27', 'kubectl rollout status deployment/web'],
      check: (view) => {
        const d = deployment(view, 'web');
        return rolledOut(d, 4) && firstImage(d?.spec?.template) === 'nginx:1.27' && allRunning(view, 'nginx:1.27') && replicaSetsOf(view, d).length === 2;
      },
      solution: [{ kubectl: 'set image deployment/web nginx=nginx:1.27' }],
      settleSeconds: 300,
    },
    {
      id: 'undo',
      text: {
        en: 'Roll back. `kubectl rollout undo` copies the previous ReplicaSet\'s template into the Deployment, which rolls to it as to any new version: the revision becomes 3.',
        ko: '롤백하세요. `kubectl rollout undo`는 이전 ReplicaSet의 템플릿을 Deployment에 다시 넣고, Deployment는 새 버전처럼 그쪽으로 롤링합니다. revision은 3이 됩니다.',
      },
      commands: ['kubectl rollout undo deployment/web', 'kubectl rollout history deployment/web'],
      check: (view) => {
        const d = deployment(view, 'web');
        return rolledOut(d, 4) && d?.metadata?.annotations?.['deployment.kubernetes.io/revision'] === '3' && allRunning(view, 'nginx:1.26');
      },
      solution: [{ kubectl: 'rollout undo deployment/web' }],
      settleSeconds: 300,
    },
  ],
};
