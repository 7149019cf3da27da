/**
 * kubesim's kubectl: a kubectl-compatible command line over the simulated API server. It parses a
 * command line as a shell and cobra would, runs one registered verb, and returns what kubectl
 * would print on stdout and stderr with its exit code.
 */
import type { KubectlResult } from '../contract';
import { GLOBAL_FLAGS, isGroup, type CommandGroup, type KubectlContext, type Verb } from './command';
import { ApiError } from '../api/errors';
import { AggregateError, errorText, KubectlError } from './errors';
import { FlagError, parseFlags, type FlagSpec } from './flags';
import { Output } from './output';
import { tokenize, TokenizeError } from './tokenize';
import { groupHelp, helpFor, commandHelp, rootHelp } from './verbs/help';
import { COMMANDS, UNSIMULATED_COMMANDS, commandNamed } from './verbs';

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
  return COMMANDS.map((v) => v.name).filter((name) => distance(typed, name) <= 2 || name.startsWith(typed.toLowerCase()));
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

/** The command line without the word at `index`. */
const without = (argv: readonly string[], index: number) => [...argv.slice(0, index), ...argv.slice(index + 1)];

/** What kubesim says for a real kubectl command it does not run yet, rather than pretend it does not exist. */
function unsimulated(path: string, runs: readonly string[]): string {
  return `error: kubesim does not simulate "kubectl ${path}" yet; it runs: ${runs.join(', ')}\n`;
}

function runVerb(verb: Verb, path: string, ctx: KubectlContext, argv: string[], stdin: string | undefined, out: Output): number {
  const specs: FlagSpec[] = [...verb.flags, ...GLOBAL_FLAGS];
  let parsed;
  try {
    parsed = parseFlags(argv, specs);
  } catch (err) {
    if (!(err instanceof FlagError)) throw err;
    out.err(`error: ${err.message}\nSee 'kubectl ${path} --help' for usage.\n`);
    return 1;
  }
  const { args, flags, argsLenAtDash } = parsed;
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
  return verb.run({ ctx, path, args, flags, namespace, namespaceGiven: flags.changed('namespace'), stdin, argsLenAtDash, out });
}

/**
 * A command with subcommands: the first non-flag word picks one. Alone (or with only flags) it
 * prints its help to stdout and exits 1, as cobra's DefaultSubCommandRun; -h prints it with 0.
 */
function runGroup(group: CommandGroup, path: string, ctx: KubectlContext, argv: string[], stdin: string | undefined, out: Output): number {
  const index = findCommand(argv);
  if (index < 0) {
    const help = argv.some((a) => a === '-h' || a === '--help');
    out.out(groupHelp(group));
    return help ? 0 : 1;
  }
  const name = argv[index];
  const sub = group.subcommands.find((s) => s.name === name || s.aliases?.includes(name));
  if (sub) return isGroup(sub) ? runGroup(sub, `${path} ${name}`, ctx, without(argv, index), stdin, out) : runVerb(sub, `${path} ${name}`, ctx, without(argv, index), stdin, out);
  if (group.unsimulated?.includes(name)) {
    out.err(unsimulated(`${path} ${name}`, group.subcommands.map((s) => `${path} ${s.name}`)));
    return 1;
  }
  out.err(`error: unknown command ${JSON.stringify(name)}\nSee 'kubectl ${path} -h' for help and examples\n`);
  return 1;
}

/** `kubectl help [COMMAND [SUBCOMMAND]]`. */
function runHelp(argv: readonly string[], out: Output): number {
  const [topic, sub] = argv.filter((a) => !a.startsWith('-'));
  const command = topic ? commandNamed(topic) : undefined;
  if (topic && !command) {
    out.err(`Unknown help topic [\`${topic}\`]\n`);
    out.out(rootHelp(COMMANDS));
    return 0;
  }
  const subcommand = command && sub && isGroup(command) ? command.subcommands.find((s) => s.name === sub || s.aliases?.includes(sub)) : undefined;
  out.out(subcommand ? helpFor(subcommand) : command ? helpFor(command) : rootHelp(COMMANDS));
  return 0;
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
    out.out(rootHelp(COMMANDS));
    return 0;
  }
  const name = argv[index];
  const rest = without(argv, index);
  if (name === 'help') return runHelp(rest, out);
  const command = commandNamed(name);
  if (command) return isGroup(command) ? runGroup(command, name, ctx, rest, stdin, out) : runVerb(command, name, ctx, rest, stdin, out);
  if (UNSIMULATED_COMMANDS.includes(name)) {
    out.err(unsimulated(name, COMMANDS.map((v) => v.name)));
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
