import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../api/object';
import { at } from '../fixtures';
import { TABLE_TABWRITER, tabify } from '../tabwriter';
import { deploymentPrinter } from './deployments';
import { eventPrinter } from './events';
import { genericPrinter } from './generic';
import { namespacePrinter } from './namespaces';
import { nodePrinter } from './nodes';
import { replicaSetPrinter } from './replicasets';
import { renderTable, type TablePrinter } from './table';

const NOW = 30_000;

function table(printer: TablePrinter, objects: KubeObject[], wide = false): string {
  return tabify(renderTable(printer, objects, { now: NOW, wide, withNamespace: false, showLabels: false }), TABLE_TABWRITER);
}

const template = { metadata: { labels: { app: 'nginx' } }, spec: { containers: [{ name: 'nginx', image: 'nginx:1.14.2' }, { name: 'log', image: 'busybox' }] } };

const deployment: KubeObject = {
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'nginx-deployment', namespace: 'default', creationTimestamp: at(0) },
  spec: { replicas: 3, selector: { matchLabels: { app: 'nginx' }, matchExpressions: [{ key: 'tier', operator: 'In', values: ['web', 'front'] }] }, template },
  status: { replicas: 3, updatedReplicas: 3, readyReplicas: 2, availableReplicas: 2 },
};

describe('deploymentPrinter (k8s-semantics §1.13)', () => {
  it('prints READY as ready/desired, then UP-TO-DATE and AVAILABLE', () => {
    expect(table(deploymentPrinter, [deployment])).toBe(`NAME               READY   UP-TO-DATE   AVAILABLE   AGE
nginx-deployment   2/3     3            2           30s
`);
  });

  it('adds CONTAINERS, IMAGES and the selector sorted by key with -o wide', () => {
    expect(table(deploymentPrinter, [deployment], true)).toBe(`NAME               READY   UP-TO-DATE   AVAILABLE   AGE   CONTAINERS   IMAGES                 SELECTOR
nginx-deployment   2/3     3            2           30s   nginx,log    nginx:1.14.2,busybox   app=nginx,tier in (front,web)
`);
  });

  it('prints zeros for a Deployment the controller has not seen yet', () => {
    const fresh = { ...deployment, status: undefined };
    expect(table(deploymentPrinter, [fresh])).toBe(`NAME               READY   UP-TO-DATE   AVAILABLE   AGE
nginx-deployment   0/3     0            0           30s
`);
  });
});

describe('replicaSetPrinter (k8s-semantics §2.2)', () => {
  const rs: KubeObject = {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: { name: 'nginx-deployment-66b6c48dd5', namespace: 'default', creationTimestamp: at(0) },
    spec: { replicas: 3, selector: { matchLabels: { app: 'nginx', 'pod-template-hash': '66b6c48dd5' } }, template },
    status: { replicas: 3, readyReplicas: 1 },
  };

  it('prints DESIRED, CURRENT and READY', () => {
    expect(table(replicaSetPrinter, [rs])).toBe(`NAME                          DESIRED   CURRENT   READY   AGE
nginx-deployment-66b6c48dd5   3         3         1       30s
`);
  });

  it('prints the selector, or <none> for an empty one, with -o wide', () => {
    const empty = { ...rs, spec: { ...(rs.spec as object), selector: {} } };
    expect(table(replicaSetPrinter, [rs, empty], true)).toBe(`NAME                          DESIRED   CURRENT   READY   AGE   CONTAINERS   IMAGES                 SELECTOR
nginx-deployment-66b6c48dd5   3         3         1       30s   nginx,log    nginx:1.14.2,busybox   app=nginx,pod-template-hash=66b6c48dd5
nginx-deployment-66b6c48dd5   3         3         1       30s   nginx,log    nginx:1.14.2,busybox   <none>
`);
  });
});

describe('nodePrinter (k8s-semantics §5.3)', () => {
  const node = (name: string, ready: string | undefined, extra: { unschedulable?: boolean; labels?: Record<string, string> } = {}): KubeObject => ({
    apiVersion: 'v1',
    kind: 'Node',
    metadata: { name, creationTimestamp: at(0), labels: extra.labels },
    spec: { unschedulable: extra.unschedulable },
    status: {
      conditions: ready ? [{ type: 'MemoryPressure', status: 'False' }, { type: 'Ready', status: ready }] : [],
      addresses: [{ type: 'InternalIP', address: '172.18.0.2' }, { type: 'Hostname', address: name }],
      nodeInfo: { kubeletVersion: 'v1.32.2', osImage: 'Debian GNU/Linux 12 (bookworm)', kernelVersion: '6.8.0-49-generic', containerRuntimeVersion: 'containerd://1.7.24' },
    },
  });

  it('derives STATUS from the Ready condition and ROLES from node-role labels', () => {
    const nodes = [
      node('control-plane', 'True', { labels: { 'node-role.kubernetes.io/control-plane': '' } }),
      node('node-1', 'False'),
      node('node-2', 'Unknown', { unschedulable: true }),
      node('node-3', undefined, { labels: { 'kubernetes.io/role': 'worker', 'node-role.kubernetes.io/infra': '' } }),
    ];
    expect(table(nodePrinter, nodes)).toBe(`NAME            STATUS                        ROLES           AGE   VERSION
control-plane   Ready                         control-plane   30s   v1.32.2
node-1          NotReady                      <none>          30s   v1.32.2
node-2          NotReady,SchedulingDisabled   <none>          30s   v1.32.2
node-3          Unknown                       infra,worker    30s   v1.32.2
`);
  });

  it('adds addresses and system info with -o wide', () => {
    expect(table(nodePrinter, [node('node-1', 'True')], true)).toBe(`NAME     STATUS   ROLES    AGE   VERSION   INTERNAL-IP   EXTERNAL-IP   OS-IMAGE                         KERNEL-VERSION     CONTAINER-RUNTIME
node-1   Ready    <none>   30s   v1.32.2   172.18.0.2    <none>        Debian GNU/Linux 12 (bookworm)   6.8.0-49-generic   containerd://1.7.24
`);
  });
});

describe('namespacePrinter', () => {
  it('prints NAME STATUS AGE', () => {
    const ns: KubeObject = { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'kube-system', creationTimestamp: at(0) }, status: { phase: 'Active' } };
    expect(table(namespacePrinter, [ns])).toBe(`NAME          STATUS   AGE
kube-system   Active   30s
`);
  });
});

describe('eventPrinter', () => {
  const event = (name: string, extra: Record<string, unknown>): KubeObject => ({
    apiVersion: 'v1',
    kind: 'Event',
    metadata: { name, namespace: 'default' },
    involvedObject: { kind: 'Pod', name: 'web-1', namespace: 'default' },
    type: 'Normal',
    reason: 'Scheduled',
    message: 'Successfully assigned default/web-1 to node-1',
    source: { component: 'default-scheduler' },
    firstTimestamp: at(10),
    lastTimestamp: at(10),
    count: 1,
    ...extra,
  });

  it('prints LAST SEEN, TYPE, REASON, OBJECT and MESSAGE', () => {
    const pulled = event('web-1.2', { reason: 'BackOff', type: 'Warning', message: 'Back-off pulling image "nginx:nope"\n', source: { component: 'kubelet', host: 'node-1' }, lastTimestamp: at(25), count: 3 });
    expect(table(eventPrinter, [event('web-1.1', {}), pulled])).toBe(`LAST SEEN   TYPE      REASON      OBJECT      MESSAGE
20s         Normal    Scheduled   pod/web-1   Successfully assigned default/web-1 to node-1
5s          Warning   BackOff     pod/web-1   Back-off pulling image "nginx:nope"
`);
  });

  it('adds SUBOBJECT, SOURCE, FIRST SEEN, COUNT and NAME with -o wide', () => {
    const pulled = event('web-1.2', { source: { component: 'kubelet', host: 'node-1' }, lastTimestamp: at(25), count: 3 });
    expect(table(eventPrinter, [pulled], true)).toBe(`LAST SEEN   TYPE     REASON      OBJECT      SUBOBJECT   SOURCE            MESSAGE                                         FIRST SEEN   COUNT   NAME
5s          Normal   Scheduled   pod/web-1               kubelet, node-1   Successfully assigned default/web-1 to node-1   20s          3       web-1.2
`);
  });
});

describe('genericPrinter', () => {
  it('prints NAME and AGE for kinds without their own columns', () => {
    const lease: KubeObject = { apiVersion: 'coordination.k8s.io/v1', kind: 'Lease', metadata: { name: 'node-1', creationTimestamp: at(0) } };
    expect(table(genericPrinter('Lease'), [lease])).toBe(`NAME     AGE
node-1   30s
`);
  });
});
