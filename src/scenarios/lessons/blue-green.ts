import { podsWith, readyEndpointPods, service } from '../checks';
import type { Lesson, LessonView } from '../types';

const VERSION = (color: string, tag: string) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web-${color}
spec:
  replicas: 2
  selector:
    matchLabels:
      app: web
      version: ${color}
  template:
    metadata:
      labels:
        app: web
        version: ${color}
    spec:
      containers:
      - name: nginx
        image: nginx:${tag}
`;

const SERVICE = (color: string) => `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  selector:
    app: web
    version: ${color}
  ports:
  - port: 80
`;

/** The Service sends everything to exactly the ready Pods of one color. */
const servesOnly = (view: LessonView, color: string) => {
  const pods = podsWith(view, { app: 'web', version: color }).map((p) => p.metadata!.name!).sort();
  const endpoints = readyEndpointPods(view, 'web');
  return service(view, 'web')?.spec?.selector?.version === color && pods.length === 2 && endpoints.join() === pods.join();
};

export const blueGreenLesson: Lesson = {
  id: 'blue-green',
  title: { en: 'Blue/Green', ko: '블루/그린 배포' },
  summary: {
    en: 'Run the new version beside the old one, then switch the Service selector: all traffic moves at once, and switching back is the rollback.',
    ko: '새 버전을 옛 버전 옆에 띄운 뒤 Service 셀렉터를 바꿉니다. 트래픽이 한 번에 옮겨 가고, 되돌리는 것도 셀렉터만 바꾸면 됩니다.',
  },
  steps: [
    {
      id: 'blue',
      text: { en: 'Deploy blue (nginx 1.26) and a Service that selects `version: blue`.', ko: '블루(nginx 1.26)와 `version: blue`를 고르는 Service를 배포하세요.' },
      manifest: `${VERSION('blue', '1.26')}---\n${SERVICE('blue')}`,
      check: (view) => servesOnly(view, 'blue'),
      solution: [{ apply: `${VERSION('blue', '1.26')}---\n${SERVICE('blue')}` }],
    },
    {
      id: 'green',
      text: {
        en: 'Deploy green (nginx 1.27) beside it. The Service still sends nothing to green: you can test it privately. Both run now, so the cluster needs twice the resources.',
        ko: '그 옆에 그린(nginx 1.27)을 배포하세요. Service는 아직 그린에 트래픽을 보내지 않으니 따로 시험해 볼 수 있습니다. 지금은 둘 다 실행 중이라 자원이 두 배 듭니다.',
      },
      manifest: VERSION('green', '1.27'),
      check: (view) => servesOnly(view, 'blue') && podsWith(view, { app: 'web', version: 'green' }).length === 2,
      solution: [{ apply: VERSION('green', '1.27') }],
    },
    {
      id: 'switch',
      text: { en: 'Switch the Service selector to `version: green`. Every request now reaches green.', ko: 'Service 셀렉터를 `version: green`으로 바꾸세요. 이제 모든 요청이 그린으로 갑니다.' },
      manifest: SERVICE('green'),
      commands: ['kubectl patch service web -p \'{"spec":{"selector":{"version":"green"}}}\''],
      check: (view) => servesOnly(view, 'green'),
      solution: [{ apply: SERVICE('green') }],
    },
  ],
};
