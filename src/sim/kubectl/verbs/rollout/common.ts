/** What the rollout subcommands share: kubectl's names for kinds, and the patch loop of pause, resume and restart. */
import { ApiError } from '../../../api/errors';
import { qualifiedResource, type ResourceInfo } from '../../../api/kinds';
import { clone, type KubeObject } from '../../../api/object';
import { deepEqual } from '../../../util/equal';
import type { Invocation } from '../../command';
import { AggregateError, KubectlError } from '../../errors';
import { findResources, kindString } from '../../resources';

/** schema.GroupKind's String(): "Pod", "ReplicaSet.apps". */
export function groupKindString(info: ResourceInfo): string {
  return info.group ? `${info.kind}.${info.group}` : info.kind;
}

/** A polymorphichelpers "object patcher" refusing an object: kubectl prints `error: <resource> "<name>" <reason>`. */
export class PatchRefused extends Error {}

/**
 * The loop of rollout pause, resume and restart (set.CalculatePatches): each object named is
 * changed by `change` (which throws PatchRefused with kubectl's reason), written back, and printed
 * as "<kind>/<name> <operation>"; an unchanged object is `unchanged`'s business. Errors come last.
 */
export function patchEach(
  inv: Invocation,
  operation: string,
  change: (obj: KubeObject) => void,
  unchanged: (obj: KubeObject, info: ResourceInfo) => Error | string,
): number {
  const result = findResources(inv.ctx.api, { args: inv.args, namespace: inv.namespace, allNamespaces: false, selector: inv.flags.string('selector'), allowEmptySelector: true });
  const errors: Error[] = [...result.errors];
  if (result.found.length === 0 && errors.length === 0) {
    inv.out.err(`No resources found in ${inv.namespace} namespace.\n`);
    return 0;
  }
  for (const { info, object } of result.found) {
    const updated = clone(object);
    try {
      change(updated);
    } catch (err) {
      if (!(err instanceof PatchRefused)) throw err;
      errors.push(new KubectlError(`error: ${qualifiedResource(info)} ${JSON.stringify(object.metadata.name)} ${err.message}`));
      continue;
    }
    const name = `${kindString(info)}/${object.metadata.name}`;
    if (deepEqual(updated, object)) {
      const outcome = unchanged(object, info);
      if (typeof outcome === 'string') inv.out.out(`${name} ${outcome}\n`);
      else errors.push(outcome);
      continue;
    }
    try {
      inv.ctx.api.update(updated, 'kubectl', 'patch');
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      errors.push(new KubectlError(`failed to patch: ${err.message}`));
      continue;
    }
    inv.out.out(`${name} ${operation}\n`);
  }
  if (errors.length) throw new AggregateError(errors);
  return 0;
}
