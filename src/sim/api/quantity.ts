/** Kubernetes resource quantities ("500m", "1.5", "128Mi", "1G", "1e3"). */

const SUFFIXES: Record<string, number> = {
  n: 1e-9, u: 1e-6, m: 1e-3, '': 1, k: 1e3, M: 1e6, G: 1e9, T: 1e12, P: 1e15, E: 1e18,
  Ki: 2 ** 10, Mi: 2 ** 20, Gi: 2 ** 30, Ti: 2 ** 40, Pi: 2 ** 50, Ei: 2 ** 60,
};

const QUANTITY = /^([+-]?(?:\d+\.?\d*|\.\d+))(?:([eE][+-]?\d+)|(Ki|Mi|Gi|Ti|Pi|Ei|n|u|m|k|M|G|T|P|E)?)$/;

export function isQuantity(value: unknown): boolean {
  return (typeof value === 'number' && Number.isFinite(value)) || (typeof value === 'string' && QUANTITY.test(value.trim()));
}

/** The quantity's value in base units (cores, bytes); throws on a malformed quantity. */
export function parseQuantity(value: string | number): number {
  if (typeof value === 'number') return value;
  const match = QUANTITY.exec(value.trim());
  if (!match) throw new Error(`quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'`);
  const [, digits, exponent, suffix] = match;
  const base = Number(digits);
  if (exponent) return base * 10 ** Number(exponent.slice(1));
  return base * SUFFIXES[suffix ?? ''];
}

/** CPU in millicores, rounded up as the apiserver does for sub-milli values. */
export function cpuMillis(value: string | number | undefined): number {
  if (value === undefined) return 0;
  return Math.ceil(Math.round(parseQuantity(value) * 1e6) / 1e3);
}

export function bytes(value: string | number | undefined): number {
  if (value === undefined) return 0;
  return Math.ceil(parseQuantity(value));
}

/** Millicores printed as kubectl prints CPU: whole cores when exact, else "250m". */
export function formatCpu(millis: number): string {
  return millis % 1000 === 0 ? String(millis / 1000) : `${millis}m`;
}

/** Bytes printed in the largest binary suffix that divides them exactly, as kubectl does. */
export function formatBytes(value: number): string {
  if (value === 0) return '0';
  for (const [suffix, factor] of [['Ei', 2 ** 60], ['Pi', 2 ** 50], ['Ti', 2 ** 40], ['Gi', 2 ** 30], ['Mi', 2 ** 20], ['Ki', 2 ** 10]] as const) {
    if (value % factor === 0) return `${value / factor}${suffix}`;
  }
  return String(value);
}
