import { describe, expect, it } from 'vitest';
import { SimCluster } from '../cluster';
import type { Job, Pod } from '../api/types';
import { fromRfc3339 } from '../time';

const JOB = (name: string, spec: string, script = 'sleep 5', restartPolicy = 'Never') => `apiVersion: batch/v1
kind: Job
metadata:
  name: ${name}
spec:
${spec}
  template:
    spec:
      containers:
      - name: work
        image: busybox:1.36
        command: ["sh", "-c", "${script}"]
      restartPolicy: ${restartPolicy}
`;

const jobOf = (c: SimCluster, name: string) => c.get('Job', name, 'default') as Job;
const podsOf = (c: SimCluster, name: string) => (c.list('Pod', 'default') as Pod[]).filter((p) => p.metadata!.labels?.['batch.kubernetes.io/job-name'] === name);
const conditions = (j: Job) => (j.status?.conditions ?? []).map((x) => `${x.type}=${x.status}/${x.reason}`);
const events = (c: SimCluster, name: string) => c.events().filter((e) => e.involvedObject.kind === 'Job' && e.involvedObject.name === name);
const row = (c: SimCluster, name: string) => c.kubectl(`get job ${name} --no-headers`).stdout.trim().split(/\s+/);
const NAME_SUFFIX = /^[bcdfghjklmnpqrstvwxz2456789]{5}$/;

describe('Job controller (k8s-semantics §9.1–9.3)', () => {
  it('runs completions with at most parallelism pods at once, counting each pod once through its finalizer', () => {
    const c = new SimCluster({ nodes: 3, seed: 3 });
    let maxActive = 0;
    c.watch(() => {
      const active = podsOf(c, 'pi').filter((p) => !p.metadata!.deletionTimestamp && p.status?.phase !== 'Succeeded' && p.status?.phase !== 'Failed');
      maxActive = Math.max(maxActive, active.length);
    });
    c.apply(JOB('pi', '  completions: 5\n  parallelism: 3'));
    const first = podsOf(c, 'pi');
    expect(first).toHaveLength(3);
    for (const pod of first) {
      expect(pod.metadata!.name!.slice(0, 3)).toBe('pi-');
      expect(pod.metadata!.name!.slice(3)).toMatch(NAME_SUFFIX);
      expect(pod.metadata!.finalizers).toEqual(['batch.kubernetes.io/job-tracking']);
      expect(pod.metadata!.ownerReferences?.[0]).toMatchObject({ kind: 'Job', name: 'pi', controller: true, blockOwnerDeletion: true });
    }
    let sawThree = false;
    for (let t = 0; t < 40 && !sawThree; t++) {
      c.advance(1000);
      sawThree = row(c, 'pi')[2] === '3/5';
    }
    expect(sawThree).toBe(true);
    c.advance(30_000);
    expect(maxActive).toBe(3);
    const job = jobOf(c, 'pi');
    expect(job.status!.succeeded).toBe(5);
    expect(conditions(job)).toEqual(['SuccessCriteriaMet=True/CompletionsReached', 'Complete=True/CompletionsReached']);
    expect(job.status!.completionTime).toBeDefined();
    const [name, status, completions, duration] = row(c, 'pi');
    expect([name, status, completions]).toEqual(['pi', 'Complete', '5/5']);
    expect(duration).toBe(`${(fromRfc3339(job.status!.completionTime!) - fromRfc3339(job.status!.startTime!)) / 1000}s`);
    // Finished pods stay, shown as Completed, with their finalizer gone once counted.
    const pods = podsOf(c, 'pi');
    expect(pods).toHaveLength(5);
    for (const p of pods) expect(p.metadata!.finalizers).toBeUndefined();
    expect(c.kubectl('get pods --no-headers').stdout.split('\n').filter((l) => l.startsWith('pi-')).every((l) => l.includes('Completed'))).toBe(true);
    expect(events(c, 'pi').filter((e) => e.reason === 'SuccessfulCreate')).toHaveLength(5);
    expect(events(c, 'pi').find((e) => e.reason === 'Completed')).toMatchObject({ type: 'Normal', message: 'Job completed' });
  });

  it('generates the selector from the uid and labels the template (§9.1)', () => {
    const c = new SimCluster({ nodes: 1, seed: 3 });
    c.apply(JOB('pi', '  backoffLimit: 4'));
    const job = jobOf(c, 'pi');
    const uid = job.metadata!.uid!;
    expect(job.spec!.selector).toEqual({ matchLabels: { 'batch.kubernetes.io/controller-uid': uid } });
    expect(job.spec!.template.metadata!.labels).toEqual({ 'batch.kubernetes.io/controller-uid': uid, 'batch.kubernetes.io/job-name': 'pi', 'controller-uid': uid, 'job-name': 'pi' });
    expect(job.metadata!.labels).toEqual(job.spec!.template.metadata!.labels);
    expect(job.spec).toMatchObject({ completions: 1, parallelism: 1, backoffLimit: 4, completionMode: 'NonIndexed', suspend: false, podReplacementPolicy: 'TerminatingOrFailed' });
  });

  it('defaults backoffLimit to 6 and fails when the 7th pod fails, after back-offs of 10, 20, 40, 80, 160 and 320 s', () => {
    const c = new SimCluster({ nodes: 2, seed: 5 });
    c.apply(JOB('fail', '', 'exit 1'));
    c.advance(20 * 60_000);
    const job = jobOf(c, 'fail');
    expect(job.spec!.backoffLimit).toBe(6);
    expect(job.status!.failed).toBe(7);
    expect(conditions(job)).toEqual(['FailureTarget=True/BackoffLimitExceeded', 'Failed=True/BackoffLimitExceeded']);
    const failed = job.status!.conditions!.find((x) => x.type === 'Failed')!;
    expect(failed.message).toBe('Job has reached the specified backoff limit');
    expect(events(c, 'fail').find((e) => e.reason === 'BackoffLimitExceeded')).toMatchObject({ type: 'Warning', message: 'Job has reached the specified backoff limit' });
    const pods = podsOf(c, 'fail').sort((a, b) => fromRfc3339(a.metadata!.creationTimestamp!) - fromRfc3339(b.metadata!.creationTimestamp!));
    expect(pods).toHaveLength(7);
    const finished = (p: Pod) => fromRfc3339(p.status!.containerStatuses![0].state!.terminated!.finishedAt!);
    const gaps = pods.slice(1).map((p, i) => (fromRfc3339(p.metadata!.creationTimestamp!) - finished(pods[i])) / 1000);
    expect(gaps).toEqual([10, 20, 40, 80, 160, 320]);
    expect(row(c, 'fail').slice(1, 3)).toEqual(['Failed', '0/1']);
    expect(c.kubectl('get pods --no-headers').stdout.split('\n').filter((l) => l.startsWith('fail-')).every((l) => l.includes('Error'))).toBe(true);
  });

  it('counts container restarts toward backoffLimit under restartPolicy OnFailure, then deletes the pod', () => {
    const c = new SimCluster({ nodes: 2, seed: 5 });
    c.apply(JOB('retry', '  backoffLimit: 2', 'exit 1', 'OnFailure'));
    c.advance(5 * 60_000);
    const job = jobOf(c, 'retry');
    expect(conditions(job)).toContain('Failed=True/BackoffLimitExceeded');
    expect(events(c, 'retry').filter((e) => e.reason === 'SuccessfulCreate')).toHaveLength(1);
    expect(events(c, 'retry').some((e) => e.reason === 'SuccessfulDelete')).toBe(true);
    expect(podsOf(c, 'retry')).toHaveLength(0);
  });

  it('fails with DeadlineExceeded after activeDeadlineSeconds, as FailureTarget until its pod has terminated', () => {
    const c = new SimCluster({ nodes: 2, seed: 5 });
    c.apply(JOB('slow', '  activeDeadlineSeconds: 10', 'sleep 100'));
    c.advance(10_000);
    let job = jobOf(c, 'slow');
    expect(conditions(job)).toEqual(['FailureTarget=True/DeadlineExceeded']);
    expect(row(c, 'slow')[1]).toBe('FailureTarget');
    expect(job.status!.terminating).toBe(1);
    // busybox's shell ignores SIGTERM: the pod goes at the end of its 30 s grace period.
    c.advance(31_000);
    job = jobOf(c, 'slow');
    expect(conditions(job)).toEqual(['FailureTarget=True/DeadlineExceeded', 'Failed=True/DeadlineExceeded']);
    expect(job.status!.conditions![1].message).toBe('Job was active longer than specified deadline');
    expect(job.status!.failed).toBe(1);
    expect(job.status!.completionTime).toBeUndefined();
    expect(events(c, 'slow').find((e) => e.reason === 'DeadlineExceeded')).toMatchObject({ type: 'Warning', message: 'Job was active longer than specified deadline' });
    expect(row(c, 'slow')[1]).toBe('Failed');
  });

  it('names Indexed pods <job>-<index>-<suffix> with the completion index annotation', () => {
    const c = new SimCluster({ nodes: 3, seed: 5 });
    c.apply(JOB('idx', '  completions: 3\n  parallelism: 3\n  completionMode: Indexed'));
    const pods = podsOf(c, 'idx');
    expect(pods.map((p) => p.metadata!.annotations!['batch.kubernetes.io/job-completion-index']).sort()).toEqual(['0', '1', '2']);
    for (const p of pods) {
      const index = p.metadata!.annotations!['batch.kubernetes.io/job-completion-index'];
      expect(p.metadata!.name!.startsWith(`idx-${index}-`)).toBe(true);
      expect(p.metadata!.name!.slice(`idx-${index}-`.length)).toMatch(NAME_SUFFIX);
      expect(p.spec!.hostname).toBe(`idx-${index}`);
      expect(p.spec!.containers[0].env).toContainEqual({ name: 'JOB_COMPLETION_INDEX', valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath: "metadata.annotations['batch.kubernetes.io/job-completion-index']" } } });
    }
    c.advance(30_000);
    expect(jobOf(c, 'idx').status).toMatchObject({ succeeded: 3, completedIndexes: '0-2' });
    expect(c.kubectl('describe job idx').stdout).toContain('Completed Indexes:  0-2\n');
  });

  it('suspends (deleting active pods) and resumes, resetting startTime', () => {
    const c = new SimCluster({ nodes: 2, seed: 5 });
    c.apply(JOB('later', '  suspend: true', 'sleep 20'));
    c.advance(5000);
    expect(podsOf(c, 'later')).toHaveLength(0);
    let job = jobOf(c, 'later');
    expect(job.status!.startTime).toBeUndefined();
    expect(job.status!.conditions).toEqual([expect.objectContaining({ type: 'Suspended', status: 'True', reason: 'JobSuspended', message: 'Job suspended' })]);
    expect(row(c, 'later').slice(1, 4)).toEqual(['Suspended', '0/1', '5s']);
    expect(c.apply(JOB('later', '  suspend: false', 'sleep 20'))[0].action).toBe('configured');
    job = jobOf(c, 'later');
    expect(job.status!.conditions).toEqual([expect.objectContaining({ type: 'Suspended', status: 'False', reason: 'JobResumed', message: 'Job resumed' })]);
    expect(job.status!.startTime).toBe('2026-01-01T09:00:05Z');
    expect(podsOf(c, 'later')).toHaveLength(1);
    // manageJob runs before the condition is updated, so the pod's event comes first.
    expect(events(c, 'later').map((e) => `${e.reason}: ${e.message}`)).toEqual(['Suspended: Job suspended', expect.stringMatching(/^SuccessfulCreate: Created pod: later-/), 'Resumed: Job resumed']);
    c.advance(5000);
    c.apply(JOB('later', '  suspend: true', 'sleep 20'));
    expect(podsOf(c, 'later').filter((p) => !p.metadata!.deletionTimestamp)).toHaveLength(0);
    expect(jobOf(c, 'later').status!.conditions![0]).toMatchObject({ status: 'True', reason: 'JobSuspended' });
  });

  it('refuses restartPolicy Always (the template default) with the apiserver message', () => {
    const c = new SimCluster({ nodes: 1, seed: 5 });
    const manifest = JOB('bad', '  completions: 1').replace('      restartPolicy: Never\n', '');
    const res = c.kubectl('apply -f -', manifest);
    expect(res.stderr).toBe('The Job "bad" is invalid: spec.template.spec.restartPolicy: Required value: valid values: "OnFailure", "Never"\n');
    const always = c.kubectl('apply -f -', JOB('bad', '  completions: 1', 'sleep 5', 'Always'));
    expect(always.stderr).toBe('The Job "bad" is invalid: spec.template.spec.restartPolicy: Required value: valid values: "OnFailure", "Never"\n');
    expect(c.get('Job', 'bad', 'default')).toBeUndefined();
  });
});

describe('Deleting a Job', () => {
  it.each(['background', 'foreground'])('takes its running pods with it (%s), their tracking finalizer released', (cascade) => {
    const c = new SimCluster({ nodes: 2, seed: 5 });
    c.apply(JOB('gone', '  parallelism: 2\n  completions: 4', 'sleep 600'));
    c.advance(5000);
    expect(podsOf(c, 'gone')).toHaveLength(2);
    expect(c.kubectl(`delete job gone --cascade=${cascade}`).exitCode).toBe(0);
    c.advance(35_000);
    expect(c.get('Job', 'gone', 'default')).toBeUndefined();
    expect(podsOf(c, 'gone')).toHaveLength(0);
    expect(events(c, 'gone').filter((e) => e.reason === 'SuccessfulCreate')).toHaveLength(2);
  });
});

describe('Job pod creation', () => {
  it('creates in slow-start batches of 1, 2, 4… and stops at the first refused create', () => {
    const c = new SimCluster({ nodes: 3, seed: 5 });
    c.apply('apiVersion: v1\nkind: ResourceQuota\nmetadata:\n  name: pods\nspec:\n  hard:\n    pods: "2"\n');
    c.apply(JOB('wide', '  completions: 7\n  parallelism: 7', 'sleep 30'));
    const reasons = events(c, 'wide').map((e) => e.reason);
    // Batch 1 creates one pod; batch 2 creates the second, and its second create is refused: no batch of 4.
    expect(reasons.filter((r) => r === 'SuccessfulCreate')).toHaveLength(2);
    expect(reasons.filter((r) => r === 'FailedCreate')).toHaveLength(1);
    expect(events(c, 'wide').find((e) => e.reason === 'FailedCreate')!.message).toBe('Error creating: pods "wide-" is forbidden: exceeded quota: pods, requested: pods=1, used: pods=2, limited: pods=2');
  });
});
