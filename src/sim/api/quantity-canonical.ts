/**
 * resource.Quantity as the apiserver keeps it: an exact value (here in nano-units, as a bigint)
 * and the format it was written in, printed in canonical form by `String()` ("1500m", "1536Mi",
 * "2"). Quota and limit-range messages print quantities this way (k8s-semantics §11).
 */
export type QuantityFormat = 'DecimalSI' | 'BinarySI' | 'DecimalExponent';

export interface Quantity {
  /** The value times 10^9. */
  nano: bigint;
  format: QuantityFormat;
}

const NANO = 1_000_000_000n;
const PATTERN = /^([+-]?)(\d*)(?:\.(\d*))?(?:([eE][+-]?\d+)|(Ki|Mi|Gi|Ti|Pi|Ei|n|u|m|k|M|G|T|P|E))?$/;
const BINARY: Record<string, number> = { Ki: 1, Mi: 2, Gi: 3, Ti: 4, Pi: 5, Ei: 6 };
const DECIMAL: Record<string, number> = { n: -9, u: -6, m: -3, '': 0, k: 3, M: 6, G: 9, T: 12, P: 15, E: 18 };
const DECIMAL_SUFFIX: Record<number, string> = Object.fromEntries(Object.entries(DECIMAL).map(([s, e]) => [e, s]));
const BINARY_SUFFIX = ['', 'Ki', 'Mi', 'Gi', 'Ti', 'Pi', 'Ei'];

/** Multiplies by 10^exp, rounding a fraction below a nano-unit up as the apiserver does. */
function scale10(value: bigint, exp: number): bigint {
  if (exp >= 0) return value * 10n ** BigInt(exp);
  const div = 10n ** BigInt(-exp);
  const q = value / div;
  return value % div === 0n ? q : q + (value > 0n ? 1n : -1n);
}

export function parseCanonical(text: string | number): Quantity {
  const s = String(text).trim();
  const m = PATTERN.exec(s);
  if (!m || (m[2] === '' && (m[3] ?? '') === '')) throw new Error(`quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'`);
  const [, sign, whole, frac = '', exponent, suffix = ''] = m;
  let digits = BigInt(`${whole || '0'}${frac}`);
  if (sign === '-') digits = -digits;
  // digits × 10^-frac.length, in nano-units.
  let nano = scale10(digits, 9 - frac.length);
  let format: QuantityFormat = 'DecimalSI';
  if (exponent) {
    nano = scale10(nano, Number(exponent.slice(1)));
    format = 'DecimalExponent';
  } else if (suffix in BINARY) {
    nano *= 1024n ** BigInt(BINARY[suffix]);
    format = 'BinarySI';
  } else {
    nano = scale10(nano, DECIMAL[suffix]);
  }
  return { nano, format };
}

export const fromInteger = (n: number, format: QuantityFormat = 'DecimalSI'): Quantity => ({ nano: BigInt(n) * NANO, format });

/** Quantity.Add: the left operand's format wins, unless it is zero (then the right's). */
export function addQuantities(a: Quantity, b: Quantity): Quantity {
  return { nano: a.nano + b.nano, format: a.nano === 0n ? b.format : a.format };
}

export function compareQuantities(a: Quantity, b: Quantity): number {
  return a.nano === b.nano ? 0 : a.nano < b.nano ? -1 : 1;
}

/** Quantity.Value(): whole units, rounded up. */
export function quantityValue(q: Quantity): bigint {
  return scale10(q.nano, -9);
}

/** Quantity.MilliValue(): milli-units, rounded up. */
export function quantityMilli(q: Quantity): bigint {
  return scale10(q.nano, -6);
}

function decimalString(q: Quantity): string {
  if (q.nano === 0n) return '0';
  // Strip factors of ten, then lower the exponent to a multiple of three (int64Amount.AsCanonicalBytes).
  let mantissa = q.nano;
  let exp = -9;
  while (mantissa % 10n === 0n) {
    mantissa /= 10n;
    exp += 1;
  }
  const down = ((exp % 3) + 3) % 3;
  mantissa *= 10n ** BigInt(down);
  exp -= down;
  if (q.format === 'DecimalExponent') return exp === 0 ? String(mantissa) : `${mantissa}e${exp}`;
  if (exp > 18) {
    mantissa *= 10n ** BigInt(exp - 18);
    exp = 18;
  }
  return `${mantissa}${DECIMAL_SUFFIX[exp]}`;
}

/** Quantity.String(): the canonical form kubectl and the apiserver print. */
export function formatCanonical(q: Quantity): string {
  if (q.format !== 'BinarySI') return decimalString(q);
  const whole = q.nano % NANO === 0n;
  const abs = q.nano < 0n ? -q.nano : q.nano;
  // Small or fractional binary quantities print as decimal ones (CanonicalizeBytes).
  if (!whole || abs < 1024n * NANO) return decimalString({ ...q, format: 'DecimalSI' });
  let value = q.nano / NANO;
  let power = 0;
  while (power < 6 && value % 1024n === 0n) {
    value /= 1024n;
    power += 1;
  }
  return `${value}${BINARY_SUFFIX[power]}`;
}

/** A quantity string in canonical form ("0.5" → "500m", "1024Mi" → "1Gi"); malformed text is kept. */
export function canonical(text: string | number): string {
  try {
    return formatCanonical(parseCanonical(text));
  } catch {
    return String(text);
  }
}
