/** Flags several verbs share, with kubectl's help texts. */
import { KubectlError } from '../errors';
import type { FlagSpec } from '../flags';

export const ALL_NAMESPACES: FlagSpec = {
  name: 'all-namespaces',
  shorthand: 'A',
  type: 'bool',
  default: false,
  usage: 'If present, list the requested object(s) across all namespaces. Namespace in current context is ignored even if specified with --namespace.',
};

/** -A of label and annotate, whose help words it differently from get's. */
export const ALL_NAMESPACES_CHECK: FlagSpec = {
  name: 'all-namespaces',
  shorthand: 'A',
  type: 'bool',
  default: false,
  usage: 'If true, check the specified action in all namespaces.',
};

export const SELECTOR: FlagSpec = {
  name: 'selector',
  shorthand: 'l',
  type: 'string',
  default: '',
  usage: "Selector (label query) to filter on, supports '=', '==', and '!='.(e.g. -l key1=value1,key2=value2). Matching objects must satisfy all of the specified label constraints.",
};

export const IGNORE_NOT_FOUND: FlagSpec = {
  name: 'ignore-not-found',
  type: 'bool',
  default: false,
  usage: 'If the requested object does not exist the command will return exit code 0.',
};

export const ALL: FlagSpec = { name: 'all', type: 'bool', default: false, usage: 'Select all resources, in the namespace of the specified resource types' };

/** --overwrite of label ("labels", "label") and annotate ("annotations", "annotation"). */
export const OVERWRITE = (plural: string, singular: string): FlagSpec => ({
  name: 'overwrite',
  type: 'bool',
  default: false,
  usage: `If true, allow ${plural} to be overwritten, otherwise reject ${singular} updates that overwrite existing ${plural}.`,
});

/** --resource-version of label ("labels") and annotate ("annotation"), kubectl's wording each. */
export const RESOURCE_VERSION = (what: string): FlagSpec => ({
  name: 'resource-version',
  type: 'string',
  default: '',
  usage: `If non-empty, the ${what} update will only succeed if this is the current resource-version for the object. Only valid when specifying a single resource.`,
});

/**
 * cmdutil.GetResourcesAndPairs: the words before the first `key=value` or `key-` name resources,
 * the rest are the changes (label, annotation, image); a resource after a change is an error.
 */
export function resourcesAndPairs(args: readonly string[], pairType: string): { resources: string[]; pairs: string[] } {
  const resources: string[] = [];
  const pairs: string[] = [];
  for (const arg of args) {
    const isPair = (arg.includes('=') && !arg.startsWith('=')) || (arg.endsWith('-') && arg !== '-');
    if (isPair) pairs.push(arg);
    else if (pairs.length) throw new KubectlError(`all resources must be specified before ${pairType} changes: ${arg}`);
    else resources.push(arg);
  }
  return { resources, pairs };
}

/** cmdutil.ParsePairs: `key=value` (split at the first "="), and `key-` removals where allowed. */
export function parsePairs(pairArgs: readonly string[], pairType: string, supportRemove: boolean): { set: Map<string, string>; remove: string[] } {
  const set = new Map<string, string>();
  const remove: string[] = [];
  const invalid: string[] = [];
  for (const arg of pairArgs) {
    if (arg.includes('=') && !arg.startsWith('=')) {
      const eq = arg.indexOf('=');
      set.set(arg.slice(0, eq), arg.slice(eq + 1));
    } else if (supportRemove && arg.endsWith('-') && arg !== '-') {
      remove.push(arg.slice(0, -1));
    } else {
      invalid.push(arg);
    }
  }
  if (invalid.length) throw new KubectlError(`invalid ${pairType} format: ${invalid.join(', ')}`);
  return { set, remove };
}
