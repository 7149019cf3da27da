/** `kubectl get namespaces` (printNamespace). */
import type { KubeObject } from '../../api/object';
import type { Namespace } from '../../api/types';
import { age } from '../duration';
import type { Cell, TablePrinter } from './table';

export const namespacePrinter: TablePrinter = {
  kind: 'Namespace',
  columns: [
    { name: 'Name', priority: 0, isName: true },
    { name: 'Status', priority: 0 },
    { name: 'Age', priority: 0 },
  ],
  row(obj: KubeObject, now: number): Cell[] {
    const ns = obj as Namespace;
    return [ns.metadata?.name ?? '', ns.status?.phase ?? '', age(ns.metadata?.creationTimestamp, now)];
  },
};
