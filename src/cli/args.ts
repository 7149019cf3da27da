/** The kubesim CLI's command line: options, then steps run in order (DESIGN.md, "headless CLI"). */

export type Step = { kind: 'kubectl'; args: string } | { kind: 'advance'; ms: number };

export interface CliOptions {
  nodes: number;
  seed: number;
  steps: Step[];
  help: boolean;
}

export class UsageError extends Error {}

export const USAGE = `Usage: npm run -s kubesim -- [--nodes N] [--seed S] STEP...

Runs a simulated Kubernetes cluster, then each step in order:
  --kubectl "ARGS"     run a kubectl command line (the word "kubectl" is optional)
  --advance DURATION   run virtual time forward: 500ms, 90s, 5m, 1h, 1m30s

Options:
  --nodes N   worker nodes node-1 ... node-N, plus a control-plane node (default 3)
  --seed S    the random seed; the same seed and steps give the same cluster (default 1)
  --help      print this help

stdin is what "kubectl apply -f -" reads. The exit code is that of the last --kubectl step.
`;

const UNITS: Record<string, number> = { ns: 1e-6, us: 1e-3, µs: 1e-3, ms: 1, s: 1000, m: 60_000, h: 3_600_000 };

/** A Go duration ("1m30s", "500ms", "1.5h") in milliseconds. */
export function parseDuration(text: string): number {
  const parts = /^(?:\d+(?:\.\d*)?|\.\d+)(?:ns|us|µs|ms|s|m|h)/;
  let rest = text;
  let total = 0;
  if (!rest) throw new UsageError(`invalid duration ${JSON.stringify(text)}`);
  while (rest) {
    const m = parts.exec(rest);
    if (!m) throw new UsageError(`invalid duration ${JSON.stringify(text)}: use a number and a unit, as in 90s, 5m or 1h`);
    const [, value, unit] = /^([\d.]+)(.*)$/.exec(m[0])!;
    total += Number(value) * UNITS[unit];
    rest = rest.slice(m[0].length);
  }
  return Math.round(total);
}

function count(name: string, value: string): number {
  if (!/^\d+$/.test(value)) throw new UsageError(`${name} needs a whole number, not ${JSON.stringify(value)}`);
  return Number(value);
}

export function parseCliArgs(argv: readonly string[]): CliOptions {
  const options: CliOptions = { nodes: 3, seed: 1, steps: [], help: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const eq = arg.indexOf('=');
    const name = arg.startsWith('--') && eq > 0 ? arg.slice(0, eq) : arg;
    if (name === '--help' || name === '-h') {
      options.help = true;
      continue;
    }
    if (!['--nodes', '--seed', '--kubectl', '--advance'].includes(name)) throw new UsageError(`unknown option ${JSON.stringify(arg)}`);
    let value: string;
    if (eq > 0 && arg.startsWith('--')) value = arg.slice(eq + 1);
    else if (i + 1 < argv.length) value = argv[++i];
    else throw new UsageError(`${name} needs a value`);
    if (name === '--nodes') options.nodes = count(name, value);
    else if (name === '--seed') options.seed = count(name, value);
    else if (name === '--kubectl') options.steps.push({ kind: 'kubectl', args: value });
    else options.steps.push({ kind: 'advance', ms: parseDuration(value) });
  }
  return options;
}
