/**
 * Kubernetes resource quantities ("500m", "1.5", "128Mi", "1e3") as numbers, for the node
 * allocation bars. The UI keeps its own small parser because it may not import the simulator.
 */
const SUFFIXES: Record<string, number> = {
  n: 1e-9,
  u: 1e-6,
  m: 1e-3,
  '': 1,
  k: 1e3,
  M: 1e6,
  G: 1e9,
  T: 1e12,
  P: 1e15,
  E: 1e18,
  Ki: 2 ** 10,
  Mi: 2 ** 20,
  Gi: 2 ** 30,
  Ti: 2 ** 40,
  Pi: 2 ** 50,
  Ei: 2 ** 60,
};

const QUANTITY = /^([+-]?(?:\d+\.?\d*|\.\d+))(?:([eE][+-]?\d+)|(Ki|Mi|Gi|Ti|Pi|Ei|[numkMGTPE])?)$/;

/** The quantity in base units (cores, bytes, count); NaN when it is not a quantity. */
export function parseQuantity(value: string | number | undefined): number {
  if (value === undefined) return 0;
  if (typeof value === 'number') return value;
  const match = QUANTITY.exec(value.trim());
  if (!match) return Number.NaN;
  const [, number, exponent, suffix] = match;
  if (exponent) return Number(number + exponent);
  return Number(number) * SUFFIXES[suffix ?? ''];
}

/** CPU in millicores, rounded up as the apiserver does for sub-milli precision. */
export function cpuMillis(value: string | number | undefined): number {
  const cores = parseQuantity(value);
  return Number.isNaN(cores) ? 0 : Math.ceil(Math.round(cores * 1e6) / 1e3);
}

export function bytes(value: string | number | undefined): number {
  const n = parseQuantity(value);
  return Number.isNaN(n) ? 0 : Math.ceil(n);
}

/** "1.5Gi", "512Mi", "300m", "2": short labels for bars and tooltips. */
export function formatBytes(n: number): string {
  const units = ['', 'Ki', 'Mi', 'Gi', 'Ti'];
  let value = n;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${Number.isInteger(value) ? value : value.toFixed(1)}${units[unit]}`;
}

export function formatCpu(millis: number): string {
  return millis % 1000 === 0 ? String(millis / 1000) : `${millis}m`;
}
