/**
 * `kubectl api-resources` and `kubectl api-versions` (k8s.io/kubectl/pkg/cmd/apiresources): what
 * discovery says the API server serves — kubesim's resources from api/kinds.ts.
 */
import { allResources, apiVersionOf, type ResourceInfo } from '../../api/kinds';
import type { Verb } from '../command';
import { KubectlError } from '../errors';
import { TABLE_TABWRITER, tabify } from '../tabwriter';

/** sortableResource.Less: by API group (or the --sort-by column), then by name. */
function sorted(resources: ResourceInfo[], by: string): ResourceInfo[] {
  const key = (r: ResourceInfo) => (by === 'name' ? r.resource : by === 'kind' ? r.kind : r.group);
  return [...resources].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : a.resource < b.resource ? -1 : a.resource > b.resource ? 1 : 0));
}

export const apiResourcesVerb: Verb = {
  name: 'api-resources',
  group: 'Other Commands:',
  short: 'Print the supported API resources on the server',
  long: 'Print the supported API resources on the server.',
  examples: `  # Print the supported API resources
  kubectl api-resources
  
  # Print the supported API resources with more information
  kubectl api-resources -o wide
  
  # Print the supported API resources sorted by a column
  kubectl api-resources --sort-by=name
  
  # Print the supported namespaced resources
  kubectl api-resources --namespaced=true
  
  # Print the supported non-namespaced resources
  kubectl api-resources --namespaced=false
  
  # Print the supported API resources with a specific APIGroup
  kubectl api-resources --api-group=rbac.authorization.k8s.io`,
  usage: 'kubectl api-resources [flags] [options]',
  flags: [
    { name: 'api-group', type: 'string', default: '', usage: 'Limit to resources in the specified API group.' },
    {
      name: 'namespaced',
      type: 'bool',
      default: true,
      usage: 'If false, non-namespaced resources will be returned, otherwise returning namespaced resources by default.',
    },
    { name: 'no-headers', type: 'bool', default: false, usage: "When using the default or custom-column output format, don't print headers (default print headers)." },
    { name: 'output', shorthand: 'o', type: 'string', default: '', usage: 'Output format. One of: (wide, name).' },
    { name: 'sort-by', type: 'string', default: '', usage: "If non-empty, sort list of resources using specified field. The field can be either 'name' or 'kind'." },
  ],
  run(inv) {
    const output = inv.flags.string('output');
    if (output !== '' && output !== 'name' && output !== 'wide') throw new KubectlError(`--output ${output} is not available`);
    if (output === 'wide') throw new KubectlError('kubesim does not simulate api-resources -o wide yet; use the table or -o name');
    const sortBy = inv.flags.string('sort-by');
    if (sortBy !== '' && sortBy !== 'name' && sortBy !== 'kind') throw new KubectlError(`--sort-by accepts only name or kind`);
    let resources = allResources().filter((r) => !inv.flags.changed('api-group') || r.group === inv.flags.string('api-group'));
    if (inv.flags.changed('namespaced')) resources = resources.filter((r) => r.namespaced === inv.flags.bool('namespaced'));
    resources = sorted(resources, sortBy);
    if (output === 'name') {
      inv.out.out(resources.map((r) => `${r.resource}${r.group ? `.${r.group}` : ''}\n`).join(''));
      return 0;
    }
    const header = inv.flags.bool('no-headers') ? '' : 'NAME\tSHORTNAMES\tAPIVERSION\tNAMESPACED\tKIND\n';
    const rows = resources.map((r) => `${r.resource}\t${r.shortNames.join(',')}\t${apiVersionOf(r)}\t${r.namespaced}\t${r.kind}\n`).join('');
    inv.out.out(tabify(header + rows, TABLE_TABWRITER));
    return 0;
  },
};

export const apiVersionsVerb: Verb = {
  name: 'api-versions',
  group: 'Other Commands:',
  short: 'Print the supported API versions on the server, in the form of "group/version"',
  long: 'Print the supported API versions on the server, in the form of "group/version".',
  examples: `  # Print the supported API versions
  kubectl api-versions`,
  usage: 'kubectl api-versions [options]',
  flags: [],
  run(inv) {
    const versions = [...new Set(allResources().map(apiVersionOf))].sort();
    inv.out.out(versions.map((v) => `${v}\n`).join(''));
    return 0;
  },
};
