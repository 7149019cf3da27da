/**
 * The schema checks the simulated apiserver runs before validation: decoding the request body into
 * the Go type (wrong JSON types, unknown fields under kubectl's default --validate=strict) and the
 * Required-value errors of fields the OpenAPI schema marks required (k8s-semantics §12.4).
 *
 * It walks src/schema/kubernetes.structure.json (scripts/gen-k8s-schema.ts). kubernetes-models is not
 * used here: its validators ignore unknown fields and know no Go types, so they cannot produce the
 * decoder's messages; they follow the v1.33 schema (fields v1.32 rejects); and two kinds' validators
 * add ~500 KB to the worker bundle.
 */
import structure from '../../schema/kubernetes.structure.json';
import type { FieldError } from './errors';

export type FieldType = 'string' | 'integer' | 'boolean' | 'object' | 'array' | 'map' | 'intOrString' | 'quantity'
  | 'time' | 'bytes' | 'any';

/** One field: its JSON shape and its Go type as Go's encoding/json errors print it ("int32", "[]v1.Container"). */
export interface StructureField {
  type: FieldType;
  goType: string;
  /** For objects: the type id ("apps.v1.DeploymentSpec"). */
  ref?: string;
  /** For arrays: the element; for maps: the value. */
  items?: StructureField;
}

export interface StructureType {
  properties: Record<string, StructureField>;
  /** Fields the OpenAPI schema marks required. */
  required?: string[];
}

/** The shape of kubernetes.structure.json. */
export interface Structure {
  /** "apps/v1 Deployment" → type id. */
  kinds: Record<string, string>;
  types: Record<string, StructureType>;
}

/** A problem decoding the body: `path` as the strict decoder prints it, `message` as Go reports it. */
export interface DecodeProblem {
  path: string;
  message: string;
}

const STRUCTURE = structure as Structure;

function rootType(obj: Record<string, unknown>): string | undefined {
  return STRUCTURE.kinds[`${String(obj.apiVersion)} ${String(obj.kind)}`];
}

// The generator guarantees these; a miss means a hand-edited or stale structure file.
function typeShape(typeId: string): StructureType {
  const type = STRUCTURE.types[typeId];
  if (!type) throw new Error(`kubernetes.structure.json has no type ${typeId}`);
  return type;
}

function refOf(field: StructureField): string {
  if (field.ref === undefined) throw new Error(`kubernetes.structure.json: an object field without ref`);
  return field.ref;
}

function itemsOf(field: StructureField): StructureField {
  if (field.items === undefined) throw new Error(`kubernetes.structure.json: a ${field.type} field without items`);
  return field.items;
}

/** "apps.v1.DeploymentSpec" → "DeploymentSpec", the Go struct name. */
function structName(typeId: string): string {
  return typeId.slice(typeId.lastIndexOf('.') + 1);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Keys in the order the apiserver meets them: kubectl re-encodes manifests as JSON with sorted keys. */
function sortedKeys(value: Record<string, unknown>): string[] {
  return Object.keys(value).sort();
}

// ---------------------------------------------------------------------------------------------
// Decoding (apimachinery's strict JSON decoder over Go's encoding/json)

/** Go's name for a JSON value's kind in UnmarshalTypeError ("cannot unmarshal bool into ..."). */
function jsonKind(value: unknown): string {
  if (typeof value === 'boolean') return 'bool';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

const INT_RANGE: Record<string, [number, number]> = {
  int32: [-(2 ** 31), 2 ** 31 - 1],
  int64: [-(2 ** 63), 2 ** 63 - 1],
};

function fitsInt(value: number, goType: string): boolean {
  const [min, max] = INT_RANGE[goType];
  return Number.isInteger(value) && value >= min && value <= max;
}

const QUANTITY_FORMAT = "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'";
const QUANTITY_SUFFIX = "unable to parse quantity's suffix";
const QUANTITY_SUFFIXES = new Set(['', 'n', 'u', 'm', 'k', 'M', 'G', 'T', 'P', 'E', 'Ki', 'Mi', 'Gi', 'Ti', 'Pi', 'Ei']);

/**
 * Why resource.ParseQuantity rejects `text`, in its words, or undefined. The number is
 * sign, digits, optional "." and digits; the suffix is a known one or e/E and an integer.
 */
function quantityError(text: string): string | undefined {
  const match = /^[+-]?[0-9]*(?:\.[0-9]*)?/.exec(text);
  const rest = text.slice(match ? match[0].length : 0);
  const suffix = /^[eEinumkKMGTP]*(?:[+-]?[0-9]*)$/.exec(rest);
  if (text === '' || !suffix) return QUANTITY_FORMAT;
  if (QUANTITY_SUFFIXES.has(rest) || /^[eE][+-]?[0-9]+$/.test(rest)) return undefined;
  return QUANTITY_SUFFIX;
}

const BASE64 = /[A-Za-z0-9+/]/;

/**
 * Go's base64.StdEncoding.DecodeString: the offset of the first illegal byte, or -1. Line breaks are
 * skipped and padding is required. Offsets count characters: any non-ASCII one is itself the error.
 */
function base64ErrorOffset(src: string): number {
  let si = 0;
  while (si < src.length) {
    let j = 0;
    for (; j < 4 && si < src.length; si++) {
      const c = src[si];
      if (BASE64.test(c)) j++;
      else if (c === '=') return paddingError(src, si, j);
      else if (c !== '\n' && c !== '\r') return si;
    }
    if (j === 0) return -1;
    if (j < 4) return si - j;
  }
  return -1;
}

/** After `j` data characters, padding starts at `at`: it must complete the quantum and end the input. */
function paddingError(src: string, at: number, j: number): number {
  if (j < 2) return at;
  let si = skipLineBreaks(src, at + 1);
  if (j === 2) {
    if (si === src.length) return si;
    if (src[si] !== '=') return si - 1;
    si = skipLineBreaks(src, si + 1);
  }
  return si < src.length ? si : -1;
}

function skipLineBreaks(src: string, from: number): number {
  let si = from;
  while (si < src.length && (src[si] === '\n' || src[si] === '\r')) si++;
  return si;
}

/** Where the decoder is: the strict path (with indexes) and Go's error context (struct, path without indexes). */
interface Cursor {
  path: string;
  goStruct: string;
  goPath: string;
}

function fieldCursor(at: Cursor, typeId: string, name: string): Cursor {
  return {
    path: at.path ? `${at.path}.${name}` : name,
    goStruct: structName(typeId),
    goPath: at.goPath ? `${at.goPath}.${name}` : name,
  };
}

/**
 * One decode pass, as Go's decoder runs it: a type mismatch is saved and decoding goes on (the first
 * one is reported); an error from a type's own UnmarshalJSON (Quantity, IntOrString, Time) stops it;
 * unknown fields are collected for the strict error and matter only when decoding succeeded.
 */
class Decoder {
  fatal?: DecodeProblem;
  typeError?: DecodeProblem;
  readonly unknown: DecodeProblem[] = [];

  struct(value: Record<string, unknown>, typeId: string, at: Cursor): void {
    const { properties } = typeShape(typeId);
    for (const key of sortedKeys(value)) {
      if (this.fatal) return;
      const field = properties[key];
      const here = fieldCursor(at, typeId, key);
      if (field) this.value(value[key], field, here);
      else this.unknown.push({ path: here.path, message: `unknown field "${here.path}"` });
    }
  }

  private value(value: unknown, field: StructureField, at: Cursor): void {
    // null decodes into any Go type (a nil pointer, an empty slice, a zero value); undefined is
    // a key JSON would not carry.
    if (value === null || value === undefined || this.fatal) return;
    switch (field.type) {
      case 'string': return this.checkType(typeof value === 'string', value, field, at);
      case 'boolean': return this.checkType(typeof value === 'boolean', value, field, at);
      case 'integer': return this.integer(value, field, at);
      case 'object': return isObject(value) ? this.struct(value, refOf(field), at) : this.mismatch(value, field, at);
      case 'array': return this.array(value, field, at);
      case 'map': return this.map(value, field, at);
      case 'bytes': return this.bytes(value, field, at);
      case 'intOrString': return this.intOrString(value, at);
      case 'quantity': return this.quantity(value, at);
      case 'time': return this.time(value, at);
      case 'any': return;
    }
  }

  private integer(value: unknown, field: StructureField, at: Cursor): void {
    if (typeof value !== 'number') return this.mismatch(value, field, at);
    // Go names the number when it is one but does not fit: a fraction, or out of range.
    if (!fitsInt(value, field.goType)) this.mismatch(value, field, at, `number ${String(value)}`);
  }

  private array(value: unknown, field: StructureField, at: Cursor): void {
    if (!Array.isArray(value)) return this.mismatch(value, field, at);
    const items = itemsOf(field);
    value.forEach((item, i) => this.value(item, items, { ...at, path: `${at.path}[${i}]` }));
  }

  private map(value: unknown, field: StructureField, at: Cursor): void {
    if (!isObject(value)) return this.mismatch(value, field, at);
    const items = itemsOf(field);
    // Map values keep the map field's error context: Go adds struct fields to it, not map keys.
    for (const key of sortedKeys(value)) this.value(value[key], items, { ...at, path: `${at.path}.${key}` });
  }

  private bytes(value: unknown, field: StructureField, at: Cursor): void {
    if (typeof value !== 'string') return this.mismatch(value, field, at);
    const offset = base64ErrorOffset(value);
    if (offset >= 0) this.saveTypeError(at, `illegal base64 data at input byte ${offset}`);
  }

  /** IntOrString.UnmarshalJSON decodes a non-string with encoding/json into an int32, without field context. */
  private intOrString(value: unknown, at: Cursor): void {
    if (typeof value === 'string' || (typeof value === 'number' && fitsInt(value, 'int32'))) return;
    const what = typeof value === 'number' ? `number ${String(value)}` : jsonKind(value);
    this.fatal = { path: at.path, message: `json: cannot unmarshal ${what} into Go value of type int32` };
  }

  /** Quantity.UnmarshalJSON parses the JSON text (a string's content, or a number as written). */
  private quantity(value: unknown, at: Cursor): void {
    const text = typeof value === 'string' ? value.trim() : typeof value === 'number' ? String(value) : undefined;
    const error = text === undefined ? QUANTITY_FORMAT : quantityError(text);
    if (error) this.fatal = { path: at.path, message: error };
  }

  /** Time.UnmarshalJSON decodes a string with encoding/json; the RFC 3339 parse is not modelled. */
  private time(value: unknown, at: Cursor): void {
    if (typeof value !== 'string') {
      this.fatal = { path: at.path, message: `json: cannot unmarshal ${jsonKind(value)} into Go value of type string` };
    }
  }

  private checkType(ok: boolean, value: unknown, field: StructureField, at: Cursor): void {
    if (!ok) this.mismatch(value, field, at);
  }

  private mismatch(value: unknown, field: StructureField, at: Cursor, what = jsonKind(value)): void {
    this.saveTypeError(at, `json: cannot unmarshal ${what} into Go struct field ${at.goStruct}.${at.goPath} of type ${field.goType}`);
  }

  private saveTypeError(at: Cursor, message: string): void {
    this.typeError ??= { path: at.path, message };
  }
}

const ROOT: Cursor = { path: '', goStruct: '', goPath: '' };

interface Decoded {
  /** The error that fails decoding, if any. */
  error?: DecodeProblem;
  /** Unknown fields, in the order the decoder meets them. */
  unknown: DecodeProblem[];
}

/** Decodes a known kind; undefined for kinds the schema does not know (the caller reports those). */
function decode(obj: Record<string, unknown>): Decoded | undefined {
  const typeId = rootType(obj);
  if (!typeId) return undefined;
  const decoder = new Decoder();
  decoder.struct(obj, typeId, ROOT);
  return { error: decoder.fatal ?? decoder.typeError, unknown: decoder.unknown };
}

/**
 * What stops the body from decoding: the one error Go reports, or else every unknown field (each one
 * a warning under --validate=warn). Empty when it decodes, and for kinds the schema does not know.
 */
export function decodeProblems(obj: Record<string, unknown>): DecodeProblem[] {
  const decoded = decode(obj);
  if (!decoded) return [];
  return decoded.error ? [decoded.error] : decoded.unknown;
}

/** The first decode failure as the apiserver reports it (BadRequest), or undefined. */
export function decodeError(obj: Record<string, unknown>): string | undefined {
  const decoded = decode(obj);
  if (!decoded || (!decoded.error && !decoded.unknown.length)) return undefined;
  // apiserver transformDecodeError over the decoder's error or runtime.NewStrictDecodingError.
  const cause = decoded.error?.message ?? `strict decoding error: ${decoded.unknown.map((p) => p.message).join(', ')}`;
  const kind = String(obj.kind);
  const version = String(obj.apiVersion).split('/').pop();
  return `${kind} in version "${version}" cannot be handled as a ${kind}: ${cause}`;
}

// ---------------------------------------------------------------------------------------------
// Required fields

/**
 * The OpenAPI-required fields whose absence the apiserver reports as a bare `Required value`. The
 * apiserver does not enforce OpenAPI `required` for built-in kinds: its validation code does, and
 * for the other required fields it says something else (a non-pointer `template` is validated as
 * empty, `ServicePort.port` 0 is "must be between 1 and 65535", `pathType` has a detail...).
 */
const REPORTED_AS_REQUIRED = new Set([
  'DeploymentSpec.selector', 'ReplicaSetSpec.selector', 'StatefulSetSpec.selector', 'CronJobSpec.schedule',
  'PodSpec.containers', 'Container.name', 'ContainerPort.containerPort', 'EnvVar.name', 'Volume.name',
  'VolumeMount.name', 'VolumeMount.mountPath', 'KeyToPath.key', 'KeyToPath.path', 'ConfigMapKeySelector.key',
  'SecretKeySelector.key', 'ObjectFieldSelector.fieldPath', 'ResourceFieldSelector.resource', 'DownwardAPIVolumeFile.path',
  'HostPathVolumeSource.path', 'NFSVolumeSource.server', 'NFSVolumeSource.path', 'PersistentVolumeClaimVolumeSource.claimName',
  'CSIVolumeSource.driver', 'Taint.effect', 'CrossVersionObjectReference.kind', 'CrossVersionObjectReference.name',
  'HTTPIngressRuleValue.paths', 'IngressServiceBackend.name', 'IPBlock.cidr', 'RoleRef.name', 'Subject.name',
  'StorageClass.provisioner',
]);

/** Go validation tests the zero value: an empty string or list, or 0, is as missing as an absent field. */
function isMissing(value: unknown): boolean {
  return value === undefined || value === null || value === '' || value === 0 || (Array.isArray(value) && value.length === 0);
}

function requiredErrors(value: Record<string, unknown>, typeId: string, path: string, errors: FieldError[]): void {
  const type = typeShape(typeId);
  const name = structName(typeId);
  for (const field of type.required ?? []) {
    if (REPORTED_AS_REQUIRED.has(`${name}.${field}`) && isMissing(value[field])) {
      errors.push({ field: path ? `${path}.${field}` : field, message: 'Required value' });
    }
  }
  for (const [key, field] of Object.entries(type.properties)) {
    // Status is not validated on create or update of the main resource.
    if (!path && key === 'status') continue;
    requiredInValue(value[key], field, path ? `${path}.${key}` : key, errors);
  }
}

function requiredInValue(value: unknown, field: StructureField, path: string, errors: FieldError[]): void {
  if (field.type === 'object' && isObject(value)) requiredErrors(value, refOf(field), path, errors);
  if (field.type === 'array' && Array.isArray(value)) {
    const items = itemsOf(field);
    value.forEach((item, i) => requiredInValue(item, items, `${path}[${i}]`, errors));
  }
}

/** Schema-level Invalid field errors: required fields missing, as the apiserver's validation words them. */
export function schemaFieldErrors(obj: Record<string, unknown>): FieldError[] {
  const typeId = rootType(obj);
  const errors: FieldError[] = [];
  if (typeId) requiredErrors(obj, typeId, '', errors);
  return errors;
}
