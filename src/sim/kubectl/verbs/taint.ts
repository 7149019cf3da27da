/**
 * `kubectl taint` (k8s.io/kubectl/pkg/cmd/taint): adds `key[=value]:Effect` taints to nodes and
 * removes `key:Effect-` or every `key-`, reporting each node as tainted, untainted or modified.
 */
import { ApiError } from '../../api/errors';
import { clone, type KubeObject } from '../../api/object';
import { labelValueProblems, qualifiedNameProblems } from '../../api/validation/names';
import type { Node, Taint } from '../../api/types';
import { rfc3339 } from '../../time';
import type { Invocation, Verb } from '../command';
import { AggregateError, KubectlError } from '../errors';
import { findResources } from '../resources';
import { SELECTOR } from './common';

const EFFECTS = ['NoSchedule', 'PreferNoSchedule', 'NoExecute'];

interface Removal {
  key: string;
  effect?: string;
}

const hint = `\nSee 'kubectl taint -h' for help and examples`;

/** taint.ParseTaint for one `key[=value]:effect`. */
function parseTaint(spec: string, now: string): Taint {
  const parts = spec.split(':');
  if (parts.length !== 2) throw new KubectlError(`invalid taint spec: ${spec}${hint}`);
  const [keyValue, effect] = parts;
  if (!EFFECTS.includes(effect)) throw new KubectlError(`invalid taint effect: ${effect}, unsupported taint effect${hint}`);
  const eq = keyValue.indexOf('=');
  const key = eq < 0 ? keyValue : keyValue.slice(0, eq);
  const value = eq < 0 ? '' : keyValue.slice(eq + 1);
  if (keyValue.split('=').length > 2) throw new KubectlError(`invalid taint spec: ${spec}${hint}`);
  const problems = [...qualifiedNameProblems(key), ...labelValueProblems(value)];
  if (problems.length) throw new KubectlError(`invalid taint spec: ${spec}, ${problems.join('; ')}${hint}`);
  const taint: Taint = { key, effect, ...(value ? { value } : {}) };
  // kubectl stamps when a NoExecute taint was added; tolerationSeconds count from it.
  if (effect === 'NoExecute') taint.timeAdded = now;
  return taint;
}

/** taint.ParseTaints: additions, and removals `key:effect-` or `key-`. */
function parseTaints(specs: readonly string[], now: string): { add: Taint[]; remove: Removal[] } {
  const add: Taint[] = [];
  const remove: Removal[] = [];
  for (const spec of specs) {
    if (spec.endsWith('-')) {
      const body = spec.slice(0, -1);
      const colon = body.indexOf(':');
      remove.push(colon < 0 ? { key: body } : { key: body.slice(0, colon), effect: body.slice(colon + 1) });
      continue;
    }
    const taint = parseTaint(spec, now);
    if (add.some((t) => t.key === taint.key && t.effect === taint.effect)) {
      throw new KubectlError(`duplicated taints with the same key and effect: {${taint.key} ${taint.value ?? ''} ${taint.effect} <nil>}${hint}`);
    }
    add.push(taint);
  }
  return { add, remove };
}

/** reorganizeTaints: the new list, and whether the change is "tainted", "untainted" or "modified". */
function reorganize(old: readonly Taint[], add: readonly Taint[], remove: readonly Removal[], overwrite: boolean): { taints: Taint[]; operation: string; errors: Error[] } {
  const taints = [...add];
  for (const t of old) if (!taints.some((n) => n.key === t.key && n.effect === t.effect)) taints.push(t);
  const added = taints.length !== old.length;
  const errors: Error[] = [];
  let deleted = false;
  for (const r of remove) {
    const before = taints.length;
    for (let i = taints.length - 1; i >= 0; i--) if (taints[i].key === r.key && (r.effect === undefined || taints[i].effect === r.effect)) taints.splice(i, 1);
    if (taints.length === before) errors.push(new KubectlError(`taint ${JSON.stringify(r.effect === undefined ? r.key : `${r.key}:${r.effect}`)} not found`));
    else deleted = true;
  }
  const operation = (added && deleted) || overwrite ? 'modified' : added ? 'tainted' : 'untainted';
  return { taints, operation, errors };
}

/** Splits arguments into resources and taint changes (TaintOptions.Complete). */
function splitArgs(args: readonly string[]): { resources: string[]; specs: string[] } {
  const resources: string[] = [];
  const specs: string[] = [];
  for (const arg of args) {
    const isTaint = arg.includes('=') || arg.includes(':') || arg.endsWith('-');
    if (isTaint) specs.push(arg);
    else if (specs.length) throw new KubectlError(`all resources must be specified before taint changes: ${arg}`);
    else resources.push(arg);
  }
  return { resources, specs };
}

function nodes(inv: Invocation, resources: readonly string[]): { found: Node[]; errors: Error[] } {
  const selector = inv.flags.string('selector');
  const all = inv.flags.bool('all');
  if (all || selector) {
    const result = findResources(inv.ctx.api, { args: resources.slice(0, 1), namespace: inv.namespace, allNamespaces: false, selector, selectAll: all && !selector, allowEmptySelector: false });
    return { found: result.found.map((f) => f.object as Node), errors: result.errors };
  }
  const result = findResources(inv.ctx.api, { args: [...resources], namespace: inv.namespace, allNamespaces: false, allowEmptySelector: false });
  for (const { info } of result.found) if (info.kind !== 'Node') throw new KubectlError(`invalid resource type ${info.resource}, only node types are supported`);
  return { found: result.found.map((f) => f.object as Node), errors: result.errors };
}

export const taintVerb: Verb = {
  name: 'taint',
  group: 'Cluster Management Commands:',
  short: 'Update the taints on one or more nodes',
  long: `Update the taints on one or more nodes.

  *  A taint consists of a key, value, and effect. As an argument here, it is expressed as key=value:effect.
  *  The key must begin with a letter or number, and may contain letters, numbers, hyphens, dots, and underscores, up to 253 characters.
  *  Optionally, the key can begin with a DNS subdomain prefix and a single '/', like example.com/my-app.
  *  The value is optional. If given, it must begin with a letter or number, and may contain letters, numbers, hyphens, dots, and underscores, up to 63 characters.
  *  The effect must be NoSchedule, PreferNoSchedule or NoExecute.
  *  Currently taint can only apply to node.`,
  examples: `  # Update node 'foo' with a taint with key 'dedicated' and value 'special-user' and effect 'NoSchedule'
  # If a taint with that key and effect already exists, its value is replaced as specified
  kubectl taint nodes foo dedicated=special-user:NoSchedule
  
  # Remove from node 'foo' the taint with key 'dedicated' and effect 'NoSchedule' if one exists
  kubectl taint nodes foo dedicated:NoSchedule-
  
  # Remove from node 'foo' all the taints with key 'dedicated'
  kubectl taint nodes foo dedicated-
  
  # Add a taint with key 'dedicated' on nodes having label myLabel=X
  kubectl taint node -l myLabel=X  dedicated=foo:PreferNoSchedule
  
  # Add to node 'foo' a taint with key 'bar' and no value
  kubectl taint nodes foo bar:NoSchedule`,
  usage: 'kubectl taint NODE NAME KEY_1=VAL_1:TAINT_EFFECT_1 ... KEY_N=VAL_N:TAINT_EFFECT_N [options]',
  flags: [
    { name: 'all', type: 'bool', default: false, usage: 'Select all nodes in the cluster' },
    { name: 'overwrite', type: 'bool', default: false, usage: 'If true, allow taints to be overwritten, otherwise reject taint updates that overwrite existing taints.' },
    SELECTOR,
  ],
  run(inv) {
    const { resources, specs } = splitArgs(inv.args);
    if (specs.length === 0) throw new KubectlError('at least one taint update is required');
    const { add, remove } = parseTaints(specs, rfc3339(inv.ctx.clock.now()));
    if (resources.length === 0) throw new KubectlError('one or more resources must be specified as <resource> <name>');
    const conflicts = add.flatMap((t) => remove.filter((r) => r.key === t.key && (r.effect === undefined || r.effect === t.effect)).map((r) => `{"${r.key}":"${r.effect ?? ''}"}`));
    if (conflicts.length) throw new KubectlError(`can not both modify and remove the following taint(s) in the same command: ${conflicts.join(', ')}`);
    const overwrite = inv.flags.bool('overwrite');
    const { found, errors } = nodes(inv, resources);
    for (const node of found) {
      const old = node.spec?.taints ?? [];
      if (!overwrite) {
        const exists = add.filter((t) => old.some((o) => o.key === t.key && o.effect === t.effect)).map((t) => t.key);
        if (exists.length) {
          errors.push(new KubectlError(`node ${node.metadata!.name} already has ${exists.join(',')} taint(s) with same effect(s) and --overwrite is false`));
          continue;
        }
      }
      const { taints, operation, errors: removeErrors } = reorganize(old, add, remove, overwrite);
      if (removeErrors.length) {
        errors.push(...removeErrors);
        continue;
      }
      const updated = clone(node as KubeObject) as Node;
      updated.spec = { ...updated.spec, taints };
      try {
        inv.ctx.api.update(updated as KubeObject, 'kubectl', 'patch');
        inv.out.out(`node/${node.metadata!.name} ${operation}\n`);
      } catch (err) {
        if (!(err instanceof ApiError)) throw err;
        errors.push(err);
      }
    }
    if (errors.length) throw new AggregateError(errors);
    return 0;
  },
};
