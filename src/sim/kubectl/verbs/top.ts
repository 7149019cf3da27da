/** `kubectl top pod|node` (k8s.io/kubectl/pkg/cmd/top): usage from kubesim's metrics-server model. */
import { parseSelectorString } from '../../api/labels';
import { bytes, cpuMillis } from '../../api/quantity';
import type { Node, Pod } from '../../api/types';
import type { PodUsage } from '../../metrics';
import type { CommandGroup, Invocation, Verb } from '../command';
import { KubectlError } from '../errors';
import { TABLE_TABWRITER, tabify } from '../tabwriter';
import { ALL_NAMESPACES, SELECTOR } from './common';

/** What the OS and the kubelet itself use on every node. */
const SYSTEM_CPU_MILLIS = 80;
const SYSTEM_MEMORY_BYTES = 512 * 2 ** 20;

const cpu = (m: number) => `${Math.round(m)}m`;
const mem = (b: number) => `${Math.round(b / 2 ** 20)}Mi`;
/** Every cell ends in a tab, so kubectl's table keeps trailing padding. */
const row = (cells: string[]) => `${cells.map((c) => `${c}\t`).join('')}\n`;

function usageOf(inv: Invocation): (pod: Pod) => PodUsage | undefined {
  const sim = inv.ctx.sim;
  if (!sim) throw new KubectlError('Metrics API not available');
  return (pod) => sim.podUsage(pod);
}

const sortFlag = { name: 'sort-by', type: 'string' as const, default: '', usage: "If non-empty, sort pods list using specified field. The field can be either 'cpu' or 'memory'." };

const topPod: Verb = {
  name: 'pod',
  aliases: ['pods', 'po'],
  short: 'Display resource (CPU/memory) usage of pods',
  long: `Display resource (CPU/memory) usage of pods.

 The 'top pod' command allows you to see the resource consumption of pods.

 Due to the metrics pipeline delay, they may be unavailable for a few minutes since pod creation.`,
  examples: `  # Show metrics for all pods in the default namespace
  kubectl top pod
  
  # Show metrics for a given pod and its containers
  kubectl top pod POD_NAME --containers`,
  usage: 'kubectl top pod [NAME | -l label] [options]',
  flags: [ALL_NAMESPACES, { name: 'containers', type: 'bool', default: false, usage: 'If present, print usage of containers within a pod.' }, SELECTOR, sortFlag],
  run(inv) {
    const usage = usageOf(inv);
    const all = inv.flags.bool('all-namespaces');
    const selector = inv.flags.string('selector');
    const matches = selector ? parseSelectorString(selector) : () => true;
    let pods = (inv.ctx.api.list('Pod', all ? undefined : inv.namespace) as Pod[]).filter((p) => matches(p.metadata?.labels));
    if (inv.args.length) pods = pods.filter((p) => inv.args.includes(p.metadata!.name!));
    const metrics = pods.map((p) => usage(p)).filter((m): m is PodUsage => m !== undefined);
    if (inv.args.length && metrics.length === 0) throw new KubectlError(`metrics not available yet`);
    if (metrics.length === 0) {
      inv.out.err(all ? 'No resources found\n' : `No resources found in ${inv.namespace} namespace.\n`);
      return 0;
    }
    const total = (m: PodUsage) => ({ cpu: m.containers.reduce((s, c) => s + c.cpuMillis, 0), mem: m.containers.reduce((s, c) => s + c.memoryBytes, 0) });
    const by = inv.flags.string('sort-by');
    if (by === 'cpu') metrics.sort((a, b) => total(b).cpu - total(a).cpu);
    else if (by === 'memory') metrics.sort((a, b) => total(b).mem - total(a).mem);
    const containers = inv.flags.bool('containers');
    let text = row([...(all ? ['NAMESPACE'] : []), ...(containers ? ['POD', 'NAME'] : ['NAME']), 'CPU(cores)', 'MEMORY(bytes)']);
    for (const m of metrics) {
      const prefix = all ? [m.namespace] : [];
      if (containers) for (const c of m.containers) text += row([...prefix, m.name, c.name, cpu(c.cpuMillis), mem(c.memoryBytes)]);
      else text += row([...prefix, m.name, cpu(total(m).cpu), mem(total(m).mem)]);
    }
    inv.out.out(tabify(text, TABLE_TABWRITER));
    return 0;
  },
};

const topNode: Verb = {
  name: 'node',
  aliases: ['nodes', 'no'],
  short: 'Display resource (CPU/memory) usage of nodes',
  long: `Display resource (CPU/memory) usage of nodes.

 The top-node command allows you to see the resource consumption of nodes.`,
  examples: `  # Show metrics for all nodes
  kubectl top node
  
  # Show metrics for a given node
  kubectl top node NODE_NAME`,
  usage: 'kubectl top node [NAME | -l label] [options]',
  flags: [SELECTOR, sortFlag],
  run(inv) {
    const usage = usageOf(inv);
    let nodes = inv.ctx.api.list('Node') as Node[];
    if (inv.args.length) {
      nodes = nodes.filter((n) => inv.args.includes(n.metadata!.name!));
      if (nodes.length === 0) throw new KubectlError(`nodes "${inv.args[0]}" not found`);
    }
    const pods = inv.ctx.api.list('Pod') as Pod[];
    const rows = nodes
      .filter((n) => n.status?.conditions?.find((c) => c.type === 'Ready')?.status === 'True')
      .map((n) => {
        let c = SYSTEM_CPU_MILLIS;
        let m = SYSTEM_MEMORY_BYTES;
        for (const p of pods) {
          if (p.spec?.nodeName !== n.metadata!.name) continue;
          for (const u of usage(p)?.containers ?? []) {
            c += u.cpuMillis;
            m += u.memoryBytes;
          }
        }
        const alloc = n.status!.allocatable!;
        return { name: n.metadata!.name!, c, m, cp: Math.floor((100 * c) / cpuMillis(alloc.cpu)), mp: Math.floor((100 * m) / bytes(alloc.memory)) };
      });
    const by = inv.flags.string('sort-by');
    if (by === 'cpu') rows.sort((a, b) => b.c - a.c);
    else if (by === 'memory') rows.sort((a, b) => b.m - a.m);
    let text = row(['NAME', 'CPU(cores)', 'CPU(%)', 'MEMORY(bytes)', 'MEMORY(%)']);
    for (const r of rows) text += row([r.name, cpu(r.c), `${r.cp}%`, mem(r.m), `${r.mp}%`]);
    inv.out.out(tabify(text, TABLE_TABWRITER));
    return 0;
  },
};

export const topCommand: CommandGroup = {
  name: 'top',
  group: 'Cluster Management Commands:',
  short: 'Display resource (CPU/memory) usage',
  long: `Display resource (CPU/memory) usage.

 The top command allows you to see the resource consumption for nodes or pods.

 This command requires Metrics Server to be correctly configured and working on the server.`,
  examples: '',
  subcommands: [topNode, topPod],
};
