/**
 * Command-line flags with spf13/pflag's grammar and error texts, as kubectl (cobra) parses them:
 * flags and arguments interleave, `--` ends the flags, `--name=value` and `--name value`,
 * `-n value`, `-nvalue`, `-n=value`, grouped boolean shorthands (`-Aw`), and bool flags that take
 * a value only after `=`.
 */
import { goDuration, parseGoDuration } from './duration';

/** stringSlice splits each value at commas (pflag StringSlice); stringArray keeps it whole (StringArray). */
export type FlagType = 'bool' | 'string' | 'int' | 'stringSlice' | 'stringArray' | 'duration';
export type FlagValue = boolean | string | number | string[];

export interface FlagSpec {
  name: string;
  shorthand?: string;
  type: FlagType;
  default: FlagValue;
  usage: string;
  /** The value a non-bool flag takes when given without `=value` (pflag's NoOptDefVal). */
  noOptDefault?: string;
}

/** A flag syntax or value error; kubectl prints it with `See 'kubectl <verb> --help' for usage.` */
export class FlagError extends Error {}

export class ParsedFlags {
  constructor(
    private readonly values: Map<string, FlagValue>,
    private readonly set: Set<string>,
  ) {}

  bool(name: string): boolean {
    return this.values.get(name) === true;
  }

  string(name: string): string {
    const v = this.values.get(name);
    return typeof v === 'string' ? v : '';
  }

  int(name: string): number {
    const v = this.values.get(name);
    return typeof v === 'number' ? v : 0;
  }

  /** A duration flag's value in milliseconds. */
  duration(name: string): number {
    return this.int(name);
  }

  strings(name: string): string[] {
    const v = this.values.get(name);
    return Array.isArray(v) ? v : [];
  }

  /** Whether the flag was given on the command line (pflag's Changed). */
  changed(name: string): boolean {
    return this.set.has(name);
  }
}

export interface ParseResult {
  args: string[];
  flags: ParsedFlags;
  /** How many arguments came before `--`, or -1 without one (cobra's ArgsLenAtDash). */
  argsLenAtDash: number;
}

const TRUE = new Set(['1', 't', 'T', 'TRUE', 'true', 'True']);
const FALSE = new Set(['0', 'f', 'F', 'FALSE', 'false', 'False']);

/** strconv.ParseBool. */
function parseBool(text: string): boolean {
  if (TRUE.has(text)) return true;
  if (FALSE.has(text)) return false;
  throw new Error(`strconv.ParseBool: parsing ${JSON.stringify(text)}: invalid syntax`);
}

/** strconv.ParseInt(text, 0, 64): a sign, then a 0x / 0o / 0b / 0 (octal) prefix or decimal digits. */
function parseInt64(text: string): number {
  const m = /^([+-]?)(0[xX][0-9a-fA-F]+|0[oO][0-7]+|0[bB][01]+|0[0-7]*|[1-9][0-9]*)$/.exec(text);
  if (!m) throw new Error(`strconv.ParseInt: parsing ${JSON.stringify(text)}: invalid syntax`);
  const [, sign, digits] = m;
  const lower = digits.toLowerCase();
  const magnitude = lower.startsWith('0x') || lower.startsWith('0b') || lower.startsWith('0o')
    ? BigInt(lower)
    : lower.length > 1 && lower.startsWith('0')
      ? BigInt(`0o${lower.slice(1)}`)
      : BigInt(lower);
  const value = sign === '-' ? -magnitude : magnitude;
  if (value > 2n ** 63n - 1n || value < -(2n ** 63n)) throw new Error(`strconv.ParseInt: parsing ${JSON.stringify(text)}: value out of range`);
  return Number(value);
}

function flagDisplayName(spec: FlagSpec): string {
  return spec.shorthand ? `-${spec.shorthand}, --${spec.name}` : `--${spec.name}`;
}

export function parseFlags(argv: readonly string[], specs: readonly FlagSpec[]): ParseResult {
  const byName = new Map(specs.map((s) => [s.name, s]));
  const byShort = new Map(specs.filter((s) => s.shorthand).map((s) => [s.shorthand!, s]));
  const values = new Map<string, FlagValue>(specs.map((s) => [s.name, Array.isArray(s.default) ? [...s.default] : s.default]));
  const set = new Set<string>();
  const args: string[] = [];
  let argsLenAtDash = -1;

  const assign = (spec: FlagSpec, text: string) => {
    try {
      switch (spec.type) {
        case 'bool':
          values.set(spec.name, parseBool(text));
          break;
        case 'int':
          values.set(spec.name, parseInt64(text));
          break;
        case 'string':
          values.set(spec.name, text);
          break;
        case 'duration':
          values.set(spec.name, parseGoDuration(text));
          break;
        case 'stringSlice': {
          // A slice flag's first use replaces its default; later uses append.
          const previous = set.has(spec.name) ? (values.get(spec.name) as string[]) : [];
          values.set(spec.name, [...previous, ...(text === '' ? [] : text.split(','))]);
          break;
        }
        case 'stringArray': {
          const previous = set.has(spec.name) ? (values.get(spec.name) as string[]) : [];
          values.set(spec.name, [...previous, text]);
          break;
        }
      }
    } catch (err) {
      throw new FlagError(`invalid argument ${JSON.stringify(text)} for ${JSON.stringify(flagDisplayName(spec))} flag: ${(err as Error).message}`);
    }
    set.add(spec.name);
  };

  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--') {
      argsLenAtDash = args.length;
      args.push(...argv.slice(i + 1));
      break;
    }
    if (arg.startsWith('--')) {
      const body = arg.slice(2);
      if (body.startsWith('-') || body.startsWith('=')) throw new FlagError(`bad flag syntax: ${arg}`);
      const eq = body.indexOf('=');
      const name = eq >= 0 ? body.slice(0, eq) : body;
      const spec = byName.get(name);
      if (!spec) throw new FlagError(`unknown flag: --${name}`);
      if (eq >= 0) assign(spec, body.slice(eq + 1));
      else if (spec.type === 'bool') assign(spec, 'true');
      else if (spec.noOptDefault !== undefined) assign(spec, spec.noOptDefault);
      else if (i + 1 < argv.length) assign(spec, argv[++i]);
      else throw new FlagError(`flag needs an argument: --${name}`);
      continue;
    }
    if (arg.startsWith('-') && arg.length > 1) {
      let shorthands = arg.slice(1);
      while (shorthands.length > 0) {
        const c = shorthands[0];
        const spec = byShort.get(c);
        if (!spec) throw new FlagError(`unknown shorthand flag: '${c}' in -${shorthands}`);
        const rest = shorthands.slice(1);
        if (rest.startsWith('=')) {
          assign(spec, rest.slice(1));
          shorthands = '';
        } else if (spec.type === 'bool' || spec.noOptDefault !== undefined) {
          assign(spec, spec.type === 'bool' ? 'true' : spec.noOptDefault!);
          shorthands = rest;
        } else if (rest.length > 0) {
          assign(spec, rest);
          shorthands = '';
        } else if (i + 1 < argv.length) {
          assign(spec, argv[++i]);
          shorthands = '';
        } else {
          throw new FlagError(`flag needs an argument: '${c}' in -${shorthands}`);
        }
      }
      continue;
    }
    args.push(arg);
  }
  return { args, flags: new ParsedFlags(values, set), argsLenAtDash };
}

/** How `kubectl <verb> --help` lists a flag: `    -n, --namespace='':` then the usage on a tab-indented line. */
export function formatFlagHelp(spec: FlagSpec): string {
  const name = spec.shorthand ? `-${spec.shorthand}, --${spec.name}` : `--${spec.name}`;
  let value: string;
  if (spec.type === 'string') value = `'${spec.default as string}'`;
  else if (spec.type === 'stringSlice' || spec.type === 'stringArray') value = `[${(spec.default as string[]).join(',')}]`;
  else if (spec.type === 'duration') value = goDuration(spec.default as number);
  else value = String(spec.default);
  return `    ${name}=${value}:\n\t${spec.usage}\n`;
}
