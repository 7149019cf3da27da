import type { DaemonSet } from 'kubernetes-types/apps/v1';
import type { Pod } from 'kubernetes-types/core/v1';
import type { Lesson, LessonView } from '../types';

const AGENT = `apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: log-agent
spec:
  selector:
    matchLabels:
      app: log-agent
  template:
    metadata:
      labels:
        app: log-agent
    spec:
      containers:
      - name: agent
        image: fluent/fluent-bit:3.1
`;

const ds = (view: LessonView) => view.get('DaemonSet', 'log-agent', 'default') as DaemonSet | undefined;
const agentNodes = (view: LessonView) =>
  (view.list('Pod', 'default') as Pod[])
    .filter((p) => p.metadata?.labels?.app === 'log-agent' && p.status?.phase === 'Running' && !p.metadata.deletionTimestamp)
    .map((p) => p.spec?.nodeName)
    .sort();

export const daemonSetLesson: Lesson = {
  id: 'daemonset',
  title: { en: 'DaemonSet', ko: 'DaemonSet' },
  summary: {
    en: 'One Pod on every eligible node — log collectors, node agents, kube-proxy itself. Nodes that join get one; nodes that leave lose theirs.',
    ko: '조건에 맞는 모든 노드에 Pod 하나씩 — 로그 수집기, 노드 에이전트, kube-proxy 자신도 그렇습니다. 새 노드에는 생기고, 떠난 노드에서는 사라집니다.',
  },
  steps: [
    {
      id: 'everywhere',
      text: {
        en: 'Create a log agent DaemonSet. The control-plane node is tainted and the agent has no toleration for it, so it runs on the 3 workers only.',
        ko: '로그 에이전트 DaemonSet을 만드세요. 컨트롤 플레인 노드에는 taint가 있고 에이전트에는 그 toleration이 없으니 워커 3대에서만 실행됩니다.',
      },
      manifest: AGENT,
      commands: ['kubectl get ds log-agent', 'kubectl get pods -l app=log-agent -o wide'],
      check: (view) => ds(view)?.status?.numberReady === 3 && agentNodes(view).join() === 'node-1,node-2,node-3',
      solution: [{ apply: AGENT }],
    },
    {
      id: 'new-node',
      text: {
        en: 'Add a node (`kubectl sim add-node node-4`). The DaemonSet controller sees a node without its Pod and creates one there.',
        ko: '노드를 추가하세요(`kubectl sim add-node node-4`). DaemonSet 컨트롤러가 Pod 없는 노드를 보고 거기에 하나를 만듭니다.',
      },
      commands: ['kubectl sim add-node node-4'],
      check: (view) => ds(view)?.status?.desiredNumberScheduled === 4 && ds(view)?.status?.numberReady === 4,
      solution: [{ kubectl: 'sim add-node node-4' }],
    },
  ],
};
