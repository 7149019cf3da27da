import { describe, expect, it } from 'vitest';
import { SimCluster } from '../cluster';
import type { Job, Pod } from '../api/types';
import { fromRfc3339 } from '../time';

const JOB = (ttl: number) => `apiVersion: batch/v1
kind: Job
metadata:
  name: once
spec:
  ttlSecondsAfterFinished: ${ttl}
  template:
    spec:
      containers:
      - name: work
        image: busybox:1.36
        command: ["sh", "-c", "sleep 5"]
      restartPolicy: Never
`;

const pods = (c: SimCluster) => (c.list('Pod', 'default') as Pod[]).filter((p) => p.metadata!.name!.startsWith('once-'));

describe('TTL-after-finished controller (k8s-semantics §9.4)', () => {
  it('deletes a finished Job ttlSecondsAfterFinished after it finished, and its pods with it', () => {
    const c = new SimCluster({ nodes: 2, seed: 4 });
    c.apply(JOB(30));
    c.advance(20_000);
    const job = c.get('Job', 'once', 'default') as Job;
    const finished = fromRfc3339(job.status!.conditions!.find((x) => x.type === 'Complete')!.lastTransitionTime!);
    c.advance(finished + 30_000 - 1000 - c.now());
    expect(c.get('Job', 'once', 'default')).toBeDefined();
    expect(pods(c)).toHaveLength(1);
    c.advance(1000);
    expect(c.get('Job', 'once', 'default')).toBeUndefined();
    expect(pods(c)).toHaveLength(0);
    const deletes = c.audit().filter((a) => a.verb === 'delete' && (a.name === 'once' || a.name.startsWith('once-')));
    expect(deletes[0]).toMatchObject({ actor: 'ttl-after-finished-controller', kind: 'Job', time: finished + 30_000 });
    expect(deletes.some((a) => a.kind === 'Pod' && a.actor === 'generic-garbage-collector')).toBe(true);
  });

  it('deletes at once with 0, and keeps a Job without a TTL', () => {
    const c = new SimCluster({ nodes: 2, seed: 4 });
    c.apply(JOB(0));
    c.advance(20_000);
    expect(c.get('Job', 'once', 'default')).toBeUndefined();
    c.apply(JOB(0).replace('  ttlSecondsAfterFinished: 0\n', ''));
    c.advance(3_600_000);
    expect(c.get('Job', 'once', 'default')).toBeDefined();
  });
});
