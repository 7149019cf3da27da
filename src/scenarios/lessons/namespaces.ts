import type { Deployment } from 'kubernetes-types/apps/v1';
import type { Namespace, Pod, ResourceQuota } from 'kubernetes-types/core/v1';
import type { Lesson, LessonView } from '../types';

const TEAM = `apiVersion: v1
kind: Namespace
metadata:
  name: team-a
---
apiVersion: v1
kind: LimitRange
metadata:
  name: defaults
  namespace: team-a
spec:
  limits:
  - type: Container
    defaultRequest:
      cpu: 100m
      memory: 64Mi
    default:
      cpu: 200m
      memory: 128Mi
---
apiVersion: v1
kind: ResourceQuota
metadata:
  name: compute
  namespace: team-a
spec:
  hard:
    pods: "3"
    requests.cpu: "1"
`;

const WEB = (replicas: number) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  namespace: team-a
spec:
  replicas: ${replicas}
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

const pods = (view: LessonView) => (view.list('Pod', 'team-a') as Pod[]).filter((p) => !p.metadata?.deletionTimestamp);

export const namespacesLesson: Lesson = {
  id: 'namespaces',
  title: { en: 'Namespaces, ResourceQuota and LimitRange', ko: '네임스페이스, ResourceQuota, LimitRange' },
  summary: {
    en: 'A Namespace is a room in the cluster: names are unique inside it, a LimitRange fills in defaults, and a ResourceQuota caps what the room may use.',
    ko: '네임스페이스는 클러스터 안의 방입니다. 이름은 그 안에서만 겹치지 않으면 되고, LimitRange는 기본값을 채우며, ResourceQuota는 방 전체가 쓸 수 있는 양을 제한합니다.',
  },
  steps: [
    {
      id: 'room',
      text: {
        en: 'Create the namespace `team-a` with a LimitRange (default requests and limits) and a ResourceQuota of 3 Pods and 1 CPU of requests.',
        ko: '`team-a` 네임스페이스를 LimitRange(기본 requests와 limits)와 ResourceQuota(Pod 3개, CPU 요청 1개)와 함께 만드세요.',
      },
      manifest: TEAM,
      commands: ['kubectl describe namespace team-a', 'kubectl describe quota compute -n team-a'],
      check: (view) => (view.get('Namespace', 'team-a') as Namespace | undefined)?.status?.phase === 'Active' && !!(view.get('ResourceQuota', 'compute', 'team-a') as ResourceQuota | undefined)?.status?.hard,
      solution: [{ apply: TEAM }],
    },
    {
      id: 'defaults',
      text: {
        en: 'Deploy 2 nginx Pods without any `resources`. The LimitRanger admission plugin writes the defaults into each Pod (see `kubectl get pod -n team-a -o yaml`), so the quota, which demands CPU requests, accepts them.',
        ko: '`resources` 없이 nginx Pod 2개를 배포하세요. LimitRanger 어드미션 플러그인이 각 Pod에 기본값을 써 넣으니(`kubectl get pod -n team-a -o yaml`), CPU 요청을 요구하는 쿼터도 받아들입니다.',
      },
      manifest: WEB(2),
      check: (view) => {
        const list = pods(view);
        return list.length === 2 && list.every((p) => p.spec?.containers?.[0]?.resources?.requests?.cpu === '100m' && p.metadata?.annotations?.['kubernetes.io/limit-ranger']);
      },
      solution: [{ apply: WEB(2) }],
    },
    {
      id: 'quota',
      text: {
        en: 'Scale to 5. Only 3 Pods fit the quota: the ReplicaSet keeps trying and records `FailedCreate … exceeded quota: compute, requested: pods=1, used: pods=3, limited: pods=3`, and the Deployment shows `ReplicaFailure`.',
        ko: '5개로 늘려 보세요. 쿼터에는 Pod 3개만 들어갑니다. ReplicaSet은 계속 시도하며 `FailedCreate … exceeded quota: compute, requested: pods=1, used: pods=3, limited: pods=3`를 남기고, Deployment에는 `ReplicaFailure`가 보입니다.',
      },
      commands: ['kubectl scale deployment web -n team-a --replicas=5', 'kubectl get events -n team-a'],
      check: (view) => {
        const d = view.get('Deployment', 'web', 'team-a') as Deployment | undefined;
        return d?.spec?.replicas === 5 && pods(view).length === 3 && !!d.status?.conditions?.some((c) => c.type === 'ReplicaFailure' && c.status === 'True');
      },
      solution: [{ kubectl: 'scale deployment web -n team-a --replicas=5' }],
    },
  ],
};
