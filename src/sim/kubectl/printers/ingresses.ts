/** `kubectl get ingress` (printIngress): CLASS, HOSTS, ADDRESS and PORTS (80, or "80, 443" with TLS). */
import type { KubeObject } from '../../api/object';
import type { Ingress } from '../../api/types';
import { age } from '../duration';
import type { Cell, TablePrinter } from './table';

/** formatHosts: the first three hosts, then "+ N more..."; "*" for a rule without a host. */
function hosts(ing: Ingress): string {
  const list = (ing.spec?.rules ?? []).map((r) => r.host || '*');
  if (list.length === 0) return '*';
  return list.length > 3 ? `${list.slice(0, 3).join(',')} + ${list.length - 3} more...` : list.join(',');
}

function address(ing: Ingress): string {
  return (ing.status?.loadBalancer?.ingress ?? []).map((i) => i.ip || i.hostname).filter(Boolean).join(',');
}

export const ingressPrinter: TablePrinter = {
  kind: 'Ingress',
  columns: [
    { name: 'Name', priority: 0, isName: true },
    { name: 'Class', priority: 0 },
    { name: 'Hosts', priority: 0 },
    { name: 'Address', priority: 0 },
    { name: 'Ports', priority: 0 },
    { name: 'Age', priority: 0 },
  ],
  row(obj: KubeObject, now: number): Cell[] {
    const ing = obj as Ingress;
    return [
      ing.metadata?.name ?? '',
      ing.spec?.ingressClassName ?? '<none>',
      hosts(ing),
      address(ing),
      ing.spec?.tls?.length ? '80, 443' : '80',
      age(ing.metadata?.creationTimestamp, now),
    ];
  },
};
