/**
 * `kubectl apply` (client-side): one result per YAML document, each applied on its own so a bad
 * document does not stop the others, with kubectl's words for success and failure.
 */
import { ApiError } from './api/errors';
import { servesVersion, toVersion } from './api/conversion';
import { qualifiedResource, resourceForKind } from './api/kinds';
import { clone, type KubeObject } from './api/object';
import type { ApiServer } from './api/server';
import type { ApplyResult } from './contract';
import { parseManifests, type ManifestDocument } from './manifest';
import { deepEqual } from './util/equal';

export const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * The three-way merge of client-side apply: fields in the new config win, fields the last
 * applied config had but the new one dropped are removed, everything else on the live object
 * (status, controller-written fields) stays. Lists are replaced whole.
 */
export function threeWayMerge(live: unknown, last: unknown, config: unknown): unknown {
  if (!isObject(config) || !isObject(live)) return clone(config);
  const out: Json = { ...live };
  for (const [key, value] of Object.entries(config)) {
    out[key] = threeWayMerge(live[key], isObject(last) ? last[key] : undefined, value);
  }
  if (isObject(last)) for (const key of Object.keys(last)) if (!(key in config)) delete out[key];
  return out;
}

/** How kubectl prints an API error for a document (k8s-semantics §12.1). */
export function kubectlErrorText(err: ApiError, source: string, creating: boolean): string {
  if (err.reason === 'Invalid' && err.kind) {
    const causes = [...new Set(err.causes.map((c) => `${c.field}: ${c.message}`))];
    if (causes.length === 1) return `The ${err.kind} "${err.objectName}" is invalid: ${causes[0]}`;
    return `The ${err.kind} "${err.objectName}" is invalid: \n${causes.map((c) => `* ${c}`).join('\n')}`;
  }
  const verb = creating ? 'creating' : 'applying patch to';
  return `Error from server (${err.reason}): error when ${verb} "${source}": ${err.message}`;
}

function errorLine(doc: ManifestDocument, err: ApiError): { line: number; fields: { field: string; message: string; line: number }[] } {
  const fields = err.causes.map((c) => ({ field: c.field, message: `${c.field}: ${c.message}`, line: doc.lineOf(c.field) }));
  const named = /unknown field "([^"]+)"|Go struct field \w+\.([\w.]+) of type/.exec(err.message);
  const line = fields[0]?.line ?? (named ? doc.lineOf(named[1] ?? named[2]) : doc.line);
  return { line, fields };
}

function applyDocument(api: ApiServer, doc: ManifestDocument, source: string, actor: string): ApplyResult {
  if (doc.error) {
    const detail = doc.error.located ? `line ${doc.error.line}: ${doc.error.message}` : doc.error.message;
    const message = `error: error parsing ${source}: error converting YAML to JSON: yaml: ${detail}`;
    return { index: doc.index, message, error: { message, line: doc.error.line } };
  }
  const obj = doc.value;
  if (!isObject(obj)) {
    const message = `error: error parsing ${source}: error unmarshaling JSON: json: cannot unmarshal ${Array.isArray(obj) ? 'array' : typeof obj} into Go value of type map[string]interface {}`;
    return { index: doc.index, message, error: { message, line: doc.line } };
  }
  const missing = ['apiVersion', 'kind'].filter((f) => typeof obj[f] !== 'string' || !obj[f]);
  if (missing.length) {
    const message = `error: error validating "${source}": error validating data: [${missing.map((f) => `${f} not set`).join(', ')}]; if you choose to ignore these errors, turn validation off with --validate=false`;
    return { index: doc.index, message, error: { message, line: doc.line } };
  }
  const kind = obj.kind as string;
  const meta = isObject(obj.metadata) ? obj.metadata : {};
  const name = typeof meta.name === 'string' ? meta.name : '';
  const namespace = typeof meta.namespace === 'string' ? meta.namespace : undefined;
  const info = resourceForKind(kind);
  if (!info || !servesVersion(info, obj.apiVersion)) {
    const message = `error: resource mapping not found for name: "${name}" namespace: "${namespace ?? ''}" from "${source}": no matches for kind "${kind}" in version "${obj.apiVersion}"\nensure CRDs are installed first`;
    return { index: doc.index, kind, name, message, error: { message, line: doc.lineOf('kind') } };
  }
  if (!name) {
    const message = `error: error when retrieving current configuration of:\nResource: "${qualifiedResource(info)}", GroupVersionKind: "${obj.apiVersion}, Kind=${kind}"\nName: "", Namespace: "${namespace ?? (info.namespaced ? 'default' : '')}"\nfrom server for: "${source}": resource name may not be empty`;
    return { index: doc.index, kind, message, error: { message, line: doc.lineOf('metadata') } };
  }
  const typeName = info.group ? `${info.singular}.${info.group}` : info.singular;
  const config = clone(obj) as KubeObject;
  const live = api.get(kind, namespace, name);
  const lastApplied = JSON.stringify(withoutLastApplied(config));
  api.takeWarnings();
  try {
    if (!live) {
      config.metadata = { ...config.metadata, annotations: { ...(config.metadata?.annotations ?? {}), [LAST_APPLIED]: `${lastApplied}\n` } };
      api.create(config, actor);
      return { index: doc.index, kind, name, namespace, action: 'created', message: `${typeName}/${name} created`, ...warnings(api) };
    }
    const previous = parseLastApplied(live.metadata.annotations?.[LAST_APPLIED]);
    // kubectl reads the live object in the version of the manifest it merges into.
    const merged = threeWayMerge(toVersion(live, config.apiVersion), previous, config) as KubeObject;
    merged.metadata = { ...merged.metadata, annotations: { ...(merged.metadata.annotations ?? {}), [LAST_APPLIED]: `${lastApplied}\n` } };
    delete merged.metadata.resourceVersion;
    const written = api.update(merged, actor, 'patch');
    const action = written === live || deepEqual(written, live) ? 'unchanged' : 'configured';
    return { index: doc.index, kind, name, namespace, action, message: `${typeName}/${name} ${action}`, ...warnings(api) };
  } catch (err) {
    if (!(err instanceof ApiError)) throw err;
    const message = kubectlErrorText(err, source, !live);
    return { index: doc.index, kind, name, namespace, message, error: { message, reason: err.reason, apiMessage: err.message, ...errorLine(doc, err) } };
  }
}

/** The apiserver's warnings for the request just made, when it gave any. */
function warnings(api: ApiServer): Pick<ApplyResult, 'warnings'> {
  const taken = api.takeWarnings();
  return taken.length ? { warnings: taken } : {};
}

function withoutLastApplied(obj: KubeObject): KubeObject {
  const copy = clone(obj);
  if (copy.metadata?.annotations) {
    delete copy.metadata.annotations[LAST_APPLIED];
    if (Object.keys(copy.metadata.annotations).length === 0) delete copy.metadata.annotations;
  }
  return copy;
}

function parseLastApplied(text: string | undefined): unknown {
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** Applies every document of `text`; `source` is the file name kubectl would print ("STDIN"). */
export function applyYaml(api: ApiServer, text: string, actor = 'kubectl', source = 'STDIN'): ApplyResult[] {
  return parseManifests(text).map((doc) => applyDocument(api, doc, source, actor));
}
