import { podsWith, readyEndpointPods } from '../checks';
import type { Lesson, LessonView } from '../types';

const TRACK = (track: string, replicas: number, tag: string) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web-${track}
spec:
  replicas: ${replicas}
  selector:
    matchLabels:
      app: web
      track: ${track}
  template:
    metadata:
      labels:
        app: web
        track: ${track}
    spec:
      containers:
      - name: nginx
        image: nginx:${tag}
`;

const SERVICE = `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  selector:
    app: web
  ports:
  - port: 80
`;

/** How many of the Service's ready endpoints are Pods of each track. */
const split = (view: LessonView) => {
  const endpoints = new Set(readyEndpointPods(view, 'web'));
  const count = (track: string) => podsWith(view, { app: 'web', track }).filter((p) => endpoints.has(p.metadata!.name!)).length;
  return { stable: count('stable'), canary: count('canary') };
};

export const canaryLesson: Lesson = {
  id: 'canary',
  title: { en: 'Canary', ko: '카나리 배포' },
  summary: {
    en: 'Send a small share of traffic to the new version first. With plain Deployments the share is the ratio of Pods behind one Service.',
    ko: '새 버전에 트래픽 일부만 먼저 보냅니다. 일반 Deployment만으로는 한 Service 뒤에 있는 Pod 수의 비율이 곧 트래픽 비율입니다.',
  },
  steps: [
    {
      id: 'stable',
      text: { en: 'Deploy the stable track (3 Pods) and a Service selecting only `app: web`.', ko: '안정 트랙(Pod 3개)과 `app: web`만 고르는 Service를 배포하세요.' },
      manifest: `${TRACK('stable', 3, '1.26')}---\n${SERVICE}`,
      check: (view) => split(view).stable === 3 && split(view).canary === 0,
      solution: [{ apply: `${TRACK('stable', 3, '1.26')}---\n${SERVICE}` }],
    },
    {
      id: 'canary',
      text: {
        en: 'Add a canary track with 1 Pod. It carries `app: web` too, so the Service now picks it: about 1 request in 4 reaches the new version.',
        ko: 'Pod 1개짜리 카나리 트랙을 추가하세요. 역시 `app: web` 레이블이 있으니 Service가 함께 고릅니다. 요청 4개 중 약 1개가 새 버전으로 갑니다.',
      },
      manifest: TRACK('canary', 1, '1.27'),
      check: (view) => split(view).stable === 3 && split(view).canary === 1,
      solution: [{ apply: TRACK('canary', 1, '1.27') }],
    },
    {
      id: 'promote',
      text: { en: 'Promote: scale the canary to 3 and the stable track to 0.', ko: '승격하세요. 카나리를 3개로, 안정 트랙을 0개로 바꿉니다.' },
      commands: ['kubectl scale deployment web-canary --replicas=3', 'kubectl scale deployment web-stable --replicas=0'],
      check: (view) => split(view).canary === 3 && podsWith(view, { app: 'web', track: 'stable' }).length === 0,
      solution: [{ kubectl: 'scale deployment web-canary --replicas=3' }, { kubectl: 'scale deployment web-stable --replicas=0' }],
    },
  ],
};
