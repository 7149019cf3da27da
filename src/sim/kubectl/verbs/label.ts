/**
 * `kubectl label` (k8s.io/kubectl/pkg/cmd/label, v1.32): `key=value` and `key-` on each object
 * named, refused per object when a key already has another value and --overwrite is not given.
 */
import { ApiError } from '../../api/errors';
import { labelValueProblems } from '../../api/validation/names';
import { clone } from '../../api/object';
import type { Invocation, Verb } from '../command';
import { AggregateError, KubectlError } from '../errors';
import { findResources, kindString } from '../resources';
import { ALL, ALL_NAMESPACES_CHECK, OVERWRITE, resourcesAndPairs, RESOURCE_VERSION, SELECTOR } from './common';

/** parseLabels: `key=value` (one "=" only, the value checked here; the key is the server's to check) and `key-`. */
function parseLabels(specs: readonly string[]): { set: Map<string, string>; remove: string[] } {
  const set = new Map<string, string>();
  const remove: string[] = [];
  for (const spec of specs) {
    if (spec.includes('=')) {
      const parts = spec.split('=');
      if (parts.length !== 2) throw new KubectlError(`invalid label spec: ${spec}`);
      const problems = labelValueProblems(parts[1]);
      if (problems.length) throw new KubectlError(`invalid label value: ${JSON.stringify(spec)}: ${problems.join(';')}`);
      set.set(parts[0], parts[1]);
    } else if (spec.endsWith('-')) {
      remove.push(spec.slice(0, -1));
    } else {
      throw new KubectlError(`unknown label spec: ${spec}`);
    }
  }
  if (remove.some((key) => set.has(key))) throw new KubectlError('can not both modify and remove a label in the same command');
  return { set, remove };
}

/** The length the labels add to the object's JSON: v1.32 words its message by comparing lengths. */
const encodedLength = (labels: Record<string, string> | undefined) => (labels ? `,"labels":${JSON.stringify(labels)}`.length : 0);

/**
 * updateDataChangeMsg (v1.32): "not labeled" when nothing changed, else "labeled" — or
 * "unlabeled" when the object got shorter without --overwrite, whatever else changed with it.
 */
function changeMessage(before: Record<string, string> | undefined, after: Record<string, string>, overwrite: boolean): string {
  const same = Object.keys(after).length === Object.keys(before ?? {}).length && Object.entries(after).every(([k, v]) => before?.[k] === v);
  if (same && before !== undefined) return 'not labeled';
  if (!overwrite && encodedLength(after) < encodedLength(before)) return 'unlabeled';
  return 'labeled';
}

/** Validate, after the arguments are split (LabelOptions.Validate). */
function validate(inv: Invocation, resources: readonly string[], updates: number): void {
  if (inv.flags.bool('all') && inv.flags.string('selector')) throw new KubectlError('cannot set --all and --selector at the same time');
  if (resources.length < 1) throw new KubectlError('one or more resources must be specified as <resource> <name> or <resource>/<name>');
  if (updates < 1) throw new KubectlError('at least one label update is required');
}

export const labelVerb: Verb = {
  name: 'label',
  group: 'Settings Commands:',
  short: 'Update the labels on a resource',
  long: `Update the labels on a resource.

  *  A label key and value must begin with a letter or number, and may contain letters, numbers, hyphens, dots, and underscores, up to 63 characters each.
  *  Optionally, the key can begin with a DNS subdomain prefix and a single '/', like example.com/my-app.
  *  If --overwrite is true, then existing labels can be overwritten, otherwise attempting to overwrite a label will result in an error.
  *  If --resource-version is specified, then updates will use this resource version, otherwise the existing resource-version will be used.`,
  examples: `  # Update pod 'foo' with the label 'unhealthy' and the value 'true'
  kubectl label pods foo unhealthy=true
  
  # Update pod 'foo' with the label 'status' and the value 'unhealthy', overwriting any existing value
  kubectl label --overwrite pods foo status=unhealthy
  
  # Update all pods in the namespace
  kubectl label pods --all status=unhealthy
  
  # Update a pod identified by the type and name in "pod.json"
  kubectl label -f pod.json status=unhealthy
  
  # Update pod 'foo' only if the resource is unchanged from version 1
  kubectl label pods foo status=unhealthy --resource-version=1
  
  # Update pod 'foo' by removing a label named 'bar' if it exists
  # Does not require the --overwrite flag
  kubectl label pods foo bar-`,
  usage: 'kubectl label [--overwrite] (-f FILENAME | TYPE NAME) KEY_1=VAL_1 ... KEY_N=VAL_N [--resource-version=version] [options]',
  flags: [ALL, ALL_NAMESPACES_CHECK, OVERWRITE('labels', 'label'), RESOURCE_VERSION('labels'), SELECTOR],
  run(inv) {
    const { resources, pairs } = resourcesAndPairs(inv.args, 'label');
    const { set, remove } = parseLabels(pairs);
    validate(inv, resources, set.size + remove.length);
    const selector = inv.flags.string('selector');
    const result = findResources(inv.ctx.api, {
      args: resources,
      namespace: inv.namespace,
      allNamespaces: inv.flags.bool('all-namespaces'),
      selector,
      selectAll: inv.flags.bool('all') && !selector,
      allowEmptySelector: false,
    });
    const resourceVersion = inv.flags.string('resource-version');
    if (!result.singleItemImplied && resourceVersion) throw new KubectlError('--resource-version may only be used with a single resource');
    const overwrite = inv.flags.bool('overwrite');
    const errors: Error[] = [...result.errors];
    for (const { info, object } of result.found) {
      const before = object.metadata.labels;
      for (const key of remove) if (before?.[key] === undefined) inv.out.out(`label ${JSON.stringify(key)} not found.\n`);
      // validateNoOverwrites: the same value again is no conflict.
      const conflicts = overwrite ? [] : [...set].filter(([key, value]) => before?.[key] !== undefined && before[key] !== value);
      if (conflicts.length) {
        const refused = conflicts.map(([key]) => new KubectlError(`'${key}' already has a value (${before![key]}), and --overwrite is false`));
        errors.push(refused.length === 1 ? refused[0] : new AggregateError(refused));
        continue;
      }
      const after = { ...before, ...Object.fromEntries(set) };
      for (const key of remove) delete after[key];
      const updated = clone(object);
      updated.metadata.labels = after;
      if (resourceVersion) updated.metadata.resourceVersion = resourceVersion;
      try {
        inv.ctx.api.update(updated, 'kubectl', 'patch');
      } catch (err) {
        if (!(err instanceof ApiError)) throw err;
        errors.push(err);
        continue;
      }
      inv.out.out(`${kindString(info)}/${object.metadata.name} ${changeMessage(before, after, overwrite)}\n`);
    }
    if (errors.length) throw new AggregateError(errors);
    return 0;
  },
};
