/** kubectl end to end against the simulated cluster: what a student types in the first lesson. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SimCluster } from '../cluster';
import { createCluster } from '../index';

/** The Deployment of the Kubernetes documentation (concepts/workloads/controllers/deployment). */
const NGINX_DEPLOYMENT = readFileSync(new URL('../../../examples/nginx-deployment.yaml', import.meta.url), 'utf8');

function started() {
  const cluster = createCluster({ nodes: 3, seed: 7 });
  expect(cluster.kubectl('kubectl apply -f -', NGINX_DEPLOYMENT)).toEqual({ stdout: 'deployment.apps/nginx-deployment created\n', stderr: '', exitCode: 0 });
  cluster.advance(30_000);
  return cluster;
}

const podNames = (cluster: ReturnType<typeof createCluster>) => cluster.list('Pod').map((p) => p.metadata.name!);

describe('kubectl against the simulated cluster', () => {
  it('shows the docs nginx-deployment running 30 seconds after apply', () => {
    const cluster = started();
    const pods = cluster.kubectl('get pods');
    const lines = pods.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^NAME {2,}READY {3}STATUS {4}RESTARTS {3}AGE$/);
    expect(lines).toHaveLength(4);
    for (const line of lines.slice(1)) expect(line).toMatch(/^nginx-deployment-[a-z0-9]+-[a-z0-9]{5} {3}1\/1 {5}Running {3}0 {10}30s$/);
    expect(cluster.kubectl('get deploy').stdout).toBe('NAME               READY   UP-TO-DATE   AVAILABLE   AGE\nnginx-deployment   3/3     3            3           30s\n');
  });

  it('heals a deleted pod: Terminating, and a replacement at once', () => {
    const cluster = started();
    const [victim] = podNames(cluster);
    expect(cluster.kubectl(`delete pod ${victim}`).stdout).toBe(`pod "${victim}" deleted\n`);
    const lines = cluster.kubectl('get pods').stdout.trimEnd().split('\n').slice(1);
    expect(lines).toHaveLength(4);
    expect(lines.find((l) => l.startsWith(victim))).toMatch(/ Terminating /);
    expect(lines.filter((l) => / (Pending|ContainerCreating) /.test(l))).toHaveLength(1);
    cluster.advance(60_000);
    expect(cluster.kubectl(`get pod ${victim}`).stderr).toBe(`Error from server (NotFound): pods "${victim}" not found\n`);
    expect(cluster.kubectl('get deploy').stdout).toContain('nginx-deployment   3/3     3            3           90s');
  });

  it('scales the deployment up and describes it', () => {
    const cluster = started();
    expect(cluster.kubectl('scale deployment/nginx-deployment --replicas=5').stdout).toBe('deployment.apps/nginx-deployment scaled\n');
    cluster.advance(30_000);
    expect(cluster.kubectl('get deploy nginx-deployment').stdout).toContain('nginx-deployment   5/5     5            5           60s');
    const description = cluster.kubectl('describe deployment nginx-deployment').stdout;
    expect(description).toContain('Replicas:               5 desired | 5 updated | 5 total | 5 available | 0 unavailable\n');
    expect(description).toMatch(/NewReplicaSet: {3}nginx-deployment-[a-z0-9]+ \(5\/5 replicas created\)\n/);
    expect(description).toMatch(/Normal {2}ScalingReplicaSet {2}\d+s {3}deployment-controller {2}Scaled up replica set nginx-deployment-[a-z0-9]+ to 5 from 3\n/);
  });

  it('lists everything with get all and prints the objects kubectl would', () => {
    const cluster = started();
    const all = cluster.kubectl('get all').stdout;
    expect(all).toMatch(/^NAME {2,}READY {3}STATUS {4}RESTARTS {3}AGE\npod\/nginx-deployment-/);
    expect(all).toContain('\n\nNAME                               READY   UP-TO-DATE   AVAILABLE   AGE\ndeployment.apps/nginx-deployment   3/3     3            3           30s\n\n');
    expect(all).toMatch(/\nreplicaset\.apps\/nginx-deployment-[a-z0-9]+ {3}3 {9}3 {9}3 {7}30s\n$/);
    const yaml = cluster.kubectl('get deployment nginx-deployment -o yaml').stdout;
    expect(yaml).toMatch(/^apiVersion: apps\/v1\nkind: Deployment\nmetadata:\n {2}annotations:\n {4}deployment\.kubernetes\.io\/revision: "1"\n {4}kubectl\.kubernetes\.io\/last-applied-configuration: \|\n {6}\{"apiVersion":"apps\/v1"/);
  });

  it('describes a node with the pods it runs', () => {
    const cluster = started();
    const node = cluster.list('Pod', 'default')[0].spec as { nodeName: string };
    const description = cluster.kubectl(`describe node ${node.nodeName}`).stdout;
    expect(description).toMatch(/^Name: {15}node-\d\nRoles: {14}<none>\n/);
    expect(description).toMatch(/Non-terminated Pods: {10}\(\d in total\)\n/);
    // The node's pods request no CPU, or 100m for a CoreDNS replica placed there.
    expect(description).toMatch(/ {2}cpu {16}(0 \(0%\) {4}0 \(0%\)|100m \(2%\) {2}0 \(0%\))\n/);
  });
});

/** The docs Deployment running on a cluster whose kubectl can move virtual time (as the CLI's). */
function running() {
  const cluster = new SimCluster({ nodes: 3, seed: 7 });
  const kubectl = (line: string, stdin?: string) => cluster.kubectl(line, stdin);
  expect(kubectl('apply -f -', NGINX_DEPLOYMENT).exitCode).toBe(0);
  cluster.advance(30_000);
  return { cluster, kubectl };
}

const waiting = (what: string) => `Waiting for deployment "nginx-deployment" rollout to finish: ${what}...\n`;
const imageOf = (cluster: SimCluster) => (cluster.get('Deployment', 'nginx-deployment', 'default')!.spec as { template: { spec: { containers: { image: string }[] } } }).template.spec.containers[0].image;

describe('the Deployment docs\' rollout, through kubectl', () => {
  it('updates the image and waits for the rollout as kubectl does (k8s-semantics §1.13)', () => {
    const { kubectl } = running();
    expect(kubectl('set image deployment/nginx-deployment nginx=nginx:1.16.1').stdout).toBe('deployment.apps/nginx-deployment image updated\n');
    expect(kubectl('rollout status deployment/nginx-deployment')).toEqual({
      stdout:
        waiting('1 out of 3 new replicas have been updated') +
        waiting('2 out of 3 new replicas have been updated') +
        waiting('1 old replicas are pending termination') +
        'deployment "nginx-deployment" successfully rolled out\n',
      stderr: '',
      exitCode: 0,
    });
    expect(kubectl('rollout history deployment/nginx-deployment').stdout).toBe('deployment.apps/nginx-deployment \nREVISION  CHANGE-CAUSE\n1         <none>\n2         <none>\n\n');
  });

  it('shows the stuck rollout of nginx:1.161 until --timeout, and until the progress deadline without one', () => {
    const { cluster, kubectl } = running();
    kubectl('set image deployment/nginx-deployment nginx=nginx:1.16.1');
    kubectl('rollout status deployment/nginx-deployment');
    kubectl('set image deployment/nginx-deployment nginx=nginx:1.161');
    expect(kubectl('rollout status deployment/nginx-deployment --timeout=60s')).toEqual({
      stdout: waiting('1 out of 3 new replicas have been updated'),
      stderr: 'error: timed out waiting for the condition\n',
      exitCode: 1,
    });
    expect(kubectl('get pods').stdout).toMatch(/\nnginx-deployment-[a-z0-9]+-[a-z0-9]{5} {3}0\/1 {5}ImagePullBackOff {3}0 {10}60s\n/);
    expect(kubectl('rollout status deployment/nginx-deployment')).toEqual({
      stdout: waiting('1 out of 3 new replicas have been updated'),
      stderr: 'error: deployment "nginx-deployment" exceeded its progress deadline\n',
      exitCode: 1,
    });
    expect(kubectl('get deployment nginx-deployment').stdout).toMatch(/^NAME {15}READY {3}UP-TO-DATE {3}AVAILABLE {3}AGE\nnginx-deployment {3}3\/3 {5}1 {12}3 {11}\d+m\n$/);
    expect(cluster.now()).toBeGreaterThan(600_000);
  });

  it('rolls back to the previous revision, then to revision 1, renumbering as the controller does', () => {
    const { cluster, kubectl } = running();
    kubectl('set image deployment/nginx-deployment nginx=nginx:1.16.1');
    kubectl('rollout status deployment/nginx-deployment');
    kubectl('set image deployment/nginx-deployment nginx=nginx:1.161');
    expect(kubectl('rollout history deployment/nginx-deployment').stdout).toContain('\n1         <none>\n2         <none>\n3         <none>\n');
    expect(kubectl('rollout undo deployment/nginx-deployment')).toEqual({ stdout: 'deployment.apps/nginx-deployment rolled back\n', stderr: '', exitCode: 0 });
    expect(imageOf(cluster)).toBe('nginx:1.16.1');
    expect(kubectl('rollout status deployment/nginx-deployment').stdout).toMatch(/deployment "nginx-deployment" successfully rolled out\n$/);
    // k8s-semantics §1.12: revision 2 comes back as 4.
    expect(kubectl('rollout history deployment/nginx-deployment').stdout).toContain('\n1         <none>\n3         <none>\n4         <none>\n');
    expect(kubectl('rollout undo deployment/nginx-deployment --to-revision=1').stdout).toBe('deployment.apps/nginx-deployment rolled back\n');
    expect(imageOf(cluster)).toBe('nginx:1.14.2');
    expect(kubectl('rollout status deployment/nginx-deployment').exitCode).toBe(0);
    expect(kubectl('rollout history deployment/nginx-deployment').stdout).toContain('\n3         <none>\n4         <none>\n5         <none>\n');
    expect(kubectl('rollout undo deployment/nginx-deployment --to-revision=5').stdout).toBe('deployment.apps/nginx-deployment skipped rollback (current template already matches revision 5)\n');
  });

  it('restarts the pods with a new ReplicaSet', () => {
    const { cluster, kubectl } = running();
    expect(kubectl('rollout restart deployment/nginx-deployment').stdout).toBe('deployment.apps/nginx-deployment restarted\n');
    expect(kubectl('rollout status deployment/nginx-deployment').exitCode).toBe(0);
    expect(cluster.list('ReplicaSet', 'default').map((rs) => (rs.spec as { replicas: number }).replicas).sort()).toEqual([0, 3]);
  });
});

const podsOn = (cluster: SimCluster, node: string) =>
  cluster.list('Pod', 'default').filter((p) => (p.spec as { nodeName?: string }).nodeName === node && !p.metadata.deletionTimestamp).map((p) => p.metadata.name);

describe('nodes, through kubectl', () => {
  it('keeps new pods off a cordoned node', () => {
    const { cluster, kubectl } = running();
    const before = podsOn(cluster, 'node-1');
    expect(kubectl('cordon node-1').stdout).toBe('node/node-1 cordoned\n');
    expect(kubectl('get nodes').stdout).toContain('\nnode-1          Ready,SchedulingDisabled   <none>          30s   v1.32.2\n');
    kubectl('scale deployment/nginx-deployment --replicas=9');
    cluster.advance(30_000);
    expect(podsOn(cluster, 'node-1')).toEqual(before);
    expect(kubectl('get deploy nginx-deployment').stdout).toContain('nginx-deployment   9/9');
  });

  it('drains a node: evicts its pods, which the ReplicaSet replaces elsewhere', () => {
    const { cluster, kubectl } = running();
    expect(podsOn(cluster, 'node-2').length).toBeGreaterThan(0);
    // Every pod on the node but kube-proxy's, CoreDNS's included when it landed there.
    const victims = cluster
      .list('Pod')
      .filter((p) => (p.spec as { nodeName?: string }).nodeName === 'node-2' && p.metadata.ownerReferences?.[0]?.kind !== 'DaemonSet')
      .map((p) => ({ ref: `${p.metadata.namespace}/${p.metadata.name}`, name: p.metadata.name }));
    // kube-proxy runs on every node: drain refuses DaemonSet pods until told to leave them be.
    expect(kubectl('drain node-2').stderr).toMatch(/^error: unable to drain node "node-2" due to error: cannot delete DaemonSet-managed Pods \(use --ignore-daemonsets to ignore\): kube-system\/kube-proxy-\w{5}, continuing command\.\.\.\n/);
    const result = kubectl('drain node-2 --ignore-daemonsets');
    expect(result.stderr).toMatch(/^Warning: ignoring DaemonSet-managed Pods: kube-system\/kube-proxy-\w{5}\n$/);
    expect(result.stdout).toBe(
      `node/node-2 already cordoned\n${victims.map((p) => `evicting pod ${p.ref}\n`).join('')}${victims.map((p) => `pod/${p.name} evicted\n`).join('')}node/node-2 drained\n`,
    );
    expect(result.exitCode).toBe(0);
    cluster.advance(30_000);
    expect(podsOn(cluster, 'node-2')).toEqual([]);
    expect(kubectl('get deploy nginx-deployment').stdout).toContain('nginx-deployment   3/3     3            3');
  });

  it('powers a node off: NotReady once the 50 s grace period has passed, with the controller\'s event', () => {
    const { cluster, kubectl } = running();
    expect(kubectl('sim node-down node-1').stdout).toBe('node/node-1 powered off (simulated: the kubelet stops; expect NotReady after 50s)\n');
    cluster.advance(60_000);
    expect(kubectl('get nodes node-1').stdout).toMatch(/\nnode-1 {3}NotReady {3}<none> {3}90s {3}v1\.32\.2\n$/);
    expect(kubectl('describe node node-1').stdout).toMatch(/\n {2}Normal {2}NodeNotReady +\d+s +node-controller +Node node-1 status is now: NodeNotReady\n$/);
    expect(kubectl('sim node-up node-1').stdout).toBe('node/node-1 powered on\n');
    cluster.advance(10_000);
    expect(kubectl('get nodes node-1').stdout).toContain('\nnode-1   Ready ');
  });

  it('adds and removes a node', () => {
    const { kubectl } = running();
    expect(kubectl('sim add-node node-4 --cpu 8 --memory 16Gi --label disk=ssd').stdout).toBe('node/node-4 added\n');
    expect(kubectl('get nodes -l disk=ssd').stdout).toMatch(/\nnode-4 {3}Ready {4}<none> {3}0s {4}v1\.32\.2\n$/);
    expect(kubectl('sim remove-node node-4').stdout).toBe('node/node-4 removed\n');
    expect(kubectl('get node node-4').stderr).toBe('Error from server (NotFound): nodes "node-4" not found\n');
  });
});

describe('events, through kubectl', () => {
  it('lists them with v1.32\'s columns, by object as the apiserver returns them', () => {
    const { kubectl } = running();
    const lines = kubectl('get events').stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^LAST SEEN {3}TYPE {5}REASON {20}OBJECT {2,}MESSAGE$/);
    expect(lines).toContain('30s         Normal   ScalingReplicaSet         deployment/nginx-deployment             Scaled up replica set nginx-deployment-cf4cd4db7 to 3');
    const objects = lines.slice(1).map((l) => l.split(/ {2,}/)[3]);
    expect(objects.filter((o) => o.startsWith('pod/nginx-deployment-'))).toHaveLength(15);
  });
});
