/**
 * `npm run bench:sim [-- NODES:PODS ...]`: how fast the core converges a cluster of Deployments,
 * and what an idle virtual second costs. Prints a table; asserts nothing (speed is measured here,
 * never in tests).
 */
import { SimCluster } from '../src/sim/cluster';
import type { Pod } from '../src/sim/api/types';

const DEPLOYMENTS = 10;
const sizes = (process.argv.slice(2).length ? process.argv.slice(2) : ['20:300', '50:1000', '100:3000']).map((s) => s.split(':').map(Number) as [number, number]);

function deployment(name: string, replicas: number): string {
  return `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: ${name}\nspec:\n  replicas: ${replicas}\n  selector:\n    matchLabels:\n      app: ${name}\n  template:\n    metadata:\n      labels:\n        app: ${name}\n    spec:\n      containers:\n      - name: app\n        image: nginx:1.27\n        resources:\n          requests:\n            cpu: 10m\n            memory: 16Mi\n`;
}

const rows: string[][] = [['nodes', 'pods', 'virtual s to converge', 'wall s', 'pods/s', 'peak heap MB', 'ms per idle virtual s']];
for (const [nodes, pods] of sizes) {
  const started = performance.now();
  const cluster = new SimCluster({ nodes, seed: 1 });
  const per = Math.ceil(pods / DEPLOYMENTS);
  for (let i = 0; i < DEPLOYMENTS; i++) cluster.apply(deployment(`d${i}`, per));
  let peak = 0;
  const running = () => (cluster.list('Pod') as Pod[]).filter((p) => p.status?.phase === 'Running').length;
  while (running() < per * DEPLOYMENTS && cluster.now() < 600_000) {
    cluster.advance(1_000);
    peak = Math.max(peak, process.memoryUsage().heapUsed);
  }
  const wall = (performance.now() - started) / 1000;
  const idleStart = performance.now();
  cluster.advance(60_000);
  const idle = (performance.now() - idleStart) / 60;
  rows.push([nodes, per * DEPLOYMENTS, cluster.now() / 1000 - 60, wall.toFixed(1), ((per * DEPLOYMENTS) / wall).toFixed(0), (peak / 2 ** 20).toFixed(0), idle.toFixed(2)].map(String));
}
const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
for (const r of rows) console.log(r.map((c, i) => c.padStart(widths[i])).join('   '));
