import { describe, expect, it } from 'vitest';
import { SimCluster } from '../cluster';
import type { Pod } from '../api/types';

const STS = `apiVersion: v1
kind: Service
metadata: {name: counter}
spec:
  clusterIP: None
  selector: {app: counter}
  ports: [{port: 8080}]
---
apiVersion: apps/v1
kind: StatefulSet
metadata: {name: counter}
spec:
  serviceName: counter
  replicas: 1
  selector: {matchLabels: {app: counter}}
  template:
    metadata: {labels: {app: counter}}
    spec:
      containers:
      - name: counter
        image: kubesim/visit-counter:1.0
        volumeMounts: [{name: data, mountPath: /data}]
  volumeClaimTemplates:
  - metadata: {name: data}
    spec:
      accessModes: [ReadWriteOnce]
      resources: {requests: {storage: 1Gi}}
`;

describe('a StatefulSet pod back on its ordinal', () => {
  it('finds the count its claim kept', () => {
    const c = new SimCluster({ nodes: 2, seed: 4 });
    for (const r of c.apply(STS)) expect(r.error).toBeUndefined();
    c.advance(60_000);
    const ip = () => (c.get('Pod', 'counter-0', 'default') as Pod).status!.podIP;
    const visit = () => c.curl(`http://${ip()}:8080/`).text;
    expect(visit()).toBe('Visit number 1, served by counter-0');
    expect(visit()).toBe('Visit number 2, served by counter-0');
    const firstUid = c.get('Pod', 'counter-0', 'default')!.metadata.uid;
    c.kubectl('delete pod counter-0');
    c.advance(90_000);
    expect(c.get('Pod', 'counter-0', 'default')!.metadata.uid).not.toBe(firstUid);
    expect(visit()).toBe('Visit number 3, served by counter-0');
    expect(c.kubectl('exec counter-0 -- cat /data/count').stdout).toBe('3');
  });
});
