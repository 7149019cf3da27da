/** Minimal scenarios the fuzzer once failed on, shrunk by fast-check and kept as regression tests. */
import type { Scenario } from './fuzz';

export const REGRESSIONS: { bug: string; scenario: Scenario }[] = [
  {
    bug: 'the deployment controller wrote a ReplicaSet it had already updated in the same sync (409 Conflict)',
    scenario: {
      seed: 1,
      nodes: [{ cpu: '1', memory: '1Gi', name: 'node-1' }],
      actions: [
        { type: 'apply', d: { name: 'beta', replicas: 0, image: 'nginx:1.26', recreate: false, surge: 1, unavailable: 0 } },
        { type: 'apply', d: { name: 'beta', replicas: 0, image: 'busybox:1.36', recreate: false, surge: 0, unavailable: '25%' } },
        { type: 'apply', d: { name: 'beta', replicas: 0, image: 'nginx:1.26', recreate: true, surge: 0, unavailable: 0 } },
        { type: 'deletePod', pick: 0, force: false },
      ],
    },
  },
  {
    bug: 'a foreground-deleted Deployment stayed forever: an unscheduled pod kept with no finalizers was never removed',
    scenario: {
      seed: 1,
      nodes: [{ cpu: '1', memory: '8Gi', name: 'node-1' }],
      actions: [
        { type: 'apply', d: { name: 'beta', replicas: 1, image: 'nginx:1.26', recreate: false, surge: 0, unavailable: '25%' } },
        { type: 'deleteDeployment', name: 'beta', cascade: 'foreground' },
        { type: 'advance', ms: 0 },
      ],
    },
  },
  {
    bug: 'not a controller bug: lowering maxSurge mid-rollout leaves more pods than the new bound until old ones can go; the check now asks that the controller never grows past it',
    scenario: {
      seed: 1,
      nodes: [{ cpu: '1', memory: '1Gi', name: 'node-1' }],
      actions: [
        { type: 'apply', d: { name: 'beta', replicas: 1, image: 'nginx:1.27', recreate: false, surge: 0, unavailable: 1, cpu: '250m' } },
        { type: 'apply', d: { name: 'beta', replicas: 5, image: 'nginx:1.26', recreate: false, surge: '50%', unavailable: 0 } },
        { type: 'apply', d: { name: 'beta', replicas: 5, image: 'nginx:1.27', recreate: false, surge: 0, unavailable: '25%', cpu: '250m' } },
      ],
    },
  },
];
