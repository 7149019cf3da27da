/** `kubectl get configmaps` and `kubectl get secrets` (printConfigMap, printSecret). */
import type { KubeObject } from '../../api/object';
import type { ConfigMap, Secret } from '../../api/types';
import { age } from '../duration';
import type { Cell, TablePrinter } from './table';

export const configMapPrinter: TablePrinter = {
  kind: 'ConfigMap',
  columns: [
    { name: 'Name', priority: 0, isName: true },
    { name: 'Data', priority: 0 },
    { name: 'Age', priority: 0 },
  ],
  row(obj: KubeObject, now: number): Cell[] {
    const cm = obj as ConfigMap;
    const count = Object.keys(cm.data ?? {}).length + Object.keys(cm.binaryData ?? {}).length;
    return [cm.metadata?.name ?? '', count, age(cm.metadata?.creationTimestamp, now)];
  },
};

export const secretPrinter: TablePrinter = {
  kind: 'Secret',
  columns: [
    { name: 'Name', priority: 0, isName: true },
    { name: 'Type', priority: 0 },
    { name: 'Data', priority: 0 },
    { name: 'Age', priority: 0 },
  ],
  row(obj: KubeObject, now: number): Cell[] {
    const s = obj as Secret;
    return [s.metadata?.name ?? '', s.type ?? '', Object.keys(s.data ?? {}).length, age(s.metadata?.creationTimestamp, now)];
  },
};
