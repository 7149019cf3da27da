/**
 * `kubectl sim`: kubesim's own plugin verb, the machine room of the simulated cluster. A real
 * cluster has no such command: powering a machine off, or adding one, happens outside Kubernetes.
 */
import { notFound } from '../../api/errors';
import { labelValueProblems, qualifiedNameProblems } from '../../api/validation/names';
import type { KubeObject } from '../../api/object';
import type { CronJob } from '../../api/types';
import { NEXT_SCHEDULE_DELTA_MS, nextCronRun } from '../../controllers/cronjob';
import { rfc3339 } from '../../time';
import { humanDuration } from '../duration';
import { parseQuantity } from '../../api/quantity';
import type { NodeSpecOption } from '../../contract';
import type { TrafficJob } from '../../network/traffic';
import { parseDuration } from '../../util/duration';
import type { CommandGroup, Invocation, SimControls, Verb } from '../command';
import { KubectlError } from '../errors';

type Taint = NonNullable<NodeSpecOption['taints']>[number];
const EFFECTS: readonly string[] = ['NoSchedule', 'PreferNoSchedule', 'NoExecute'];

/** kubectl's usage error for a command that takes exactly one name. */
function oneName(inv: Invocation, word: string): string {
  if (inv.args.length !== 1) throw new KubectlError(`USAGE: ${inv.path} ${word} [flags]\nSee 'kubectl ${inv.path} -h' for help and examples`);
  return inv.args[0];
}

function controls(inv: Invocation): SimControls {
  if (!inv.ctx.sim) throw new KubectlError('kubesim cannot reach its simulated machines from here');
  return inv.ctx.sim;
}

/** kubectl taint's parseTaint, for `key=value:Effect` and `key:Effect`, with its error texts. */
export function parseTaint(spec: string): Taint {
  const parts = spec.split(':');
  if (parts.length !== 2) throw new KubectlError(`invalid taint spec: ${spec}${parts.length === 1 ? keyProblems(spec) : ''}`);
  const effect = parts[1];
  if (!EFFECTS.includes(effect)) throw new KubectlError(`invalid taint effect: ${effect}, unsupported taint effect`);
  const kv = parts[0].split('=');
  if (kv.length > 2) throw new KubectlError(`invalid taint spec: ${spec}`);
  const [key, value] = kv;
  if (value !== undefined) {
    const problems = labelValueProblems(value);
    if (problems.length) throw new KubectlError(`invalid taint spec: ${spec}, ${problems.join('; ')}`);
  }
  const problems = keyProblems(key);
  if (problems) throw new KubectlError(`invalid taint spec: ${spec}${problems}`);
  return { key, ...(value !== undefined ? { value } : {}), effect: effect as Taint['effect'] };
}

/** ", <IsQualifiedName problems>" for a taint key, or "" when it is valid. */
function keyProblems(key: string): string {
  const problems = qualifiedNameProblems(key);
  return problems.length ? `, ${problems.join('; ')}` : '';
}

/** parseTaints' checks on the taints to add: an effect is required, and one taint per key and effect. */
function parseTaints(specs: readonly string[]): Taint[] {
  const taints: Taint[] = [];
  for (const spec of specs) {
    const taint = parseTaint(spec);
    if (taints.some((t) => t.key === taint.key && t.effect === taint.effect)) {
      throw new KubectlError(`duplicated taints with the same key and effect: {${taint.key} ${taint.value ?? ''} ${taint.effect} <nil>}`);
    }
    taints.push(taint);
  }
  return taints;
}

function parseLabels(specs: readonly string[]): Record<string, string> {
  const labels: Record<string, string> = {};
  for (const spec of specs) {
    const eq = spec.indexOf('=');
    if (eq <= 0) throw new KubectlError(`invalid label spec: ${spec}`);
    labels[spec.slice(0, eq)] = spec.slice(eq + 1);
  }
  return labels;
}

function quantityFlag(inv: Invocation, name: string): string {
  const value = inv.flags.string(name);
  try {
    parseQuantity(value);
  } catch (err) {
    throw new KubectlError(`invalid argument ${JSON.stringify(value)} for "--${name}" flag: ${(err as Error).message}\nSee 'kubectl ${inv.path} --help' for usage.`);
  }
  return value;
}

const nodeDownVerb: Verb = {
  name: 'node-down',
  short: 'Power a node off: its kubelet stops',
  long: `Power a node off.

 The machine stops: its kubelet no longer posts node status or runs pods. After the node monitor grace period (50s) the node lifecycle controller marks it NotReady (Ready=Unknown) and taints it; 300s later its pods are evicted and their controllers replace them elsewhere.`,
  examples: `  # Power off node-1
  kubectl sim node-down node-1`,
  usage: 'kubectl sim node-down NODE [options]',
  flags: [],
  run(inv) {
    const name = oneName(inv, 'NODE');
    if (!controls(inv).nodeDown(name)) throw notFound('nodes', name);
    inv.out.out(`node/${name} powered off (simulated: the kubelet stops; expect NotReady after 50s)\n`);
    return 0;
  },
};

const nodeUpVerb: Verb = {
  name: 'node-up',
  short: 'Power a node back on',
  long: `Power a node back on.

 Its kubelet starts again, posts node status (the node turns Ready) and finishes deleting the pods that were evicted while it was down.`,
  examples: `  # Power node-1 back on
  kubectl sim node-up node-1`,
  usage: 'kubectl sim node-up NODE [options]',
  flags: [],
  run(inv) {
    const name = oneName(inv, 'NODE');
    if (!controls(inv).nodeUp(name)) throw notFound('nodes', name);
    inv.out.out(`node/${name} powered on\n`);
    return 0;
  },
};

const addNodeVerb: Verb = {
  name: 'add-node',
  short: 'Add a worker node',
  long: `Add a worker node.

 A new machine joins the cluster: its kubelet registers the Node with the given capacity, labels and taints.`,
  examples: `  # Add a node with the default capacity (4 CPUs, 8Gi of memory, 110 pods)
  kubectl sim add-node node-4
  
  # Add a larger node for GPU work, labelled and tainted
  kubectl sim add-node gpu-1 --cpu 16 --memory 64Gi --label accelerator=gpu --taint dedicated=gpu:NoSchedule`,
  usage: 'kubectl sim add-node NAME [--cpu=4] [--memory=8Gi] [--pods=110] [--label=KEY=VALUE]... [--taint=KEY[=VALUE]:EFFECT]... [options]',
  flags: [
    { name: 'cpu', type: 'string', default: '4', usage: 'CPU capacity of the node.' },
    { name: 'label', type: 'stringSlice', default: [], usage: 'A label of the node, KEY=VALUE; repeat for more.' },
    { name: 'memory', type: 'string', default: '8Gi', usage: 'Memory capacity of the node.' },
    { name: 'pods', type: 'int', default: 110, usage: 'How many pods the node can run.' },
    { name: 'taint', type: 'stringSlice', default: [], usage: 'A taint of the node, KEY[=VALUE]:EFFECT with EFFECT one of NoSchedule, PreferNoSchedule, NoExecute; repeat for more.' },
  ],
  run(inv) {
    const name = oneName(inv, 'NAME');
    const sim = controls(inv);
    const cpu = quantityFlag(inv, 'cpu');
    const memory = quantityFlag(inv, 'memory');
    const labels = parseLabels(inv.flags.strings('label'));
    let taints: Taint[];
    try {
      taints = parseTaints(inv.flags.strings('taint'));
    } catch (err) {
      throw new KubectlError(`${(err as Error).message}\nSee 'kubectl ${inv.path} -h' for help and examples`);
    }
    // The kubelet's registration would fail as this would: check first, so a bad node never starts a kubelet.
    inv.ctx.api.create({ apiVersion: 'v1', kind: 'Node', metadata: { name, labels }, spec: taints.length ? { taints } : {} } as KubeObject, 'kubectl', { dryRun: true });
    sim.addNode({ name, cpu, memory, pods: inv.flags.int('pods'), labels, taints });
    inv.out.out(`node/${name} added\n`);
    return 0;
  },
};

const removeNodeVerb: Verb = {
  name: 'remove-node',
  short: 'Remove a node: the machine and its Node object are gone',
  long: `Remove a node.

 The machine is gone and its Node object is deleted; the pod garbage collector deletes the pods bound to it, and their controllers replace them elsewhere.`,
  examples: `  # Remove node-4
  kubectl sim remove-node node-4`,
  usage: 'kubectl sim remove-node NAME [options]',
  flags: [],
  run(inv) {
    const name = oneName(inv, 'NAME');
    if (!controls(inv).removeNode(name)) throw notFound('nodes', name);
    inv.out.out(`node/${name} removed\n`);
    return 0;
  },
};

/** `svc/NAME` means the Service's cluster DNS name in the namespace; anything else is a URL. */
function targetUrl(inv: Invocation, target: string): string {
  const m = /^(?:svc|service|services)\/(.+)$/.exec(target);
  return m ? `http://${m[1]}.${inv.namespace}.svc.cluster.local` : target;
}

const curlVerb: Verb = {
  name: 'curl',
  short: 'Send one HTTP request into the cluster and print the answer',
  long: `Send one HTTP request, as curl would from a machine next to the cluster.

 The URL can be a Service name (web, web.default.svc.cluster.local), a ClusterIP, NODE-IP:NODEPORT, a LoadBalancer address, an Ingress host, or a pod IP. kube-proxy picks a ready endpoint at random, as iptables mode does; the pod answers with its name and image.`,
  examples: `  # Ask the Service web which pod serves it
  kubectl sim curl web.default.svc.cluster.local
  
  # Through a NodePort on a node's address
  kubectl sim curl 172.18.0.3:31234`,
  usage: 'kubectl sim curl URL [options]',
  flags: [],
  run(inv) {
    const url = targetUrl(inv, oneName(inv, 'URL'));
    const res = controls(inv).curl(url);
    if (res.ok || res.status !== undefined) {
      inv.out.out(`${res.text}\n`);
      return 0;
    }
    inv.out.err(`${res.text}\n`);
    return res.text.startsWith('curl: (6)') ? 6 : 7;
  },
};

const nslookupVerb: Verb = {
  name: 'nslookup',
  short: 'Look a name up in the cluster DNS, as busybox nslookup in a pod would',
  long: `Look a name up in the cluster DNS, as 'nslookup NAME' in a pod of the namespace would.

 Short names expand by the pod's search path (<ns>.svc.cluster.local, svc.cluster.local, cluster.local). A Service name gives its ClusterIP; a headless Service gives its ready pods' IPs.`,
  examples: `  # Resolve the Service web from a pod in the default namespace
  kubectl sim nslookup web`,
  usage: 'kubectl sim nslookup NAME [options]',
  flags: [],
  run(inv) {
    const name = oneName(inv, 'NAME');
    const found = controls(inv).lookup(name, inv.namespace);
    const header = 'Server:\t\t10.96.0.10\nAddress:\t10.96.0.10:53\n\n';
    if (!found.ok) {
      inv.out.out(header);
      inv.out.err(`** server can't find ${found.fqdn}: NXDOMAIN\n\n`);
      return 1;
    }
    inv.out.out(`${header}${found.addresses.map((a) => `Name:\t${found.fqdn}\nAddress: ${a}\n`).join('')}\n`);
    return 0;
  },
};

const trafficVerb: Verb = {
  name: 'traffic',
  short: 'Send a steady stream of requests and count who answers',
  long: `Send requests at a steady rate and count which pods and image versions answer.

 Requests go through kube-proxy like 'kubectl sim curl', from 8 client addresses (so ClientIP session affinity shows). In a shell the command waits for the duration and prints the counts; in the app it starts the stream, which the graph draws.`,
  examples: `  # 10 requests a second to the Service web for 30 seconds
  kubectl sim traffic svc/web --rps 10 --duration 30s`,
  usage: 'kubectl sim traffic TARGET [--rps=10] [--duration=30s] [options]',
  flags: [
    { name: 'duration', type: 'string', default: '30s', usage: 'How long to send for (500ms, 30s, 5m).' },
    { name: 'rps', type: 'int', default: 10, usage: 'Requests per second.' },
  ],
  run(inv) {
    const target = targetUrl(inv, oneName(inv, 'TARGET'));
    const rps = inv.flags.int('rps');
    const duration = parseDuration(inv.flags.string('duration'));
    if (rps < 1 || rps > 1000) throw new KubectlError('--rps must be between 1 and 1000');
    if (duration === undefined || duration <= 0) throw new KubectlError(`invalid argument "${inv.flags.string('duration')}" for "--duration" flag: a duration such as 30s is required`);
    const sim = controls(inv);
    const job = sim.startTraffic(target, rps, duration);
    if (!inv.ctx.advance) {
      inv.out.out(`sending ${rps} requests/s to ${target} for ${inv.flags.string('duration')} (traffic ${job.id})\n`);
      return 0;
    }
    inv.ctx.advance(duration);
    const done = sim.trafficJobs().find((j) => j.id === job.id)!;
    inv.out.out(trafficReport(done, inv.flags.string('duration')));
    return done.failed > 0 && done.ok === 0 ? 1 : 0;
  },
};

const stopTrafficVerb: Verb = {
  name: 'stop-traffic',
  short: 'Stop a stream of requests started with kubectl sim traffic',
  long: `Stop a stream of requests started with 'kubectl sim traffic', by the number it printed.`,
  examples: `  # Stop traffic stream 1
  kubectl sim stop-traffic 1`,
  usage: 'kubectl sim stop-traffic ID [options]',
  flags: [],
  run(inv) {
    const id = Number(oneName(inv, 'ID'));
    if (!controls(inv).stopTraffic(id)) throw new KubectlError(`no traffic stream ${inv.args[0]}`);
    inv.out.out(`traffic ${id} stopped\n`);
    return 0;
  },
};

const nextCronVerb: Verb = {
  name: 'next-cron',
  short: 'Move the clock on to the next run of a CronJob',
  long: `Move the clock on to the moment a CronJob next creates a Job.

 The schedule is read in the CronJob's time zone (UTC when unset). Time runs up to the scheduled minute and the 100ms the cronjob controller waits after it, so the new Job exists when the command returns. In the app, the cluster clock jumps there too.`,
  examples: `  # Run the clock to the next Job of the CronJob hello
  kubectl sim next-cron hello`,
  usage: 'kubectl sim next-cron NAME [options]',
  flags: [],
  run(inv) {
    const name = oneName(inv, 'NAME');
    const cj = inv.ctx.api.get('CronJob', inv.namespace, name) as CronJob | undefined;
    if (!cj) throw notFound('cronjobs.batch', name);
    const now = inv.ctx.clock.now();
    const next = nextCronRun(cj, now);
    if (next === undefined) throw new KubectlError(`cronjob.batch/${name} has no next run: it is suspended`);
    const skip = inv.ctx.advance ?? inv.ctx.jump;
    if (!skip) {
      inv.out.out(`cronjob.batch/${name} runs next at ${rfc3339(next)} (in ${humanDuration(next - now)})\n`);
      return 0;
    }
    skip(next + NEXT_SCHEDULE_DELTA_MS - now);
    inv.out.out(`cronjob.batch/${name}: clock moved on ${humanDuration(next - now)} to its run at ${rfc3339(next)}\n`);
    return 0;
  },
};

/** The counts of a finished stream: per pod and per image version, with shares. */
export function trafficReport(job: TrafficJob, duration: string): string {
  const share = (n: number) => `${Math.round((100 * n) / Math.max(1, job.sent))}%`;
  const table = (title: string, rows: [string, number][]) => {
    const width = Math.max(title.length, ...rows.map(([k]) => k.length));
    return [`${title.padEnd(width)}   REQUESTS   SHARE`, ...rows.map(([k, n]) => `${k.padEnd(width)}   ${String(n).padEnd(8)}   ${share(n)}`)].join('\n');
  };
  const lines = [`${job.sent} requests to ${job.target} over ${duration}: ${job.ok} answered, ${job.failed} failed`];
  const pods = Object.entries(job.byPod).sort();
  if (pods.length) lines.push('', table('POD', pods.map(([k, n]) => [k.slice(k.indexOf('/') + 1), n])), '', table('VERSION', Object.entries(job.byVersion).sort()));
  if (job.lastError) lines.push('', `last error: ${job.lastError}`);
  return `${lines.join('\n')}\n`;
}

export const simCommand: CommandGroup = {
  name: 'sim',
  group: 'Subcommands provided by plugins:',
  short: "kubesim's controls for the simulated machines (no such command on a real cluster)",
  long: `Control kubesim's simulated machines.

 This is kubesim's own plugin: a real cluster has no "kubectl sim". Nodes fail, join and leave there because of what happens to machines outside Kubernetes; here these commands make it happen.`,
  examples: `  # Power off node-1, and watch it turn NotReady after 50s
  kubectl sim node-down node-1
  
  # Power it back on
  kubectl sim node-up node-1
  
  # Add a worker node with 8 CPUs and 16Gi of memory
  kubectl sim add-node node-4 --cpu 8 --memory 16Gi
  
  # Remove it again
  kubectl sim remove-node node-4
  
  # Ask a Service which pod answers, then send it 10 requests a second for 30s
  kubectl sim curl web
  kubectl sim traffic svc/web --rps 10 --duration 30s
  
  # Run the clock to the next Job of the CronJob hello
  kubectl sim next-cron hello`,
  subcommands: [nodeDownVerb, nodeUpVerb, addNodeVerb, removeNodeVerb, curlVerb, nslookupVerb, trafficVerb, stopTrafficVerb, nextCronVerb],
};
