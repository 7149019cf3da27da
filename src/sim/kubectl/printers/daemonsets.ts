/**
 * `kubectl get daemonsets` (printDaemonSet; k8s-semantics §8): the status counts, and the pod
 * template's nodeSelector as labels.FormatLabels prints it.
 */
import type { KubeObject } from '../../api/object';
import type { DaemonSet } from '../../api/types';
import { age } from '../duration';
import { containerCells, formatLabelSelector, formatLabels } from '../format';
import type { Cell, TablePrinter } from './table';

export const daemonSetPrinter: TablePrinter = {
  kind: 'DaemonSet',
  columns: [
    { name: 'Name', priority: 0, isName: true },
    { name: 'Desired', priority: 0 },
    { name: 'Current', priority: 0 },
    { name: 'Ready', priority: 0 },
    { name: 'Up-to-date', priority: 0 },
    { name: 'Available', priority: 0 },
    { name: 'Node Selector', priority: 0 },
    { name: 'Age', priority: 0 },
    { name: 'Containers', priority: 1 },
    { name: 'Images', priority: 1 },
    { name: 'Selector', priority: 1 },
  ],
  row(obj: KubeObject, now: number): Cell[] {
    const ds = obj as DaemonSet;
    const s = ds.status;
    const [containers, images] = containerCells(ds.spec?.template.spec?.containers);
    return [
      ds.metadata?.name ?? '',
      s?.desiredNumberScheduled ?? 0,
      s?.currentNumberScheduled ?? 0,
      s?.numberReady ?? 0,
      s?.updatedNumberScheduled ?? 0,
      s?.numberAvailable ?? 0,
      formatLabels(ds.spec?.template.spec?.nodeSelector),
      age(ds.metadata?.creationTimestamp, now),
      containers,
      images,
      formatLabelSelector(ds.spec?.selector),
    ];
  },
};
