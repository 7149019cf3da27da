import { describe, expect, it } from 'vitest';
import type { Event, PersistentVolumeClaim, Pod } from 'kubernetes-types/core/v1';
import type { WireClaimBinding } from '../protocol/messages';
import { bindingFlow } from './binding-flow';

const EPOCH = Date.UTC(2026, 0, 1, 9);
const at = (ms: number) => new Date(EPOCH + ms).toISOString();

const claim = (phase: string | undefined, volumeName?: string): PersistentVolumeClaim => ({
  metadata: { name: 'data', namespace: 'default', creationTimestamp: at(2000), resourceVersion: '10' },
  spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } }, volumeName },
  status: phase ? { phase } : undefined,
});

const event = (reason: string, message: string, ms: number, component: string, count = 1, resourceVersion = '1'): Event => ({
  metadata: { name: `data.${reason}`, resourceVersion },
  involvedObject: { kind: 'PersistentVolumeClaim', name: 'data', namespace: 'default' },
  reason,
  message,
  type: 'Normal',
  count,
  firstTimestamp: at(ms),
  lastTimestamp: at(ms),
  source: { component },
});

const SEARCH = {
  phase: 'Pending',
  storageClass: 'standard',
  volumeBindingMode: 'WaitForFirstConsumer',
  outcome: 'provision',
  summary: 'no volume fits: rancher.io/local-path is asked to provision one',
  verdicts: [],
};

describe('binding flow', () => {
  it('shows only the creation until the worker answers', () => {
    const steps = bindingFlow({ claim: claim(undefined), events: [], binding: undefined, pods: [], epoch: EPOCH });
    expect(steps).toEqual([expect.objectContaining({ id: 'created', state: 'done', time: 2000 })]);
  });

  it('waits for the first consumer: search waiting, bind and mount not reached', () => {
    const binding: WireClaimBinding = {
      found: true,
      now: { ...SEARCH, outcome: 'wait-for-first-consumer', summary: 'class standard binds WaitForFirstConsumer: nothing happens until a pod using the claim is scheduled' },
      search: { ...SEARCH, outcome: 'wait-for-first-consumer', summary: 'ignored while Pending' },
      searchedAt: 2000,
      audit: [{ time: 2000, actor: 'kubectl', verb: 'create', kind: 'PersistentVolumeClaim', namespace: 'default', name: 'data', resourceVersion: '101' }],
    };
    const events = [event('WaitForFirstConsumer', 'waiting for first consumer to be created before binding', 2000, 'persistentvolume-controller', 3)];
    const steps = bindingFlow({ claim: claim('Pending'), events, binding, pods: [], epoch: EPOCH });
    expect(steps.map((s) => [s.id, s.state])).toEqual([
      ['created', 'done'],
      ['search', 'waiting'],
      ['bind', 'waiting'],
      ['mount', 'waiting'],
    ]);
    expect(steps[0].entries).toEqual([{ time: 2000, actor: 'kubectl', text: 'created PersistentVolumeClaim data', order: 101 }]);
    expect(steps[1].summary).toBe('class standard binds WaitForFirstConsumer: nothing happens until a pod using the claim is scheduled');
    expect(steps[1].entries).toEqual([
      { time: 2000, actor: 'persistentvolume-controller', text: 'WaitForFirstConsumer: waiting for first consumer to be created before binding (x3)', order: 1 },
    ]);
    expect(steps[3].summary).toBe('No pod uses this claim yet.');
  });

  it('plays dynamic provisioning from the events and the audit log, in time order', () => {
    const volume = 'pvc-0b7e';
    const binding: WireClaimBinding = {
      found: true,
      now: { ...SEARCH, phase: 'Bound', outcome: 'bound', volume, summary: `bound to volume ${volume}` },
      search: SEARCH,
      searchedAt: 5000,
      audit: [
        { time: 2000, actor: 'kubectl', verb: 'create', kind: 'PersistentVolumeClaim', namespace: 'default', name: 'data', resourceVersion: '102' },
        { time: 5000, actor: 'default-scheduler', verb: 'update', kind: 'PersistentVolumeClaim', namespace: 'default', name: 'data', resourceVersion: '103' },
        // The repeated ExternalProvisioning event's own resourceVersion (130) is its last repeat; its creation was 103.
        { time: 5000, actor: 'persistentvolume-controller', verb: 'create', kind: 'Event', namespace: 'default', name: 'data.ExternalProvisioning', resourceVersion: '103' },
        { time: 9000, actor: 'local-path-provisioner', verb: 'create', kind: 'PersistentVolume', name: volume, resourceVersion: '110' },
        { time: 9000, actor: 'persistentvolume-controller', verb: 'update', subresource: 'status', kind: 'PersistentVolume', name: volume, resourceVersion: '112' },
        { time: 9000, actor: 'persistentvolume-controller', verb: 'update', subresource: 'status', kind: 'PersistentVolumeClaim', namespace: 'default', name: 'data', resourceVersion: '113' },
        { time: 9000, actor: 'default-scheduler', verb: 'create', subresource: 'binding', kind: 'Pod', namespace: 'default', name: 'user', resourceVersion: '114' },
      ],
    };
    const events = [
      event('ProvisioningSucceeded', `Successfully provisioned volume ${volume}`, 9000, 'rancher.io/local-path_x', 1, '111'),
      event('Provisioning', 'External provisioner is provisioning volume for claim "default/data"', 5000, 'rancher.io/local-path_x', 1, '104'),
      event('ExternalProvisioning', "Waiting for a volume to be created either by the external provisioner 'rancher.io/local-path' …", 5000, 'persistentvolume-controller', 2, '130'),
    ];
    const pod: Pod = {
      metadata: { name: 'user', namespace: 'default' },
      spec: { nodeName: 'node-2', containers: [{ name: 'app' }] },
      status: { containerStatuses: [{ name: 'app', image: 'busybox', imageID: '', ready: true, restartCount: 0, state: { running: { startedAt: at(12000) } } }] },
    };
    const bound = claim('Bound', volume);
    bound.metadata!.annotations = { 'volume.kubernetes.io/selected-node': 'node-2' };
    const steps = bindingFlow({ claim: bound, events, binding, pods: [pod], epoch: EPOCH });
    expect(steps.map((s) => [s.id, s.state, s.time])).toEqual([
      ['created', 'done', 2000],
      ['search', 'done', 5000],
      ['bind', 'done', 9000],
      ['mount', 'done', 12000],
    ]);
    expect(steps[1].summary).toBe('no volume fits: rancher.io/local-path is asked to provision one');
    expect(steps[1].entries.map((e) => `${e.actor} ${e.text}`)).toEqual(['default-scheduler annotated the claim volume.kubernetes.io/selected-node=node-2']);
    expect(steps[2].title).toBe('Provisioned and bound');
    expect(steps[2].entries.map((e) => `${e.time} ${e.actor}: ${e.text.split(':')[0]}`)).toEqual([
      '5000 persistentvolume-controller: ExternalProvisioning',
      '5000 rancher.io/local-path_x: Provisioning',
      '9000 local-path-provisioner: created PersistentVolume pvc-0b7e',
      '9000 rancher.io/local-path_x: ProvisioningSucceeded',
      "9000 persistentvolume-controller: set the claim's phase to Bound",
    ]);
    expect(steps[3].entries).toEqual([
      { time: 9000, actor: 'default-scheduler', text: 'bound pod user to node-2', order: 114 },
      { time: 12000, actor: 'kubelet/node-2', text: 'mounted the volume and started pod user' },
    ]);
  });

  it('says so when the search was not recorded, and marks a missing class as stuck', () => {
    const bound: WireClaimBinding = { found: true, now: { ...SEARCH, phase: 'Bound', outcome: 'bound', verdicts: [] }, audit: [] };
    const [, search] = bindingFlow({ claim: claim('Bound', 'pv-1'), events: [], binding: bound, pods: [], epoch: EPOCH });
    expect(search.summary).toMatch(/^The worker did not see this claim before it was bound/);
    const missing: WireClaimBinding = { found: true, now: { ...SEARCH, outcome: 'class-missing', summary: 'no volume fits, and class gold does not exist to provision one' }, audit: [] };
    const steps = bindingFlow({ claim: claim('Pending'), events: [], binding: missing, pods: [], epoch: EPOCH });
    expect(steps[1].state).toBe('failed');
    const named: WireClaimBinding = { found: true, now: { ...SEARCH, outcome: 'bind', volume: 'pv-7', summary: 'binds to the volume it names, pv-7' }, audit: [] };
    expect(bindingFlow({ claim: claim('Pending', 'pv-7'), events: [], binding: named, pods: [], epoch: EPOCH })[1]).toMatchObject({
      state: 'done',
      summary: 'binds to the volume it names, pv-7',
      verdicts: undefined,
    });
  });
});
