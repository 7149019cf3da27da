/** kubectl end to end against the simulated cluster: what a student types in the first lesson. */
import { describe, expect, it } from 'vitest';
import { createCluster } from '../index';

/** The Deployment of the Kubernetes documentation (concepts/workloads/controllers/deployment). */
const NGINX_DEPLOYMENT = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: nginx-deployment
  labels:
    app: nginx
spec:
  replicas: 3
  selector:
    matchLabels:
      app: nginx
  template:
    metadata:
      labels:
        app: nginx
    spec:
      containers:
      - name: nginx
        image: nginx:1.14.2
        ports:
        - containerPort: 80
`;

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
    const node = cluster.list('Pod')[0].spec as { nodeName: string };
    const description = cluster.kubectl(`describe node ${node.nodeName}`).stdout;
    expect(description).toMatch(/^Name: {15}node-\d\nRoles: {14}<none>\n/);
    expect(description).toMatch(/Non-terminated Pods: {10}\(\d in total\)\n/);
    expect(description).toContain('  cpu                0 (0%)    0 (0%)\n');
  });
});
