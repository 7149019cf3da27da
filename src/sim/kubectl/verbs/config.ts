/**
 * `kubectl config` (k8s.io/kubectl/pkg/cmd/config) over the kubeconfig `kind create cluster
 * --name kubesim` writes: one cluster, user and context, all named kind-kubesim. It is read-only:
 * commands that would edit the file are listed as not simulated.
 */
import type { CommandGroup, Verb } from '../command';
import { KubectlError } from '../errors';
import { TABLE_TABWRITER, tabify } from '../tabwriter';

export const CONTEXT = 'kind-kubesim';
const SERVER = 'https://127.0.0.1:6443';

/** The kubeconfig as `config view` prints it: certificate data is never shown (DATA+OMITTED). */
const VIEW_YAML = `apiVersion: v1
clusters:
- cluster:
    certificate-authority-data: DATA+OMITTED
    server: ${SERVER}
  name: ${CONTEXT}
contexts:
- context:
    cluster: ${CONTEXT}
    user: ${CONTEXT}
  name: ${CONTEXT}
current-context: ${CONTEXT}
kind: Config
preferences: {}
users:
- name: ${CONTEXT}
  user:
    client-certificate-data: DATA+OMITTED
    client-key-data: DATA+OMITTED
`;

/** The same in kubectl's JSON field order (clientcmd's v1.Config). */
const VIEW_JSON = {
  kind: 'Config',
  apiVersion: 'v1',
  preferences: {},
  clusters: [{ name: CONTEXT, cluster: { server: SERVER, 'certificate-authority-data': 'DATA+OMITTED' } }],
  users: [{ name: CONTEXT, user: { 'client-certificate-data': 'DATA+OMITTED', 'client-key-data': 'DATA+OMITTED' } }],
  contexts: [{ name: CONTEXT, context: { cluster: CONTEXT, user: CONTEXT } }],
  'current-context': CONTEXT,
};

const viewVerb: Verb = {
  name: 'view',
  short: 'Display merged kubeconfig settings or a specified kubeconfig file',
  long: `Display merged kubeconfig settings or a specified kubeconfig file.

 You can use --output jsonpath={...} to extract specific values using a jsonpath expression.`,
  examples: `  # Show merged kubeconfig settings
  kubectl config view
  
  # Show merged kubeconfig settings, raw certificate data, and exposed secrets
  kubectl config view --raw
  
  # Get the password for the e2e user
  kubectl config view -o jsonpath='{.users[?(@.name == "e2e")].user.password}'`,
  usage: 'kubectl config view [flags] [options]',
  flags: [
    { name: 'flatten', type: 'bool', default: false, usage: 'Flatten the resulting kubeconfig file into self-contained output (useful for creating portable kubeconfig files)' },
    { name: 'merge', type: 'bool', default: true, usage: 'Merge the full hierarchy of kubeconfig files' },
    { name: 'minify', type: 'bool', default: false, usage: 'Remove all information not used by current-context from the output' },
    {
      name: 'output',
      shorthand: 'o',
      type: 'string',
      default: 'yaml',
      usage: 'Output format. One of: (json, yaml, name, go-template, go-template-file, template, templatefile, jsonpath, jsonpath-as-json, jsonpath-file).',
    },
    { name: 'raw', type: 'bool', default: false, usage: 'Display raw byte data and sensitive data' },
  ],
  run(inv) {
    const output = inv.flags.string('output');
    if (inv.flags.bool('raw') || inv.flags.bool('flatten')) throw new KubectlError('kubesim has no certificates to show: its cluster is simulated');
    // One context: --minify changes nothing.
    if (output === 'yaml') inv.out.out(VIEW_YAML);
    else if (output === 'json') inv.out.out(`${JSON.stringify(VIEW_JSON, null, 4)}\n`);
    else throw new KubectlError(`kubesim does not simulate config view -o ${output} yet; use yaml or json`);
    return 0;
  },
};

const currentContextVerb: Verb = {
  name: 'current-context',
  short: 'Display the current-context',
  long: 'Display the current-context.',
  examples: `  # Display the current-context
  kubectl config current-context`,
  usage: 'kubectl config current-context [flags] [options]',
  flags: [],
  run(inv) {
    inv.out.out(`${CONTEXT}\n`);
    return 0;
  },
};

const getContextsVerb: Verb = {
  name: 'get-contexts',
  short: 'Describe one or many contexts',
  long: 'Display one or many contexts from the kubeconfig file.',
  examples: `  # List all the contexts in your kubeconfig file
  kubectl config get-contexts
  
  # Describe one context in your kubeconfig file
  kubectl config get-contexts my-context`,
  usage: 'kubectl config get-contexts [(-o|--output=)name)] [options]',
  flags: [
    { name: 'no-headers', type: 'bool', default: false, usage: "When using the default or custom-column output format, don't print headers (default print headers)." },
    { name: 'output', shorthand: 'o', type: 'string', default: '', usage: 'Output format. One of: (name).' },
  ],
  run(inv) {
    const output = inv.flags.string('output');
    if (output !== '' && output !== 'name') throw new KubectlError(`output must be one of '' or 'name': ${output}`);
    const missing = inv.args.filter((name) => name !== CONTEXT);
    const shown = inv.args.length ? inv.args.filter((name) => name === CONTEXT) : [CONTEXT];
    if (output === 'name') inv.out.out(shown.map((name) => `${name}\n`).join(''));
    else {
      const header = inv.flags.bool('no-headers') ? '' : 'CURRENT\tNAME\tCLUSTER\tAUTHINFO\tNAMESPACE\n';
      inv.out.out(tabify(header + shown.map((name) => `*\t${name}\t${CONTEXT}\t${CONTEXT}\t\n`).join(''), TABLE_TABWRITER));
    }
    if (missing.length) throw new KubectlError(missing.map((name) => `context ${name} not found`).join('\n'));
    return 0;
  },
};

const listVerb = (name: string, what: string, example: string): Verb => ({
  name: `get-${name}`,
  short: `Display ${what} defined in the kubeconfig`,
  long: `Display ${what} defined in the kubeconfig.`,
  examples: `  # List the ${what} that kubectl knows about\n  kubectl config get-${name}`,
  usage: `kubectl config get-${name} [flags] [options]`,
  flags: [],
  run(inv) {
    inv.out.out(`NAME\n${example}\n`);
    return 0;
  },
});

export const configCommand: CommandGroup = {
  name: 'config',
  group: 'Other Commands:',
  short: 'Modify kubeconfig files',
  long: `Modify kubeconfig files using subcommands like "kubectl config set current-context my-context".

 The loading order follows these rules:

  1.  If the --kubeconfig flag is set, then only that file is loaded. The flag may only be set once and no merging takes place.
  2.  If $KUBECONFIG environment variable is set, then it is used as a list of paths (normal path delimiting rules for your system). These paths are merged. When a value is modified, it is modified in the file that defines the stanza. When a value is created, it is created in the first file that exists. If no files in the chain exist, then it creates the last file in the list.
  3.  Otherwise, \${HOME}/.kube/config is used and no merging takes place.`,
  examples: '',
  subcommands: [currentContextVerb, listVerb('clusters', 'clusters', CONTEXT), getContextsVerb, listVerb('users', 'users', CONTEXT), viewVerb],
  unsimulated: ['delete-cluster', 'delete-context', 'delete-user', 'rename-context', 'set', 'set-cluster', 'set-context', 'set-credentials', 'unset', 'use-context'],
};
