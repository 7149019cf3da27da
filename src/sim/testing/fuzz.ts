/**
 * Property-based testing of the control plane (issue "Reliability and safety"): random clusters
 * and random action sequences, with the invariants real Kubernetes keeps checked after every step.
 * `invariants.test.ts` runs it in `npm test`; `npm run fuzz` runs it for much longer.
 */
import fc from 'fast-check';
import { SimCluster } from '../cluster';
import type { NodeSpecOption } from '../contract';
import { cpuMillis, bytes } from '../api/quantity';
import type { Deployment, Node, Pod, ReplicaSet } from '../api/types';
import { maxSurge } from '../controllers/deployment/util';

const NAMES = ['alpha', 'beta', 'gamma'] as const;
const IMAGES = ['nginx:1.26', 'nginx:1.27', 'httpd:2.4', 'nginx:1.161', 'busybox:1.36'] as const;
const GOOD_IMAGES = new Set(['nginx:1.26', 'nginx:1.27', 'httpd:2.4']);

export interface DeploymentChoice {
  name: (typeof NAMES)[number];
  replicas: number;
  image: (typeof IMAGES)[number];
  recreate: boolean;
  surge: number | string;
  unavailable: number | string;
  cpu?: string;
}

export type Action =
  | { type: 'apply'; d: DeploymentChoice }
  | { type: 'scale'; name: string; replicas: number }
  | { type: 'deleteDeployment'; name: string; cascade: 'background' | 'foreground' | 'orphan' }
  | { type: 'deletePod'; pick: number; force: boolean }
  | { type: 'nodeDown' | 'nodeUp'; node: number }
  | { type: 'advance'; ms: number };

export interface Scenario {
  seed: number;
  nodes: NodeSpecOption[];
  actions: Action[];
}

const deploymentArb: fc.Arbitrary<DeploymentChoice> = fc.record({
  name: fc.constantFrom(...NAMES),
  replicas: fc.integer({ min: 0, max: 6 }),
  image: fc.constantFrom(...IMAGES),
  recreate: fc.boolean(),
  surge: fc.constantFrom<number | string>(0, 1, 2, '25%', '50%'),
  unavailable: fc.constantFrom<number | string>(0, 1, '25%'),
  cpu: fc.constantFrom(undefined, '100m', '250m'),
});

const actionArb: fc.Arbitrary<Action> = fc.oneof(
  { weight: 4, arbitrary: deploymentArb.map((d) => ({ type: 'apply' as const, d })) },
  { weight: 2, arbitrary: fc.record({ type: fc.constant('scale' as const), name: fc.constantFrom(...NAMES), replicas: fc.integer({ min: 0, max: 8 }) }) },
  { weight: 1, arbitrary: fc.record({ type: fc.constant('deleteDeployment' as const), name: fc.constantFrom(...NAMES), cascade: fc.constantFrom('background' as const, 'foreground' as const, 'orphan' as const) }) },
  { weight: 2, arbitrary: fc.record({ type: fc.constant('deletePod' as const), pick: fc.nat(), force: fc.boolean() }) },
  { weight: 1, arbitrary: fc.record({ type: fc.constantFrom('nodeDown' as const, 'nodeUp' as const), node: fc.nat() }) },
  { weight: 4, arbitrary: fc.record({ type: fc.constant('advance' as const), ms: fc.integer({ min: 0, max: 120_000 }) }) },
);

const nodeArb: fc.Arbitrary<Omit<NodeSpecOption, 'name'>> = fc.record({
  cpu: fc.constantFrom('1', '2', '4', '8'),
  memory: fc.constantFrom('1Gi', '4Gi', '8Gi', '16Gi'),
  labels: fc.constantFrom<Record<string, string> | undefined>(undefined, { disk: 'ssd' }, { zone: 'a' }),
  taints: fc.constantFrom(undefined, [{ key: 'dedicated', value: 'gpu', effect: 'NoSchedule' as const }], [{ key: 'spot', effect: 'PreferNoSchedule' as const }]),
});

export function scenarioArb(maxNodes: number, maxActions: number): fc.Arbitrary<Scenario> {
  return fc.record({
    seed: fc.integer({ min: 1, max: 2 ** 31 - 1 }),
    nodes: fc.array(nodeArb, { minLength: 1, maxLength: maxNodes }).map((list) => list.map((n, i) => ({ ...n, name: `node-${i + 1}` }))),
    actions: fc.array(actionArb, { minLength: 1, maxLength: maxActions }),
  });
}

export function deploymentYaml(d: DeploymentChoice): string {
  const strategy = d.recreate
    ? '  strategy:\n    type: Recreate\n'
    : `  strategy:\n    type: RollingUpdate\n    rollingUpdate:\n      maxSurge: ${JSON.stringify(d.surge)}\n      maxUnavailable: ${JSON.stringify(d.unavailable)}\n`;
  const command = d.image.startsWith('busybox') ? "        command: ['sh', '-c', 'exit 1']\n" : '';
  const resources = d.cpu ? `        resources:\n          requests:\n            cpu: ${d.cpu}\n            memory: 64Mi\n` : '';
  return `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${d.name}
spec:
  replicas: ${d.replicas}
${strategy}  selector:
    matchLabels:
      app: ${d.name}
  template:
    metadata:
      labels:
        app: ${d.name}
    spec:
      containers:
      - name: app
        image: ${d.image}
${command}${resources}`;
}

function nodeName(cluster: SimCluster, index: number): string {
  const workers = cluster.list('Node').filter((n) => n.metadata.name !== 'control-plane');
  return workers[index % workers.length].metadata.name!;
}

export function perform(cluster: SimCluster, action: Action): void {
  switch (action.type) {
    case 'apply':
      cluster.apply(deploymentYaml(action.d));
      break;
    case 'scale':
      cluster.kubectl(`scale deployment/${action.name} --replicas=${action.replicas}`);
      break;
    case 'deleteDeployment':
      cluster.kubectl(`delete deployment ${action.name} --cascade=${action.cascade}`);
      break;
    case 'deletePod': {
      const pods = cluster.list('Pod', 'default');
      if (pods.length === 0) break;
      const name = pods[action.pick % pods.length].metadata.name;
      cluster.kubectl(`delete pod ${name}${action.force ? ' --grace-period=0 --force' : ''}`);
      break;
    }
    case 'nodeDown':
      cluster.nodeDown(nodeName(cluster, action.node));
      break;
    case 'nodeUp':
      cluster.nodeUp(nodeName(cluster, action.node));
      break;
    case 'advance':
      cluster.advance(action.ms);
      break;
  }
}

/** What the checks remember between steps. */
export interface History {
  /** Per object key, the last resourceVersion seen: resourceVersions only increase. */
  revisions: Map<string, number>;
  /** Per Deployment uid, the summed ReplicaSet replicas after the previous step. */
  totals: Map<string, number>;
}

export function newHistory(): History {
  return { revisions: new Map(), totals: new Map() };
}

/** The invariants that must hold after every step; returns the first violation, or undefined. */
export function violation(cluster: SimCluster, history: History): string | undefined {
  const { revisions } = history;
  const all = cluster.objects();
  const uids = new Map(all.map((o) => [o.metadata.uid, o]));
  for (const obj of all) {
    const key = `${obj.kind}/${obj.metadata.namespace ?? ''}/${obj.metadata.name}`;
    const rv = Number(obj.metadata.resourceVersion);
    if (rv < (revisions.get(key) ?? 0)) return `${key}: resourceVersion went back from ${revisions.get(key)} to ${rv}`;
    revisions.set(key, rv);
    for (const ref of obj.metadata.ownerReferences ?? []) {
      const owner = uids.get(ref.uid);
      if ((!owner || owner.kind !== ref.kind) && !obj.metadata.deletionTimestamp) return `${key}: owner ${ref.kind}/${ref.name} is gone but the dependent is not being deleted`;
    }
  }
  const nodes = new Map((cluster.list('Node') as Node[]).map((n) => [n.metadata!.name!, n]));
  const used = new Map<string, { cpu: number; memory: number; pods: number }>();
  for (const pod of cluster.list('Pod') as Pod[]) {
    const node = pod.spec?.nodeName;
    if (!node) continue;
    if (!nodes.has(node)) return `pod ${pod.metadata!.name} is bound to missing node ${node}`;
    if (pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed') continue;
    const u = used.get(node) ?? { cpu: 0, memory: 0, pods: 0 };
    for (const c of pod.spec!.containers) {
      u.cpu += cpuMillis(c.resources?.requests?.cpu);
      u.memory += bytes(c.resources?.requests?.memory);
    }
    u.pods += 1;
    used.set(node, u);
  }
  for (const [name, u] of used) {
    const alloc = nodes.get(name)!.status!.allocatable!;
    if (u.cpu > cpuMillis(alloc.cpu) || u.memory > bytes(alloc.memory) || u.pods > Number(alloc.pods)) return `node ${name} is over-committed: ${JSON.stringify(u)}`;
  }
  for (const d of cluster.list('Deployment', 'default') as Deployment[]) {
    // Recreate has no surge; the real controller even leaves a Recreate Deployment with two active
    // ReplicaSets unscaled (scale() only acts for RollingUpdate), so the bound is RollingUpdate's.
    if (d.metadata!.deletionTimestamp || d.spec!.strategy?.type === 'Recreate') continue;
    const rss = (cluster.list('ReplicaSet', 'default') as ReplicaSet[]).filter((rs) => rs.metadata!.ownerReferences?.some((r) => r.uid === d.metadata!.uid));
    const total = rss.reduce((s, rs) => s + (rs.spec?.replicas ?? 0), 0);
    const limit = (d.spec!.replicas ?? 1) + maxSurge(d);
    // The controller never scales up past replicas+maxSurge. It may sit above a bound the user has
    // just lowered (a smaller maxSurge mid-rollout) until old pods become removable, as the real one does.
    const before = history.totals.get(d.metadata!.uid!) ?? 0;
    history.totals.set(d.metadata!.uid!, total);
    if (total > before && total > limit) return `deployment ${d.metadata!.name}: ReplicaSets grew to ${total} pods, above replicas+maxSurge ${limit}`;
  }
  return undefined;
}

/**
 * After healing (every node powered on, time to settle), each Deployment with a working image whose
 * pods easily fit (at most half the cluster's CPU) has all its replicas available.
 */
export function convergenceViolation(cluster: SimCluster, scenario: Scenario): string | undefined {
  const workers = (cluster.list('Node') as Node[]).filter((n) => n.metadata!.name !== 'control-plane');
  const capacity = workers.filter((n) => !n.spec?.taints?.some((t) => t.effect === 'NoSchedule')).reduce((s, n) => s + cpuMillis(n.status!.allocatable!.cpu), 0);
  const deployments = cluster.list('Deployment', 'default') as Deployment[];
  const wanted = deployments.reduce((s, d) => s + (d.spec!.replicas ?? 1) * Math.max(100, cpuMillis(d.spec!.template!.spec!.containers[0].resources?.requests?.cpu)), 0);
  if (wanted * 2 > capacity) return undefined;
  const memoryOk = workers.every((n) => bytes(n.status!.allocatable!.memory) >= 4 * 2 ** 30);
  if (!memoryOk) return undefined;
  const rss = cluster.list('ReplicaSet', 'default') as ReplicaSet[];
  for (const d of deployments) {
    if (!GOOD_IMAGES.has(d.spec!.template!.spec!.containers[0].image!)) continue;
    // Faithful to the real controller: a scaling event on a Recreate Deployment that still has two
    // active ReplicaSets (switched from RollingUpdate mid-rollout) is never acted on.
    const active = rss.filter((rs) => (rs.spec?.replicas ?? 0) > 0 && rs.metadata!.ownerReferences?.some((r) => r.uid === d.metadata!.uid));
    if (d.spec!.strategy?.type === 'Recreate' && active.length > 1) continue;
    const want = d.spec!.replicas ?? 1;
    if (d.status?.availableReplicas !== want || d.status?.updatedReplicas !== want) {
      return `deployment ${d.metadata!.name} did not converge: ${JSON.stringify(d.status)} (seed ${scenario.seed})`;
    }
  }
  return undefined;
}

export interface RunResult {
  failure?: string;
  snapshot: string;
}

/** Runs a scenario, checking invariants after each action, then heals and checks convergence. */
export function runScenario(scenario: Scenario): RunResult {
  const cluster = new SimCluster({ nodes: scenario.nodes, seed: scenario.seed });
  const history = newHistory();
  for (const [i, action] of scenario.actions.entries()) {
    perform(cluster, action);
    const broken = violation(cluster, history);
    if (broken) return { failure: `after action ${i} ${JSON.stringify(action)}: ${broken}`, snapshot: '' };
  }
  for (const n of cluster.list('Node')) cluster.nodeUp(n.metadata.name!);
  cluster.advance(6 * 60_000);
  const broken = violation(cluster, history) ?? convergenceViolation(cluster, scenario);
  return { failure: broken, snapshot: JSON.stringify(cluster.snapshot()) };
}

/**
 * The property: invariants hold throughout, and (for one scenario in `replayEvery`) the same
 * scenario replays to the same snapshot.
 */
export function clusterProperty(maxNodes: number, maxActions: number, replayEvery: number) {
  return fc.property(scenarioArb(maxNodes, maxActions), (scenario) => {
    const first = runScenario(scenario);
    if (first.failure) throw new Error(first.failure);
    if (scenario.seed % replayEvery === 0 && runScenario(scenario).snapshot !== first.snapshot) {
      throw new Error('the same seed and inputs gave a different snapshot');
    }
  });
}
