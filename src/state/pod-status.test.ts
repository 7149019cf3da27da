import { describe, expect, it } from 'vitest';
import type { ContainerStatus, Pod, PodStatus } from 'kubernetes-types/core/v1';
import { podStatus } from './pod-status';

const NOW = Date.parse('2025-01-01T00:10:00Z');

function makePod(status: PodStatus, extra: { containers?: string[]; init?: { name: string; sidecar?: boolean }[]; deleting?: boolean } = {}): Pod {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name: 'web-1',
      namespace: 'default',
      ...(extra.deleting ? { deletionTimestamp: '2025-01-01T00:09:50Z' } : {}),
    },
    spec: {
      containers: (extra.containers ?? ['app']).map((name) => ({ name, image: 'nginx:1.14.2' })),
      initContainers: extra.init?.map(({ name, sidecar }) => ({
        name,
        image: 'busybox',
        ...(sidecar ? { restartPolicy: 'Always' } : {}),
      })),
    },
    status,
  };
}

function container(name: string, state: ContainerStatus['state'], more: Partial<ContainerStatus> = {}): ContainerStatus {
  return { name, image: 'nginx:1.14.2', imageID: '', ready: false, restartCount: 0, state, ...more };
}

const running = { running: { startedAt: '2025-01-01T00:00:05Z' } };

describe('podStatus (kubectl printPod)', () => {
  it('shows an unscheduled pod as Pending, 0/1, in the progress colour', () => {
    expect(podStatus(makePod({ phase: 'Pending' }), NOW)).toEqual({
      status: 'Pending',
      ready: '0/1',
      restarts: 0,
      restartsText: '0',
      tone: 'progress',
    });
  });

  it('shows the waiting reason while the image is pulled', () => {
    const pod = makePod({ phase: 'Pending', containerStatuses: [container('app', { waiting: { reason: 'ContainerCreating' } })] });
    expect(podStatus(pod, NOW)).toMatchObject({ status: 'ContainerCreating', ready: '0/1', tone: 'progress' });
  });

  it('is green only when Running and every container is ready', () => {
    const notReady = makePod({ phase: 'Running', containerStatuses: [container('app', running)] });
    expect(podStatus(notReady, NOW)).toMatchObject({ status: 'Running', ready: '0/1', tone: 'progress' });
    const ready = makePod({ phase: 'Running', containerStatuses: [container('app', running, { ready: true })] });
    expect(podStatus(ready, NOW)).toMatchObject({ status: 'Running', ready: '1/1', tone: 'ready' });
  });

  it('counts restarts and dates the most recent termination like "4 (35s ago)"', () => {
    const pod = makePod({
      phase: 'Running',
      containerStatuses: [
        container(
          'app',
          { waiting: { reason: 'CrashLoopBackOff' } },
          { restartCount: 4, lastState: { terminated: { exitCode: 1, reason: 'Error', finishedAt: '2025-01-01T00:09:25Z' } } },
        ),
      ],
    });
    expect(podStatus(pod, NOW)).toMatchObject({ status: 'CrashLoopBackOff', restarts: 4, restartsText: '4 (35s ago)', tone: 'failed' });
  });

  it("lets the first container's abnormal state win over later ones", () => {
    const pod = makePod(
      {
        phase: 'Running',
        containerStatuses: [
          container('app', { terminated: { exitCode: 137, reason: 'OOMKilled' } }),
          container('side', { waiting: { reason: 'ImagePullBackOff' } }),
        ],
      },
      { containers: ['app', 'side'] },
    );
    expect(podStatus(pod, NOW)).toMatchObject({ status: 'OOMKilled', ready: '0/2', tone: 'failed' });
  });

  it('prints ExitCode and Signal when a terminated container gives no reason', () => {
    const exit = makePod({ phase: 'Running', containerStatuses: [container('app', { terminated: { exitCode: 3 } })] });
    expect(podStatus(exit, NOW)).toMatchObject({ status: 'ExitCode:3', tone: 'failed' });
    const signal = makePod({ phase: 'Running', containerStatuses: [container('app', { terminated: { exitCode: 0, signal: 9 } })] });
    expect(podStatus(signal, NOW).status).toBe('Signal:9');
  });

  it('shows a finished Job pod as Completed in blue', () => {
    const pod = makePod({ phase: 'Succeeded', containerStatuses: [container('app', { terminated: { exitCode: 0, reason: 'Completed' } })] });
    expect(podStatus(pod, NOW)).toMatchObject({ status: 'Completed', ready: '0/1', tone: 'completed' });
  });

  it('turns Completed back into Running while another container still runs', () => {
    const status: PodStatus = {
      phase: 'Running',
      conditions: [{ type: 'Ready', status: 'True' }],
      containerStatuses: [
        container('app', running, { ready: true }),
        container('job', { terminated: { exitCode: 0, reason: 'Completed' } }),
      ],
    };
    expect(podStatus(makePod(status, { containers: ['app', 'job'] }), NOW).status).toBe('Running');
    const notReady = { ...status, conditions: [{ type: 'Ready', status: 'False' }] };
    expect(podStatus(makePod(notReady, { containers: ['app', 'job'] }), NOW).status).toBe('NotReady');
  });

  it('shows Terminating, struck through, once deletion has begun', () => {
    const pod = makePod({ phase: 'Running', containerStatuses: [container('app', running, { ready: true })] }, { deleting: true });
    expect(podStatus(pod, NOW)).toMatchObject({ status: 'Terminating', ready: '1/1', tone: 'terminating' });
  });

  it('keeps a terminal phase instead of Terminating, and Unknown for a lost node', () => {
    const done = makePod(
      { phase: 'Succeeded', containerStatuses: [container('app', { terminated: { exitCode: 0, reason: 'Completed' } })] },
      { deleting: true },
    );
    expect(podStatus(done, NOW).status).toBe('Completed');
    const lost = makePod({ phase: 'Running', reason: 'NodeLost' }, { deleting: true });
    expect(podStatus(lost, NOW)).toMatchObject({ status: 'Unknown', tone: 'failed' });
  });

  it('shows the pod-level reason such as Evicted', () => {
    expect(podStatus(makePod({ phase: 'Failed', reason: 'Evicted' }), NOW)).toMatchObject({ status: 'Evicted', tone: 'failed' });
  });

  it('shows SchedulingGated from the PodScheduled condition', () => {
    const pod = makePod({ phase: 'Pending', conditions: [{ type: 'PodScheduled', status: 'False', reason: 'SchedulingGated' }] });
    expect(podStatus(pod, NOW).status).toBe('SchedulingGated');
  });

  describe('init containers', () => {
    const init = [{ name: 'migrate' }, { name: 'warm' }];

    it('counts init progress as Init:<done>/<total>', () => {
      const pod = makePod(
        {
          phase: 'Pending',
          initContainerStatuses: [
            container('migrate', { terminated: { exitCode: 0, reason: 'Completed' } }),
            container('warm', running),
          ],
          containerStatuses: [container('app', { waiting: { reason: 'PodInitializing' } })],
        },
        { init },
      );
      expect(podStatus(pod, NOW)).toMatchObject({ status: 'Init:1/2', tone: 'progress' });
    });

    it('shows a failing init container as Init:Error, then Init:CrashLoopBackOff', () => {
      const error = makePod(
        { phase: 'Pending', initContainerStatuses: [container('migrate', { terminated: { exitCode: 1, reason: 'Error' } }, { restartCount: 1 })] },
        { init },
      );
      expect(podStatus(error, NOW)).toMatchObject({ status: 'Init:Error', restarts: 1, tone: 'failed' });
      const backoff = makePod(
        { phase: 'Pending', initContainerStatuses: [container('migrate', { waiting: { reason: 'CrashLoopBackOff' } })] },
        { init },
      );
      expect(podStatus(backoff, NOW)).toMatchObject({ status: 'Init:CrashLoopBackOff', tone: 'failed' });
      const exit = makePod({ phase: 'Pending', initContainerStatuses: [container('migrate', { terminated: { exitCode: 2 } })] }, { init });
      expect(podStatus(exit, NOW).status).toBe('Init:ExitCode:2');
    });

    it('treats PodInitializing on an init container as plain progress', () => {
      const pod = makePod(
        { phase: 'Pending', initContainerStatuses: [container('migrate', { waiting: { reason: 'PodInitializing' } })] },
        { init },
      );
      expect(podStatus(pod, NOW).status).toBe('Init:0/2');
    });

    it('counts a started sidecar toward READY and its restarts toward RESTARTS', () => {
      const pod = makePod(
        {
          phase: 'Running',
          conditions: [{ type: 'Initialized', status: 'True' }],
          initContainerStatuses: [container('proxy', running, { ready: true, started: true, restartCount: 2 })],
          containerStatuses: [container('app', running, { ready: true })],
        },
        { init: [{ name: 'proxy', sidecar: true }] },
      );
      expect(podStatus(pod, NOW)).toMatchObject({ status: 'Running', ready: '2/2', restarts: 2, restartsText: '2', tone: 'ready' });
    });
  });
});
