import type { PersistentVolume, PersistentVolumeClaim } from 'kubernetes-types/core/v1';
import { isRunningAndReady, pod } from '../checks';
import type { Lesson, LessonView } from '../types';

const STATIC = `apiVersion: v1
kind: PersistentVolume
metadata:
  name: pv-small
spec:
  capacity:
    storage: 1Gi
  accessModes: ["ReadWriteOnce"]
  storageClassName: manual
  hostPath:
    path: /tmp/pv-small
---
apiVersion: v1
kind: PersistentVolume
metadata:
  name: pv-large
spec:
  capacity:
    storage: 10Gi
  accessModes: ["ReadWriteOnce"]
  storageClassName: manual
  hostPath:
    path: /tmp/pv-large
---
apiVersion: v1
kind: PersistentVolumeClaim
metadata:
  name: data
spec:
  storageClassName: manual
  accessModes: ["ReadWriteOnce"]
  resources:
    requests:
      storage: 500Mi
`;

const DYNAMIC = `apiVersion: v1
kind: PersistentVolumeClaim
metadata:
  name: cache
spec:
  accessModes: ["ReadWriteOnce"]
  resources:
    requests:
      storage: 2Gi
`;

const CONSUMER = `apiVersion: v1
kind: Pod
metadata:
  name: app
spec:
  containers:
  - name: app
    image: nginx:1.27
    volumeMounts:
    - name: cache
      mountPath: /cache
  volumes:
  - name: cache
    persistentVolumeClaim:
      claimName: cache
`;

const claim = (view: LessonView, name: string) => view.get('PersistentVolumeClaim', name, 'default') as PersistentVolumeClaim | undefined;

export const storageLesson: Lesson = {
  id: 'storage',
  title: { en: 'PV, PVC and StorageClass', ko: 'PV, PVC, StorageClass' },
  summary: {
    en: 'A PersistentVolumeClaim asks for storage; the PV controller binds it to a PersistentVolume, one made by an admin (static) or by a StorageClass provisioner (dynamic).',
    ko: 'PersistentVolumeClaim은 저장 공간을 요청하고, PV 컨트롤러가 그것을 PersistentVolume에 바인딩합니다. PV는 관리자가 미리 만들거나(정적) StorageClass의 프로비저너가 만듭니다(동적).',
  },
  steps: [
    {
      id: 'static',
      text: {
        en: 'Create two PVs (1Gi and 10Gi, class `manual`) and a claim for 500Mi. The binder picks the **smallest** Available PV that fits: `pv-small`. The claim then shows the PV\'s capacity, 1Gi.',
        ko: 'PV 두 개(1Gi, 10Gi, 클래스 `manual`)와 500Mi를 요청하는 클레임을 만드세요. 바인더는 조건에 맞는 Available PV 중 **가장 작은** `pv-small`을 고릅니다. 클레임에는 PV의 용량 1Gi가 보입니다.',
      },
      manifest: STATIC,
      commands: ['kubectl get pv', 'kubectl get pvc data'],
      check: (view) => claim(view, 'data')?.status?.phase === 'Bound' && claim(view, 'data')?.spec?.volumeName === 'pv-small' && claim(view, 'data')?.status?.capacity?.storage === '1Gi',
      solution: [{ apply: STATIC }],
    },
    {
      id: 'dynamic',
      text: {
        en: 'Create a claim with no class. The DefaultStorageClass admission plugin gives it `standard`, whose binding mode is `WaitForFirstConsumer`: it stays `Pending` until a Pod that uses it is scheduled.',
        ko: '클래스 없이 클레임을 만드세요. DefaultStorageClass 어드미션 플러그인이 `standard`를 넣는데, 바인딩 모드가 `WaitForFirstConsumer`라서 이 클레임을 쓰는 Pod가 스케줄될 때까지 `Pending`으로 남습니다.',
      },
      manifest: DYNAMIC,
      commands: ['kubectl describe pvc cache'],
      check: (view) => claim(view, 'cache')?.spec?.storageClassName === 'standard' && claim(view, 'cache')?.status?.phase === 'Pending',
      solution: [{ apply: DYNAMIC }],
      settleSeconds: 5,
    },
    {
      id: 'consume',
      text: {
        en: 'Start a Pod that mounts it. The scheduler picks a node, the provisioner creates `pvc-<claim uid>` there, the claim binds, and only then does the Pod start.',
        ko: '그 클레임을 마운트하는 Pod를 시작하세요. 스케줄러가 노드를 고르면 프로비저너가 그 노드에 `pvc-<클레임 uid>`를 만들고, 클레임이 바인딩된 다음에야 Pod가 시작됩니다.',
      },
      manifest: CONSUMER,
      check: (view) => {
        const pvc = claim(view, 'cache');
        const pv = view.get('PersistentVolume', pvc?.spec?.volumeName ?? '') as PersistentVolume | undefined;
        return pvc?.status?.phase === 'Bound' && pv?.metadata?.name === `pvc-${pvc.metadata?.uid}` && isRunningAndReady(pod(view, 'app'));
      },
      solution: [{ apply: CONSUMER }],
    },
  ],
};
