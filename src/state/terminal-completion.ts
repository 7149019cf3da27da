/**
 * Tab completion for the terminal, as kubectl's shell completion offers it: verbs, subcommands,
 * resource types (with their short names), object names from the UI's mirror of the cluster,
 * namespaces after -n, and a command's flags. Verbs, subcommands and flags come from kubesim's own
 * `kubectl … --help`, so completion offers exactly what the simulated kubectl runs.
 */

/** A resource type kubesim serves and the words kubectl accepts for it. */
export interface ResourceType {
  kind: string;
  /** Plural first (what completion offers), then singular and short names. */
  names: readonly string[];
  namespaced: boolean;
}

export const RESOURCE_TYPES: readonly ResourceType[] = [
  { kind: 'ConfigMap', names: ['configmaps', 'configmap', 'cm'], namespaced: true },
  { kind: 'CronJob', names: ['cronjobs', 'cronjob', 'cj'], namespaced: true },
  { kind: 'DaemonSet', names: ['daemonsets', 'daemonset', 'ds'], namespaced: true },
  { kind: 'Deployment', names: ['deployments', 'deployment', 'deploy'], namespaced: true },
  { kind: 'Endpoints', names: ['endpoints', 'ep'], namespaced: true },
  { kind: 'EndpointSlice', names: ['endpointslices', 'endpointslice'], namespaced: true },
  { kind: 'Event', names: ['events', 'event', 'ev'], namespaced: true },
  { kind: 'HorizontalPodAutoscaler', names: ['horizontalpodautoscalers', 'horizontalpodautoscaler', 'hpa'], namespaced: true },
  { kind: 'Ingress', names: ['ingresses', 'ingress', 'ing'], namespaced: true },
  { kind: 'IngressClass', names: ['ingressclasses', 'ingressclass'], namespaced: false },
  { kind: 'Job', names: ['jobs', 'job'], namespaced: true },
  { kind: 'LimitRange', names: ['limitranges', 'limitrange', 'limits'], namespaced: true },
  { kind: 'Namespace', names: ['namespaces', 'namespace', 'ns'], namespaced: false },
  { kind: 'Node', names: ['nodes', 'node', 'no'], namespaced: false },
  { kind: 'PersistentVolumeClaim', names: ['persistentvolumeclaims', 'persistentvolumeclaim', 'pvc'], namespaced: true },
  { kind: 'PersistentVolume', names: ['persistentvolumes', 'persistentvolume', 'pv'], namespaced: false },
  { kind: 'Pod', names: ['pods', 'pod', 'po'], namespaced: true },
  { kind: 'ReplicaSet', names: ['replicasets', 'replicaset', 'rs'], namespaced: true },
  { kind: 'ResourceQuota', names: ['resourcequotas', 'resourcequota', 'quota'], namespaced: true },
  { kind: 'Rollout', names: ['rollouts', 'rollout', 'ro'], namespaced: true },
  { kind: 'Secret', names: ['secrets', 'secret'], namespaced: true },
  { kind: 'ServiceAccount', names: ['serviceaccounts', 'serviceaccount', 'sa'], namespaced: true },
  { kind: 'Service', names: ['services', 'service', 'svc'], namespaced: true },
  { kind: 'StatefulSet', names: ['statefulsets', 'statefulset', 'sts'], namespaced: true },
  { kind: 'StorageClass', names: ['storageclasses', 'storageclass', 'sc'], namespaced: false },
];

/** What `kubectl PATH --help` lists: subcommands and flags (`--name`, and `-x` shorthands). */
export interface HelpInfo {
  subcommands: string[];
  flags: string[];
}

/** Commands whose arguments are objects of one kind, not TYPE NAME. */
const NAMES_OF: Record<string, string> = {
  cordon: 'Node',
  uncordon: 'Node',
  drain: 'Node',
  taint: 'Node',
  'top node': 'Node',
  'top pod': 'Pod',
  logs: 'Pod',
  exec: 'Pod',
  attach: 'Pod',
  'port-forward': 'Pod',
};

/** Commands whose arguments are not resources (create's NAME is new, apply takes files). */
const NO_RESOURCE_ARGS = new Set(['create', 'run', 'apply', 'version', 'help', 'sim', 'api-resources', 'config', 'explain']);

/** Flags whose value is the next word when written without "=". */
const VALUE_SHORTHANDS = new Set(['-n', '-o', '-l', '-c', '-f', '-p', '-r']);

/** `kubectl --help`: the command names listed under its sections. */
export function parseVerbs(rootHelp: string): string[] {
  return [...rootHelp.matchAll(/^ {2}([a-z][\w-]*) {2,}\S/gm)].map((m) => m[1]);
}

/** `kubectl X --help`: its Available Commands and its Options. */
export function parseHelp(text: string): HelpInfo {
  const commands = /\nAvailable Commands:\n([\s\S]*?)\n\n/.exec(text)?.[1] ?? '';
  const subcommands = [...commands.matchAll(/^ {2}([\w-]+) /gm)].map((m) => m[1]);
  const flags: string[] = [];
  for (const m of text.matchAll(/^ {4}(?:-(\w), )?--([\w-]+)=/gm)) {
    flags.push(`--${m[2]}`);
    if (m[1]) flags.push(`-${m[1]}`);
  }
  return { subcommands, flags };
}

export function resourceType(word: string): ResourceType | undefined {
  const lower = word.toLowerCase().split('.')[0];
  return RESOURCE_TYPES.find((t) => t.names.includes(lower));
}

export interface CompletionSource {
  /** `kubectl --help` parsed: every verb kubesim runs. */
  verbs(): Promise<string[]>;
  /** `kubectl PATH --help` parsed. */
  help(path: string): Promise<HelpInfo>;
  /** Names of the objects of a kind (in a namespace, for namespaced kinds) the UI mirrors. */
  names(kind: string, namespace: string): string[];
  namespaces(): string[];
}

export interface Completion {
  /** The line and cursor after inserting what every candidate shares. */
  line: string;
  cursor: number;
  /** Candidates to list when the word could not be completed further (more than one). */
  listing: string[];
}

/** The words before the cursor: positional arguments, -n's value, and whether the word is a flag's value. */
function scan(words: readonly string[]) {
  const positional: string[] = [];
  let namespace = 'default';
  let afterNamespaceFlag = false;
  for (let i = 0; i < words.length; i++) {
    const word = words[i];
    afterNamespaceFlag = false;
    if (word === '--') break;
    if (word.startsWith('--namespace=')) namespace = word.slice('--namespace='.length);
    else if (word === '-n' || word === '--namespace') {
      if (i + 1 < words.length) namespace = words[++i];
      else afterNamespaceFlag = true;
    } else if (VALUE_SHORTHANDS.has(word)) i++;
    else if (!word.startsWith('-')) positional.push(word);
  }
  return { positional, namespace, afterNamespaceFlag };
}

async function candidates(before: readonly string[], word: string, source: CompletionSource): Promise<string[]> {
  if (before.length === 0) return ['kubectl', 'clear'];
  if (before[0] !== 'kubectl') return [];
  const { positional, namespace, afterNamespaceFlag } = scan(before.slice(1));
  if (afterNamespaceFlag) return source.namespaces();
  if (positional.length === 0) return word.startsWith('-') ? ['--namespace', '--help'] : source.verbs();
  const verb = positional[0];
  const verbHelp = await source.help(verb);
  const isGroup = verbHelp.subcommands.length > 0;
  if (isGroup && positional.length === 1 && !word.startsWith('-')) return verbHelp.subcommands;
  const path = isGroup ? `${verb} ${positional[1]}` : verb;
  if (word.startsWith('-')) return [...(isGroup ? await source.help(path) : verbHelp).flags, '--namespace'];
  const args = positional.slice(isGroup ? 2 : 1);
  if (NAMES_OF[path]) return source.names(NAMES_OF[path], namespace);
  if (NO_RESOURCE_ARGS.has(verb)) return [];
  if (word.includes('/')) {
    const [typeWord] = word.split('/');
    const type = resourceType(typeWord);
    return type ? source.names(type.kind, namespace).map((n) => `${typeWord}/${n}`) : [];
  }
  if (args.length === 0) return RESOURCE_TYPES.flatMap((t) => t.names);
  const type = resourceType(args[0]);
  return type && !args[0].includes('/') ? source.names(type.kind, namespace) : [];
}

function commonPrefix(words: readonly string[]): string {
  if (words.length === 0) return '';
  let prefix = words[0];
  for (const w of words) while (!w.startsWith(prefix)) prefix = prefix.slice(0, -1);
  return prefix;
}

/** Completes the word before the cursor, bash-style: one match is inserted with a space after it. */
export async function complete(line: string, cursor: number, source: CompletionSource): Promise<Completion> {
  const head = line.slice(0, cursor);
  const start = head.search(/\S*$/);
  const word = head.slice(start);
  const before = head.slice(0, start).trim().split(/\s+/).filter(Boolean);
  const matches = [...new Set(await candidates(before, word, source))].filter((c) => c.startsWith(word)).sort();
  const insert = (text: string) => ({ line: line.slice(0, start) + text + line.slice(cursor), cursor: start + text.length });
  if (matches.length === 1) {
    // A TYPE/ prefix or a flag that takes "=" continues without a space.
    const text = matches[0].endsWith('/') ? matches[0] : `${matches[0]} `;
    return { ...insert(text), listing: [] };
  }
  const prefix = commonPrefix(matches);
  if (prefix.length > word.length) return { ...insert(prefix), listing: [] };
  return { line, cursor, listing: matches };
}
