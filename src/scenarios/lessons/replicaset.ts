import type { ReplicaSet } from 'kubernetes-types/apps/v1';
import type { LessonView } from '../types';
import { podsWith } from '../checks';
import type { Lesson } from '../types';

const FRONTEND = `apiVersion: apps/v1
kind: ReplicaSet
metadata:
  name: frontend
  labels:
    app: guestbook
spec:
  replicas: 3
  selector:
    matchLabels:
      tier: frontend
  template:
    metadata:
      labels:
        tier: frontend
    spec:
      containers:
      - name: php-redis
        image: us-docker.pkg.dev/google-samples/containers/gke/gb-frontend:v5
`;

const frontend = (view: LessonView) => view.get('ReplicaSet', 'frontend', 'default') as ReplicaSet | undefined;

export const replicaSetLesson: Lesson = {
  id: 'replicaset',
  title: { en: 'ReplicaSet self-healing', ko: 'ReplicaSet 자가 치유' },
  summary: {
    en: 'A ReplicaSet keeps a number of identical Pods alive: it compares what its selector finds with `replicas` and creates or deletes the difference.',
    ko: 'ReplicaSet은 같은 Pod를 정해진 개수만큼 유지합니다. 셀렉터가 찾은 Pod 수를 `replicas`와 비교해 모자라면 만들고 넘치면 지웁니다.',
  },
  steps: [
    {
      id: 'create',
      text: { en: 'Create the ReplicaSet from the Kubernetes docs and wait for 3 ready Pods.', ko: '쿠버네티스 문서의 ReplicaSet을 만들고 Pod 3개가 준비될 때까지 기다리세요.' },
      manifest: FRONTEND,
      check: (view) => frontend(view)?.status?.readyReplicas === 3,
      solution: [{ apply: FRONTEND }],
    },
    {
      id: 'heal',
      text: {
        en: 'Delete one of its Pods (click it, or `kubectl delete pod …`). The ReplicaSet controller sees 2 < 3 and creates a replacement with a new name.',
        ko: 'Pod 하나를 삭제하세요(클릭하거나 `kubectl delete pod …`). ReplicaSet 컨트롤러는 2 < 3을 보고 새 이름의 Pod를 하나 만듭니다.',
      },
      commands: ['kubectl get pods -l tier=frontend -w'],
      check: (view) => {
        const rs = frontend(view);
        const born = Date.parse(rs?.metadata?.creationTimestamp ?? '');
        const replacements = podsWith(view, { tier: 'frontend' }).filter((p) => Date.parse(p.metadata?.creationTimestamp ?? '') > born);
        return rs?.status?.readyReplicas === 3 && replacements.length >= 1;
      },
      solution: [{ kubectl: 'delete pod -l tier=frontend --wait=false' }],
    },
    {
      id: 'scale',
      text: { en: 'Scale it to 5. Only the number changes; the controller does the rest.', ko: '5개로 늘려 보세요. 숫자만 바꾸면 나머지는 컨트롤러가 합니다.' },
      commands: ['kubectl scale rs frontend --replicas=5'],
      check: (view) => frontend(view)?.spec?.replicas === 5 && frontend(view)?.status?.readyReplicas === 5,
      solution: [{ kubectl: 'scale rs frontend --replicas=5' }],
    },
  ],
};
