import { describe, expect, it } from 'vitest';
import type { Deployment } from '../../../api/types';
import { deploymentStatus } from './status';

/** A 3-replica Deployment "web" at generation 2 with the status given. */
const web = (status: Deployment['status'], generation = 2): Deployment => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'web', generation, annotations: { 'deployment.kubernetes.io/revision': '2' } },
  spec: { replicas: 3, selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'app', image: 'nginx' }] } } },
  status,
});

describe('rollout status messages (k8s-semantics §1.13)', () => {
  it.each([
    ['the controller has not seen the new spec', web({ observedGeneration: 1 }), 'Waiting for deployment spec update to be observed...\n'],
    ['too few replicas updated', web({ observedGeneration: 2, replicas: 4, updatedReplicas: 1 }), 'Waiting for deployment "web" rollout to finish: 1 out of 3 new replicas have been updated...\n'],
    ['old pods still running', web({ observedGeneration: 2, replicas: 4, updatedReplicas: 3 }), 'Waiting for deployment "web" rollout to finish: 1 old replicas are pending termination...\n'],
    ['new pods not yet available', web({ observedGeneration: 2, replicas: 3, updatedReplicas: 3, availableReplicas: 1 }), 'Waiting for deployment "web" rollout to finish: 1 of 3 updated replicas are available...\n'],
    ['done', web({ observedGeneration: 2, replicas: 3, updatedReplicas: 3, availableReplicas: 3 }), 'deployment "web" successfully rolled out\n'],
  ])('%s', (_, d, message) => {
    expect(deploymentStatus(d, 0)).toEqual({ message, done: message.startsWith('deployment') });
  });

  it('fails once the progress deadline is exceeded, before looking at the counts', () => {
    const d = web({ observedGeneration: 2, replicas: 4, updatedReplicas: 1, conditions: [{ type: 'Progressing', status: 'False', reason: 'ProgressDeadlineExceeded' }] });
    expect(() => deploymentStatus(d, 0)).toThrow('deployment "web" exceeded its progress deadline');
  });

  it('pins --revision to the running one', () => {
    expect(() => deploymentStatus(web({ observedGeneration: 2 }), 3)).toThrow('desired revision (3) is different from the running revision (2)');
  });
});
