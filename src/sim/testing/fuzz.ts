/**
 * Property-based testing of the control plane (issue "Reliability and safety"): random clusters
 * and random action sequences, with the invariants real Kubernetes keeps checked after every step.
 * `invariants.test.ts` runs it in `npm test`; `npm run fuzz` runs it for much longer.
 */
import fc from 'fast-check';
import { SimCluster } from '../cluster';
import type { NodeSpecOption } from '../contract';
import { cpuMillis, bytes } from '../api/quantity';
import type { DaemonSet, Deployment, Job, Node, PersistentVolume, PersistentVolumeClaim, Pod, ReplicaSet, StatefulSet } from '../api/types';
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

export interface WorkloadChoice {
  kind: 'StatefulSet' | 'DaemonSet' | 'Job';
  replicas: number;
  image: (typeof IMAGES)[number];
  /** StatefulSet: Parallel instead of OrderedReady, with a claim per ordinal; Job: parallelism 2. */
  variant: boolean;
}

export interface ClaimChoice {
  name: 'claim-a' | 'claim-b' | 'claim-c';
  size: '500Mi' | '1Gi' | '5Gi';
  /** A static PV of class `manual` to bind against, or the default class's provisioner. */
  manual: boolean;
}

export type Action =
  | { type: 'apply'; d: DeploymentChoice }
  | { type: 'applyWorkload'; w: WorkloadChoice }
  | { type: 'deleteWorkload'; kind: WorkloadChoice['kind']; cascade: 'background' | 'foreground' | 'orphan' }
  | { type: 'applyClaim'; c: ClaimChoice }
  | { type: 'applyVolume'; size: ClaimChoice['size']; index: number }
  | { type: 'deleteClaim'; name: ClaimChoice['name'] }
  | { type: 'setImage'; name: string; image: (typeof IMAGES)[number] }
  | { type: 'undo'; name: string }
  | { type: 'cordon' | 'uncordon' | 'drain'; node: number }
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

const workloadArb: fc.Arbitrary<WorkloadChoice> = fc.record({
  kind: fc.constantFrom('StatefulSet' as const, 'DaemonSet' as const, 'Job' as const),
  replicas: fc.integer({ min: 0, max: 4 }),
  image: fc.constantFrom(...IMAGES),
  variant: fc.boolean(),
});

const claimArb: fc.Arbitrary<ClaimChoice> = fc.record({
  name: fc.constantFrom('claim-a' as const, 'claim-b' as const, 'claim-c' as const),
  size: fc.constantFrom('500Mi' as const, '1Gi' as const, '5Gi' as const),
  manual: fc.boolean(),
});

const actionArb: fc.Arbitrary<Action> = fc.oneof(
  { weight: 2, arbitrary: workloadArb.map((w) => ({ type: 'applyWorkload' as const, w })) },
  { weight: 1, arbitrary: fc.record({ type: fc.constant('deleteWorkload' as const), kind: fc.constantFrom('StatefulSet' as const, 'DaemonSet' as const, 'Job' as const), cascade: fc.constantFrom('background' as const, 'foreground' as const, 'orphan' as const) }) },
  { weight: 1, arbitrary: claimArb.map((c) => ({ type: 'applyClaim' as const, c })) },
  { weight: 1, arbitrary: fc.record({ type: fc.constant('applyVolume' as const), size: fc.constantFrom('500Mi' as const, '1Gi' as const, '5Gi' as const), index: fc.integer({ min: 0, max: 3 }) }) },
  { weight: 1, arbitrary: fc.record({ type: fc.constant('deleteClaim' as const), name: fc.constantFrom('claim-a' as const, 'claim-b' as const, 'claim-c' as const) }) },
  { weight: 1, arbitrary: fc.record({ type: fc.constant('setImage' as const), name: fc.constantFrom(...NAMES), image: fc.constantFrom(...IMAGES) }) },
  { weight: 1, arbitrary: fc.record({ type: fc.constant('undo' as const), name: fc.constantFrom(...NAMES) }) },
  { weight: 1, arbitrary: fc.record({ type: fc.constantFrom('cordon' as const, 'uncordon' as const, 'drain' as const), node: fc.nat() }) },
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

/** A StatefulSet, DaemonSet or Job named `work`, one of each kind at most. */
export function workloadYaml(w: WorkloadChoice): string {
  const command = w.image.startsWith('busybox') ? "        command: ['sh', '-c', 'sleep 20; exit 1']\n" : '';
  const template = (restart: string) => `  template:
    metadata:
      labels:
        app: work-${w.kind.toLowerCase()}
    spec:
${restart}      containers:
      - name: app
        image: ${w.image}
${command}`;
  const selector = `  selector:\n    matchLabels:\n      app: work-${w.kind.toLowerCase()}\n`;
  if (w.kind === 'Job') {
    return `apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: work\nspec:\n  completions: ${Math.max(1, w.replicas)}\n  parallelism: ${w.variant ? 2 : 1}\n  backoffLimit: 2\n${template('      restartPolicy: Never\n')}`;
  }
  if (w.kind === 'DaemonSet') return `apiVersion: apps/v1\nkind: DaemonSet\nmetadata:\n  name: work\nspec:\n${selector}${template('')}`;
  const claims = w.variant
    ? `        volumeMounts:\n        - name: data\n          mountPath: /data\n  volumeClaimTemplates:\n  - metadata:\n      name: data\n    spec:\n      accessModes: ["ReadWriteOnce"]\n      resources:\n        requests:\n          storage: 1Gi\n`
    : '';
  return `apiVersion: apps/v1\nkind: StatefulSet\nmetadata:\n  name: work\nspec:\n  serviceName: work\n  replicas: ${w.replicas}\n  podManagementPolicy: ${w.variant ? 'Parallel' : 'OrderedReady'}\n${selector}${template('')}${claims}`;
}

export function claimYaml(c: ClaimChoice): string {
  const cls = c.manual ? '  storageClassName: manual\n' : '';
  return `apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata:\n  name: ${c.name}\nspec:\n${cls}  accessModes: ["ReadWriteOnce"]\n  resources:\n    requests:\n      storage: ${c.size}\n`;
}

export function volumeYaml(size: string, index: number): string {
  return `apiVersion: v1\nkind: PersistentVolume\nmetadata:\n  name: pv-${index}\nspec:\n  capacity:\n    storage: ${size}\n  accessModes: ["ReadWriteOnce"]\n  storageClassName: manual\n  hostPath:\n    path: /tmp/pv-${index}\n`;
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
    case 'applyWorkload':
      cluster.apply(workloadYaml(action.w));
      break;
    case 'deleteWorkload':
      cluster.kubectl(`delete ${action.kind.toLowerCase()} work --cascade=${action.cascade}`);
      break;
    case 'applyClaim':
      cluster.apply(claimYaml(action.c));
      break;
    case 'applyVolume':
      cluster.apply(volumeYaml(action.size, action.index));
      break;
    case 'deleteClaim':
      cluster.kubectl(`delete pvc ${action.name} --wait=false`);
      break;
    case 'setImage':
      cluster.kubectl(`set image deployment/${action.name} app=${action.image}`);
      break;
    case 'undo':
      cluster.kubectl(`rollout undo deployment/${action.name}`);
      break;
    case 'cordon':
    case 'uncordon':
      cluster.kubectl(`${action.type} ${nodeName(cluster, action.node)}`);
      break;
    case 'drain':
      cluster.kubectl(`drain ${nodeName(cluster, action.node)} --ignore-daemonsets --delete-emptydir-data --force --timeout=1s`);
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
  const claimants = new Map<string, string>();
  for (const pvc of cluster.list('PersistentVolumeClaim', 'default') as PersistentVolumeClaim[]) {
    const volume = pvc.spec?.volumeName;
    if (!volume || pvc.status?.phase !== 'Bound') continue;
    if (claimants.has(volume)) return `PV ${volume} is bound to two claims: ${claimants.get(volume)} and ${pvc.metadata!.name}`;
    claimants.set(volume, pvc.metadata!.name!);
    const pv = cluster.get('PersistentVolume', volume) as PersistentVolume | undefined;
    if (pv && pv.spec?.claimRef?.uid !== pvc.metadata!.uid) return `claim ${pvc.metadata!.name} is Bound to ${volume}, whose claimRef names another claim`;
  }
  const daemonPods = new Map<string, string>();
  for (const pod of cluster.list('Pod', 'default') as Pod[]) {
    const owner = pod.metadata!.ownerReferences?.find((r) => r.controller);
    if (owner?.kind !== 'DaemonSet' || pod.metadata!.deletionTimestamp || !pod.spec?.nodeName || pod.status?.phase === 'Failed' || pod.status?.phase === 'Succeeded') continue;
    const key = `${owner.uid}/${pod.spec.nodeName}`;
    if (daemonPods.has(key)) return `DaemonSet ${owner.name} runs two pods on ${pod.spec.nodeName}: ${daemonPods.get(key)} and ${pod.metadata!.name}`;
    daemonPods.set(key, pod.metadata!.name!);
  }
  for (const job of cluster.list('Job', 'default') as Job[]) {
    if ((job.status?.active ?? 0) > (job.spec?.parallelism ?? 1)) return `job ${job.metadata!.name} has ${job.status?.active} active pods, above parallelism ${job.spec?.parallelism}`;
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
    // A working image with the crashing busybox command left over from `set image` still crashes.
    const container = d.spec!.template!.spec!.containers[0];
    if (!GOOD_IMAGES.has(container.image!) || container.command) continue;
    // Faithful to the real controller: a scaling event on a Recreate Deployment that still has two
    // active ReplicaSets (switched from RollingUpdate mid-rollout) is never acted on.
    const active = rss.filter((rs) => (rs.spec?.replicas ?? 0) > 0 && rs.metadata!.ownerReferences?.some((r) => r.uid === d.metadata!.uid));
    if (d.spec!.strategy?.type === 'Recreate' && active.length > 1) continue;
    const want = d.spec!.replicas ?? 1;
    if (d.status?.availableReplicas !== want || d.status?.updatedReplicas !== want) {
      return `deployment ${d.metadata!.name} did not converge: ${JSON.stringify(d.status)} (seed ${scenario.seed})`;
    }
  }
  for (const ds of cluster.list('DaemonSet', 'default') as DaemonSet[]) {
    if (ds.metadata!.deletionTimestamp || !GOOD_IMAGES.has(ds.spec!.template.spec!.containers[0].image!)) continue;
    // Zero counts are omitted from the status, as Go's omitempty leaves them out.
    const desired = ds.status?.desiredNumberScheduled ?? 0;
    if ((ds.status?.numberReady ?? 0) !== desired || (ds.status?.updatedNumberScheduled ?? 0) !== desired) {
      return `daemonset ${ds.metadata!.name} did not converge: ${JSON.stringify(ds.status)} (seed ${scenario.seed})`;
    }
  }
  // The documented "forced rollback" case: an OrderedReady StatefulSet that once ran a template that
  // never gets Ready waits for a person to delete that pod, even after the template is fixed.
  const brokenOnce = scenario.actions.some((a) => a.type === 'applyWorkload' && a.w.kind === 'StatefulSet' && !GOOD_IMAGES.has(a.w.image));
  for (const sts of cluster.list('StatefulSet', 'default') as StatefulSet[]) {
    if (capacity === 0 || brokenOnce) break;
    if (sts.metadata!.deletionTimestamp || !GOOD_IMAGES.has(sts.spec!.template.spec!.containers[0].image!)) continue;
    const want = sts.spec!.replicas ?? 1;
    if (sts.status?.readyReplicas !== want && (want > 0 || (sts.status?.readyReplicas ?? 0) !== 0)) {
      return `statefulset ${sts.metadata!.name} did not converge: ${JSON.stringify(sts.status)} (seed ${scenario.seed})`;
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
  for (const n of cluster.list('Node')) {
    cluster.nodeUp(n.metadata.name!);
    cluster.kubectl(`uncordon ${n.metadata.name}`);
  }
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
