/**
 * Which objects a command's arguments name, as cli-runtime's resource.Builder decides it:
 * `TYPE[,TYPE...] [NAME...]`, `TYPE/NAME ...`, the `all` category, `-l` selectors and `--all`,
 * with the builder's own error texts. Lookups continue past a missing object (ContinueOnError):
 * the NotFound errors come back beside the objects that were found.
 */
import { ApiError } from '../api/errors';
import { parseSelectorString, SelectorParseError } from '../api/labels';
import { resolveResource, type ResourceInfo } from '../api/kinds';
import type { KubeObject } from '../api/object';
import type { ApiServer } from '../api/server';
import { KubectlError } from './errors';

/** The resources of the `all` category in discovery order; the simulated server serves a subset. */
const ALL_CATEGORY = [
  'pods',
  'replicationcontrollers',
  'services',
  'daemonsets.apps',
  'deployments.apps',
  'replicasets.apps',
  'statefulsets.apps',
  'horizontalpodautoscalers.autoscaling',
  'cronjobs.batch',
  'jobs.batch',
];

const MISSING_RESOURCE_ERROR = `You must provide one or more resources by argument or filename.
Example resource specifications include:
   '-f rsrc.yaml'
   '--filename=rsrc.json'
   '<resource> <name>'
   '<resource>'`;

export interface ResourceQuery {
  args: readonly string[];
  /** The namespace in effect: -n, else "default". */
  namespace: string;
  allNamespaces: boolean;
  /** -l / --selector. */
  selector?: string;
  /** delete's --all. */
  selectAll?: boolean;
  /** Whether a bare TYPE lists every object of it (get, describe) rather than being an error (delete). */
  allowEmptySelector: boolean;
}

export interface Found {
  info: ResourceInfo;
  object: KubeObject;
}

export interface QueryResult {
  found: Found[];
  /** Objects named but missing (NotFound), in argument order. */
  errors: ApiError[];
  /** One object was named: -o yaml prints it bare rather than as a List. */
  singleItemImplied: boolean;
}

function splitTypes(arg: string): string[] {
  return [...new Set(arg.split(','))];
}

function expandCategories(arg: string): string {
  return arg
    .split(',')
    .map((t) => (t === 'all' ? ALL_CATEGORY.filter((r) => resolveResource(r)).join(',') : t))
    .join(',');
}

/** mappingFor: the resource a typed name refers to, or the builder's "doesn't have a resource type". */
export function mappingFor(typed: string): ResourceInfo {
  const info = resolveResource(typed);
  if (!info) {
    const resource = typed.includes('.') ? typed.slice(0, typed.indexOf('.')) : typed;
    throw new KubectlError(`the server doesn't have a resource type ${JSON.stringify(resource)}`);
  }
  return info;
}

/** Unique mappings in argument order (`po,pods` is one resource). */
function mappings(types: readonly string[]): ResourceInfo[] {
  const out: ResourceInfo[] = [];
  for (const t of types) {
    const info = mappingFor(t);
    if (!out.includes(info)) out.push(info);
  }
  return out;
}

/** normalizeMultipleResourcesArgs: `pods,deploy web` → `pods/web deploy/web`. */
function normalize(args: readonly string[]): string[] {
  if (args.length >= 2) {
    const types = splitTypes(args[0]);
    if (types.length > 1) return types.flatMap((t) => args.slice(1).map((name) => `${t}/${name}`));
  }
  return [...args];
}

interface Parsed {
  types: string[];
  names: string[];
  tuples: { type: string; name: string }[];
}

function parseArgs(raw: readonly string[]): Parsed {
  const args = normalize(raw);
  const slashed = args.filter((a) => a.includes('/')).length;
  if (slashed > 0 && slashed !== args.length) {
    throw new KubectlError(
      "there is no need to specify a resource type as a separate argument when passing arguments in resource/name form (e.g. 'kubectl get resource/<resource_name>' instead of 'kubectl get resource resource/<resource_name>'",
    );
  }
  if (slashed > 0) {
    const tuples = args.map((a) => {
      const seg = a.split('/');
      if (seg.length !== 2) throw new KubectlError('arguments in resource/name form may not have more than one slash');
      const [type, name] = seg;
      if (!type || !name || splitTypes(type).length !== 1) throw new KubectlError('arguments in resource/name form must have a single resource and name');
      return { type, name };
    });
    return { types: [], names: [], tuples };
  }
  if (args.length === 0) return { types: [], names: [], tuples: [] };
  return { types: splitTypes(expandCategories(args[0])), names: args.slice(1), tuples: [] };
}

function namespaceFor(info: ResourceInfo, query: ResourceQuery): string | undefined {
  if (!info.namespaced) return undefined;
  if (query.allNamespaces) throw new KubectlError('a resource cannot be retrieved by name across all namespaces');
  return query.namespace;
}

function getByName(api: ApiServer, info: ResourceInfo, name: string, query: ResourceQuery, result: QueryResult): void {
  try {
    result.found.push({ info, object: api.read(info.kind, namespaceFor(info, query), name) });
  } catch (err) {
    if (!(err instanceof ApiError)) throw err;
    result.errors.push(err);
  }
}

export function findResources(api: ApiServer, query: ResourceQuery): QueryResult {
  const { types, names, tuples } = parseArgs(query.args);
  let selector = query.selector?.trim() || undefined;
  if (query.selectAll && selector) throw new KubectlError("setting 'all' parameter but found a non empty selector. ");
  if (query.selectAll || (query.allowEmptySelector && types.length > 0 && names.length === 0 && !selector)) selector ??= '';
  const result: QueryResult = { found: [], errors: [], singleItemImplied: false };

  if (selector !== undefined) {
    if (names.length) throw new KubectlError('name cannot be provided when a selector is specified');
    if (tuples.length) throw new KubectlError('selectors and the all flag cannot be used when passing resource/name arguments');
    if (types.length === 0) throw new KubectlError('at least one resource must be specified to use a selector');
    const infos = mappings(types);
    let matches: (labels: Record<string, string> | undefined) => boolean;
    try {
      matches = parseSelectorString(selector);
    } catch (err) {
      if (!(err instanceof SelectorParseError)) throw err;
      // kubectl sends the selector as it is; the apiserver's list handler is what refuses it.
      const gvr = `${infos[0].group}/${infos[0].version}, Resource=${infos[0].resource}`;
      throw new ApiError('BadRequest', `Unable to find ${JSON.stringify(gvr)} that match label selector ${JSON.stringify(query.selector ?? '')}, field selector "": ${err.message}`);
    }
    for (const info of infos) {
      const namespace = info.namespaced && !query.allNamespaces ? query.namespace : undefined;
      for (const object of api.list(info.kind, namespace)) if (matches(object.metadata.labels)) result.found.push({ info, object });
    }
    return result;
  }
  if (tuples.length) {
    const infos = new Map(tuples.map((t) => [t.type, mappingFor(t.type)]));
    result.singleItemImplied = tuples.length === 1;
    for (const t of tuples) getByName(api, infos.get(t.type)!, t.name, query, result);
    return result;
  }
  if (names.length) {
    if (types.length > 1) throw new KubectlError('you must specify only one resource');
    const [info] = mappings(types);
    result.singleItemImplied = names.length === 1;
    for (const name of names) getByName(api, info, name, query, result);
    return result;
  }
  if (types.length) {
    mappings(types);
    throw new KubectlError('resource(s) were provided, but no name was specified');
  }
  throw new KubectlError(MISSING_RESOURCE_ERROR);
}

/** `deployment.apps`, `pod`: how kubectl names a kind in "kind/name" and "kind "name" deleted". */
export function kindString(info: ResourceInfo): string {
  return info.group ? `${info.kind.toLowerCase()}.${info.group}` : info.kind.toLowerCase();
}
