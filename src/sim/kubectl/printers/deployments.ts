/** `kubectl get deployments` (printDeployment; k8s-semantics §1.13): READY is ready/desired replicas. */
import type { KubeObject } from '../../api/object';
import type { Deployment } from '../../api/types';
import { age } from '../duration';
import { containerCells, selectorString } from '../format';
import type { Cell, TablePrinter } from './table';

export const deploymentPrinter: TablePrinter = {
  kind: 'Deployment',
  columns: [
    { name: 'Name', priority: 0, isName: true },
    { name: 'Ready', priority: 0 },
    { name: 'Up-to-date', priority: 0 },
    { name: 'Available', priority: 0 },
    { name: 'Age', priority: 0 },
    { name: 'Containers', priority: 1 },
    { name: 'Images', priority: 1 },
    { name: 'Selector', priority: 1 },
  ],
  row(obj: KubeObject, now: number): Cell[] {
    const d = obj as Deployment;
    const [containers, images] = containerCells(d.spec?.template.spec?.containers);
    return [
      d.metadata?.name ?? '',
      `${d.status?.readyReplicas ?? 0}/${d.spec?.replicas ?? 0}`,
      d.status?.updatedReplicas ?? 0,
      d.status?.availableReplicas ?? 0,
      age(d.metadata?.creationTimestamp, now),
      containers,
      images,
      selectorString(d.spec?.selector),
    ];
  },
};
