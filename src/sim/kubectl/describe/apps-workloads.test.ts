import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../api/object';
import { at, fixture, podFixture } from '../fixtures';
import { runKubectl } from '..';

const template = { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'app', image: 'nginx:1.27' }] } };
const owned = (name: string, kind: string, uid: string, phase: string) =>
  podFixture(name, { metadata: { ownerReferences: [{ apiVersion: 'apps/v1', kind, name: 'web', uid, controller: true }] }, status: { phase } });
const event = (name: string, kind: string, uid: string, reason: string, message: string, seconds: number): KubeObject => ({
  apiVersion: 'v1',
  kind: 'Event',
  metadata: { name, namespace: 'default' },
  involvedObject: { apiVersion: 'apps/v1', kind, name: 'web', namespace: 'default', uid },
  type: 'Normal',
  count: 1,
  reason,
  message,
  source: { component: `${kind.toLowerCase()}-controller` },
  firstTimestamp: at(seconds),
  lastTimestamp: at(seconds),
});

const statefulSet: KubeObject = {
  apiVersion: 'apps/v1',
  kind: 'StatefulSet',
  metadata: { name: 'web', namespace: 'default', uid: 'uid-sts', creationTimestamp: at(0) },
  spec: {
    replicas: 2,
    serviceName: 'nginx',
    selector: { matchLabels: { app: 'web' } },
    template,
    updateStrategy: { type: 'RollingUpdate', rollingUpdate: { partition: 1 } },
    volumeClaimTemplates: [{ metadata: { name: 'www', labels: { tier: 'data' } }, spec: { accessModes: ['ReadWriteOnce'], storageClassName: 'standard', resources: { requests: { storage: '1Gi' } } } }],
  },
  status: { replicas: 2 },
};

const daemonSet: KubeObject = {
  apiVersion: 'apps/v1',
  kind: 'DaemonSet',
  metadata: { name: 'web', namespace: 'default', uid: 'uid-ds', creationTimestamp: at(0), annotations: { 'deprecated.daemonset.template.generation': '1' } },
  spec: { selector: { matchLabels: { app: 'web' } }, template: { ...template, spec: { ...template.spec, nodeSelector: { disk: 'ssd' } } }, updateStrategy: { type: 'RollingUpdate' } },
  status: { desiredNumberScheduled: 3, currentNumberScheduled: 2, numberReady: 1, updatedNumberScheduled: 2, numberAvailable: 1, numberMisscheduled: 0 },
};

describe('kubectl describe statefulset (describeStatefulSet)', () => {
  it('shows replicas, the strategy with its partition, the pod template and the claim templates', () => {
    const f = fixture([statefulSet, owned('web-0', 'StatefulSet', 'uid-sts', 'Running'), owned('web-1', 'StatefulSet', 'uid-sts', 'Pending'), event('e1', 'StatefulSet', 'uid-sts', 'SuccessfulCreate', 'create Pod web-0 in StatefulSet web successful', 5)], 65);
    expect(runKubectl(f.ctx, 'describe sts web').stdout).toBe(`Name:               web
Namespace:          default
CreationTimestamp:  Thu, 01 Jan 2026 09:00:00 +0000
Selector:           app=web
Labels:             <none>
Annotations:        <none>
Replicas:           2 desired | 2 total
Update Strategy:    RollingUpdate
  Partition:        1
Pods Status:        1 Running / 1 Waiting / 0 Succeeded / 0 Failed
Pod Template:
  Labels:  app=web
  Containers:
   app:
    Image:         nginx:1.27
    Port:          <none>
    Host Port:     <none>
    Environment:   <none>
    Mounts:        <none>
  Volumes:         <none>
  Node-Selectors:  <none>
  Tolerations:     <none>
Volume Claims:
  Name:          www
  StorageClass:  standard
  Labels:        tier=data
  Annotations:   <none>
  Capacity:      1Gi
  Access Modes:  [ReadWriteOnce]
Events:
  Type    Reason            Age   From                    Message
  ----    ------            ----  ----                    -------
  Normal  SuccessfulCreate  60s   statefulset-controller  create Pod web-0 in StatefulSet web successful
`);
  });
});

describe('kubectl describe daemonset (describeDaemonSet)', () => {
  it('shows the node selector and the five node counts, which stay out of the alignment', () => {
    const f = fixture([daemonSet, owned('web-a', 'DaemonSet', 'uid-ds', 'Running'), owned('web-b', 'DaemonSet', 'uid-ds', 'Pending')], 65);
    expect(runKubectl(f.ctx, 'describe ds web').stdout).toBe(`Name:           web
Namespace:      default
Selector:       app=web
Node-Selector:  disk=ssd
Labels:         <none>
Annotations:    deprecated.daemonset.template.generation: 1
Desired Number of Nodes Scheduled: 3
Current Number of Nodes Scheduled: 2
Number of Nodes Scheduled with Up-to-date Pods: 2
Number of Nodes Scheduled with Available Pods: 1
Number of Nodes Misscheduled: 0
Pods Status:  1 Running / 1 Waiting / 0 Succeeded / 0 Failed
Pod Template:
  Labels:  app=web
  Containers:
   app:
    Image:         nginx:1.27
    Port:          <none>
    Host Port:     <none>
    Environment:   <none>
    Mounts:        <none>
  Volumes:         <none>
  Node-Selectors:  disk=ssd
  Tolerations:     <none>
Events:            <none>
`);
  });
});
