import { describe, expect, it } from 'vitest';
import { SimCluster } from '../cluster';
import type { Deployment, HorizontalPodAutoscaler } from '../api/types';

// The Kubernetes docs' "HorizontalPodAutoscaler Walkthrough": php-apache, an HPA at 50% CPU, a busybox load generator.
const PHP_APACHE = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: php-apache
spec:
  selector:
    matchLabels:
      run: php-apache
  template:
    metadata:
      labels:
        run: php-apache
    spec:
      containers:
      - name: php-apache
        image: registry.k8s.io/hpa-example
        ports:
        - containerPort: 80
        resources:
          limits:
            cpu: 500m
          requests:
            cpu: 200m
---
apiVersion: v1
kind: Service
metadata:
  name: php-apache
  labels:
    run: php-apache
spec:
  ports:
  - port: 80
  selector:
    run: php-apache
---
apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata:
  name: php-apache
spec:
  scaleTargetRef:
    apiVersion: apps/v1
    kind: Deployment
    name: php-apache
  minReplicas: 1
  maxReplicas: 10
  metrics:
  - type: Resource
    resource:
      name: cpu
      target:
        type: Utilization
        averageUtilization: 50
`;

const LOAD = `apiVersion: v1
kind: Pod
metadata:
  name: load-generator
spec:
  restartPolicy: Never
  containers:
  - name: load-generator
    image: busybox:1.28
    command: ["/bin/sh", "-c", "while sleep 0.01; do wget -q -O- http://php-apache; done"]
`;

const replicas = (c: SimCluster) => (c.get('Deployment', 'php-apache', 'default') as Deployment).spec!.replicas;
const hpa = (c: SimCluster) => c.get('HorizontalPodAutoscaler', 'php-apache', 'default') as HorizontalPodAutoscaler;

describe('HorizontalPodAutoscaler (the docs walkthrough)', () => {
  it('idles at 1 replica, scales up under load, and scales down only after the 5-minute window', () => {
    const c = new SimCluster({ nodes: 3, seed: 17 });
    expect(c.apply(PHP_APACHE).every((r) => !r.error)).toBe(true);
    c.advance(60_000);
    expect(replicas(c)).toBe(1);
    expect(hpa(c).status!.currentMetrics![0].resource!.current.averageUtilization).toBe(1);

    c.apply(LOAD);
    c.advance(90_000);
    expect(replicas(c)).toBeGreaterThanOrEqual(4);
    const scaled = c.events().filter((e) => e.reason === 'SuccessfulRescale');
    expect(scaled[0].message).toMatch(/^New size: \d+; reason: cpu resource utilization \(percentage of request\) above target$/);
    c.advance(120_000);
    const busy = replicas(c)!;
    const utilization = hpa(c).status!.currentMetrics![0].resource!.current.averageUtilization!;
    expect(Math.abs(utilization / 50 - 1)).toBeLessThanOrEqual(0.5);

    c.kubectl('delete pod load-generator');
    c.advance(240_000);
    expect(replicas(c)).toBe(busy);
    c.advance(120_000);
    expect(replicas(c)).toBe(1);
    expect(c.events().some((e) => e.message === 'New size: 1; reason: All metrics below target')).toBe(true);
  });

  it('reports a missing CPU request instead of scaling', () => {
    const c = new SimCluster({ nodes: 1, seed: 17 });
    c.apply(PHP_APACHE.replace('          requests:\n            cpu: 200m\n', '').replace('          limits:\n            cpu: 500m\n', ''));
    c.advance(30_000);
    const active = hpa(c).status!.conditions!.find((x) => x.type === 'ScalingActive')!;
    expect(active.status).toBe('False');
    expect(active.message).toMatch(/missing request for cpu in container php-apache of Pod php-apache-/);
  });
});
