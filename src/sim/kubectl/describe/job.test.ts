import { describe, expect, it } from 'vitest';
import { SimCluster } from '../../cluster';
import type { Job } from '../../api/types';

const JOB = `apiVersion: batch/v1
kind: Job
metadata:
  name: pi
spec:
  completions: 2
  ttlSecondsAfterFinished: 600
  template:
    spec:
      containers:
      - name: pi
        image: busybox:1.36
        command: ["sh", "-c", "sleep 3"]
      restartPolicy: Never
`;

const CRON = `apiVersion: batch/v1
kind: CronJob
metadata:
  name: hello
spec:
  schedule: "*/5 * * * *"
  jobTemplate:
    spec:
      template:
        spec:
          containers:
          - name: hello
            image: busybox:1.36
            command: ["sh", "-c", "sleep 600"]
          restartPolicy: OnFailure
`;

describe('kubectl describe job / cronjob (kubectl v1.32 describeJob, describeCronJob)', () => {
  it('describes a finished Job with its times, pod counts, template and events', () => {
    const c = new SimCluster({ nodes: 2, seed: 7 });
    c.apply(JOB);
    c.advance(60_000);
    const job = c.get('Job', 'pi', 'default') as Job;
    const uid = job.metadata!.uid!;
    const out = c.kubectl('describe job pi').stdout;
    const head = out.slice(0, out.indexOf('Pod Template:'));
    expect(head).toBe(
      [
        'Name:                        pi',
        'Namespace:                   default',
        `Selector:                    batch.kubernetes.io/controller-uid=${uid}`,
        `Labels:                      batch.kubernetes.io/controller-uid=${uid}`,
        '                             batch.kubernetes.io/job-name=pi',
        `                             controller-uid=${uid}`,
        '                             job-name=pi',
        'Annotations:                 <none>',
        'Parallelism:                 1',
        'Completions:                 2',
        'Completion Mode:             NonIndexed',
        'Suspend:                     false',
        'Backoff Limit:               6',
        'TTL Seconds After Finished:  600',
        'Start Time:                  Thu, 01 Jan 2026 09:00:00 +0000',
        `Completed At:                ${job.status!.completionTime!.replace(/^2026-01-01T(.*)Z$/, 'Thu, 01 Jan 2026 $1 +0000')}`,
        `Duration:                    ${(Date.parse(job.status!.completionTime!) - Date.parse(job.status!.startTime!)) / 1000}s`,
        'Pods Statuses:               0 Active (0 Ready) / 2 Succeeded / 0 Failed',
        '',
      ].join('\n'),
    );
    expect(out).toContain('  Normal  Completed         ');
    expect(out.endsWith('job-controller  Job completed\n')).toBe(true);
  });

  it('describes a CronJob: schedule (and in words), policy, limits, job template, last schedule and active Jobs', () => {
    const c = new SimCluster({ nodes: 2, seed: 7 });
    c.apply(CRON);
    c.advance(6 * 60_000);
    const out = c.kubectl('describe cronjob hello').stdout;
    expect(out.slice(0, out.indexOf('Pod Template:'))).toBe(
      [
        'Name:                          hello',
        'Namespace:                     default',
        'Labels:                        <none>',
        'Annotations:                   <none>',
        'Schedule:                      */5 * * * *',
        'Schedule In Words:             Every 5 minutes (UTC)',
        'Concurrency Policy:            Allow',
        'Suspend:                       False',
        'Successful Job History Limit:  3',
        'Failed Job History Limit:      1',
        'Starting Deadline Seconds:     <unset>',
        'Selector:                      <unset>',
        'Parallelism:                   <unset>',
        'Completions:                   <unset>',
        '',
      ].join('\n'),
    );
    expect(out).toContain('Last Schedule Time:  Thu, 01 Jan 2026 09:05:00 +0000\nActive Jobs:         hello-29454305\n');
    expect(out).toContain('  Normal  SuccessfulCreate  60s   cronjob-controller  Created job hello-29454305\n');
  });
});
