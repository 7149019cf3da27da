import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SimCluster } from '../../cluster';

const NGINX = readFileSync(new URL('../../../../examples/nginx-deployment.yaml', import.meta.url), 'utf8');
const withRequests = NGINX.replace('        - containerPort: 80\n', '        - containerPort: 80\n        resources:\n          requests:\n            cpu: 100m\n');

function running() {
  const c = new SimCluster({ nodes: 3, seed: 4 });
  c.apply(withRequests);
  c.advance(30_000);
  return c;
}

describe('kubectl autoscale and get hpa', () => {
  it('creates an autoscaling/v2 HPA and prints its targets as kubectl v1.32 does', () => {
    const c = running();
    expect(c.kubectl('autoscale deployment nginx-deployment --cpu-percent=50 --min=1 --max=10').stdout).toBe('horizontalpodautoscaler.autoscaling/nginx-deployment autoscaled\n');
    // The controller syncs a new HPA at once; an idle nginx uses 1m of its 100m request.
    expect(c.kubectl('get hpa').stdout).toBe(
      'NAME               REFERENCE                     TARGETS       MINPODS   MAXPODS   REPLICAS   AGE\nnginx-deployment   Deployment/nginx-deployment   cpu: 1%/50%   1         10        3          0s\n',
    );
    c.advance(20_000);
    expect(c.kubectl('get hpa').stdout.split('\n')[1]).toBe('nginx-deployment   Deployment/nginx-deployment   cpu: 1%/50%   1         10        1          20s');
  });

  it('refuses a max below min with kubectl\'s words', () => {
    const c = running();
    expect(c.kubectl('autoscale deployment nginx-deployment --min=5 --max=2').stderr).toBe('error: --max=MAXPODS must be larger or equal to --min=MINPODS, max: 2, min: 5\n');
  });
});

describe('kubectl top', () => {
  it('prints pod and node usage from the metrics model', () => {
    const c = running();
    const pods = c.kubectl('top pods').stdout.split('\n');
    expect(pods[0]).toBe('NAME                               CPU(cores)   MEMORY(bytes)   ');
    expect(pods[1]).toMatch(/^nginx-deployment-\w+-\w{5} {3}1m {11}3Mi {13}$/);
    const nodes = c.kubectl('top nodes').stdout.split('\n');
    expect(nodes[0]).toBe('NAME            CPU(cores)   CPU(%)   MEMORY(bytes)   MEMORY(%)   ');
    // Idle nodes show what the OS and kubelet use; pods add theirs (the control plane's static pods here).
    expect(nodes[1]).toBe('control-plane   85m          2%       929Mi           11%         ');
  });
});

describe('kubectl get ingress', () => {
  it('shows class, hosts, address and ports', () => {
    const c = running();
    c.apply(readFileSync(new URL('../../../../examples/shop-ingress.yaml', import.meta.url), 'utf8'));
    c.advance(3_000);
    expect(c.kubectl('get ingress').stdout).toBe('NAME   CLASS   HOSTS              ADDRESS          PORTS   AGE\nsite   nginx   shop.example.com   172.18.255.100   80      3s\n');
  });
});
