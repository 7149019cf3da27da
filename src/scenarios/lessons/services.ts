import { readyEndpointPods, service } from '../checks';
import type { Lesson } from '../types';

const APP = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: hello
spec:
  replicas: 2
  selector:
    matchLabels:
      app: hello
  template:
    metadata:
      labels:
        app: hello
    spec:
      containers:
      - name: nginx
        image: nginx:1.27
        ports:
        - containerPort: 80
`;

const SERVICE = (type: string) => `apiVersion: v1
kind: Service
metadata:
  name: hello
spec:
  type: ${type}
  selector:
    app: hello
  ports:
  - port: 80
    targetPort: 80
`;

export const servicesLesson: Lesson = {
  id: 'services',
  title: { en: 'Services: ClusterIP, NodePort and LoadBalancer', ko: 'Service: ClusterIP, NodePort, LoadBalancer' },
  summary: {
    en: 'A Service gives a changing set of Pods one stable address. Each type adds a way in from further out.',
    ko: 'Service는 계속 바뀌는 Pod 묶음에 변하지 않는 주소 하나를 줍니다. 타입마다 더 바깥에서 들어오는 길이 하나씩 늘어납니다.',
  },
  steps: [
    {
      id: 'clusterip',
      text: {
        en: 'Deploy two nginx Pods and a ClusterIP Service. The Service gets a virtual IP from 10.96.0.0/12, and the EndpointSlice controller lists the ready Pods behind it.',
        ko: 'nginx Pod 2개와 ClusterIP Service를 배포하세요. Service는 10.96.0.0/12에서 가상 IP를 받고, EndpointSlice 컨트롤러가 그 뒤의 준비된 Pod를 적어 둡니다.',
      },
      manifest: `${APP}---\n${SERVICE('ClusterIP')}`,
      commands: ['kubectl get svc hello', 'kubectl get endpointslices -l kubernetes.io/service-name=hello'],
      check: (view) => !!service(view, 'hello')?.spec?.clusterIP && readyEndpointPods(view, 'hello').length === 2,
      solution: [{ apply: `${APP}---\n${SERVICE('ClusterIP')}` }],
    },
    {
      id: 'nodeport',
      text: {
        en: 'Change the type to NodePort. It keeps its ClusterIP and also opens a port from 30000–32767 on every node.',
        ko: '타입을 NodePort로 바꾸세요. ClusterIP는 그대로 두고, 모든 노드에 30000–32767 사이의 포트를 하나 더 엽니다.',
      },
      manifest: SERVICE('NodePort'),
      check: (view) => {
        const port = service(view, 'hello')?.spec?.ports?.[0]?.nodePort ?? 0;
        return service(view, 'hello')?.spec?.type === 'NodePort' && port >= 30000 && port <= 32767;
      },
      solution: [{ apply: SERVICE('NodePort') }],
    },
    {
      id: 'loadbalancer',
      text: {
        en: 'Change it to LoadBalancer. The (simulated) cloud gives it an external IP, which forwards to the node ports.',
        ko: 'LoadBalancer로 바꾸세요. (시뮬레이션된) 클라우드가 외부 IP를 주고, 그 IP는 노드 포트로 전달합니다.',
      },
      manifest: SERVICE('LoadBalancer'),
      commands: ['kubectl get svc hello -w'],
      check: (view) => service(view, 'hello')?.spec?.type === 'LoadBalancer' && !!service(view, 'hello')?.status?.loadBalancer?.ingress?.[0]?.ip,
      solution: [{ apply: SERVICE('LoadBalancer') }],
    },
  ],
};
