import { describe, expect, it } from 'vitest';
import { complete, parseHelp, parseVerbs, type CompletionSource, type HelpInfo } from './terminal-completion';

const ROOT_HELP = `kubectl controls the Kubernetes cluster manager.

Basic Commands (Beginner):
  create          Create a resource from a file or from stdin
  expose          Take a replication controller, service, deployment or pod and expose it as a new Kubernetes service

Basic Commands (Intermediate):
  get             Display one or many resources
  delete          Delete resources by file names, stdin, resources and names, or by resources and label selector

Deploy Commands:
  rollout         Manage the rollout of a resource
  scale           Set a new size for a deployment, replica set, or replication controller

Cluster Management Commands:
  cordon          Mark node as unschedulable
`;

const HELPS: Record<string, string> = {
  get: `Display one or many resources.

Options:
    -A, --all-namespaces=false:
\tIf present, list the requested object(s) across all namespaces.

    -o, --output='':
\tOutput format.

    -w, --watch=false:
\tAfter listing/getting the requested object, watch for changes.

Usage:
  kubectl get [flags]
`,
  rollout: `Manage the rollout of one or many resources.

Available Commands:
  history       View rollout history
  undo          Undo a previous rollout

Usage:
  kubectl rollout SUBCOMMAND [options]
`,
};

const source: CompletionSource = {
  verbs: async () => parseVerbs(ROOT_HELP),
  help: async (path): Promise<HelpInfo> => parseHelp(HELPS[path] ?? ''),
  names: (kind, namespace) => (kind === 'Deployment' && namespace === 'default' ? ['web', 'worker'] : kind === 'Node' ? ['node-1', 'node-2'] : kind === 'Deployment' ? ['shop'] : []),
  namespaces: () => ['default', 'kube-system', 'shop'],
};

const at = (line: string) => complete(line, line.length, source);

describe('terminal tab completion', () => {
  it('parses kubectl’s help for verbs, subcommands and flags', () => {
    expect(parseVerbs(ROOT_HELP)).toEqual(['create', 'expose', 'get', 'delete', 'rollout', 'scale', 'cordon']);
    expect(parseHelp(HELPS.get).flags).toEqual(['--all-namespaces', '-A', '--output', '-o', '--watch', '-w']);
    expect(parseHelp(HELPS.rollout).subcommands).toEqual(['history', 'undo']);
  });

  it('completes kubectl, verbs and subcommands', async () => {
    expect(await at('kub')).toEqual({ line: 'kubectl ', cursor: 8, listing: [] });
    expect(await at('kubectl g')).toMatchObject({ line: 'kubectl get ' });
    expect(await at('kubectl c')).toMatchObject({ line: 'kubectl c', listing: ['cordon', 'create'] });
    expect(await at('kubectl rollout u')).toMatchObject({ line: 'kubectl rollout undo ' });
  });

  it('completes resource types with their short names, then names from the mirror', async () => {
    expect(await at('kubectl get dep')).toMatchObject({ line: 'kubectl get deploy', listing: [] });
    expect(await at('kubectl get deploy')).toMatchObject({ listing: ['deploy', 'deployment', 'deployments'] });
    expect(await at('kubectl scale deploy w')).toMatchObject({ listing: ['web', 'worker'] });
    expect(await at('kubectl get deploy we')).toMatchObject({ line: 'kubectl get deploy web ' });
    expect(await at('kubectl get deploy -n shop s')).toMatchObject({ line: 'kubectl get deploy -n shop shop ' });
    expect(await at('kubectl rollout undo deployment/w')).toMatchObject({ listing: ['deployment/web', 'deployment/worker'] });
    expect(await at('kubectl cordon node-')).toMatchObject({ listing: ['node-1', 'node-2'] });
  });

  it('completes namespaces after -n and a command’s flags', async () => {
    expect(await at('kubectl get pods -n kube')).toMatchObject({ line: 'kubectl get pods -n kube-system ' });
    expect(await at('kubectl get pods --wa')).toMatchObject({ line: 'kubectl get pods --watch ' });
    expect(await at('kubectl get pods --')).toMatchObject({ listing: ['--all-namespaces', '--namespace', '--output', '--watch'] });
  });

  it('completes in the middle of a line, keeping what follows', async () => {
    expect(await complete('kubectl ge pods', 10, source)).toEqual({ line: 'kubectl get  pods', cursor: 12, listing: [] });
  });
});
