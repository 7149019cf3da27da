/**
 * What kubectl's generators share (k8s.io/kubectl/pkg/cmd/create): the common flags, NAME from
 * the arguments, --dry-run, and printing the object. A generator builds the object kubectl's typed
 * client would send, with its fields in the Go structs' order, because `-o json` of a client dry
 * run prints them in that order (`-o yaml` sorts keys, so only JSON shows it).
 */
import { ApiError } from '../../api/errors';
import { resourceForKind } from '../../api/kinds';
import type { KubeObject } from '../../api/object';
import type { Invocation, Verb } from '../command';
import { KubectlError } from '../errors';
import type { FlagSpec } from '../flags';
import { toJson } from '../printers/json';
import { toYaml } from '../printers/yaml';
import { kindString } from '../resources';
import { HELP } from './create-help';

export type DryRun = 'none' | 'client' | 'server';

/** A Go struct as JSON: plain data whose key order is the struct's field order. */
export type GoObject = { [field: string]: GoValue };
export type GoValue = string | number | boolean | null | GoValue[] | GoObject;

/** In the order kubectl's error lists them (sorted). */
const OUTPUT_FORMATS = ['go-template', 'go-template-file', 'json', 'jsonpath', 'jsonpath-as-json', 'jsonpath-file', 'name', 'template', 'templatefile', 'yaml'];

/** The flags every generator has, as kubectl names them; their help texts come from HELP. */
function commonFlags(fieldManager: string): FlagSpec[] {
  return [
    { name: 'dry-run', type: 'string', default: 'none', noOptDefault: 'unchanged', usage: '' },
    { name: 'output', shorthand: 'o', type: 'string', default: '', usage: '' },
    { name: 'field-manager', type: 'string', default: fieldManager, usage: '' },
    { name: 'validate', type: 'string', default: 'strict', noOptDefault: 'strict', usage: '' },
  ];
}

/**
 * A generator's Verb: `path` keys its help text ("create deployment"), `flags` are its own, and
 * the common ones are added with kubectl's usage lines.
 */
export function generatorVerb(
  path: string,
  flags: FlagSpec[],
  run: Verb['run'],
  options: { required?: string[]; fieldManager?: string; aliases?: string[] } = {},
): Verb {
  const help = HELP[path];
  const all = [...flags, ...commonFlags(options.fieldManager ?? 'kubectl-create')].map((f) => ({ ...f, usage: help.flags[f.name] ?? f.usage }));
  return {
    name: path.split(' ').at(-1)!,
    aliases: options.aliases,
    short: help.short,
    long: help.long,
    examples: help.examples,
    usage: help.usage,
    flags: all,
    required: options.required,
    run,
  };
}

/** cmdutil.GetDryRunStrategy; a bare --dry-run is the deprecated spelling of client. */
export function dryRunStrategy(inv: Invocation): DryRun {
  const value = inv.flags.string('dry-run');
  if (value === 'unchanged' || value === 'client') return 'client';
  if (value === 'none' || value === 'server') return value;
  throw new KubectlError(`Invalid dry-run value (${value}). Must be "none", "server", or "client".`);
}

/** PrintFlags.ToPrinter: the -o value, checked before anything is built. */
export function outputFormat(inv: Invocation): string {
  const value = inv.flags.string('output');
  const format = value.split('=')[0];
  if (format && !OUTPUT_FORMATS.includes(format)) {
    throw new KubectlError(`unable to match a printer suitable for the output format ${JSON.stringify(value)}, allowed formats are: ${OUTPUT_FORMATS.join(',')}`);
  }
  if (format && !['json', 'yaml', 'name'].includes(format)) throw new KubectlError(`kubesim does not support -o ${format} yet; use -o yaml, json or name`);
  return format;
}

/** NameFromCommandArgs: exactly one argument before any `--`. */
export function nameArg(inv: Invocation): string {
  const count = inv.argsLenAtDash !== undefined && inv.argsLenAtDash >= 0 ? inv.argsLenAtDash : inv.args.length;
  if (count !== 1) throw new KubectlError(`exactly one NAME is required, got ${count}\nSee 'kubectl ${inv.path} -h' for help and examples`);
  return inv.args[0];
}

/** The arguments after `--` (the container's command), or undefined without any. */
export function commandAfterDash(inv: Invocation): string[] | undefined {
  const at = inv.argsLenAtDash ?? -1;
  const rest = at >= 0 ? inv.args.slice(at) : [];
  return rest.length ? rest : undefined;
}

/** ObjectMeta in its Go field order, as a client-side object serialises before the server has seen it. */
export function objectMeta(inv: Invocation, fields: { name: string; labels?: Record<string, string>; annotations?: Record<string, string>; namespaced?: boolean }): GoObject {
  const meta: GoObject = { name: fields.name };
  // EnforceNamespace: only an explicit -n lands in a client-side object.
  if (fields.namespaced !== false && inv.namespaceGiven) meta.namespace = inv.namespace;
  meta.creationTimestamp = null;
  if (fields.labels && Object.keys(fields.labels).length) meta.labels = sortedMap(fields.labels);
  if (fields.annotations && Object.keys(fields.annotations).length) meta.annotations = sortedMap(fields.annotations);
  return meta;
}

/** A Go map as encoding/json writes it: keys sorted. */
export function sortedMap<T extends GoValue>(map: Record<string, T>): Record<string, T> {
  return Object.fromEntries(Object.entries(map).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** `-o json` of a typed object: json.MarshalIndent with four spaces, keys in struct order, HTML-safe escapes. */
export function goJson(value: GoObject): string {
  const text = JSON.stringify(value, null, 4);
  return `${text.replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)}\n`;
}

/** What the server is sent: the client object without the fields only the Go serialisation adds. */
function forServer(object: GoObject, namespace: string | undefined): KubeObject {
  const copy = JSON.parse(JSON.stringify(object)) as KubeObject & { status?: unknown };
  delete (copy.metadata as { creationTimestamp?: unknown }).creationTimestamp;
  delete copy.status;
  if (namespace !== undefined) copy.metadata.namespace = namespace;
  return copy;
}

export interface CreateOptions {
  /** How kubectl wraps a failed create ("failed to create deployment: "), or nothing to print the API error itself. */
  failurePrefix?: string;
  /** What comes after the name when nothing else is asked for ("created"). */
  verb?: string;
}

/** `o.PrintObj` of what was created, or would be: the name with "created (dry run)", or -o json|yaml|name. */
export function printObject(inv: Invocation, object: GoObject | KubeObject, format: string, dryRun: DryRun, clientSide: boolean, verb = 'created'): void {
  const kind = String(object.kind);
  const info = resourceForKind(kind);
  const name = (object.metadata as { name?: string }).name ?? '';
  const qualified = `${info ? kindString(info) : kind.toLowerCase()}/${name}`;
  if (format === 'yaml') inv.out.out(toYaml(object));
  else if (format === 'json') inv.out.out(clientSide ? goJson(object as GoObject) : toJson(object));
  else if (format === 'name') inv.out.out(`${qualified}\n`);
  else inv.out.out(`${qualified} ${verb}${dryRun === 'client' ? ' (dry run)' : dryRun === 'server' ? ' (server dry run)' : ''}\n`);
}

/**
 * Sends the generated object (or, with --dry-run=client, only prints it): kubectl's Run of every
 * generator. `format` was checked before the object was built, as kubectl's Complete does.
 */
export function createGenerated(inv: Invocation, object: GoObject, format: string, dryRun: DryRun, options: CreateOptions = {}): void {
  if (dryRun === 'client') {
    printObject(inv, object, format, dryRun, true, options.verb);
    return;
  }
  const info = resourceForKind(String(object.kind));
  let created: KubeObject;
  try {
    created = inv.ctx.api.create(forServer(object, info?.namespaced ? inv.namespace : undefined), 'kubectl', { dryRun: dryRun === 'server' });
  } catch (err) {
    if (err instanceof ApiError && options.failurePrefix !== undefined) throw new KubectlError(`${options.failurePrefix}${err.message}`);
    throw err;
  }
  printObject(inv, created, format, dryRun, false, options.verb);
}
