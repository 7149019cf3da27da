/** `kubectl get hpa` (printHorizontalPodAutoscaler): REFERENCE, TARGETS like "cpu: 250%/50%", MINPODS, MAXPODS, REPLICAS. */
import type { KubeObject } from '../../api/object';
import type { HorizontalPodAutoscaler } from '../../api/types';
import { age } from '../duration';
import type { Cell, TablePrinter } from './table';

/** formatHPAMetrics for Resource metrics with a utilization or average-value target. */
export function hpaTargets(hpa: HorizontalPodAutoscaler): string {
  const specs = hpa.spec?.metrics ?? [];
  if (specs.length === 0) return '<none>';
  const parts = specs.map((m) => {
    if (m.type !== 'Resource' || !m.resource) return '<unknown>/<unknown>';
    const name = m.resource.name;
    const current = hpa.status?.currentMetrics?.find((c) => c.type === 'Resource' && c.resource?.name === name)?.resource?.current;
    if (m.resource.target.averageUtilization !== undefined) {
      const now = current?.averageUtilization !== undefined ? `${current.averageUtilization}%` : '<unknown>';
      return `${name}: ${now}/${m.resource.target.averageUtilization}%`;
    }
    const now = current?.averageValue !== undefined ? String(current.averageValue) : '<unknown>';
    return `${name}: ${now}/${m.resource.target.averageValue ?? '<unknown>'}`;
  });
  // kubectl shows the first metrics and counts the rest.
  return parts.length > 2 ? `${parts.slice(0, 2).join(', ')} + ${parts.length - 2} more...` : parts.join(', ');
}

export const hpaPrinter: TablePrinter = {
  kind: 'HorizontalPodAutoscaler',
  columns: [
    { name: 'Name', priority: 0, isName: true },
    { name: 'Reference', priority: 0 },
    { name: 'Targets', priority: 0 },
    { name: 'MinPods', priority: 0 },
    { name: 'MaxPods', priority: 0 },
    { name: 'Replicas', priority: 0 },
    { name: 'Age', priority: 0 },
  ],
  row(obj: KubeObject, now: number): Cell[] {
    const hpa = obj as HorizontalPodAutoscaler;
    const ref = hpa.spec!.scaleTargetRef;
    return [
      hpa.metadata?.name ?? '',
      `${ref.kind}/${ref.name}`,
      hpaTargets(hpa),
      hpa.spec?.minReplicas === undefined ? '<unset>' : hpa.spec.minReplicas,
      hpa.spec?.maxReplicas ?? 0,
      hpa.status?.currentReplicas ?? 0,
      age(hpa.metadata?.creationTimestamp, now),
    ];
  },
};
