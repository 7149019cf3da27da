/** ValidateConfigMap and ValidateSecret (pkg/apis/core/validation), with v1.32's messages. */
import type { ConfigMap, Secret } from '../types';
import type { FieldError } from '../errors';
import { goValue } from '../gosyntax';
import { decodeBase64Bytes, utf8Length } from '../../util/base64';

/** core.MaxSecretSize, which also bounds a ConfigMap. */
export const MAX_CONFIG_SIZE = 1024 * 1024;

const CONFIG_KEY = /^[-._a-zA-Z0-9]+$/;
const CONFIG_KEY_MSG =
  "a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')";

/** validation.IsConfigMapKey. */
export function configKeyProblems(key: string): string[] {
  const problems: string[] = [];
  if (key.length > 253) problems.push('must be no more than 253 characters');
  if (!CONFIG_KEY.test(key)) problems.push(CONFIG_KEY_MSG);
  if (key === '.') problems.push("must not be '.'");
  else if (key === '..') problems.push("must not be '..'");
  else if (key.startsWith('..')) problems.push("must not start with '..'");
  return problems;
}

const tooLong = (field: string): FieldError => ({ field, message: `Too long: may not be more than ${MAX_CONFIG_SIZE} bytes` });

function keyErrors(path: string, keys: string[], errors: FieldError[]): void {
  for (const key of [...keys].sort()) {
    for (const p of configKeyProblems(key)) errors.push({ field: `${path}[${key}]`, message: `Invalid value: ${goValue(key)}: ${p}` });
  }
}

function immutableErrors(obj: ConfigMap | Secret, old: ConfigMap | Secret | undefined, errors: FieldError[]): void {
  if (!old?.immutable) return;
  if (!obj.immutable) errors.push({ field: 'immutable', message: 'Forbidden: field is immutable when `immutable` is set' });
  const same = (a: unknown, b: unknown) => JSON.stringify(a ?? {}) === JSON.stringify(b ?? {});
  if (!same(obj.data, old.data)) errors.push({ field: 'data', message: 'Forbidden: field is immutable when `immutable` is set' });
  if ('binaryData' in obj && !same((obj as ConfigMap).binaryData, (old as ConfigMap).binaryData)) {
    errors.push({ field: 'binaryData', message: 'Forbidden: field is immutable when `immutable` is set' });
  }
}

export function validateConfigMap(cm: ConfigMap, old: ConfigMap | undefined, errors: FieldError[]): void {
  const data = cm.data ?? {};
  const binary = cm.binaryData ?? {};
  keyErrors('data', Object.keys(data), errors);
  for (const key of Object.keys(data).sort()) {
    if (key in binary) errors.push({ field: `data[${key}]`, message: `Invalid value: ${goValue(key)}: duplicate of key present in binaryData` });
  }
  keyErrors('binaryData', Object.keys(binary), errors);
  for (const key of Object.keys(binary).sort()) {
    if (key in data) errors.push({ field: `binaryData[${key}]`, message: `Invalid value: ${goValue(key)}: duplicate of key present in data` });
  }
  const size = Object.values(data).reduce((n, v) => n + utf8Length(v), 0) + Object.values(binary).reduce((n, v) => n + decodeBase64Bytes(v).length, 0);
  // The path is field.NewPath(""): the error is about the whole object, and prints as "[]".
  if (size > MAX_CONFIG_SIZE) errors.push(tooLong('[]'));
  immutableErrors(cm, old, errors);
}

/** Keys each built-in Secret type requires. */
const REQUIRED_KEYS: Record<string, string[]> = {
  'kubernetes.io/dockercfg': ['.dockercfg'],
  'kubernetes.io/dockerconfigjson': ['.dockerconfigjson'],
  'kubernetes.io/ssh-auth': ['ssh-privatekey'],
  'kubernetes.io/tls': ['tls.crt', 'tls.key'],
};

export function validateSecret(secret: Secret, old: Secret | undefined, errors: FieldError[]): void {
  const data = secret.data ?? {};
  keyErrors('data', Object.keys(data), errors);
  const size = Object.values(data).reduce((n, v) => n + decodeBase64Bytes(v).length, 0);
  if (size > MAX_CONFIG_SIZE) errors.push(tooLong('data'));
  const type = secret.type ?? 'Opaque';
  for (const key of REQUIRED_KEYS[type] ?? []) if (data[key] === undefined) errors.push({ field: `data[${key}]`, message: 'Required value' });
  if (type === 'kubernetes.io/basic-auth' && data.username === undefined && data.password === undefined) {
    errors.push({ field: 'data[username]', message: 'Required value' }, { field: 'data[password]', message: 'Required value' });
  }
  if (old && (old.type ?? 'Opaque') !== type) errors.push({ field: 'type', message: `Invalid value: ${goValue(type)}: field is immutable` });
  immutableErrors(secret, old, errors);
}
