import { describe, expect, it } from 'vitest';
import { SimCluster } from '../cluster';
import type { EndpointSlice, Pod } from '../api/types';

const bare = (name: string, namespace: string) =>
  `apiVersion: v1\nkind: Pod\nmetadata:\n  name: ${name}\n  namespace: ${namespace}\n  labels:\n    app: web\nspec:\n  containers:\n  - name: c\n    image: nginx:1.27\n`;

const workload = (namespace: string) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  namespace: ${namespace}
spec:
  replicas: 1
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
      - name: nginx
        image: nginx:1.27
---
apiVersion: apps/v1
kind: ReplicaSet
metadata:
  name: orphan-catcher
  namespace: ${namespace}
spec:
  replicas: 0
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
      - name: nginx
        image: nginx:1.27
---
apiVersion: v1
kind: Service
metadata:
  name: web
  namespace: ${namespace}
spec:
  selector:
    app: web
  ports:
  - port: 80
`;

describe('namespaces isolate selectors', () => {
  it('a Deployment, ReplicaSet or Service never selects pods of another namespace', () => {
    const c = new SimCluster({ nodes: 2, seed: 12 });
    c.kubectl('create namespace a');
    c.kubectl('create namespace b');
    c.apply(bare('stray-1', 'b'));
    c.apply(bare('stray-2', 'b'));
    c.apply(workload('a'));
    c.advance(30_000);

    // The bare pods of b keep running with no owner: nothing in a adopted or deleted them.
    const strays = c.list('Pod', 'b') as Pod[];
    expect(strays.map((p) => p.metadata!.name)).toEqual(['stray-1', 'stray-2']);
    expect(strays.every((p) => !p.metadata!.ownerReferences && !p.metadata!.deletionTimestamp)).toBe(true);

    // The Deployment made its own pod in a, and the Service's endpoints are that pod only.
    const own = c.list('Pod', 'a') as Pod[];
    expect(own).toHaveLength(1);
    const slices = c.list('EndpointSlice', 'a') as EndpointSlice[];
    const addresses = slices.flatMap((s) => (s.endpoints ?? []).flatMap((e) => e.addresses));
    expect(addresses).toEqual([own[0].status!.podIP]);
    expect(c.list('EndpointSlice', 'b')).toHaveLength(0);

    // -n and -A show each namespace's own objects.
    expect(c.kubectl('get pods -n b -o name').stdout).toBe('pod/stray-1\npod/stray-2\n');
    // -A also lists kube-system's coredns ReplicaSet.
    expect(c.kubectl('get rs -A -o name').stdout.split('\n').filter((l) => l && !l.includes('/coredns-'))).toHaveLength(2);
    expect(c.kubectl('get svc web -n b').stderr).toBe('Error from server (NotFound): services "web" not found\n');
  });
});
