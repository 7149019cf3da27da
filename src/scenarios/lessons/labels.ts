import { deployment, podsWith, readyEndpointPods, rolledOut } from '../checks';
import type { Lesson } from '../types';

const FRONT = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: front
spec:
  replicas: 2
  selector:
    matchLabels:
      app: front
      tier: web
  template:
    metadata:
      labels:
        app: front
        tier: web
    spec:
      containers:
      - name: nginx
        image: nginx:1.27
`;

const SERVICE = (app: string) => `apiVersion: v1
kind: Service
metadata:
  name: front
spec:
  selector:
    app: ${app}
  ports:
  - port: 80
`;

export const labelsLesson: Lesson = {
  id: 'labels',
  title: { en: 'Labels and selectors', ko: '레이블과 셀렉터' },
  summary: {
    en: 'Nothing in Kubernetes points at a Pod by name: controllers and Services find Pods by their labels. Most "it does nothing" puzzles are selector mistakes.',
    ko: '쿠버네티스에서는 Pod를 이름으로 가리키지 않습니다. 컨트롤러와 Service는 레이블로 Pod를 찾습니다. "아무 일도 안 일어나요"의 대부분은 셀렉터 실수입니다.',
  },
  steps: [
    {
      id: 'match',
      text: {
        en: [
          'A Deployment\'s `selector` must match its template\'s labels. Three classic mistakes, each refused by the API server:',
          '1. a selector key the template lacks (`tier: web` only in the selector);',
          '2. a value that differs (`app: front` vs `app: frontend`);',
          '3. the same key twice in one map — a YAML error before the API server even sees it.',
          '',
          'Try one, read the error, then apply this correct version.',
        ].join('\n'),
        ko: [
          'Deployment의 `selector`는 템플릿의 레이블과 맞아야 합니다. 흔한 실수 세 가지는 모두 API 서버가 거절합니다:',
          '1. 템플릿에 없는 키가 셀렉터에 있음(`tier: web`이 셀렉터에만 있음);',
          '2. 값이 다름(`app: front`와 `app: frontend`);',
          '3. 한 맵에 같은 키가 두 번 — API 서버에 닿기도 전에 YAML 오류가 납니다.',
          '',
          '하나를 직접 해 보고 오류를 읽은 뒤, 이 올바른 버전을 적용하세요.',
        ].join('\n'),
      },
      manifest: FRONT,
      check: (view) => rolledOut(deployment(view, 'front'), 2),
      solution: [{ apply: FRONT }],
    },
    {
      id: 'service-typo',
      text: {
        en: 'This Service selects `app: frontend`, which no Pod carries: it is accepted, but has no endpoints. Fix the selector to `app: front` and the EndpointSlice fills.',
        ko: '이 Service는 어떤 Pod에도 없는 `app: frontend`를 고릅니다. 받아들여지긴 하지만 엔드포인트가 없습니다. 셀렉터를 `app: front`로 고치면 EndpointSlice가 채워집니다.',
      },
      manifest: SERVICE('frontend'),
      commands: ['kubectl get endpointslices -l kubernetes.io/service-name=front', "kubectl get pods -l 'app in (front,frontend)' --show-labels"],
      check: (view) => readyEndpointPods(view, 'front').length === 2,
      solution: [{ apply: SERVICE('frontend') }, { apply: SERVICE('front') }],
    },
    {
      id: 'relabel',
      text: {
        en: 'Add a label to the Pods: `kubectl label pods -l app=front debug=true`. Extra labels change nothing for the selectors, which still match.',
        ko: 'Pod에 레이블을 더하세요: `kubectl label pods -l app=front debug=true`. 레이블이 늘어도 셀렉터는 여전히 맞으니 아무것도 바뀌지 않습니다.',
      },
      commands: ['kubectl label pods -l app=front debug=true', 'kubectl get pods -L debug'],
      check: (view) => podsWith(view, { app: 'front', debug: 'true' }).length === 2 && readyEndpointPods(view, 'front').length === 2,
      solution: [{ kubectl: 'label pods -l app=front debug=true' }],
    },
  ],
};
