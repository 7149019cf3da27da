import { describe, expect, it } from 'vitest';
import type { ContainerStatus, Pod } from '../../api/types';
import { at, podFixture } from '../fixtures';
import { podPrinter, podSummary } from './pods';
import { renderTable } from './table';
import { TABLE_TABWRITER, tabify } from '../tabwriter';

const NOW = 100_000;

function container(state: ContainerStatus['state'], extra: Partial<ContainerStatus> = {}): ContainerStatus {
  return { name: 'app', image: 'nginx:1.27', imageID: '', ready: false, restartCount: 0, state, ...extra };
}

function status(pod: Pod['status'], changes: Parameters<typeof podFixture>[1] = {}): string {
  return podSummary(podFixture('p', { ...changes, status: pod }) as Pod, NOW).status;
}

describe('podSummary STATUS (printPod, k8s-semantics §4.10)', () => {
  it('shows the phase of an unscheduled pod', () => {
    expect(status({ phase: 'Pending' })).toBe('Pending');
  });

  it('shows the waiting reason while a container is created', () => {
    expect(status({ phase: 'Pending', containerStatuses: [container({ waiting: { reason: 'ContainerCreating' } })] })).toBe('ContainerCreating');
  });

  it('shows image pull failures', () => {
    expect(status({ phase: 'Pending', containerStatuses: [container({ waiting: { reason: 'ErrImagePull' } })] })).toBe('ErrImagePull');
    expect(status({ phase: 'Pending', containerStatuses: [container({ waiting: { reason: 'ImagePullBackOff' } })] })).toBe('ImagePullBackOff');
  });

  it('shows Running for a ready running container', () => {
    expect(status({ phase: 'Running', containerStatuses: [container({ running: { startedAt: at(5) } }, { ready: true })] })).toBe('Running');
  });

  it('shows a terminated reason, or the exit code or signal when there is none', () => {
    expect(status({ phase: 'Running', containerStatuses: [container({ terminated: { exitCode: 1, reason: 'Error' } })] })).toBe('Error');
    expect(status({ phase: 'Running', containerStatuses: [container({ terminated: { exitCode: 137, reason: 'OOMKilled' } })] })).toBe('OOMKilled');
    expect(status({ phase: 'Running', containerStatuses: [container({ terminated: { exitCode: 3 } })] })).toBe('ExitCode:3');
    expect(status({ phase: 'Running', containerStatuses: [container({ terminated: { exitCode: 0, signal: 9 } })] })).toBe('Signal:9');
  });

  it('lets the first container win when several are abnormal', () => {
    const statuses = [
      container({ waiting: { reason: 'CrashLoopBackOff' } }, { name: 'first' }),
      container({ waiting: { reason: 'ImagePullBackOff' } }, { name: 'second' }),
    ];
    expect(status({ phase: 'Running', containerStatuses: statuses }, { spec: { containers: [{ name: 'first' }, { name: 'second' }] } })).toBe('CrashLoopBackOff');
  });

  it('shows Completed, but Running or NotReady while another container still runs', () => {
    const done = container({ terminated: { exitCode: 0, reason: 'Completed' } }, { name: 'job' });
    const running = container({ running: {} }, { name: 'sidecar', ready: true });
    expect(status({ phase: 'Succeeded', containerStatuses: [done] })).toBe('Completed');
    expect(status({ phase: 'Running', containerStatuses: [done, running], conditions: [{ type: 'Ready', status: 'True' }] })).toBe('Running');
    expect(status({ phase: 'Running', containerStatuses: [done, running] })).toBe('NotReady');
  });

  it('shows init container progress and failures', () => {
    const spec = { initContainers: [{ name: 'init-1' }, { name: 'init-2' }] };
    const done = container({ terminated: { exitCode: 0, reason: 'Completed' } }, { name: 'init-1' });
    expect(status({ phase: 'Pending', initContainerStatuses: [done, container({ running: {} }, { name: 'init-2' })] }, { spec })).toBe('Init:1/2');
    expect(status({ phase: 'Pending', initContainerStatuses: [container({ terminated: { exitCode: 1, reason: 'Error' } }, { name: 'init-1' })] }, { spec })).toBe('Init:Error');
    expect(status({ phase: 'Pending', initContainerStatuses: [container({ terminated: { exitCode: 2 } }, { name: 'init-1' })] }, { spec })).toBe('Init:ExitCode:2');
    expect(status({ phase: 'Pending', initContainerStatuses: [container({ waiting: { reason: 'CrashLoopBackOff' } }, { name: 'init-1' })] }, { spec })).toBe('Init:CrashLoopBackOff');
    expect(status({ phase: 'Pending', initContainerStatuses: [container({ waiting: { reason: 'PodInitializing' } }, { name: 'init-1' })] }, { spec })).toBe('Init:0/2');
  });

  it('uses the pod reason over the phase (Evicted) and SchedulingGated over both', () => {
    expect(status({ phase: 'Failed', reason: 'Evicted' })).toBe('Evicted');
    expect(status({ phase: 'Pending', conditions: [{ type: 'PodScheduled', status: 'False', reason: 'SchedulingGated' }] })).toBe('SchedulingGated');
  });

  it('shows Terminating for a deleted pod, Unknown on a lost node, and the phase once it finished', () => {
    const deleting = { metadata: { deletionTimestamp: at(130) } };
    expect(status({ phase: 'Running', containerStatuses: [container({ running: {} }, { ready: true })] }, deleting)).toBe('Terminating');
    expect(status({ phase: 'Running', reason: 'NodeLost' }, deleting)).toBe('Unknown');
    expect(status({ phase: 'Succeeded', containerStatuses: [container({ terminated: { exitCode: 0, reason: 'Completed' } })] }, deleting)).toBe('Completed');
  });
});

describe('podSummary READY and RESTARTS', () => {
  it('counts ready running containers, and restartable init containers in the total', () => {
    const pod = podFixture('p', {
      spec: { initContainers: [{ name: 'proxy', restartPolicy: 'Always' }], containers: [{ name: 'a' }, { name: 'b' }] },
      status: {
        phase: 'Running',
        conditions: [{ type: 'Initialized', status: 'True' }],
        initContainerStatuses: [container({ running: {} }, { name: 'proxy', ready: true, started: true })],
        containerStatuses: [container({ running: {} }, { name: 'a', ready: true }), container({ running: {} }, { name: 'b' })],
      },
    }) as Pod;
    expect(podSummary(pod, NOW).ready).toBe('2/3');
  });

  it('shows restarts with the age of the last termination', () => {
    const pod = podFixture('p', {
      status: {
        phase: 'Running',
        containerStatuses: [container({ waiting: { reason: 'CrashLoopBackOff' } }, { restartCount: 4, lastState: { terminated: { exitCode: 1, reason: 'Error', finishedAt: at(65) } } })],
      },
    }) as Pod;
    expect(podSummary(pod, NOW)).toEqual({ ready: '0/1', status: 'CrashLoopBackOff', restarts: '4 (35s ago)' });
  });

  it('shows a bare count when no termination time is known', () => {
    const pod = podFixture('p', { status: { phase: 'Running', containerStatuses: [container({ running: {} }, { restartCount: 2, ready: true })] } }) as Pod;
    expect(podSummary(pod, NOW).restarts).toBe('2');
  });
});

describe('podPrinter', () => {
  const pods = [
    podFixture('web-7c5ddbdf54-x2x8v', {
      spec: { nodeName: 'node-1' },
      status: { phase: 'Running', podIPs: [{ ip: '10.244.1.2' }], containerStatuses: [container({ running: {} }, { ready: true })] },
    }),
    podFixture('web-7c5ddbdf54-zz9kq', { metadata: { creationTimestamp: at(95) }, status: { phase: 'Pending', containerStatuses: [container({ waiting: { reason: 'ContainerCreating' } })] } }),
  ];

  it('prints NAME READY STATUS RESTARTS AGE', () => {
    const text = renderTable(podPrinter, pods, { now: NOW, wide: false, withNamespace: false, showLabels: false });
    expect(tabify(text, TABLE_TABWRITER)).toBe(`NAME                   READY   STATUS              RESTARTS   AGE
web-7c5ddbdf54-x2x8v   1/1     Running             0          100s
web-7c5ddbdf54-zz9kq   0/1     ContainerCreating   0          5s
`);
  });

  it('adds IP, NODE, NOMINATED NODE and READINESS GATES with -o wide', () => {
    const text = renderTable(podPrinter, pods, { now: NOW, wide: true, withNamespace: false, showLabels: false });
    expect(tabify(text, TABLE_TABWRITER)).toBe(`NAME                   READY   STATUS              RESTARTS   AGE    IP           NODE     NOMINATED NODE   READINESS GATES
web-7c5ddbdf54-x2x8v   1/1     Running             0          100s   10.244.1.2   node-1   <none>           <none>
web-7c5ddbdf54-zz9kq   0/1     ContainerCreating   0          5s     <none>       <none>   <none>           <none>
`);
  });

  it('adds NAMESPACE first and LABELS last, and prefixes names with the kind', () => {
    const text = renderTable(podPrinter, pods.slice(0, 1), { now: NOW, wide: false, withNamespace: true, showLabels: true, kindPrefix: 'pod' });
    expect(tabify(text, TABLE_TABWRITER)).toBe(`NAMESPACE   NAME                       READY   STATUS    RESTARTS   AGE    LABELS
default     pod/web-7c5ddbdf54-x2x8v   1/1     Running   0          100s   app=web
`);
  });
});
