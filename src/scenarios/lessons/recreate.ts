import { deployment, firstImage, podsWith, rolledOut } from '../checks';
import type { Lesson } from '../types';

const API = (tag: string) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: api
spec:
  replicas: 3
  strategy:
    type: Recreate
  selector:
    matchLabels:
      app: api
  template:
    metadata:
      labels:
        app: api
    spec:
      containers:
      - name: api
        image: httpd:${tag}
`;

export const recreateLesson: Lesson = {
  id: 'recreate',
  title: { en: 'Recreate', ko: 'Recreate 전략' },
  summary: {
    en: 'Recreate stops every old Pod before starting any new one: no two versions ever run together, at the cost of downtime.',
    ko: 'Recreate는 옛 Pod를 모두 멈춘 뒤에야 새 Pod를 시작합니다. 두 버전이 함께 실행되는 일은 없지만 그동안 서비스가 멈춥니다.',
  },
  steps: [
    {
      id: 'deploy',
      text: { en: 'Deploy 3 replicas of httpd 2.4.62 with `strategy: Recreate`.', ko: '`strategy: Recreate`로 httpd 2.4.62를 3개 배포하세요.' },
      manifest: API('2.4.62'),
      check: (view) => rolledOut(deployment(view, 'api'), 3),
      solution: [{ apply: API('2.4.62') }],
    },
    {
      id: 'update',
      text: {
        en: 'Update to 2.4.63. The old ReplicaSet is scaled to 0 first; only when all its Pods are gone does the new one scale to 3. Between the two there is no Pod at all.',
        ko: '2.4.63으로 바꾸세요. 먼저 옛 ReplicaSet이 0으로 줄고, 그 Pod가 모두 사라진 뒤에야 새 ReplicaSet이 3으로 늘어납니다. 그 사이에는 Pod가 하나도 없습니다.',
      },
      manifest: API('2.4.63'),
      check: (view) => {
        const pods = podsWith(view, { app: 'api' });
        return rolledOut(deployment(view, 'api'), 3) && pods.length === 3 && pods.every((p) => firstImage(p) === 'httpd:2.4.63');
      },
      solution: [{ apply: API('2.4.63') }],
      settleSeconds: 300,
    },
  ],
};
