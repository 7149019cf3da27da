import type { Pod } from 'kubernetes-types/core/v1';
import { isRunningAndReady, pod } from '../checks';
import type { Lesson } from '../types';

const APP = `apiVersion: v1
kind: Pod
metadata:
  name: app
spec:
  containers:
  - name: app
    image: busybox:1.36
    command: ["sh", "-c", "sleep 3600"]
    env:
    - name: GREETING
      valueFrom:
        configMapKeyRef:
          name: app-config
          key: greeting
    - name: DB_PASSWORD
      valueFrom:
        secretKeyRef:
          name: app-secret
          key: password
`;

const CONFIG = `apiVersion: v1
kind: ConfigMap
metadata:
  name: app-config
data:
  greeting: hello
  app.properties: |
    color=blue
    mode=demo
`;

const SECRET = `apiVersion: v1
kind: Secret
metadata:
  name: app-secret
type: Opaque
stringData:
  password: s3cr3t
`;

const waiting = (p: Pod | undefined) => p?.status?.containerStatuses?.[0]?.state?.waiting?.reason;

export const configLesson: Lesson = {
  id: 'config',
  title: { en: 'ConfigMap and Secret', ko: 'ConfigMap과 Secret' },
  summary: {
    en: 'Keep configuration out of the image: a ConfigMap holds plain settings, a Secret holds sensitive ones. Pods read both as environment variables or as files.',
    ko: '설정은 이미지 밖에 둡니다. ConfigMap은 일반 설정을, Secret은 민감한 값을 담고, Pod는 둘 다 환경 변수나 파일로 읽습니다.',
  },
  steps: [
    {
      id: 'missing',
      text: {
        en: 'Start a Pod that reads a ConfigMap and a Secret that do not exist yet. The kubelet cannot build its environment: the container waits in `CreateContainerConfigError`, and the events say which object is missing.',
        ko: '아직 없는 ConfigMap과 Secret을 읽는 Pod를 시작하세요. kubelet이 환경 변수를 만들 수 없어 컨테이너가 `CreateContainerConfigError`로 기다리고, 이벤트가 무엇이 없는지 알려 줍니다.',
      },
      manifest: APP,
      commands: ['kubectl describe pod app'],
      check: (view) => waiting(pod(view, 'app')) === 'CreateContainerConfigError',
      solution: [{ apply: APP }],
    },
    {
      id: 'provide',
      text: {
        en: 'Create the ConfigMap and the Secret. `stringData` is a convenience: the API server stores it base64-encoded in `data`. Base64 is an encoding, not encryption — anyone who can read the Secret can decode it. The kubelet retries and the Pod starts.',
        ko: 'ConfigMap과 Secret을 만드세요. `stringData`는 편의 기능이라 API 서버가 base64로 인코딩해 `data`에 저장합니다. base64는 인코딩일 뿐 암호화가 아닙니다. Secret을 읽을 수 있는 사람은 누구나 디코딩할 수 있습니다. kubelet이 다시 시도하고 Pod가 시작됩니다.',
      },
      manifest: `${CONFIG}---\n${SECRET}`,
      commands: ['kubectl get secret app-secret -o yaml', 'kubectl exec app -- env'],
      check: (view) => isRunningAndReady(pod(view, 'app')) && !!view.get('Secret', 'app-secret', 'default'),
      solution: [{ apply: `${CONFIG}---\n${SECRET}` }],
    },
  ],
};
