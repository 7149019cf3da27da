/**
 * `kubectl create quota` (create_quota.go): --hard as a ResourceList of quantities, which print in
 * resource.Quantity's canonical form (`1024Mi` → `1Gi`, `1000m` → `1`), and --scopes as given.
 */
import type { Invocation } from '../command';
import { KubectlError } from '../errors';
import { createGenerated, dryRunStrategy, generatorVerb, nameArg, objectMeta, outputFormat, sortedMap, type GoObject } from './create-common';

const FORMAT_ERROR = "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'";
const DECIMAL_SUFFIXES: Record<string, number> = { n: -9, u: -6, m: -3, '': 0, k: 3, M: 6, G: 9, T: 12, P: 15, E: 18 };
const BINARY_SUFFIXES = ['', 'Ki', 'Mi', 'Gi', 'Ti', 'Pi', 'Ei'];

type QuantityFormat = 'DecimalSI' | 'BinarySI' | 'DecimalExponent';

/** resource.ParseQuantity, as a value in nano units rounded up (the precision Quantity keeps) and its format. */
export function parseQuantity(text: string): { nanos: bigint; format: QuantityFormat } {
  const m = /^([+-]?)(\d*)(?:\.(\d*))?([eEinumkKMGTP]*[-+]?\d*)$/.exec(text);
  if (!m || `${m[2]}${m[3] ?? ''}` === '') throw new KubectlError(FORMAT_ERROR);
  const [, sign, whole, fraction = '', suffix] = m;
  let format: QuantityFormat;
  let decimalExponent = 0;
  let binaryPower = 0;
  if (suffix in DECIMAL_SUFFIXES) {
    format = 'DecimalSI';
    decimalExponent = DECIMAL_SUFFIXES[suffix];
  } else if (BINARY_SUFFIXES.includes(suffix)) {
    format = 'BinarySI';
    binaryPower = BINARY_SUFFIXES.indexOf(suffix);
  } else if (/^[eE][-+]?\d+$/.test(suffix)) {
    format = 'DecimalExponent';
    decimalExponent = Number(suffix.slice(1));
  } else {
    throw new KubectlError("unable to parse quantity's suffix");
  }
  const digits = BigInt(`${whole}${fraction}` || '0') * 1024n ** BigInt(binaryPower);
  const exponent = decimalExponent + 9 - fraction.length;
  let nanos: bigint;
  if (exponent >= 0) {
    nanos = digits * 10n ** BigInt(exponent);
  } else {
    const divisor = 10n ** BigInt(-exponent);
    nanos = digits / divisor + (digits % divisor === 0n ? 0n : 1n);
  }
  return { nanos: sign === '-' ? -nanos : nanos, format };
}

const NANO = 1_000_000_000n;

/** Quantity.String(): CanonicalizeBytes of the value in its format. */
export function canonicalQuantity(text: string): string {
  const { nanos, format } = parseQuantity(text);
  if (nanos === 0n) return '0';
  const magnitude = nanos < 0n ? -nanos : nanos;
  const sign = nanos < 0n ? '-' : '';
  // Small or fractional binary amounts print as decimal, so nothing is rounded.
  if (format === 'BinarySI' && magnitude >= 1024n * NANO && magnitude % NANO === 0n) {
    let amount = magnitude / NANO;
    let power = 0;
    while (power < 6 && amount % 1024n === 0n) {
      amount /= 1024n;
      power++;
    }
    return `${sign}${amount}${BINARY_SUFFIXES[power]}`;
  }
  let amount = magnitude;
  let exponent = -9;
  while (amount % 10n === 0n) {
    amount /= 10n;
    exponent++;
  }
  // The exponent goes down to a multiple of three.
  const rest = ((exponent % 3) + 3) % 3;
  amount *= 10n ** BigInt(rest);
  exponent -= rest;
  if (format === 'DecimalExponent') return `${sign}${amount}${exponent === 0 ? '' : `e${exponent}`}`;
  const suffix = Object.entries(DECIMAL_SUFFIXES).find(([, e]) => e === exponent)?.[0];
  return `${sign}${amount}${suffix ?? `e${exponent}`}`;
}

/** populateResourceListV1: "name=quantity,..." */
function resourceList(spec: string): Record<string, string> | undefined {
  if (!spec) return undefined;
  const list: Record<string, string> = {};
  for (const statement of spec.split(',')) {
    const parts = statement.split('=');
    if (parts.length !== 2) throw new KubectlError(`Invalid argument syntax ${statement}, expected <resource>=<value>`);
    list[parts[0]] = canonicalQuantity(parts[1]);
  }
  return list;
}

/** parseScopes: not checked against the known scopes; the apiserver does that. */
function scopes(spec: string): string[] | undefined {
  if (!spec) return undefined;
  return spec.split(',').map((scope) => {
    if (!scope) throw new KubectlError('invalid resource quota scope ""');
    return scope;
  });
}

function runQuota(inv: Invocation): number {
  const name = nameArg(inv);
  const format = outputFormat(inv);
  const dryRun = dryRunStrategy(inv);
  const hard = resourceList(inv.flags.string('hard'));
  const scopeList = scopes(inv.flags.string('scopes'));
  const spec: GoObject = {};
  if (hard && Object.keys(hard).length) spec.hard = sortedMap(hard);
  if (scopeList?.length) spec.scopes = scopeList;
  const quota: GoObject = { kind: 'ResourceQuota', apiVersion: 'v1', metadata: objectMeta(inv, { name }), spec, status: {} };
  createGenerated(inv, quota, format, dryRun, { failurePrefix: 'failed to create quota: ' });
  return 0;
}

export const createQuotaVerb = generatorVerb(
  'create quota',
  [
    { name: 'hard', type: 'string', default: '', usage: '' },
    { name: 'scopes', type: 'string', default: '', usage: '' },
  ],
  runQuota,
  { aliases: ['resourcequota'] },
);
