import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SimCluster } from '../cluster';
import type { Ingress, Service } from '../api/types';
import { matchIngress } from './ingress';

const NGINX = readFileSync(new URL('../../../examples/nginx-deployment.yaml', import.meta.url), 'utf8');
const SERVICE = (extra = '') => `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
${extra}  selector:
    app: nginx
  ports:
  - port: 80
`;

function cluster(extra = '') {
  const c = new SimCluster({ nodes: 3, seed: 31 });
  c.apply(NGINX);
  c.apply(SERVICE(extra));
  c.advance(30_000);
  return c;
}

describe('DNS and curl (k8s-semantics §6.1)', () => {
  it('answers through the Service name, short or fully qualified, and its ClusterIP', () => {
    const c = cluster();
    const ip = (c.get('Service', 'web', 'default') as Service).spec!.clusterIP!;
    for (const url of ['web', 'web.default', 'web.default.svc.cluster.local', `http://${ip}:80/`]) {
      expect(c.curl(url).text).toMatch(/^Hello from nginx-deployment-\w+-\w{5} \(nginx:1\.14\.2\)$/);
    }
  });

  it("says curl's own words for an unknown name and a closed port", () => {
    const c = cluster();
    expect(c.curl('wbe.default.svc.cluster.local').text).toBe('curl: (6) Could not resolve host: wbe.default.svc.cluster.local');
    const ip = (c.get('Service', 'web', 'default') as Service).spec!.clusterIP!;
    expect(c.curl(`${ip}:8080`).text).toBe(`curl: (7) Failed to connect to ${ip} port 8080 after 0 ms: Couldn't connect to server`);
  });

  it('refuses connections when the Service has no ready endpoint', () => {
    const c = cluster();
    c.kubectl('scale deployment/nginx-deployment --replicas=0');
    c.advance(5_000);
    expect(c.curl('web').ok).toBe(false);
    expect(c.curl('web').text).toMatch(/^curl: \(7\) Failed to connect to web port 80/);
  });

  it('reaches a NodePort on every node and a LoadBalancer at its external address', () => {
    const c = cluster('  type: LoadBalancer\n');
    const svc = c.get('Service', 'web', 'default') as Service;
    const nodePort = svc.spec!.ports![0].nodePort!;
    for (const node of ['172.18.0.3', '172.18.0.4', '172.18.0.5']) expect(c.curl(`${node}:${nodePort}`).ok).toBe(true);
    expect(c.curl(`http://${svc.status!.loadBalancer!.ingress![0].ip}`).ok).toBe(true);
  });
});

describe('kube-proxy distribution (§6.3)', () => {
  it('spreads requests uniformly at random over ready endpoints (chi-square, fixed seed)', () => {
    const c = cluster();
    const counts = new Map<string, number>();
    const n = 3000;
    for (let i = 0; i < n; i++) {
      const pod = c.curl('web').pod!.name;
      counts.set(pod, (counts.get(pod) ?? 0) + 1);
    }
    expect(counts.size).toBe(3);
    const expected = n / 3;
    const chi2 = [...counts.values()].reduce((s, o) => s + (o - expected) ** 2 / expected, 0);
    // 2 degrees of freedom: 9.21 is the 99th percentile.
    expect(chi2).toBeLessThan(9.21);
  });

  it('pins each client to one pod with sessionAffinity ClientIP', () => {
    const c = cluster('  sessionAffinity: ClientIP\n');
    const job = c.startTraffic('web', 20, 10_000);
    c.advance(10_000);
    const done = c.trafficJobs().find((j) => j.id === job.id)!;
    expect(done.sent).toBe(200);
    // 8 clients, each stuck to one of 3 pods: at most 3 pods, and shares are multiples of 25 requests.
    for (const count of Object.values(done.byPod)) expect(count % 25).toBe(0);
  });

  it('moves traffic off a deleted pod without losing requests', () => {
    const c = cluster();
    const victim = (c.list('Pod', 'default')[0]).metadata.name!;
    const job = c.startTraffic('web', 10, 60_000);
    c.advance(10_000);
    const deletedAt = c.now();
    c.kubectl(`delete pod ${victim}`);
    c.advance(50_000);
    const done = c.trafficJobs().find((j) => j.id === job.id)!;
    expect(done.sent).toBe(600);
    expect(done.failed).toBe(0);
    const after = c.requestsSince(deletedAt).filter((r) => r.pod === `default/${victim}`);
    expect(after).toHaveLength(0);
    expect(Object.keys(done.byPod)).toHaveLength(4);
  });
});

describe('Ingress (§6)', () => {
  const ingress = (rules: string, extra = '') => `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: site
spec:
${extra}  rules:
${rules}`;

  it('routes by host and path through the simulated ingress-nginx, and 404s what matches nothing', () => {
    const c = cluster();
    const [r] = c.apply(readFileSync(new URL('../../../examples/shop-ingress.yaml', import.meta.url), 'utf8'));
    expect(r.error).toBeUndefined();
    c.advance(3_000);
    expect((c.get('Ingress', 'site', 'default') as Ingress).status!.loadBalancer!.ingress).toEqual([{ ip: '172.18.255.100' }]);
    const ok = c.curl('http://shop.example.com/cart');
    expect(ok.ok).toBe(true);
    expect(ok.ingress).toBe('default/site');
    expect(c.curl('http://172.18.255.100/').status).toBe(404);
  });

  it('prefers the longest path, and Exact over Prefix on a tie', () => {
    const backend = (name: string) => ({ service: { name, port: { number: 80 } } });
    const ing: Ingress = {
      metadata: { name: 'i', namespace: 'default' },
      spec: {
        rules: [
          {
            host: 'a.com',
            http: {
              paths: [
                { path: '/', pathType: 'Prefix', backend: backend('root') },
                { path: '/api', pathType: 'Prefix', backend: backend('api') },
                { path: '/api', pathType: 'Exact', backend: backend('exact') },
              ],
            },
          },
        ],
      },
    };
    expect(matchIngress([ing], 'a.com', '/api/v1')?.backend.service?.name).toBe('api');
    expect(matchIngress([ing], 'a.com', '/api')?.backend.service?.name).toBe('exact');
    expect(matchIngress([ing], 'a.com', '/apix')?.backend.service?.name).toBe('root');
    expect(matchIngress([ing], 'b.com', '/')).toBeUndefined();
  });

  it('requires pathType with the apiserver message', () => {
    const c = new SimCluster({ nodes: 1, seed: 1 });
    const [r] = c.apply(ingress(`  - http:
      paths:
      - path: /
        backend:
          service:
            name: web
            port:
              number: 80
`));
    expect(r.error!.message).toBe('The Ingress "site" is invalid: spec.rules[0].http.paths[0].pathType: Required value: pathType must be specified');
  });
});

describe('kubectl sim curl and traffic', () => {
  it('prints the answer and the per-pod and per-version counts', () => {
    const c = cluster();
    expect(c.kubectl('sim curl web').stdout).toMatch(/^Hello from nginx-deployment-/);
    const out = c.kubectl('sim traffic svc/web --rps 5 --duration 10s').stdout;
    expect(out.split('\n')[0]).toBe('50 requests to http://web.default.svc.cluster.local over 10s: 50 answered, 0 failed');
    expect(out).toContain('VERSION        REQUESTS   SHARE\nnginx:1.14.2   50         100%');
  });
});

describe('kubectl sim nslookup and TLS at the ingress', () => {
  it('resolves a Service name by the search path and says NXDOMAIN for an unknown one', () => {
    const c = cluster();
    const ip = (c.get('Service', 'web', 'default') as Service).spec!.clusterIP!;
    expect(c.kubectl('sim nslookup web').stdout).toBe(`Server:\t\t10.96.0.10\nAddress:\t10.96.0.10:53\n\nName:\tweb.default.svc.cluster.local\nAddress: ${ip}\n\n`);
    const miss = c.kubectl('sim nslookup wbe');
    expect(miss.stderr).toBe("** server can't find wbe.default.svc.cluster.local: NXDOMAIN\n\n");
    expect(miss.exitCode).toBe(1);
  });

  it('terminates TLS at the ingress for a tls host, and shows the fake certificate to others', () => {
    const c = cluster();
    c.apply(`apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: secure
spec:
  tls:
  - hosts:
    - shop.example.com
    secretName: shop-tls
  rules:
  - host: shop.example.com
    http:
      paths:
      - path: /
        pathType: Prefix
        backend:
          service:
            name: web
            port:
              number: 80
  - host: plain.example.com
    http:
      paths:
      - path: /
        pathType: Prefix
        backend:
          service:
            name: web
            port:
              number: 80
`);
    expect(c.curl('https://shop.example.com/').text).toMatch(/^Hello from nginx-deployment-\S+ \(nginx:1\.14\.2\) \(TLS terminated at the ingress\)$/);
    expect(c.curl('https://plain.example.com/').text).toMatch(/^curl: \(60\) SSL certificate problem: self-signed certificate/);
    expect(c.kubectl('get ingress secure').stdout.split('\n')[1]).toMatch(/ {3}80, 443 {3}/);
  });
});

describe('pod DNS names behind a headless Service (the rule StatefulSet pods use)', () => {
  it('resolves <hostname>.<svc>.<ns>.svc.cluster.local to the pod and the headless name to every ready pod', () => {
    const c = new SimCluster({ nodes: 2, seed: 5 });
    const pod = (n: number) =>
      `apiVersion: v1\nkind: Pod\nmetadata:\n  name: db-${n}\n  labels:\n    app: db\nspec:\n  hostname: db-${n}\n  subdomain: db\n  containers:\n  - name: db\n    image: redis:7\n`;
    c.apply(`${pod(0)}---\n${pod(1)}---\napiVersion: v1\nkind: Service\nmetadata:\n  name: db\nspec:\n  clusterIP: None\n  selector:\n    app: db\n  ports:\n  - port: 6379\n`);
    c.advance(20_000);
    const ip0 = (c.get('Pod', 'db-0', 'default')!.status as { podIP: string }).podIP;
    const ip1 = (c.get('Pod', 'db-1', 'default')!.status as { podIP: string }).podIP;
    expect(c.kubectl('sim nslookup db-0.db').stdout).toContain(`Name:\tdb-0.db.default.svc.cluster.local\nAddress: ${ip0}\n`);
    const all = c.kubectl('sim nslookup db').stdout;
    expect(all).toContain(`Address: ${ip0 < ip1 ? ip0 : ip1}\n`);
    expect(all.match(/Address: 10\.244/g)).toHaveLength(2);
    expect((c.get('Service', 'db', 'default')!.spec as { clusterIP: string }).clusterIP).toBe('None');
  });
});

describe('DefaultIngressClass admission', () => {
  it('gives an Ingress without a class the default IngressClass', () => {
    const c = new SimCluster({ nodes: 1, seed: 5 });
    c.apply(readFileSync(new URL('../../../examples/shop-ingress.yaml', import.meta.url), 'utf8').replace('  ingressClassName: nginx\n', ''));
    expect((c.get('Ingress', 'site', 'default') as Ingress).spec!.ingressClassName).toBe('nginx');
  });
});
