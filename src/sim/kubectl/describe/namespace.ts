/** `kubectl describe namespace` (describeNamespace): status, deletion conditions, quotas and limit ranges. */
import type { KubeObject } from '../../api/object';
import type { ApiServer } from '../../api/server';
import type { LimitRange, Namespace, ResourceQuota } from '../../api/types';
import { rfc1123z } from '../duration';
import { writeLimitRanges, writeResourceQuotas } from './quota';
import { DescribeWriter, writeAnnotations, writeLabels } from './writer';

export function describeNamespace(api: ApiServer, obj: KubeObject): string {
  const ns = obj as Namespace;
  const name = ns.metadata?.name ?? '';
  const w = new DescribeWriter();
  w.write(0, `Name:\t${name}\n`);
  writeLabels(w, 'Labels', ns.metadata?.labels);
  writeAnnotations(w, 'Annotations', ns.metadata?.annotations);
  w.write(0, `Status:\t${ns.status?.phase ?? ''}\n`);
  const conditions = ns.status?.conditions ?? [];
  if (conditions.length) {
    w.write(0, 'Conditions:\n');
    w.write(1, 'Type\tStatus\tLastTransitionTime\tReason\tMessage\n');
    w.write(1, '----\t------\t------------------\t------\t-------\n');
    for (const c of conditions) w.write(1, `${c.type}\t${c.status}\t${rfc1123z(c.lastTransitionTime)}\t${c.reason ?? ''}\t${c.message ?? ''}\n`);
  }
  w.write(0, '\n');
  writeResourceQuotas(w, api.list('ResourceQuota', name) as ResourceQuota[]);
  w.write(0, '\n');
  writeLimitRanges(w, api.list('LimitRange', name) as LimitRange[]);
  return w.toString();
}
