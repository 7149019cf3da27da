/**
 * `kubectl rollout restart` (rollout_restart.go, objectrestarter.go): stamps the pod template
 * with kubectl.kubernetes.io/restartedAt, so the Deployment, StatefulSet or DaemonSet rolls out
 * new pods (k8s-semantics §1.10).
 */
import type { DaemonSet, Deployment, StatefulSet } from '../../../api/types';
import { rfc3339 } from '../../../time';
import type { Verb } from '../../command';
import { KubectlError } from '../../errors';
import { SELECTOR } from '../common';
import { PatchRefused, patchEach } from './common';

const RESTARTED_AT = 'kubectl.kubernetes.io/restartedAt';

export const restartVerb: Verb = {
  name: 'restart',
  short: 'Restart a resource',
  long: `Restart a resource.

        Resource rollout will be restarted.`,
  examples: `  # Restart all deployments in the test-namespace namespace
  kubectl rollout restart deployment -n test-namespace
  
  # Restart a deployment
  kubectl rollout restart deployment/nginx
  
  # Restart a daemon set
  kubectl rollout restart daemonset/abc
  
  # Restart deployments with the app=nginx label
  kubectl rollout restart deployment --selector=app=nginx`,
  usage: 'kubectl rollout restart RESOURCE [options]',
  flags: [SELECTOR],
  run(inv) {
    // kubectl stamps time.Now() in RFC 3339 with the local offset; kubesim's machine runs in UTC, so "Z".
    const now = rfc3339(inv.ctx.clock.now());
    return patchEach(
      inv,
      'restarted',
      (obj) => {
        if (obj.kind !== 'Deployment' && obj.kind !== 'StatefulSet' && obj.kind !== 'DaemonSet') throw new PatchRefused('restarting is not supported');
        const workload = obj as Deployment | StatefulSet | DaemonSet;
        if ((workload as Deployment).spec?.paused) throw new PatchRefused("can't restart paused deployment (run rollout resume first)");
        const metadata = (workload.spec!.template!.metadata ??= {});
        metadata.annotations = { ...metadata.annotations, [RESTARTED_AT]: now };
      },
      // The stamp has one-second resolution: a second restart within it changes nothing.
      (obj) =>
        new KubectlError(
          `failed to create patch for ${obj.metadata.name}: if restart has already been triggered within the past second, please wait before attempting to trigger another`,
        ),
    );
  },
};
