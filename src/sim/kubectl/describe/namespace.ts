/** `kubectl describe namespace` (describeNamespace); kubesim has no quotas or limit ranges yet. */
import type { KubeObject } from '../../api/object';
import type { Namespace } from '../../api/types';
import { DescribeWriter, writeAnnotations, writeLabels } from './writer';

export function describeNamespace(obj: KubeObject): string {
  const ns = obj as Namespace;
  const w = new DescribeWriter();
  w.write(0, `Name:\t${ns.metadata?.name ?? ''}\n`);
  writeLabels(w, 'Labels', ns.metadata?.labels);
  writeAnnotations(w, 'Annotations', ns.metadata?.annotations);
  w.write(0, `Status:\t${ns.status?.phase ?? ''}\n`);
  w.write(0, '\nNo resource quota.\n');
  w.write(0, '\nNo LimitRange resource.\n');
  return w.toString();
}
