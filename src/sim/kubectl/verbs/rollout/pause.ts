/**
 * `kubectl rollout pause` and `resume` (rollout_pause.go, rollout_resume.go and the object
 * pauser/resumer): spec.paused flips, k8s-semantics §1.10. Only Deployments can be paused.
 */
import type { Deployment } from '../../../api/types';
import type { Verb } from '../../command';
import { SELECTOR } from '../common';
import { PatchRefused, patchEach } from './common';

function setPaused(paused: boolean) {
  return (obj: { kind: string }) => {
    if (obj.kind !== 'Deployment') throw new PatchRefused(paused ? 'pausing is not supported' : 'resuming is not supported');
    const d = obj as Deployment;
    if (paused && d.spec?.paused) throw new PatchRefused('is already paused');
    if (!paused && !d.spec?.paused) throw new PatchRefused('is not paused');
    // An unpaused Deployment omits the field, as the encoder drops a false bool.
    if (paused) d.spec!.paused = true;
    else delete d.spec!.paused;
  };
}

export const pauseVerb: Verb = {
  name: 'pause',
  short: 'Mark the provided resource as paused',
  long: `Mark the provided resource as paused.

 Paused resources will not be reconciled by a controller. Use "kubectl rollout resume" to resume a paused resource. Currently only deployments support being paused.`,
  examples: `  # Mark the nginx deployment as paused
  # Any current state of the deployment will continue its function; new updates
  # to the deployment will not have an effect as long as the deployment is paused
  kubectl rollout pause deployment/nginx`,
  usage: 'kubectl rollout pause RESOURCE [options]',
  flags: [SELECTOR],
  run(inv) {
    return patchEach(inv, 'paused', setPaused(true), () => 'already paused');
  },
};

export const resumeVerb: Verb = {
  name: 'resume',
  short: 'Resume a paused resource',
  long: `Resume a paused resource.

 Paused resources will not be reconciled by a controller. By resuming a resource, we allow it to be reconciled again. Currently only deployments support being resumed.`,
  examples: `  # Resume an already paused deployment
  kubectl rollout resume deployment/nginx`,
  usage: 'kubectl rollout resume RESOURCE [options]',
  flags: [SELECTOR],
  run(inv) {
    return patchEach(inv, 'resumed', setPaused(false), () => 'already resumed');
  },
};
