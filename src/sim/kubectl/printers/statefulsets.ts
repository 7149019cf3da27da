/** `kubectl get statefulsets` (printStatefulSet; k8s-semantics §7.5): READY is ready/desired replicas. */
import type { KubeObject } from '../../api/object';
import type { StatefulSet } from '../../api/types';
import { age } from '../duration';
import { containerCells } from '../format';
import type { Cell, TablePrinter } from './table';

export const statefulSetPrinter: TablePrinter = {
  kind: 'StatefulSet',
  columns: [
    { name: 'Name', priority: 0, isName: true },
    { name: 'Ready', priority: 0 },
    { name: 'Age', priority: 0 },
    { name: 'Containers', priority: 1 },
    { name: 'Images', priority: 1 },
  ],
  row(obj: KubeObject, now: number): Cell[] {
    const set = obj as StatefulSet;
    const [containers, images] = containerCells(set.spec?.template.spec?.containers);
    return [
      set.metadata?.name ?? '',
      `${set.status?.readyReplicas ?? 0}/${set.spec?.replicas ?? 0}`,
      age(set.metadata?.creationTimestamp, now),
      containers,
      images,
    ];
  },
};
