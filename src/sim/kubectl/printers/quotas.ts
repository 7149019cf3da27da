/** `kubectl get resourcequotas` (printResourceQuota) and `kubectl get limitranges` (printLimitRange). */
import type { KubeObject } from '../../api/object';
import { canonical } from '../../api/quantity-canonical';
import type { ResourceQuota } from '../../api/types';
import { age } from '../duration';
import type { Cell, TablePrinter } from './table';

export const resourceQuotaPrinter: TablePrinter = {
  kind: 'ResourceQuota',
  columns: [
    { name: 'Name', priority: 0, isName: true },
    { name: 'Age', priority: 0 },
    { name: 'Request', priority: 0 },
    { name: 'Limit', priority: 0 },
  ],
  /** "pods: 1/2, requests.cpu: 500m/2" in REQUEST, the limits.* resources in LIMIT, each sorted by name. */
  row(obj: KubeObject, now: number): Cell[] {
    const q = obj as ResourceQuota;
    const hard = (q.status?.hard ?? {}) as Record<string, string>;
    const used = (q.status?.used ?? {}) as Record<string, string>;
    const request: string[] = [];
    const limit: string[] = [];
    for (const res of Object.keys(hard).sort()) {
      const pieces = res.split('.');
      (pieces.length > 1 && pieces[0] === 'limits' ? limit : request).push(`${res}: ${canonical(used[res] ?? '0')}/${canonical(hard[res])}`);
    }
    return [q.metadata?.name ?? '', age(q.metadata?.creationTimestamp, now), request.join(', '), limit.join(', ')];
  },
};

export const limitRangePrinter: TablePrinter = {
  kind: 'LimitRange',
  columns: [
    { name: 'Name', priority: 0, isName: true },
    { name: 'Created At', priority: 0 },
  ],
  // The server's table cell is the metav1.Time itself, which serializes as RFC 3339.
  row(obj: KubeObject): Cell[] {
    return [obj.metadata.name ?? '', obj.metadata.creationTimestamp ?? ''];
  },
};
