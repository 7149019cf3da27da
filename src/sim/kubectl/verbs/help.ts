/** `kubectl help [COMMAND]`, `kubectl --help` and `kubectl COMMAND --help`, for the commands kubesim runs. */
import { HELP_GROUPS, type Verb } from '../command';
import { formatFlagHelp } from '../flags';

const OPTIONS_FOOTER = 'Use "kubectl options" for a list of global command-line options (applies to all commands).\n';

/** The help of one command, laid out as kubectl prints it. */
export function commandHelp(verb: Verb): string {
  const flags = [...verb.flags].sort((a, b) => (a.name < b.name ? -1 : 1));
  return `${verb.long}\n\nExamples:\n${verb.examples}\n\nOptions:\n${flags.map(formatFlagHelp).join('\n')}\nUsage:\n  ${verb.usage}\n\n${OPTIONS_FOOTER}`;
}

/** `kubectl --help`: the commands by section, as kubectl lists them (only those kubesim runs). */
export function rootHelp(verbs: readonly Verb[]): string {
  // kubectl pads command names to one column across all its commands.
  const width = 16;
  let text = 'kubectl controls the Kubernetes cluster manager.\n\n Find more information at: https://kubernetes.io/docs/reference/kubectl/\n\n';
  text += ' kubesim runs these commands against its simulated cluster:\n\n';
  for (const group of HELP_GROUPS) {
    const members = verbs.filter((v) => v.group === group);
    if (members.length === 0) continue;
    text += `${group}\n${members.map((v) => `  ${v.name.padEnd(width)}${v.short}\n`).join('')}\n`;
  }
  return `${text}Usage:\n  kubectl [flags] [options]\n\nUse "kubectl <command> --help" for more information about a given command.\n${OPTIONS_FOOTER}`;
}
