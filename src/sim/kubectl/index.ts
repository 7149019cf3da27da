/**
 * kubesim's kubectl: a kubectl-compatible command line over the simulated API server. It parses a
 * command line as a shell and cobra would, runs one registered verb, and returns what kubectl
 * would print on stdout and stderr with its exit code.
 */
import type { KubectlResult } from '../contract';
import { GLOBAL_FLAGS, type KubectlContext, type Verb } from './command';
import { ApiError } from '../api/errors';
import { AggregateError, errorText, KubectlError } from './errors';
import { FlagError, parseFlags, type FlagSpec } from './flags';
import { Output } from './output';
import { tokenize, TokenizeError } from './tokenize';
import { commandHelp, rootHelp } from './verbs/help';
import { UNSIMULATED_COMMANDS, VERBS, verbNamed } from './verbs';

export type { KubectlContext } from './command';

/** cobra's Levenshtein distance (case-insensitive) for "Did you mean this?". */
function distance(a: string, b: string): number {
  const s = a.toLowerCase();
  const t = b.toLowerCase();
  const d = Array.from({ length: s.length + 1 }, (_, i) => [i, ...Array<number>(t.length).fill(0)]);
  for (let j = 1; j <= t.length; j++) d[0][j] = j;
  for (let i = 1; i <= s.length; i++) {
    for (let j = 1; j <= t.length; j++) {
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (s[i - 1] === t[j - 1] ? 0 : 1));
    }
  }
  return d[s.length][t.length];
}

/** SuggestionsFor: commands within distance 2, or starting with what was typed. */
function suggestions(typed: string): string[] {
  return VERBS.map((v) => v.name).filter((name) => distance(typed, name) <= 2 || name.startsWith(typed.toLowerCase()));
}

/** cobra's Find: the first argument that is neither a flag nor the value of a global value flag. */
function findCommand(args: readonly string[]): number {
  const valueFlags = GLOBAL_FLAGS.filter((f) => f.type !== 'bool');
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === '--') return i + 1 < args.length ? i + 1 : -1;
    if (!arg.startsWith('-') || arg === '-') return i;
    const takesValue = valueFlags.some((f) => arg === `--${f.name}` || (f.shorthand !== undefined && arg === `-${f.shorthand}`));
    if (takesValue) i++;
  }
  return -1;
}

function runVerb(verb: Verb, ctx: KubectlContext, argv: string[], stdin: string | undefined, out: Output): number {
  const specs: FlagSpec[] = [...verb.flags, ...GLOBAL_FLAGS];
  let parsed;
  try {
    parsed = parseFlags(argv, specs);
  } catch (err) {
    if (!(err instanceof FlagError)) throw err;
    out.err(`error: ${err.message}\nSee 'kubectl ${verb.name} --help' for usage.\n`);
    return 1;
  }
  const { args, flags } = parsed;
  if (flags.bool('help')) {
    out.out(commandHelp(verb));
    return 0;
  }
  const missing = (verb.required ?? []).filter((name) => !flags.changed(name));
  if (missing.length) {
    out.err(`error: required flag(s) ${missing.map((m) => JSON.stringify(m)).join(', ')} not set\n`);
    return 1;
  }
  const namespace = flags.string('namespace') || 'default';
  return verb.run({ ctx, args, flags, namespace, namespaceGiven: flags.changed('namespace'), stdin, out });
}

function dispatch(ctx: KubectlContext, argv: string[], stdin: string | undefined, out: Output): number {
  const index = findCommand(argv);
  if (index < 0) {
    // No command: the root's own flags, where -h/--help and nothing at all both print the help.
    const unknown = argv.find((a) => a.startsWith('-') && !['-h', '--help'].includes(a) && !GLOBAL_FLAGS.some((f) => a.startsWith(`--${f.name}`) || a === `-${f.shorthand}`));
    if (unknown) {
      out.err(`error: unknown flag: ${unknown.split('=')[0]}\nSee 'kubectl --help' for usage.\n`);
      return 1;
    }
    out.out(rootHelp(VERBS));
    return 0;
  }
  const name = argv[index];
  const rest = [...argv.slice(0, index), ...argv.slice(index + 1)];
  if (name === 'help') {
    const topic = rest.find((a) => !a.startsWith('-'));
    const verb = topic ? verbNamed(topic) : undefined;
    if (topic && !verb) {
      out.err(`Unknown help topic [\`${topic}\`]\n`);
      out.out(rootHelp(VERBS));
      return 0;
    }
    out.out(verb ? commandHelp(verb) : rootHelp(VERBS));
    return 0;
  }
  const verb = verbNamed(name);
  if (verb) return runVerb(verb, ctx, rest, stdin, out);
  if (UNSIMULATED_COMMANDS.includes(name)) {
    out.err(`error: kubesim does not simulate "kubectl ${name}" yet; it runs: ${VERBS.map((v) => v.name).join(', ')}\n`);
    return 1;
  }
  const similar = suggestions(name);
  const hint = similar.length ? `\n\nDid you mean this?\n${similar.map((s) => `\t${s}\n`).join('')}` : '\n';
  out.err(`error: unknown command ${JSON.stringify(name)} for "kubectl"${hint}`);
  return 1;
}

/**
 * Runs one kubectl command line (the leading word "kubectl" is optional). `stdin` is the text
 * `-f -` reads. Never throws for user errors: they come back as kubectl prints them, exit code 1.
 */
export function runKubectl(ctx: KubectlContext, commandLine: string, stdin?: string): KubectlResult {
  const out = new Output();
  let exitCode: number;
  try {
    const words = tokenize(commandLine);
    if (words[0] === 'kubectl') words.shift();
    exitCode = dispatch(ctx, words, stdin, out);
  } catch (err) {
    if (err instanceof TokenizeError) {
      out.err(`bash: ${err.message}\n`);
      exitCode = 2;
    } else if (err instanceof ApiError || err instanceof KubectlError || err instanceof AggregateError) {
      out.err(errorText(err));
      exitCode = 1;
    } else {
      throw err;
    }
  }
  return { stdout: out.stdout, stderr: out.stderr, exitCode };
}
