/** `kubectl version`: client, Kustomize and (unless --client) server versions; -o yaml|json as version.Info. */
import type { Verb } from '../command';
import { KubectlError } from '../errors';
import { toYaml } from '../printers/yaml';

/** The kubectl release kubesim's command line reproduces. */
export const CLIENT_VERSION = 'v1.32.2';
const KUSTOMIZE_VERSION = 'v5.5.0';

/** version.Info for a gitVersion, with the fields a real build fills from its build system left empty. */
function versionInfo(gitVersion: string): Record<string, string> {
  const [major, minor] = gitVersion.replace(/^v/, '').split('.');
  return { major, minor, gitVersion, gitCommit: '', gitTreeState: '', buildDate: '', goVersion: '', compiler: 'gc', platform: 'linux/amd64' };
}

export const versionVerb: Verb = {
  name: 'version',
  group: 'Other Commands:',
  short: 'Print the client and server version information',
  long: 'Print the client and server version information for the current context.',
  examples: `  # Print the client and server versions for the current context
  kubectl version`,
  usage: 'kubectl version [flags] [options]',
  flags: [
    { name: 'client', type: 'bool', default: false, usage: 'If true, shows client version only (no server required).' },
    { name: 'output', shorthand: 'o', type: 'string', default: '', usage: "One of 'yaml' or 'json'." },
  ],
  run(inv) {
    if (inv.args.length) throw new KubectlError(`extra arguments: [${inv.args.join(' ')}]`);
    const output = inv.flags.string('output');
    if (output !== '' && output !== 'yaml' && output !== 'json') throw new KubectlError("--output must be 'yaml' or 'json'");
    const client = inv.flags.bool('client');
    const server = inv.ctx.serverVersion ?? CLIENT_VERSION;
    if (output === '') {
      inv.out.out(`Client Version: ${CLIENT_VERSION}\nKustomize Version: ${KUSTOMIZE_VERSION}\n`);
      if (!client) inv.out.out(`Server Version: ${server}\n`);
      return 0;
    }
    const info = { clientVersion: versionInfo(CLIENT_VERSION), kustomizeVersion: KUSTOMIZE_VERSION, ...(client ? {} : { serverVersion: versionInfo(server) }) };
    // kubectl marshals version.Info in struct order, indented by two spaces; its YAML has a trailing blank line.
    inv.out.out(output === 'json' ? `${JSON.stringify(info, null, 2)}\n` : `${toYaml(info)}\n`);
    return 0;
  },
};
