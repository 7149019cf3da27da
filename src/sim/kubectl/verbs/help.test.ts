import { describe, expect, it } from 'vitest';
import { fixture } from '../fixtures';
import { runKubectl } from '..';

const { ctx } = fixture([], 0);
const kubectl = (line: string) => runKubectl(ctx, line);

describe('kubectl help', () => {
  it('lists the commands kubesim runs under kubectl\'s section headings', () => {
    const { stdout, exitCode } = kubectl('--help');
    expect(exitCode).toBe(0);
    expect(stdout).toContain('Basic Commands (Intermediate):\n  explain         Get documentation for a resource\n  get             Display one or many resources\n  delete          Delete resources');
    expect(stdout).toContain(
      'Deploy Commands:\n  rollout         Manage the rollout of a resource\n  scale           Set a new size for a deployment, replica set, or replication controller\n  autoscale       Auto-scale a deployment, replica set, stateful set, or replication controller\n',
    );
    expect(stdout).toContain('Cluster Management Commands:\n  top             Display resource (CPU/memory) usage\n  cordon          Mark node as unschedulable\n  uncordon        Mark node as schedulable\n  drain           Drain node in preparation for maintenance\n  taint           Update the taints on one or more nodes\n');
    expect(stdout).toContain('Advanced Commands:\n  apply           Apply a configuration to a resource by file name or stdin\n  patch           Update fields of a resource\n  replace         Replace a resource by file name or stdin\n');
    expect(stdout).toContain(
      'Other Commands:\n  api-resources   Print the supported API resources on the server\n  api-versions    Print the supported API versions on the server, in the form of "group/version"\n  config          Modify kubeconfig files\n  version         Print the client and server version information\n',
    );
    expect(stdout).toContain('Settings Commands:\n  label           Update the labels on a resource\n  annotate        Update the annotations on a resource\n');
    expect(stdout).toContain("Subcommands provided by plugins:\n  sim             kubesim's controls for the simulated machines (no such command on a real cluster)\n");
    expect(stdout).toContain('Usage:\n  kubectl [flags] [options]\n');
    expect(kubectl('').stdout).toBe(stdout);
    expect(kubectl('help').stdout).toBe(stdout);
  });

  it('prints a command\'s help with its flags in kubectl\'s layout', () => {
    const { stdout } = kubectl('get --help');
    expect(stdout.startsWith('Display one or many resources.\n')).toBe(true);
    expect(stdout).toContain("\nOptions:\n    -A, --all-namespaces=false:\n\tIf present, list the requested object(s) across all namespaces.");
    expect(stdout).toContain("    -o, --output='':\n\tOutput format. One of: (json, yaml, name, wide).\n");
    expect(stdout.endsWith('Usage:\n  kubectl get [(-o|--output=)json|yaml|name|wide] (TYPE[.VERSION][.GROUP] [NAME | -l label] | TYPE[.VERSION][.GROUP]/NAME ...) [flags] [options]\n\nUse "kubectl options" for a list of global command-line options (applies to all commands).\n')).toBe(true);
    expect(kubectl('help delete').stdout).toBe(kubectl('delete -h').stdout);
  });

  it('prints a subcommand\'s help, with no Options section for a command without flags of its own', () => {
    expect(kubectl('help rollout status').stdout).toBe(kubectl('rollout status --help').stdout);
    expect(kubectl('rollout status -h').stdout).toContain("\nOptions:\n    --revision=0:\n\tPin to a specific revision for showing its status. Defaults to 0 (last revision).\n");
    expect(kubectl('rollout status -h').stdout).toContain("    --timeout=0s:\n\tThe length of time to wait before ending watch, zero means never.");
    expect(kubectl('sim node-up --help').stdout).toContain('Examples:\n  # Power node-1 back on\n  kubectl sim node-up node-1\n\nUsage:\n  kubectl sim node-up NODE [options]\n');
  });
});
