/** The table for kinds without a dedicated printer: NAME and AGE, as for most resources. */
import type { KubeObject } from '../../api/object';
import { age } from '../duration';
import type { Cell, TablePrinter } from './table';

export function genericPrinter(kind: string): TablePrinter {
  return {
    kind,
    columns: [
      { name: 'Name', priority: 0, isName: true },
      { name: 'Age', priority: 0 },
    ],
    row(obj: KubeObject, now: number): Cell[] {
      return [obj.metadata.name ?? '', age(obj.metadata.creationTimestamp, now)];
    },
  };
}
