/** `kubectl help [COMMAND]`, `kubectl --help` and `kubectl COMMAND --help`, for the commands kubesim runs. */
import { HELP_GROUPS, isGroup, type Command, type CommandGroup, type Verb } from '../command';
import { formatFlagHelp } from '../flags';

const OPTIONS_FOOTER = 'Use "kubectl options" for a list of global command-line options (applies to all commands).\n';

const examplesSection = (examples: string) => (examples ? `Examples:\n${examples}\n\n` : '');

/** The help of one command, laid out as kubectl prints it (no Options section when it has no flags of its own). */
export function commandHelp(verb: Verb): string {
  const flags = [...verb.flags].sort((a, b) => (a.name < b.name ? -1 : 1));
  const options = flags.length ? `Options:\n${flags.map(formatFlagHelp).join('\n')}\n` : '';
  return `${verb.long}\n\n${examplesSection(verb.examples)}${options}Usage:\n  ${verb.usage}\n\n${OPTIONS_FOOTER}`;
}

/**
 * The help of a command with subcommands: cobra lists them sorted, names padded to the longest of
 * all its subcommands (simulated or not)
 * (at least 11, cobra's minNamePadding) plus kubectl's three-space gap.
 */
export function groupHelp(group: CommandGroup): string {
  const subcommands = [...group.subcommands].sort((a, b) => (a.name < b.name ? -1 : 1));
  const names = [...subcommands.map((s) => s.name), ...(group.unsimulated ?? [])];
  const width = Math.max(11, ...names.map((n) => n.length)) + 3;
  const list = subcommands.map((s) => `  ${s.name.padEnd(width)}${s.short}\n`).join('');
  return (
    `${group.long}\n\n${examplesSection(group.examples)}Available Commands:\n${list}\nUsage:\n  kubectl ${group.name} SUBCOMMAND [options]\n\n` +
    `Use "kubectl ${group.name} <command> --help" for more information about a given command.\n${OPTIONS_FOOTER}`
  );
}

export function helpFor(command: Command): string {
  return isGroup(command) ? groupHelp(command) : commandHelp(command);
}

/** `kubectl --help`: the commands by section, as kubectl lists them (only those kubesim runs). */
export function rootHelp(commands: readonly Command[]): string {
  // kubectl pads command names to one column across all its commands.
  const width = 16;
  let text = 'kubectl controls the Kubernetes cluster manager.\n\n Find more information at: https://kubernetes.io/docs/reference/kubectl/\n\n';
  text += ' kubesim runs these commands against its simulated cluster:\n\n';
  for (const group of HELP_GROUPS) {
    const members = commands.filter((c) => c.group === group);
    if (members.length === 0) continue;
    text += `${group}\n${members.map((c) => `  ${c.name.padEnd(width)}${c.short}\n`).join('')}\n`;
  }
  return `${text}Usage:\n  kubectl [flags] [options]\n\nUse "kubectl <command> --help" for more information about a given command.\n${OPTIONS_FOOTER}`;
}
