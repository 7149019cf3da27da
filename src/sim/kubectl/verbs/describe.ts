/**
 * `kubectl describe` (k8s.io/kubectl/pkg/cmd/describe): one description per object, separated
 * by a blank line; `describe TYPE PREFIX` falls back to every object whose name starts with PREFIX.
 */
import { ApiError } from '../../api/errors';
import type { Invocation, Verb } from '../command';
import { describerFor } from '../describe';
import { AggregateError } from '../errors';
import { findResources, type Found } from '../resources';
import { ALL_NAMESPACES, SELECTOR } from './common';

const NO_TYPE_GIVEN = 'You must specify the type of resource to describe. Use "kubectl api-resources" for a complete list of supported resources.';

function describeOne(inv: Invocation, f: Found): string {
  return describerFor(f.info.kind)(inv.ctx.api, f.object, inv.ctx.clock.now());
}

/** DescribeMatchingResources: `describe pods web` describes every pod whose name begins "web". */
function describeByPrefix(inv: Invocation, original: ApiError): number {
  const [type, prefix] = inv.args;
  const { found } = findResources(inv.ctx.api, { args: [type], namespace: inv.namespace, allNamespaces: false, allowEmptySelector: true });
  const matches = found.filter((f) => f.object.metadata.name?.startsWith(prefix));
  if (matches.length === 0) throw original;
  for (const f of matches) inv.out.out(`${describeOne(inv, f)}\n`);
  return 0;
}

export const describeVerb: Verb = {
  name: 'describe',
  group: 'Troubleshooting and Debugging Commands:',
  short: 'Show details of a specific resource or group of resources',
  long: `Show details of a specific resource or group of resources.

 Print a detailed description of the selected resources, including related resources such as events or controllers. You may select a single object by name, all objects of that type, provide a name prefix, or label selector. For example:

        $ kubectl describe TYPE NAME_PREFIX
        
 will first check for an exact match on TYPE and NAME_PREFIX. If no such resource exists, it will output details for every resource that has a name prefixed with NAME_PREFIX.

Use "kubectl api-resources" for a complete list of supported resources.`,
  examples: `  # Describe a node
  kubectl describe nodes kubernetes-node-emt8.c.myproject.internal
  
  # Describe a pod
  kubectl describe pods/nginx
  
  # Describe all pods
  kubectl describe pods
  
  # Describe pods by label name=myLabel
  kubectl describe pods -l name=myLabel`,
  usage: 'kubectl describe (-f FILENAME | TYPE [NAME_PREFIX | -l label] | TYPE/NAME) [options]',
  flags: [ALL_NAMESPACES, SELECTOR],
  run(inv) {
    if (inv.args.length === 0) {
      inv.out.err(`error: ${NO_TYPE_GIVEN}\n`);
      return 1;
    }
    const allNamespaces = inv.flags.bool('all-namespaces');
    const result = findResources(inv.ctx.api, {
      args: inv.args,
      namespace: inv.namespace,
      allNamespaces,
      selector: inv.flags.string('selector'),
      allowEmptySelector: true,
    });
    const notFound = result.errors.find((e) => e.reason === 'NotFound');
    if (notFound && inv.args.length === 2 && !inv.args[1].includes('/') && !inv.args[0].includes(',')) return describeByPrefix(inv, notFound);
    result.found.forEach((f, i) => inv.out.out(i === 0 ? describeOne(inv, f) : `\n\n${describeOne(inv, f)}`));
    if (result.found.length === 0 && result.errors.length === 0) {
      inv.out.err(allNamespaces ? 'No resources found\n' : `No resources found in ${inv.namespace} namespace.\n`);
    }
    if (result.errors.length) throw new AggregateError(result.errors);
    return 0;
  },
};
