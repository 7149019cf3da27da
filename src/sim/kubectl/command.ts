/**
 * A kubectl verb as a small command object (the excalidraw action pattern): its help texts, its
 * flags, and a `run` over one parsed invocation. The registry in verbs/index.ts lists them, and a
 * new verb is a new file that adds one entry there. A command with subcommands (rollout, set, sim)
 * is a CommandGroup of such verbs.
 */
import type { ApiServer } from '../api/server';
import type { ApplyResult, NodeSpecOption } from '../contract';
import type { Lookup } from '../network/dns';
import type { Response } from '../network/proxy';
import type { TrafficJob } from '../network/traffic';
import type { WatchEvent } from '../api/store';
import type { Pod } from '../api/types';
import type { ContainerAccess } from '../kubelet/runtime';
import type { PodUsage } from '../metrics';
import type { Clock } from '../time';
import type { FlagSpec, ParsedFlags } from './flags';
import type { Output } from './output';

export interface KubectlContext {
  api: ApiServer;
  clock: Clock;
  /** kubectl apply of one text; `source` is the file name errors name ("STDIN" for -f -). */
  apply(text: string, source?: string): ApplyResult[];
  /** Reads a file for `-f FILE` (the Node CLI has one; the browser does not). Throws when missing. */
  readFile?(path: string): string;
  /** The apiserver's version, for `kubectl version`. */
  serverVersion?: string;
  /** Running containers' environment and files, for `kubectl exec`. */
  containers?: ContainerAccess;
  /** kubesim's own machine-room controls, for the `kubectl sim` plugin verbs. */
  sim?: SimControls;
  /** Moves virtual time on, for commands that wait (rollout status, drain); absent where the UI drives the clock. */
  advance?(ms: number): void;
  /** Skips virtual time forward on purpose (`sim next-cron`), also where the UI drives the clock. */
  jump?(ms: number): void;
  /** Where a command that keeps printing (`get --watch`) goes on writing; absent where nothing can stream (the CLI). */
  stream?: KubectlStream;
}

/** A running command's line to its terminal after it has returned its first output. */
export interface KubectlStream {
  /** Calls `listener` on every object change until the person stops the command (Ctrl+C). */
  watch(listener: (event: WatchEvent) => void): void;
  /** More stdout. */
  write(text: string): void;
}

/** What `kubectl sim` can do to the simulated machines (not an API: there is no such thing on a real cluster). */
export interface SimControls {
  nodeDown(name: string): boolean;
  nodeUp(name: string): boolean;
  addNode(spec: NodeSpecOption): void;
  removeNode(name: string): boolean;
  /** One request through kube-proxy or the ingress controller. */
  curl(url: string): Response;
  /** A cluster DNS lookup from a pod in `namespace`. */
  lookup(name: string, namespace: string): Lookup;
  startTraffic(target: string, rps: number, durationMs?: number): TrafficJob;
  trafficJobs(): TrafficJob[];
  stopTraffic(id: number): boolean;
  /** metrics-server's view of a pod, for `kubectl top`. */
  podUsage(pod: Pod): PodUsage | undefined;
}

/** The sections of `kubectl --help`, in kubectl's order. */
export const HELP_GROUPS = [
  'Basic Commands (Beginner):',
  'Basic Commands (Intermediate):',
  'Deploy Commands:',
  'Cluster Management Commands:',
  'Troubleshooting and Debugging Commands:',
  'Advanced Commands:',
  'Settings Commands:',
  'Subcommands provided by plugins:',
  'Other Commands:',
] as const;

export type HelpGroup = (typeof HELP_GROUPS)[number];

export interface Invocation {
  ctx: KubectlContext;
  /** The command path after "kubectl" ("rollout status"), for kubectl's usage hints. */
  path: string;
  args: string[];
  flags: ParsedFlags;
  /** -n/--namespace, else "default". */
  namespace: string;
  /** Whether -n/--namespace was given. */
  namespaceGiven: boolean;
  stdin?: string;
  /** How many arguments came before `--` (-1 without one), for commands that take a command after it. */
  argsLenAtDash?: number;
  out: Output;
}

export interface Verb {
  name: string;
  /** Other names cobra accepts for it ("kubectl top pods"). */
  aliases?: readonly string[];
  /** Where `kubectl --help` lists it; subcommands are listed by their group instead. */
  group?: HelpGroup;
  /** The one-line summary `kubectl --help` lists. */
  short: string;
  /** The description at the top of `kubectl <verb> --help`. */
  long: string;
  /** The "Examples:" section; commands without examples (kubectl set) leave it empty. */
  examples: string;
  /** The synopsis after "Usage:". */
  usage: string;
  flags: FlagSpec[];
  /** Flags cobra checks for before running (MarkFlagRequired). */
  required?: string[];
  /** Runs the command; returns the exit code. Errors thrown are printed as kubectl prints them. */
  run(inv: Invocation): number;
}

/**
 * A command that only groups subcommands (kubectl rollout, kubectl set, kubectl sim): it runs
 * one of them, and on its own prints its help as cobra's DefaultSubCommandRun does.
 */
export interface CommandGroup {
  name: string;
  /** Other names cobra accepts for it ("kubectl create svc"). */
  aliases?: readonly string[];
  group: HelpGroup;
  short: string;
  long: string;
  examples: string;
  /** Verbs, or groups of their own (kubectl create service clusterip). */
  subcommands: readonly Command[];
  /** Real subcommands kubesim does not simulate yet ("kubectl set env"). */
  unsimulated?: readonly string[];
}

export type Command = Verb | CommandGroup;

export function isGroup(command: Command): command is CommandGroup {
  return 'subcommands' in command;
}

/** Global flags every command accepts (kubectl's persistent flags that kubesim honours). */
export const GLOBAL_FLAGS: FlagSpec[] = [
  { name: 'namespace', shorthand: 'n', type: 'string', default: '', usage: 'If present, the namespace scope for this CLI request' },
  { name: 'help', shorthand: 'h', type: 'bool', default: false, usage: 'help for kubectl' },
];
