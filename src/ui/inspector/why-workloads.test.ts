import { describe, expect, it } from 'vitest';
import type { StatefulSet } from 'kubernetes-types/apps/v1';
import type { Job } from 'kubernetes-types/batch/v1';
import type { Event, PersistentVolume, PersistentVolumeClaim, Pod } from 'kubernetes-types/core/v1';
import type { WireObject } from '../../protocol/messages';
import { explain } from './why';

const wire = (obj: object) => obj as unknown as WireObject;

function failedPod(name: string): Pod {
  return {
    metadata: { name, namespace: 'default' },
    spec: { containers: [{ name: 'pi', image: 'perl' }], restartPolicy: 'Never' },
    status: {
      phase: 'Failed',
      containerStatuses: [{ name: 'pi', image: 'perl', imageID: '', ready: false, restartCount: 0, state: { terminated: { exitCode: 1, reason: 'Error' } } }],
    },
  };
}

function job(status: Job['status'], spec: Partial<NonNullable<Job['spec']>> = {}): WireObject {
  return wire({ apiVersion: 'batch/v1', kind: 'Job', metadata: { name: 'pi', namespace: 'default' }, spec: { template: {}, ...spec }, status });
}

describe('why a Job', () => {
  it('failed: more pods failed than backoffLimit allows, and how they ended', () => {
    const failed = job({
      failed: 7,
      conditions: [{ type: 'Failed', status: 'True', reason: 'BackoffLimitExceeded', message: 'Job has reached the specified backoff limit' }],
    });
    expect(explain(failed, { pods: [failedPod('pi-a'), failedPod('pi-b')] })).toBe(
      'The Job failed: 7 of its pods failed, more than `backoffLimit` (6) allows; its pods ended in Error. Fix the pod template\'s `command`/`args` or image, then delete and re-create the Job: a failed Job does not start again.',
    );
  });

  it('failed on its deadline', () => {
    const late = job(
      { conditions: [{ type: 'Failed', status: 'True', reason: 'DeadlineExceeded', message: 'Job was active longer than specified deadline' }] },
      { activeDeadlineSeconds: 30 },
    );
    expect(explain(late)).toContain('it ran longer than `activeDeadlineSeconds` (30 s)');
  });

  it('is retrying after failures, and says nothing once it completed', () => {
    expect(explain(job({ failed: 2, active: 1 }, { backoffLimit: 4 }), { pods: [failedPod('pi-a')] })).toBe(
      '2 pods have failed so far (ended in Error); the Job retries after a growing delay (10 s, 20 s, 40 s, …) and gives up once more than `backoffLimit` (4) have failed.',
    );
    expect(explain(job({ failed: 1, succeeded: 1, conditions: [{ type: 'Complete', status: 'True' }] }))).toBeUndefined();
  });
});

function runningPod(name: string, ready: boolean): Pod {
  return {
    metadata: { name, namespace: 'default' },
    spec: { containers: [{ name: 'nginx', image: 'nginx' }] },
    status: {
      phase: ready ? 'Running' : 'Pending',
      containerStatuses: [
        {
          name: 'nginx',
          image: 'nginx',
          imageID: '',
          ready,
          restartCount: 0,
          state: ready ? { running: {} } : { waiting: { reason: 'ContainerCreating' } },
        },
      ],
    },
  };
}

function statefulSet(ready: number): WireObject {
  const set: StatefulSet = {
    apiVersion: 'apps/v1',
    kind: 'StatefulSet',
    metadata: { name: 'web', namespace: 'default' },
    spec: { replicas: 3, serviceName: 'nginx', selector: {}, template: {} },
    status: { replicas: ready + 1, readyReplicas: ready },
  };
  return wire(set);
}

describe('why a StatefulSet', () => {
  it('waits: OrderedReady creates the next ordinal only once the one before is Running and Ready', () => {
    expect(explain(statefulSet(1), { pods: [runningPod('web-0', true), runningPod('web-1', false)] })).toBe(
      'web-1 is ContainerCreating; with `podManagementPolicy: OrderedReady` the controller creates web-2 only after web-1 is Running and Ready.',
    );
  });

  it('says its pods get no DNS names while spec.serviceName names no Service', () => {
    const pods = [runningPod('web-0', true), runningPod('web-1', true), runningPod('web-2', true)];
    expect(explain(statefulSet(3), { pods, services: [] })).toContain('names the Service nginx, which does not exist');
    expect(explain(statefulSet(3), { pods, services: [{ metadata: { name: 'nginx', namespace: 'default' } }] })).toBeUndefined();
  });
});

const claimEvent = (reason: string, message: string): Event => ({
  metadata: { name: `data.${reason}` },
  involvedObject: { kind: 'PersistentVolumeClaim', name: 'data', namespace: 'default' },
  reason,
  message,
  type: reason === 'ProvisioningFailed' ? 'Warning' : 'Normal',
});

describe('why a volume', () => {
  const pending = (storageClassName?: string): WireObject =>
    wire({ apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata: { name: 'data', namespace: 'default' }, spec: { storageClassName }, status: { phase: 'Pending' } } satisfies PersistentVolumeClaim);

  it('a claim is Pending: no PV fits and no class provisions one', () => {
    const events = [claimEvent('FailedBinding', 'no persistent volumes available for this claim and no storage class is set')];
    expect(explain(pending(), { events })).toBe(
      'No PersistentVolume fits this claim (size, access modes, class) and it names no StorageClass to provision one: create a matching PV, or set `spec.storageClassName`.',
    );
  });

  it('a claim is Pending: its class is missing, or waits for the first consumer', () => {
    expect(explain(pending('fast'), { events: [claimEvent('ProvisioningFailed', 'storageclass.storage.k8s.io "fast" not found')] })).toBe(
      'No volume can be provisioned for this claim (“storageclass.storage.k8s.io "fast" not found”): name an existing StorageClass in `spec.storageClassName`, or create the class.',
    );
    expect(explain(pending('local'), { events: [claimEvent('WaitForFirstConsumer', 'waiting for first consumer to be created before binding')] })).toContain(
      'The StorageClass local binds on first use (`volumeBindingMode: WaitForFirstConsumer`)',
    );
  });

  it('a volume is Released: Retain keeps the data and blocks new claims', () => {
    const released: PersistentVolume = {
      apiVersion: 'v1',
      kind: 'PersistentVolume',
      metadata: { name: 'pv-a' },
      spec: { persistentVolumeReclaimPolicy: 'Retain', claimRef: { namespace: 'default', name: 'data' } },
      status: { phase: 'Released' },
    };
    expect(explain(wire(released))).toBe(
      'Its claim default/data was deleted; with reclaim policy Retain the volume keeps the data and no new claim can bind it: delete the PV, or remove its `spec.claimRef` to make it Available again.',
    );
    expect(explain(wire({ ...released, status: { phase: 'Bound' } }))).toBeUndefined();
  });
});
