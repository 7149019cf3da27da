import type { StatefulSet } from 'kubernetes-types/apps/v1';
import type { PersistentVolumeClaim } from 'kubernetes-types/core/v1';
import { isRunningAndReady, pod } from '../checks';
import type { Lesson, LessonView } from '../types';

const WEB = (replicas: number) => `apiVersion: v1
kind: Service
metadata:
  name: nginx
spec:
  clusterIP: None
  selector:
    app: nginx
  ports:
  - port: 80
    name: web
---
apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: web
spec:
  serviceName: nginx
  replicas: ${replicas}
  selector:
    matchLabels:
      app: nginx
  template:
    metadata:
      labels:
        app: nginx
    spec:
      containers:
      - name: nginx
        image: registry.k8s.io/nginx-slim:0.24
        ports:
        - containerPort: 80
          name: web
        volumeMounts:
        - name: www
          mountPath: /usr/share/nginx/html
  volumeClaimTemplates:
  - metadata:
      name: www
    spec:
      accessModes: ["ReadWriteOnce"]
      resources:
        requests:
          storage: 1Gi
`;

const sts = (view: LessonView) => view.get('StatefulSet', 'web', 'default') as StatefulSet | undefined;
const claim = (view: LessonView, name: string) => view.get('PersistentVolumeClaim', name, 'default') as PersistentVolumeClaim | undefined;

export const statefulSetLesson: Lesson = {
  id: 'statefulset',
  title: { en: 'StatefulSet', ko: 'StatefulSet' },
  summary: {
    en: 'Pods with an identity: a fixed name (web-0, web-1…), a stable DNS name through a headless Service, and a PersistentVolumeClaim of their own that follows them.',
    ko: '정체성이 있는 Pod입니다. 고정된 이름(web-0, web-1…), 헤드리스 Service를 통한 안정적인 DNS 이름, 그리고 늘 따라다니는 자기만의 PersistentVolumeClaim을 가집니다.',
  },
  steps: [
    {
      id: 'ordered',
      text: {
        en: 'Create the docs\' `web` StatefulSet with 3 replicas. With `OrderedReady`, `web-1` is created only once `web-0` is Running and Ready, then `web-2`. Each gets its claim `www-web-N`.',
        ko: '문서의 `web` StatefulSet을 replicas 3으로 만드세요. `OrderedReady`이므로 `web-0`가 Running이고 Ready가 된 뒤에야 `web-1`이, 그다음 `web-2`가 생깁니다. 각각 `www-web-N` 클레임을 받습니다.',
      },
      manifest: WEB(3),
      commands: ['kubectl get pods -l app=nginx -w', 'kubectl get pvc'],
      check: (view) => sts(view)?.status?.readyReplicas === 3 && [0, 1, 2].every((i) => claim(view, `www-web-${i}`)?.status?.phase === 'Bound'),
      solution: [{ apply: WEB(3) }],
      settleSeconds: 300,
    },
    {
      id: 'identity',
      text: {
        en: 'Delete `web-1`. It comes back with the same name and reattaches the same claim `www-web-1`, so its data is still there. Its DNS name stays `web-1.nginx.default.svc.cluster.local`.',
        ko: '`web-1`을 삭제하세요. 같은 이름으로 다시 생기고 같은 클레임 `www-web-1`을 다시 붙이므로 데이터도 그대로입니다. DNS 이름도 `web-1.nginx.default.svc.cluster.local` 그대로입니다.',
      },
      commands: ['kubectl delete pod web-1', 'kubectl sim nslookup web-1.nginx.default.svc.cluster.local'],
      check: (view) => {
        const p = pod(view, 'web-1');
        // The original web-1 came before web-2; its replacement comes after.
        const created = Date.parse(p?.metadata?.creationTimestamp ?? '');
        const third = Date.parse(pod(view, 'web-2')?.metadata?.creationTimestamp ?? '');
        const volume = p?.spec?.volumes?.find((v) => v.name === 'www')?.persistentVolumeClaim?.claimName;
        return isRunningAndReady(p) && created > third && volume === 'www-web-1';
      },
      solution: [{ kubectl: 'delete pod web-1' }],
      settleSeconds: 300,
    },
    {
      id: 'scale-down',
      text: {
        en: 'Scale to 1. Pods go from the highest ordinal down, one at a time. Their claims stay (the default retention policy is Retain), ready for a scale-up.',
        ko: '1로 줄이세요. 가장 큰 번호부터 하나씩 사라집니다. 클레임은 남아 있어서(기본 보존 정책 Retain) 다시 늘리면 그대로 쓰입니다.',
      },
      commands: ['kubectl scale statefulset web --replicas=1'],
      check: (view) => sts(view)?.spec?.replicas === 1 && !pod(view, 'web-1') && !pod(view, 'web-2') && !!claim(view, 'www-web-2'),
      solution: [{ kubectl: 'scale statefulset web --replicas=1' }],
      settleSeconds: 300,
    },
  ],
};
