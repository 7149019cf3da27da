import { describe, expect, it } from 'vitest';
import { SimCluster } from '../../cluster';

const pod = (name: string, namespace: string, labels: Record<string, string>) =>
  `apiVersion: v1\nkind: Pod\nmetadata:\n  name: ${name}\n  namespace: ${namespace}\n  labels:\n${Object.entries(labels).map(([k, v]) => `    ${k}: "${v}"`).join('\n')}\nspec:\n  containers:\n  - name: c\n    image: nginx:1.27\n`;

function cluster(): SimCluster {
  const c = new SimCluster({ nodes: 1, seed: 9 });
  c.kubectl('create namespace shop');
  c.apply(pod('api', 'default', { app: 'api', env: 'prod', tier: 'be' }));
  c.apply(pod('db', 'default', { app: 'db', env: 'prod', tier: 'db' }));
  c.apply(pod('web', 'default', { app: 'web', env: 'dev', tier: 'fe', canary: 'true' }));
  c.apply(pod('cart', 'shop', { app: 'cart', env: 'prod', tier: 'be', key: '' }));
  return c;
}

const names = (out: string) => out.trim().split('\n').slice(1).map((l) => l.split(/\s+/)[0]);

describe('label selectors in kubectl', () => {
  it("-l with set-based, inequality, negated and existence terms", () => {
    const c = cluster();
    expect(names(c.kubectl("get pods -l 'env in (prod,dev),tier!=db,!canary'").stdout)).toEqual(['api']);
    expect(names(c.kubectl('get pods -A -l key').stdout)).toEqual(['shop']);
    expect(names(c.kubectl("get pods -A -l 'env in (prod,dev),tier!=db,!canary,key'").stdout)).toEqual(['shop']);
    expect(c.kubectl('get pods -A -l key -o name').stdout).toBe('pod/cart\n');
  });

  it('a malformed selector is the apiserver\'s BadRequest', () => {
    expect(cluster().kubectl("get pods -l 'env notin prod'").stderr).toBe(
      "Error from server (BadRequest): Unable to find \"/v1, Resource=pods\" that match label selector \"env notin prod\", field selector \"\": unable to parse requirement: found 'prod' expected: '('\n",
    );
    expect(cluster().kubectl("get deploy -l 'component not in (x)'").stderr).toBe(
      "Error from server (BadRequest): Unable to find \"apps/v1, Resource=deployments\" that match label selector \"component not in (x)\", field selector \"\": unable to parse requirement: found 'not', expected: '=', '!=', '==', 'in', notin'\n",
    );
  });

  it('-L adds a column per label (last path segment), before --show-labels', () => {
    const out = cluster().kubectl('get pods -L app,app.kubernetes.io/tier -L env --show-labels --no-headers=false').stdout;
    const [header, first] = out.split('\n');
    expect(header).toMatch(/^NAME\s+READY\s+STATUS\s+RESTARTS\s+AGE\s+APP\s+TIER\s+ENV\s+LABELS$/);
    expect(first).toMatch(/^api\s+0\/1\s+\S+\s+0\s+\S+\s+api\s+prod\s+app=api,env=prod,tier=be$/);
  });

  it('label refuses to change a value without --overwrite, changes it with it, and removes with key-', () => {
    const c = cluster();
    expect(c.kubectl('label pod api app=x').stderr).toBe("error: 'app' already has a value (api), and --overwrite is false\n");
    expect(c.kubectl('label pod api app=x --overwrite').stdout).toBe('pod/api labeled\n');
    expect(c.get('Pod', 'api', 'default')?.metadata.labels).toMatchObject({ app: 'x' });
    expect(c.kubectl('label pod api tier-').stdout).toBe('pod/api unlabeled\n');
    expect(c.get('Pod', 'api', 'default')?.metadata.labels?.tier).toBeUndefined();
    expect(c.kubectl('label pod cart -n shop team=payments').stdout).toBe('pod/cart labeled\n');
    expect(c.kubectl('label pod cart team=payments').stderr).toBe('Error from server (NotFound): pods "cart" not found\n');
  });
});
