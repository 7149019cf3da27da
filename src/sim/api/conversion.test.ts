import { describe, expect, it } from 'vitest';
import { SimCluster } from '../cluster';
import type { HorizontalPodAutoscaler } from './types';

const HPA_V1 = (target: number) => `apiVersion: autoscaling/v1
kind: HorizontalPodAutoscaler
metadata:
  name: web
spec:
  scaleTargetRef:
    apiVersion: apps/v1
    kind: Deployment
    name: web
  minReplicas: 1
  maxReplicas: 5
  targetCPUUtilizationPercentage: ${target}
`;

describe('autoscaling/v1 HorizontalPodAutoscalers', () => {
  it('are stored as autoscaling/v2 with the CPU target as a Utilization metric', () => {
    const c = new SimCluster({ nodes: 1 });
    expect(c.apply(HPA_V1(60))[0].message).toBe('horizontalpodautoscaler.autoscaling/web created');
    const hpa = c.get('HorizontalPodAutoscaler', 'web', 'default') as HorizontalPodAutoscaler;
    expect(hpa.apiVersion).toBe('autoscaling/v2');
    expect(hpa.spec?.metrics).toEqual([{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 60 } } }]);
  });

  it('re-apply through the v1 view: unchanged, then configured with the new target', () => {
    const c = new SimCluster({ nodes: 1 });
    c.apply(HPA_V1(60));
    expect(c.apply(HPA_V1(60))[0].message).toBe('horizontalpodautoscaler.autoscaling/web unchanged');
    expect(c.apply(HPA_V1(75))[0].message).toBe('horizontalpodautoscaler.autoscaling/web configured');
    const hpa = c.get('HorizontalPodAutoscaler', 'web', 'default') as HorizontalPodAutoscaler;
    expect(hpa.spec?.metrics?.[0].resource?.target.averageUtilization).toBe(75);
  });

  it('are decoded strictly in their own version', () => {
    const c = new SimCluster({ nodes: 1 });
    const [result] = c.apply(HPA_V1(60).replace('  maxReplicas: 5\n', '  maxReplicas: 5\n  metrics: []\n'));
    expect(result.error?.apiMessage).toBe('HorizontalPodAutoscaler in version "v1" cannot be handled as a HorizontalPodAutoscaler: strict decoding error: unknown field "spec.metrics"');
  });
});
