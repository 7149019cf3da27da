/**
 * Server-side tables as kubectl prints them: the apiserver's column definitions and rows
 * (pkg/printers/internalversion), decorated by kubectl with NAMESPACE, LABELS and kind
 * prefixes (cli-runtime printers/tableprinter.go), cells joined by tabs for the tabwriter.
 */
import type { KubeObject } from '../../api/object';
import { formatLabels } from '../format';

export interface Column {
  /** As the API names it ("Up-to-date"); printed upper-cased. */
  name: string;
  /** 0: always shown; 1: only with -o wide. */
  priority: number;
  /** The column holding the object's name, which `kind/` prefixes when several kinds print. */
  isName?: boolean;
}

export type Cell = string | number;

/**
 * The table handler for one kind: its columns and one row per object. Like the apiserver's
 * TableConvertor it always fills every column; kubectl drops the wide ones unless -o wide.
 */
export interface TablePrinter {
  kind: string;
  columns: readonly Column[];
  /**
   * `now` is the virtual instant (ms) ages are measured to; `wide` is -o wide, which a few cells
   * print in full (printService's EXTERNAL-IP).
   */
  row(obj: KubeObject, now: number, wide: boolean): Cell[];
}

export interface TableOptions {
  now: number;
  wide: boolean;
  withNamespace: boolean;
  showLabels: boolean;
  /** -L: one column per label key, headed by the key's last path segment upper-cased. */
  labelColumns?: readonly string[];
  noHeaders?: boolean;
  /** "pod", "deployment.apps": prefixed to names when several kinds are printed together. */
  kindPrefix?: string;
}

/** Cuts a string cell at its first line break and marks the cut, as printTable does. */
function cellText(cell: Cell): string {
  if (typeof cell !== 'string') return String(cell);
  const brk = cell.search(/[\f\n\r]/);
  return brk >= 0 ? `${cell.slice(0, brk)}...` : cell;
}

/** The tab-separated table text (header, then one line per object); empty when there are no objects. */
export function renderTable(printer: TablePrinter, objects: readonly KubeObject[], options: TableOptions): string {
  if (objects.length === 0) return '';
  const columns: Column[] = [
    ...(options.withNamespace ? [{ name: 'Namespace', priority: 0 }] : []),
    ...printer.columns,
    ...(options.labelColumns ?? []).map((key) => ({ name: key.split('/').pop()!, priority: 0 })),
    ...(options.showLabels ? [{ name: 'Labels', priority: 0 }] : []),
  ];
  const visible = (c: Column) => options.wide || c.priority === 0;
  const lines = options.noHeaders ? [] : [columns.filter(visible).map((c) => c.name.toUpperCase()).join('\t')];
  const nameIndex = printer.columns.findIndex((c) => c.isName);
  for (const obj of objects) {
    const cells = printer.row(obj, options.now, options.wide);
    if (options.kindPrefix && nameIndex >= 0) cells[nameIndex] = `${options.kindPrefix}/${cells[nameIndex]}`;
    const labelCells = (options.labelColumns ?? []).map((key) => obj.metadata.labels?.[key] ?? '');
    const row: Cell[] = [...(options.withNamespace ? [obj.metadata.namespace ?? ''] : []), ...cells, ...labelCells, ...(options.showLabels ? [formatLabels(obj.metadata.labels)] : [])];
    lines.push(row.filter((_, i) => visible(columns[i])).map(cellText).join('\t'));
  }
  return `${lines.join('\n')}\n`;
}
