import { describe, expect, it } from 'vitest';
import type { Job } from '../../api/types';
import { SimCluster } from '../../cluster';
import { jobCompletions, jobStatus } from './jobs';

const job = (spec: Job['spec'], status: Job['status'] = {}, deleting = false): Job => ({
  apiVersion: 'batch/v1',
  kind: 'Job',
  metadata: { name: 'j', ...(deleting ? { deletionTimestamp: '2026-01-01T09:00:00Z' } : {}) },
  spec,
  status,
});
const cond = (type: string, status = 'True') => ({ type, status });
const template = { spec: { containers: [] } };

describe('kubectl get jobs (printJob, v1.32; k8s-semantics §9.4)', () => {
  it('COMPLETIONS is succeeded/completions, succeeded/1 for a work queue, or "of <parallelism>" when parallel', () => {
    expect(jobCompletions(job({ completions: 5, template }, { succeeded: 3 }))).toBe('3/5');
    expect(jobCompletions(job({ parallelism: 1, template }))).toBe('0/1');
    expect(jobCompletions(job({ parallelism: 3, template }, { succeeded: 1 }))).toBe('1/1 of 3');
  });

  it('STATUS takes the first of Complete, Failed, Terminating, Suspended, FailureTarget, else Running', () => {
    expect(jobStatus(job({ template }, { conditions: [cond('SuccessCriteriaMet'), cond('Complete')] }))).toBe('Complete');
    expect(jobStatus(job({ template }, { conditions: [cond('FailureTarget'), cond('Failed')] }))).toBe('Failed');
    expect(jobStatus(job({ template }, { conditions: [cond('Suspended')] }, true))).toBe('Terminating');
    expect(jobStatus(job({ template }, { conditions: [cond('Suspended')] }))).toBe('Suspended');
    expect(jobStatus(job({ template }, { conditions: [cond('Suspended', 'False')] }))).toBe('Running');
    expect(jobStatus(job({ template }, { conditions: [cond('FailureTarget')] }))).toBe('FailureTarget');
  });

  it('prints NAME STATUS COMPLETIONS DURATION AGE, DURATION frozen at completion', () => {
    const c = new SimCluster({ nodes: 2, seed: 7 });
    c.apply('apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: queue\nspec:\n  parallelism: 2\n  template:\n    spec:\n      containers:\n      - name: w\n        image: busybox:1.36\n        command: ["sh", "-c", "sleep 8"]\n      restartPolicy: Never\n');
    c.advance(5000);
    expect(c.kubectl('get jobs').stdout).toBe('NAME    STATUS    COMPLETIONS   DURATION   AGE\nqueue   Running   0/1 of 2      5s         5s\n');
    c.advance(60_000);
    // A work queue stops adding pods after the first success but lets the running ones finish.
    expect(c.kubectl('get jobs').stdout).toBe('NAME    STATUS     COMPLETIONS   DURATION   AGE\nqueue   Complete   2/1 of 2      10s        65s\n');
  });
});
