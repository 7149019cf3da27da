import type { ObjectMeta } from '../types';
import type { FieldError } from '../errors';
import { goValue } from '../gosyntax';
import { utf8Length } from '../../util/utf8';
import { labelValueProblems, nameProblems, qualifiedNameProblems, type NameFormat } from './names';

export function validateLabels(labels: Record<string, string> | undefined, path: string, errors: FieldError[]): void {
  for (const [key, value] of Object.entries(labels ?? {})) {
    for (const p of qualifiedNameProblems(key)) errors.push({ field: path, message: `Invalid value: ${goValue(key)}: ${p}` });
    if (typeof value !== 'string') continue;
    for (const p of labelValueProblems(value)) errors.push({ field: path, message: `Invalid value: ${goValue(value)}: ${p}` });
  }
}

export function validateObjectMeta(meta: ObjectMeta, format: NameFormat, errors: FieldError[]): void {
  if (!meta.name) {
    errors.push({ field: 'metadata.name', message: 'Required value: name or generateName is required' });
  } else {
    for (const p of nameProblems(meta.name, format)) errors.push({ field: 'metadata.name', message: `Invalid value: ${goValue(meta.name)}: ${p}` });
  }
  validateLabels(meta.labels, 'metadata.labels', errors);
  for (const key of Object.keys(meta.annotations ?? {})) {
    for (const p of qualifiedNameProblems(key.toLowerCase())) errors.push({ field: 'metadata.annotations', message: `Invalid value: ${goValue(key)}: ${p}` });
  }
  // ValidateAnnotationsSize: what breaks client-side apply of a large object, whose whole text
  // goes into the last-applied-configuration annotation.
  const size = Object.entries(meta.annotations ?? {}).reduce((n, [k, v]) => n + utf8Length(k) + utf8Length(String(v)), 0);
  if (size > TOTAL_ANNOTATION_BYTES) errors.push({ field: 'metadata.annotations', message: `Too long: may not be more than ${TOTAL_ANNOTATION_BYTES} bytes` });
}

const TOTAL_ANNOTATION_BYTES = 256 * 1024;

