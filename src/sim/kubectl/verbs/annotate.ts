/**
 * `kubectl annotate` (k8s.io/kubectl/pkg/cmd/annotate): `key=value` (the value may hold "=")
 * and `key-`; an existing key is refused without --overwrite, whatever its value, except
 * kubernetes.io/change-cause. Every object written prints "annotated".
 */
import { ApiError } from '../../api/errors';
import { clone } from '../../api/object';
import type { Verb } from '../command';
import { AggregateError, KubectlError } from '../errors';
import { findResources, kindString } from '../resources';
import { CHANGE_CAUSE } from './rollout/history';
import { ALL, ALL_NAMESPACES_CHECK, OVERWRITE, parsePairs, resourcesAndPairs, RESOURCE_VERSION, SELECTOR } from './common';

export const annotateVerb: Verb = {
  name: 'annotate',
  group: 'Settings Commands:',
  short: 'Update the annotations on a resource',
  long: `Update the annotations on one or more resources.

 All Kubernetes objects support the ability to store additional data with the object as annotations. Annotations are key/value pairs that can be larger than labels and include arbitrary string values such as structured JSON. Tools and system extensions may use annotations to store their own data.

 Attempting to set an annotation that already exists will fail unless --overwrite is set. If --resource-version is specified and does not match the current resource version on the server the command will fail.

Use "kubectl api-resources" for a complete list of supported resources.`,
  examples: `  # Update pod 'foo' with the annotation 'description' and the value 'my frontend'
  # If the same annotation is set multiple times, only the last value will be applied
  kubectl annotate pods foo description='my frontend'
  
  # Update a pod identified by type and name in "pod.json"
  kubectl annotate -f pod.json description='my frontend'
  
  # Update pod 'foo' with the annotation 'description' and the value 'my frontend running nginx', overwriting any existing value
  kubectl annotate --overwrite pods foo description='my frontend running nginx'
  
  # Update all pods in the namespace
  kubectl annotate pods --all description='my frontend running nginx'
  
  # Update pod 'foo' only if the resource is unchanged from version 1
  kubectl annotate pods foo description='my frontend running nginx' --resource-version=1
  
  # Update pod 'foo' by removing an annotation named 'description' if it exists
  # Does not require the --overwrite flag
  kubectl annotate pods foo description-`,
  usage: 'kubectl annotate [--overwrite] (-f FILENAME | TYPE NAME) KEY_1=VAL_1 ... KEY_N=VAL_N [--resource-version=version] [options]',
  flags: [
    { ...ALL, usage: `${ALL.usage}.` },
    ALL_NAMESPACES_CHECK,
    OVERWRITE('annotations', 'annotation'),
    RESOURCE_VERSION('annotation'),
    SELECTOR,
  ],
  run(inv) {
    const { resources, pairs } = resourcesAndPairs(inv.args, 'annotation');
    const { set, remove } = parsePairs(pairs, 'annotation', true);
    // Validate.
    const all = inv.flags.bool('all');
    const selector = inv.flags.string('selector');
    if (all && selector) throw new KubectlError('cannot set --all and --selector at the same time');
    if (resources.length < 1) throw new KubectlError('one or more resources must be specified as <resource> <name> or <resource>/<name>');
    if (set.size < 1 && remove.length < 1) throw new KubectlError('at least one annotation update is required');
    const both = remove.filter((key) => set.has(key));
    if (both.length) throw new KubectlError(`can not both modify and remove the following annotation(s) in the same command: ${both.join(', ')}`);

    const result = findResources(inv.ctx.api, { args: resources, namespace: inv.namespace, allNamespaces: inv.flags.bool('all-namespaces'), selector, selectAll: all && !selector, allowEmptySelector: false });
    const resourceVersion = inv.flags.string('resource-version');
    if (!result.singleItemImplied && resourceVersion) throw new KubectlError('--resource-version may only be used with a single resource');
    const errors: Error[] = [...result.errors];
    for (const { info, object } of result.found) {
      const before = object.metadata.annotations ?? {};
      if (!inv.flags.bool('overwrite')) {
        const declared = [...set.keys()].filter((key) => key !== CHANGE_CAUSE && before[key] !== undefined).map((key) => `'${key}' already has a value (${before[key]})`);
        if (declared.length) {
          errors.push(new KubectlError(`--overwrite is false but found the following declared annotation(s): ${declared.join('; ')}`));
          continue;
        }
      }
      const updated = clone(object);
      updated.metadata.annotations = { ...before, ...Object.fromEntries(set) };
      for (const key of remove) delete updated.metadata.annotations[key];
      if (resourceVersion) updated.metadata.resourceVersion = resourceVersion;
      try {
        inv.ctx.api.update(updated, 'kubectl', 'patch');
      } catch (err) {
        if (!(err instanceof ApiError)) throw err;
        errors.push(err);
        continue;
      }
      inv.out.out(`${kindString(info)}/${object.metadata.name} annotated\n`);
    }
    if (errors.length) throw new AggregateError(errors);
    return 0;
  },
};
