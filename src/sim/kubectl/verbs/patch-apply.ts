/**
 * The three patch types the API server applies (apiserver endpoints/handlers/patch.go): JSON merge
 * patch (RFC 7386), JSON patch (RFC 6902, with evanphx/json-patch v4's error texts) and strategic
 * merge patch, which kubesim plays as a merge patch whose lists of named things merge by key.
 */
import { deepEqual } from '../../util/equal';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

/** A patch that cannot apply, with the API status reason the server answers it with. */
export class PatchError extends Error {
  constructor(
    readonly reason: 'BadRequest' | 'Invalid',
    message: string,
  ) {
    super(message);
  }
}

function isObject(v: Json | undefined): v is JsonObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function copy<T extends Json>(v: T): T {
  return JSON.parse(JSON.stringify(v)) as T;
}

/** RFC 7386: objects merge, null deletes, anything else (lists too) replaces. */
export function mergePatch(target: Json | undefined, patch: Json): Json {
  if (!isObject(patch)) return copy(patch);
  const out: JsonObject = isObject(target) ? copy(target) : {};
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete out[key];
    else out[key] = mergePatch(out[key], value);
  }
  return out;
}

/**
 * The patchMergeKey of the core types' lists kubesim merges: containers, env, volumes and mounts
 * by name or path; a container's ports by containerPort, a Service's by port.
 */
function mergeKey(field: string, parent: string): string | undefined {
  switch (field) {
    case 'containers':
    case 'initContainers':
    case 'ephemeralContainers':
    case 'env':
    case 'volumes':
    case 'imagePullSecrets':
      return 'name';
    case 'volumeMounts':
      return 'mountPath';
    case 'ports':
      return parent === 'containers' || parent === 'initContainers' ? 'containerPort' : 'port';
    default:
      return undefined;
  }
}

/** Strategic merge: as a merge patch, but keyed lists merge item by item; `$patch: delete|replace` directives. */
export function strategicMerge(target: Json | undefined, patch: Json, field = '', parent = ''): Json {
  if (Array.isArray(patch)) {
    const key = mergeKey(field, parent);
    if (!key || !Array.isArray(target)) return copy(patch.filter((p) => !(isObject(p) && p.$patch !== undefined)));
    if (patch.some((p) => isObject(p) && p.$patch === 'replace')) return copy(patch.filter((p) => !(isObject(p) && p.$patch === 'replace')));
    const out = copy(target);
    for (const item of patch) {
      if (!isObject(item)) continue;
      const at = out.findIndex((o) => isObject(o) && deepEqual(o[key], item[key]));
      if (item.$patch === 'delete') {
        if (at >= 0) out.splice(at, 1);
        continue;
      }
      if (at >= 0) out[at] = strategicMerge(out[at], item, '', field);
      else out.push(strategicMerge(undefined, item, '', field));
    }
    return out;
  }
  if (!isObject(patch)) return copy(patch);
  if (patch.$patch === 'replace') {
    const rest = { ...patch };
    delete rest.$patch;
    return copy(rest);
  }
  const out: JsonObject = isObject(target) ? copy(target) : {};
  // A list item's fields belong to the list (a container's ports); a plain object's to its own field.
  const owner = field || parent;
  for (const [k, value] of Object.entries(patch)) {
    if (k === '$patch') continue;
    if (value === null) delete out[k];
    else out[k] = strategicMerge(out[k], value, k, owner);
  }
  return out;
}

/** RFC 6901 pointer segments. */
function segments(path: string): string[] {
  if (path === '') return [];
  return path.slice(1).split('/').map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

interface Located {
  container: JsonObject | Json[];
  key: string;
}

/** The parent of `path` and the last segment, or undefined when the parent is missing. */
function locate(doc: Json, path: string): Located | undefined {
  const parts = segments(path);
  let node: Json | undefined = doc;
  for (const part of parts.slice(0, -1)) {
    if (Array.isArray(node)) node = /^\d+$/.test(part) ? node[Number(part)] : undefined;
    else if (isObject(node)) node = node[part];
    else return undefined;
  }
  if (!Array.isArray(node) && !isObject(node)) return undefined;
  return { container: node, key: parts.at(-1) ?? '' };
}

function invalidIndex(op: string, path: string, key: string): PatchError {
  return new PatchError('BadRequest', `error in ${op} for path: '${path}': Unable to access invalid index: ${key}: invalid index referenced`);
}

function getAt(loc: Located): Json | undefined {
  if (Array.isArray(loc.container)) return /^\d+$/.test(loc.key) ? loc.container[Number(loc.key)] : undefined;
  return Object.prototype.hasOwnProperty.call(loc.container, loc.key) ? loc.container[loc.key] : undefined;
}

function add(doc: Json, path: string, value: Json): Json {
  if (path === '') return copy(value);
  const loc = locate(doc, path);
  if (!loc) throw new PatchError('BadRequest', `add operation does not apply: doc is missing path: "${path}": missing value`);
  if (Array.isArray(loc.container)) {
    const index = loc.key === '-' ? loc.container.length : Number(loc.key);
    if (!/^(\d+|-)$/.test(loc.key) || index > loc.container.length) throw invalidIndex('add', path, loc.key);
    loc.container.splice(index, 0, copy(value));
  } else {
    loc.container[loc.key] = copy(value);
  }
  return doc;
}

function remove(doc: Json, path: string, op = 'remove', shown = path): Json {
  const loc = locate(doc, path);
  if (!loc) throw new PatchError('BadRequest', `${op} operation does not apply: doc is missing path: "${path}": missing value`);
  if (Array.isArray(loc.container)) {
    const index = Number(loc.key);
    if (!/^\d+$/.test(loc.key) || index >= loc.container.length) throw invalidIndex(op, shown, loc.key);
    loc.container.splice(index, 1);
  } else {
    if (!Object.prototype.hasOwnProperty.call(loc.container, loc.key)) {
      throw new PatchError('BadRequest', `error in ${op} for path: '${shown}': Unable to remove nonexistent key: ${loc.key}: missing value`);
    }
    delete loc.container[loc.key];
  }
  return doc;
}

function replace(doc: Json, path: string, value: Json): Json {
  if (path === '') return copy(value);
  const loc = locate(doc, path);
  if (!loc) throw new PatchError('BadRequest', `replace operation does not apply: doc is missing path: ${path}: missing value`);
  if (Array.isArray(loc.container)) {
    const index = Number(loc.key);
    if (!/^\d+$/.test(loc.key) || index >= loc.container.length) throw invalidIndex('replace', path, loc.key);
    loc.container[index] = copy(value);
  } else {
    loc.container[loc.key] = copy(value);
  }
  return doc;
}

function valueAt(doc: Json, path: string): Json | undefined {
  if (path === '') return doc;
  const loc = locate(doc, path);
  return loc && getAt(loc);
}

/** RFC 6902 over a copy of `doc`: add, remove, replace, move, copy and test, in order. */
export function jsonPatch(doc: Json, patch: Json): Json {
  if (!Array.isArray(patch)) throw new PatchError('BadRequest', `json: cannot unmarshal ${isObject(patch) ? 'object' : typeof patch} into Go value of type jsonpatch.Patch`);
  let out = copy(doc);
  for (const op of patch) {
    const o = isObject(op) ? op : {};
    const kind = typeof o.op === 'string' ? o.op : '';
    const path = typeof o.path === 'string' ? o.path : '';
    const from = typeof o.from === 'string' ? o.from : '';
    if (kind !== 'test' && kind !== 'move' && kind !== 'copy' && kind !== 'add' && kind !== 'remove' && kind !== 'replace') {
      throw new PatchError('BadRequest', `Unexpected kind: ${kind}`);
    }
    if (typeof o.path !== 'string') throw new PatchError('BadRequest', `${kind} operation failed to decode path`);
    switch (kind) {
      case 'add':
        out = add(out, path, o.value ?? null);
        break;
      case 'remove':
        out = remove(out, path);
        break;
      case 'replace':
        out = replace(out, path, o.value ?? null);
        break;
      case 'move': {
        const value = valueAt(out, from);
        out = remove(out, from, 'move', segments(from).at(-1) ?? '');
        if (value !== undefined) out = add(out, path, value);
        break;
      }
      case 'copy': {
        const value = valueAt(out, from);
        if (value === undefined) throw new PatchError('BadRequest', `error in copy for from: '${from}': copy operation does not apply: doc is missing from path: ${from}: missing value`);
        out = add(out, path, value);
        break;
      }
      case 'test':
        if (!deepEqual(valueAt(out, path) ?? null, o.value ?? null)) throw new PatchError('Invalid', `testing value ${path} failed: test failed`);
        break;
    }
  }
  return out;
}
