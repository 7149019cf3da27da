import { describe, expect, it } from 'vitest';
import { SimCluster } from '../cluster';
import type { CronJob, Job } from '../api/types';

/** The cluster starts at 2026-01-01T09:00:00Z (virtual 0). */
const MIN = 60_000;
const CRON = (opts: { name?: string; schedule?: string; script?: string; extra?: string; restartPolicy?: string } = {}) => `apiVersion: batch/v1
kind: CronJob
metadata:
  name: ${opts.name ?? 'hello'}
spec:
  schedule: "${opts.schedule ?? '*/5 * * * *'}"
${opts.extra ?? ''}  jobTemplate:
    spec:
      backoffLimit: 0
      template:
        spec:
          containers:
          - name: hello
            image: busybox:1.36
            command: ["sh", "-c", "${opts.script ?? 'sleep 10'}"]
          restartPolicy: ${opts.restartPolicy ?? 'Never'}
`;

const cronJob = (c: SimCluster, name = 'hello') => c.get('CronJob', name, 'default') as CronJob;
const jobs = (c: SimCluster) => (c.list('Job', 'default') as Job[]).map((j) => j.metadata!.name).sort();
const events = (c: SimCluster, name = 'hello') => c.events().filter((e) => e.involvedObject.kind === 'CronJob' && e.involvedObject.name === name).map((e) => `${e.type} ${e.reason}: ${e.message}`);

describe('CronJob controller (k8s-semantics §9.5)', () => {
  it('creates <name>-<scheduled minutes> at the schedule time, owned and annotated, and waits for the next', () => {
    const c = new SimCluster({ nodes: 2, seed: 6 });
    c.apply(CRON());
    expect(c.nextCronRun('default', 'hello')).toBe(5 * MIN);
    c.advance(5 * MIN - 1);
    expect(jobs(c)).toEqual([]);
    c.advance(1000);
    expect(jobs(c)).toEqual(['hello-29454305']);
    const job = c.get('Job', 'hello-29454305', 'default') as Job;
    expect(job.metadata!.creationTimestamp).toBe('2026-01-01T09:05:00Z');
    expect(job.metadata!.annotations!['batch.kubernetes.io/cronjob-scheduled-timestamp']).toBe('2026-01-01T09:05:00Z');
    expect(job.metadata!.ownerReferences).toEqual([expect.objectContaining({ apiVersion: 'batch/v1', kind: 'CronJob', name: 'hello', controller: true })]);
    const cj = cronJob(c);
    expect(cj.status!.lastScheduleTime).toBe('2026-01-01T09:05:00Z');
    expect(cj.status!.active).toEqual([expect.objectContaining({ kind: 'Job', name: 'hello-29454305', uid: job.metadata!.uid })]);
    expect(events(c)).toEqual(['Normal SuccessfulCreate: Created job hello-29454305']);
    // The controller's only writes are at the scheduled instants (plus its 100 ms), never polling in between.
    c.advance(5 * MIN);
    const times = c.audit().filter((a) => a.actor === 'cronjob-controller' && a.kind === 'Job' && a.verb === 'create').map((a) => a.time);
    expect(times).toEqual([5 * MIN + 100, 10 * MIN + 100]);
    expect(c.nextCronRun('default', 'hello')).toBe(15 * MIN);
  });

  it('records SawCompletedJob and lastSuccessfulTime when its Job completes', () => {
    const c = new SimCluster({ nodes: 2, seed: 6 });
    c.apply(CRON());
    c.advance(6 * MIN);
    const job = c.get('Job', 'hello-29454305', 'default') as Job;
    const cj = cronJob(c);
    expect(cj.status!.active).toBeUndefined();
    expect(cj.status!.lastSuccessfulTime).toBe(job.status!.completionTime);
    expect(events(c)).toContain('Normal SawCompletedJob: Saw completed job: hello-29454305, status: Complete');
  });

  it('evaluates the schedule in spec.timeZone', () => {
    const c = new SimCluster({ nodes: 2, seed: 6 });
    c.apply(CRON({ schedule: '5 18 * * *', extra: '  timeZone: Asia/Seoul\n' }));
    c.advance(5 * MIN + 200);
    const [name] = jobs(c);
    expect(name).toBe('hello-29454305');
    expect((c.get('Job', name!, 'default') as Job).metadata!.annotations!['batch.kubernetes.io/cronjob-scheduled-timestamp']).toBe('2026-01-01T18:05:00+09:00');
    expect(c.kubectl('get cronjobs').stdout).toBe(
      'NAME    SCHEDULE     TIMEZONE     SUSPEND   ACTIVE   LAST SCHEDULE   AGE\nhello   5 18 * * *   Asia/Seoul   False     1        0s              5m\n',
    );
  });

  it('Allow lets runs overlap', () => {
    const c = new SimCluster({ nodes: 2, seed: 6 });
    c.apply(CRON({ script: 'sleep 420' }));
    c.advance(10 * MIN + 200);
    expect(cronJob(c).status!.active).toHaveLength(2);
    expect(c.kubectl('get cronjob hello --no-headers').stdout.split(/\s+/).slice(8, 10)).toEqual(['2', '0s']);
  });

  it('Forbid skips a slot while a run is active, keeping lastScheduleTime, so the slot runs late when it ends', () => {
    const c = new SimCluster({ nodes: 2, seed: 6 });
    c.apply(CRON({ script: 'sleep 420', extra: '  concurrencyPolicy: Forbid\n' }));
    c.advance(10 * MIN + 200);
    expect(jobs(c)).toEqual(['hello-29454305']);
    expect(cronJob(c).status!.lastScheduleTime).toBe('2026-01-01T09:05:00Z');
    expect(events(c)).toContain('Normal JobAlreadyActive: Not starting job because prior execution is running and concurrency policy is Forbid');
    c.advance(3 * MIN);
    expect(jobs(c)).toEqual(['hello-29454305', 'hello-29454310']);
    const late = c.get('Job', 'hello-29454310', 'default') as Job;
    expect(late.metadata!.annotations!['batch.kubernetes.io/cronjob-scheduled-timestamp']).toBe('2026-01-01T09:10:00Z');
    expect(late.metadata!.creationTimestamp! > '2026-01-01T09:12:00Z').toBe(true);
    expect(cronJob(c).status!.lastScheduleTime).toBe('2026-01-01T09:10:00Z');
  });

  it('Replace deletes the running Job (its pods by the garbage collector) and starts the new one', () => {
    const c = new SimCluster({ nodes: 2, seed: 6 });
    c.apply(CRON({ script: 'sleep 420', extra: '  concurrencyPolicy: Replace\n' }));
    c.advance(10 * MIN + 200);
    expect(jobs(c)).toEqual(['hello-29454310']);
    expect(events(c)).toContain('Normal SuccessfulDelete: Deleted job hello-29454305');
    expect(cronJob(c).status!.active!.map((r) => r.name)).toEqual(['hello-29454310']);
    const podDeletes = c.audit().filter((a) => a.kind === 'Pod' && a.verb === 'delete' && a.name.startsWith('hello-29454305-'));
    expect(podDeletes[0].actor).toBe('generic-garbage-collector');
  });

  it('creates nothing while suspended, then runs only the most recent missed slot, warning when over 100 were missed', () => {
    const c = new SimCluster({ nodes: 2, seed: 6 });
    const suspended = CRON({ schedule: '* * * * *', extra: '  suspend: true\n' });
    c.apply(suspended);
    c.advance(120 * MIN + 30_000);
    expect(jobs(c)).toEqual([]);
    expect(c.nextCronRun('default', 'hello')).toBeUndefined();
    expect(c.kubectl('get cronjob hello --no-headers').stdout.split(/\s+/).slice(7, 10)).toEqual(['True', '0', '<none>']);
    c.apply(suspended.replace('suspend: true', 'suspend: false'));
    expect(jobs(c)).toEqual([`hello-${29454300 + 120}`]);
    expect(events(c)).toEqual([
      'Warning TooManyMissedTimes: too many missed start times. Set or decrease .spec.startingDeadlineSeconds or check clock skew',
      `Normal SuccessfulCreate: Created job hello-${29454300 + 120}`,
    ]);
  });

  it('with startingDeadlineSeconds, a slot missed by more than that is not run late', () => {
    const c = new SimCluster({ nodes: 2, seed: 6 });
    const manifest = CRON({ extra: '  suspend: true\n  startingDeadlineSeconds: 60\n' });
    c.apply(manifest);
    c.advance(7 * MIN);
    c.apply(manifest.replace('suspend: true', 'suspend: false'));
    expect(jobs(c)).toEqual([]);
    c.advance(3 * MIN + 200);
    expect(jobs(c)).toEqual(['hello-29454310']);
  });

  it('keeps successfulJobsHistoryLimit and failedJobsHistoryLimit finished Jobs, oldest deleted first', () => {
    const c = new SimCluster({ nodes: 2, seed: 6 });
    c.apply(CRON({ schedule: '* * * * *', script: 'sleep 5', extra: '  successfulJobsHistoryLimit: 2\n' }));
    c.apply(CRON({ name: 'broken', schedule: '* * * * *', script: 'exit 1' }));
    c.advance(5 * MIN + 30_000);
    expect(jobs(c)).toEqual(['broken-29454305', 'hello-29454304', 'hello-29454305']);
    expect(events(c)).toContain('Normal SuccessfulDelete: Deleted job hello-29454301');
    expect(events(c, 'broken')).toContain('Normal SawCompletedJob: Saw completed job: broken-29454305, status: Failed');
  });

  it('kubectl sim next-cron moves the clock to the next run', () => {
    const c = new SimCluster({ nodes: 2, seed: 6 });
    c.apply(CRON({ schedule: '30 9 * * *' }));
    const res = c.kubectl('sim next-cron hello');
    expect(res.stdout).toBe('cronjob.batch/hello: clock moved on 30m to its run at 2026-01-01T09:30:00Z\n');
    expect(c.now()).toBe(30 * MIN + 100);
    expect(jobs(c)).toEqual(['hello-29454330']);
    expect(c.kubectl('sim next-cron nope').stderr).toBe('Error from server (NotFound): cronjobs.batch "nope" not found\n');
  });

  it('jumps the clock in the app too, where kubectl commands never wait', () => {
    const c = new SimCluster({ nodes: 2, seed: 6, kubectlWaits: false });
    c.apply(CRON({ schedule: '30 9 * * *' }));
    expect(c.kubectl('sim next-cron hello').stdout).toBe('cronjob.batch/hello: clock moved on 30m to its run at 2026-01-01T09:30:00Z\n');
    expect(jobs(c)).toEqual(['hello-29454330']);
  });
});

describe('CronJob validation (k8s-semantics §9.5)', () => {
  const apply = (manifest: string) => new SimCluster({ nodes: 1, seed: 6 }).kubectl('apply -f -', manifest).stderr;

  it('refuses an unparseable schedule with the parser error', () => {
    expect(apply(CRON({ schedule: '61 * * * *' }))).toBe('The CronJob "hello" is invalid: spec.schedule: Invalid value: "61 * * * *": end of range (61) above maximum (59): 61\n');
    expect(apply(CRON({ schedule: 'every minute' }))).toBe('The CronJob "hello" is invalid: spec.schedule: Invalid value: "every minute": expected exactly 5 fields, found 2: [every minute]\n');
  });

  it('refuses names over 52 characters', () => {
    const name = 'a'.repeat(53);
    expect(apply(CRON({ name }))).toBe(`The CronJob "${name}" is invalid: metadata.name: Invalid value: "${name}": must be no more than 52 characters\n`);
  });

  it('refuses TZ or CRON_TZ in the schedule, and unknown time zones', () => {
    expect(apply(CRON({ schedule: 'CRON_TZ=UTC 0 * * * *' }))).toBe(
      'The CronJob "hello" is invalid: spec.schedule: Invalid value: "CRON_TZ=UTC 0 * * * *": cannot use TZ or CRON_TZ in schedule, use timeZone field instead\n',
    );
    expect(apply(CRON({ extra: '  timeZone: Europe/Pariss\n' }))).toBe('The CronJob "hello" is invalid: spec.timeZone: Invalid value: "Europe/Pariss": unknown time zone Europe/Pariss\n');
  });

  it('defaults the policy, suspend and history limits', () => {
    const c = new SimCluster({ nodes: 1, seed: 6 });
    c.apply(CRON());
    expect(cronJob(c).spec).toMatchObject({ concurrencyPolicy: 'Allow', suspend: false, successfulJobsHistoryLimit: 3, failedJobsHistoryLimit: 1 });
  });
});
