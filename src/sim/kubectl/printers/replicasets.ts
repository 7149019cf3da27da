/** `kubectl get replicasets` (printReplicaSet; k8s-semantics §2.2): DESIRED, CURRENT, READY replicas. */
import type { KubeObject } from '../../api/object';
import type { ReplicaSet } from '../../api/types';
import { age } from '../duration';
import { containerCells, formatLabelSelector } from '../format';
import type { Cell, TablePrinter } from './table';

export const replicaSetPrinter: TablePrinter = {
  kind: 'ReplicaSet',
  columns: [
    { name: 'Name', priority: 0, isName: true },
    { name: 'Desired', priority: 0 },
    { name: 'Current', priority: 0 },
    { name: 'Ready', priority: 0 },
    { name: 'Age', priority: 0 },
    { name: 'Containers', priority: 1 },
    { name: 'Images', priority: 1 },
    { name: 'Selector', priority: 1 },
  ],
  row(obj: KubeObject, now: number): Cell[] {
    const rs = obj as ReplicaSet;
    const [containers, images] = containerCells(rs.spec?.template?.spec?.containers);
    return [
      rs.metadata?.name ?? '',
      rs.spec?.replicas ?? 0,
      rs.status?.replicas ?? 0,
      rs.status?.readyReplicas ?? 0,
      age(rs.metadata?.creationTimestamp, now),
      containers,
      images,
      formatLabelSelector(rs.spec?.selector),
    ];
  },
};
