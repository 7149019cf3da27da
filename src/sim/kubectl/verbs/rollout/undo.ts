/**
 * `kubectl rollout undo` (rollout_undo.go, polymorphichelpers/rollback.go; k8s-semantics §1.12):
 * client-side, kubectl copies an old ReplicaSet's pod template (without its pod-template-hash)
 * and annotations back into the Deployment; the controller then rolls that ReplicaSet back up.
 * StatefulSets and DaemonSets get a ControllerRevision's template back (controllerrevisions.ts).
 */
import { ApiError } from '../../../api/errors';
import { clone, type KubeObject } from '../../../api/object';
import { equalIgnoreHash, HASH_LABEL, REVISION } from '../../../controllers/deployment/util';
import type { Deployment, ReplicaSet } from '../../../api/types';
import type { Invocation, Verb } from '../../command';
import { AggregateError, KubectlError } from '../../errors';
import { findResources, kindString } from '../../resources';
import { SELECTOR } from '../common';
import { groupKindString } from './common';
import { rollbackToRevision } from './controllerrevisions';
import { revisions } from './history';

/** Annotations that stay the Deployment's own rather than the old ReplicaSet's (annotationsToSkip). */
const ANNOTATIONS_TO_SKIP = new Set([
  'kubectl.kubernetes.io/last-applied-configuration',
  REVISION,
  'deployment.kubernetes.io/revision-history',
  'deployment.kubernetes.io/desired-replicas',
  'deployment.kubernetes.io/max-replicas',
  'deprecated.deployment.rollback.to',
]);

const revisionNotFound = (revision: number) => new KubectlError(`unable to find specified revision ${revision} in history`);

/** deploymentRevision: the ReplicaSet of the revision asked for, or the second-newest for 0. */
function replicaSetForRevision(inv: Invocation, d: Deployment, toRevision: number): ReplicaSet {
  const history = revisions(inv.ctx.api, d);
  if (toRevision > 0) {
    const rs = history.get(toRevision);
    if (!rs) throw revisionNotFound(toRevision);
    return rs;
  }
  const [, previous] = [...history.keys()].sort((a, b) => b - a);
  if (previous === undefined) throw new KubectlError(`no rollout history found for deployment ${JSON.stringify(d.metadata?.name ?? '')}`);
  return history.get(previous)!;
}

/** DeploymentRollbacker.Rollback: the operation the name printer shows ("rolled back", "skipped rollback (...)"). */
function rollback(inv: Invocation, d: Deployment, toRevision: number): string {
  if (toRevision < 0) throw revisionNotFound(toRevision);
  const rs = replicaSetForRevision(inv, d, toRevision);
  if (d.spec?.paused) throw new KubectlError("you cannot rollback a paused deployment; resume it first with 'kubectl rollout resume' and try again");
  if (equalIgnoreHash(rs.spec?.template, d.spec?.template)) return `skipped rollback (current template already matches revision ${toRevision})`;
  const template = clone(rs.spec!.template!);
  if (template.metadata?.labels) delete template.metadata.labels[HASH_LABEL];
  const annotations: Record<string, string> = {};
  for (const [key, value] of Object.entries(d.metadata?.annotations ?? {})) if (ANNOTATIONS_TO_SKIP.has(key)) annotations[key] = value;
  for (const [key, value] of Object.entries(rs.metadata?.annotations ?? {})) if (!ANNOTATIONS_TO_SKIP.has(key)) annotations[key] = value;
  // The JSON patch replaces /spec/template and /metadata/annotations whole.
  const patched = clone(d);
  patched.spec!.template = template;
  patched.metadata!.annotations = annotations;
  try {
    inv.ctx.api.update(patched as KubeObject, 'kubectl', 'patch');
  } catch (err) {
    if (!(err instanceof ApiError)) throw err;
    throw new KubectlError(`failed restoring revision ${toRevision}: ${err.message}`);
  }
  return 'rolled back';
}

export const undoVerb: Verb = {
  name: 'undo',
  short: 'Undo a previous rollout',
  long: 'Roll back to a previous rollout.',
  examples: `  # Roll back to the previous deployment
  kubectl rollout undo deployment/abc
  
  # Roll back to daemonset revision 3
  kubectl rollout undo daemonset/abc --to-revision=3
  
  # Roll back to the previous deployment with dry-run
  kubectl rollout undo --dry-run=server deployment/abc`,
  usage: 'kubectl rollout undo (TYPE NAME | TYPE/NAME) [flags] [options]',
  flags: [SELECTOR, { name: 'to-revision', type: 'int', default: 0, usage: 'The revision to rollback to. Default to 0 (last revision).' }],
  run(inv) {
    if (inv.args.length === 0) throw new KubectlError('required resource not specified');
    const result = findResources(inv.ctx.api, { args: inv.args, namespace: inv.namespace, allNamespaces: false, selector: inv.flags.string('selector'), allowEmptySelector: true });
    const errors: Error[] = [...result.errors];
    for (const { info, object } of result.found) {
      if (info.kind !== 'Deployment' && info.kind !== 'StatefulSet' && info.kind !== 'DaemonSet') {
        errors.push(new KubectlError(`no rollbacker has been implemented for ${JSON.stringify(groupKindString(info))}`));
        continue;
      }
      const toRevision = inv.flags.int('to-revision');
      try {
        const operation = info.kind === 'Deployment' ? rollback(inv, object as Deployment, toRevision) : rollbackToRevision(inv.ctx.api, object, toRevision);
        inv.out.out(`${kindString(info)}/${object.metadata.name} ${operation}\n`);
      } catch (err) {
        if (!(err instanceof KubectlError)) throw err;
        errors.push(err);
      }
    }
    if (errors.length) throw new AggregateError(errors);
    return 0;
  },
};
