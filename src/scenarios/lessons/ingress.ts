import type { Ingress } from 'kubernetes-types/networking/v1';
import { readyEndpointPods } from '../checks';
import type { Lesson } from '../types';

const BACKEND = (name: string) => `apiVersion: apps/v1
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
      - name: web
        image: nginx:1.27
---
apiVersion: v1
kind: Service
metadata:
  name: ${name}
spec:
  selector:
    app: ${name}
  ports:
  - port: 80
`;

const INGRESS = `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: shop
spec:
  rules:
  - host: shop.example.com
    http:
      paths:
      - path: /api
        pathType: Prefix
        backend:
          service:
            name: api
            port:
              number: 80
      - path: /
        pathType: Prefix
        backend:
          service:
            name: web
            port:
              number: 80
`;

export const ingressLesson: Lesson = {
  id: 'ingress',
  title: { en: 'Ingress', ko: 'Ingress' },
  summary: {
    en: 'One entry point for HTTP: an Ingress routes by host and path to Services, and an ingress controller (here ingress-nginx) does the routing.',
    ko: 'HTTP의 단일 진입점입니다. Ingress는 호스트와 경로로 Service를 고르고, 실제 라우팅은 인그레스 컨트롤러(여기서는 ingress-nginx)가 합니다.',
  },
  steps: [
    {
      id: 'backends',
      text: { en: 'Deploy two backends, `web` and `api`, each with a Service.', ko: '백엔드 두 개 `web`과 `api`를 각각 Service와 함께 배포하세요.' },
      manifest: `${BACKEND('web')}---\n${BACKEND('api')}`,
      check: (view) => readyEndpointPods(view, 'web').length === 1 && readyEndpointPods(view, 'api').length === 1,
      solution: [{ apply: `${BACKEND('web')}---\n${BACKEND('api')}` }],
    },
    {
      id: 'route',
      text: {
        en: 'Create the Ingress. It has no class, so the DefaultIngressClass admission plugin gives it `nginx`; the controller then publishes its address. `/api` goes to api, everything else to web: the longest matching prefix wins.',
        ko: 'Ingress를 만드세요. 클래스가 없으니 DefaultIngressClass 어드미션 플러그인이 `nginx`를 넣고, 컨트롤러가 주소를 게시합니다. `/api`는 api로, 나머지는 web으로 갑니다. 가장 길게 일치하는 접두사가 이깁니다.',
      },
      manifest: INGRESS,
      commands: ['kubectl get ingress shop', 'kubectl sim curl http://shop.example.com/api'],
      check: (view) => {
        const ing = view.get('Ingress', 'shop', 'default') as Ingress | undefined;
        return ing?.spec?.ingressClassName === 'nginx' && !!ing.status?.loadBalancer?.ingress?.length;
      },
      solution: [{ apply: INGRESS }],
    },
  ],
};
