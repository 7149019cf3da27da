import { describe, expect, it } from 'vitest';
import type { StatefulSet } from 'kubernetes-types/apps/v1';
import type { Job } from 'kubernetes-types/batch/v1';
import type { Pod, Service } from 'kubernetes-types/core/v1';
import { jobCompletions, jobDuration, jobStatus, jobTone, ordinalSlots, podOrdinal, statefulPodDnsName } from './workloads';

function job(spec: Job['spec'], status: Job['status'] = {}, deleting = false): Job {
  return {
    metadata: { name: 'pi', namespace: 'default', ...(deleting ? { deletionTimestamp: '2026-01-01T09:01:00Z' } : {}) },
    spec: { template: {}, ...spec },
    status,
  };
}

const condition = (type: string, status = 'True') => ({ type, status });

describe('jobStatus (kubectl printJob STATUS)', () => {
  it('reads Complete, Failed, Suspended and the interim conditions in printJob order, Running otherwise', () => {
    expect(jobStatus(job({ template: {} }))).toBe('Running');
    expect(jobStatus(job({ template: {} }, { conditions: [condition('SuccessCriteriaMet'), condition('Complete')] }))).toBe('Complete');
    expect(jobStatus(job({ template: {} }, { conditions: [condition('FailureTarget'), condition('Failed')] }))).toBe('Failed');
    expect(jobStatus(job({ template: {} }, { conditions: [condition('FailureTarget')] }))).toBe('FailureTarget');
    expect(jobStatus(job({ template: {} }, { conditions: [condition('SuccessCriteriaMet')] }))).toBe('SuccessCriteriaMet');
    expect(jobStatus(job({ template: {} }, { conditions: [condition('Suspended')] }))).toBe('Suspended');
    expect(jobStatus(job({ template: {} }, { conditions: [condition('Suspended', 'False')] }))).toBe('Running');
    expect(jobStatus(job({ template: {} }, { conditions: [condition('Suspended')] }, true))).toBe('Terminating');
  });

  it('colours Complete as completed, Failed as failed, Running as in progress', () => {
    expect([jobTone('Complete'), jobTone('Failed'), jobTone('Running'), jobTone('Terminating')]).toEqual(['completed', 'failed', 'progress', 'terminating']);
  });
});

describe('jobCompletions (kubectl COMPLETIONS)', () => {
  it('is succeeded/completions, succeeded/1 for a work queue, and "of <parallelism>" when it runs wide', () => {
    expect(jobCompletions(job({ template: {}, completions: 5 }, { succeeded: 2 }))).toBe('2/5');
    expect(jobCompletions(job({ template: {} }))).toBe('0/1');
    expect(jobCompletions(job({ template: {}, parallelism: 4 }, { succeeded: 1 }))).toBe('1/1 of 4');
  });

  it('measures DURATION to completionTime, or to now while running', () => {
    const start = '2026-01-01T09:00:00Z';
    expect(jobDuration(job({ template: {} }), Date.parse(start))).toBe('');
    expect(jobDuration(job({ template: {} }, { startTime: start }), Date.parse('2026-01-01T09:00:42Z'))).toBe('42s');
    expect(jobDuration(job({ template: {} }, { startTime: start, completionTime: '2026-01-01T09:00:09Z' }), Date.parse('2026-01-01T10:00:00Z'))).toBe('9s');
  });
});

function statefulSet(replicas: number, start?: number): StatefulSet {
  return {
    metadata: { name: 'web', namespace: 'default' },
    spec: { replicas, serviceName: 'nginx', selector: {}, template: {}, ...(start !== undefined ? { ordinals: { start } } : {}) },
  };
}

function pod(name: string, phase: string, ready: boolean): Pod {
  return {
    metadata: { name, namespace: 'default' },
    spec: { containers: [{ name: 'nginx', image: 'nginx' }] },
    status: {
      phase,
      containerStatuses: [
        {
          name: 'nginx',
          image: 'nginx',
          imageID: '',
          ready,
          restartCount: 0,
          state: ready ? { running: { startedAt: '2026-01-01T09:00:00Z' } } : { waiting: { reason: 'ContainerCreating' } },
        },
      ],
    },
  };
}

describe('StatefulSet ordinals', () => {
  it('reads the ordinal from <sts>-<n> only', () => {
    expect(podOrdinal('web', 'web-0')).toBe(0);
    expect(podOrdinal('web', 'web-12')).toBe(12);
    expect(podOrdinal('web', 'web-01')).toBeUndefined();
    expect(podOrdinal('web', 'webapp-1')).toBeUndefined();
    expect(podOrdinal('web', 'web-0-x')).toBeUndefined();
  });

  it('has one slot per wanted ordinal with its pod status, and keeps condemned pods that still exist', () => {
    const slots = ordinalSlots(statefulSet(3), [pod('web-0', 'Running', true), pod('web-1', 'Pending', false), pod('web-4', 'Running', true)]);
    expect(slots.map((s) => [s.name, s.status, s.tone, s.condemned])).toEqual([
      ['web-0', 'Running', 'ready', false],
      ['web-1', 'ContainerCreating', 'progress', false],
      ['web-2', undefined, undefined, false],
      ['web-4', 'Running', 'ready', true],
    ]);
  });

  it('starts at spec.ordinals.start', () => {
    expect(ordinalSlots(statefulSet(2, 5), []).map((s) => s.name)).toEqual(['web-5', 'web-6']);
  });
});

describe('statefulPodDnsName', () => {
  const headless: Service = { metadata: { name: 'nginx', namespace: 'default' }, spec: { clusterIP: 'None' } };
  it('is <pod>.<serviceName>.<ns>.svc.cluster.local behind a headless Service', () => {
    expect(statefulPodDnsName(pod('web-0', 'Running', true), statefulSet(1), headless)).toBe('web-0.nginx.default.svc.cluster.local');
  });

  it('is undefined without the Service, or when the Service has a cluster IP', () => {
    expect(statefulPodDnsName(pod('web-0', 'Running', true), statefulSet(1), undefined)).toBeUndefined();
    expect(statefulPodDnsName(pod('web-0', 'Running', true), statefulSet(1), { ...headless, spec: { clusterIP: '10.96.0.12' } })).toBeUndefined();
  });
});
