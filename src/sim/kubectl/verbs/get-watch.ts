/**
 * `kubectl get --watch` (GetOptions.watch in k8s.io/kubectl/pkg/cmd/get): print the current
 * objects as one table, then one row per change to a matching object — added, modified or
 * deleted — until the person presses Ctrl+C. kubectl flushes its tabwriter after every event, so
 * each later row is aligned on its own, not under the header; the header itself is printed once,
 * with the first row.
 */
import type { ResourceInfo } from '../../api/kinds';
import { parseSelectorString } from '../../api/labels';
import type { KubeObject } from '../../api/object';
import type { Invocation, KubectlStream } from '../command';
import { KubectlError } from '../errors';
import { tablePrinterFor } from '../printers';
import { renderTable } from '../printers/table';
import { findResources, mappingFor } from '../resources';
import { TABLE_TABWRITER, tabify } from '../tabwriter';

/** The resource types the arguments name: `TYPE[,TYPE] [NAME...]` or `TYPE/NAME ...`. */
function resourceTypes(args: readonly string[]): ResourceInfo[] {
  const words = args[0]?.includes('/') ? args.map((a) => a.split('/')[0]) : (args[0]?.split(',') ?? []);
  return [...new Set(words.map(mappingFor))];
}

/** Runs `get -w` on a terminal that can stream: the table now, the rows later through `stream`. */
export function watchGet(inv: Invocation, stream: KubectlStream): number {
  const format = inv.flags.string('output');
  if (format !== '' && format !== 'wide') throw new KubectlError(`kubesim does not support --watch with -o ${format} yet; use the table or -o wide`);
  const allNamespaces = inv.flags.bool('all-namespaces');
  const selectorText = inv.flags.string('selector');
  const result = findResources(inv.ctx.api, { args: inv.args, namespace: inv.namespace, allNamespaces, selector: selectorText, allowEmptySelector: true });
  if (result.errors.length) throw result.errors[0];
  const infos = resourceTypes(inv.args);
  if (infos.length !== 1) throw new KubectlError(`watch is only supported on individual resources and resource collections, but found ${infos.length} resources`);
  const info = infos[0];
  const named = result.singleItemImplied ? result.found[0]?.object.metadata.name : undefined;
  const selector = selectorText ? parseSelectorString(selectorText) : undefined;
  const printer = tablePrinterFor(info.kind);
  let headerPrinted = false;
  const print = (objects: readonly KubeObject[]) => {
    const text = renderTable(printer, objects, {
      now: inv.ctx.clock.now(),
      wide: format === 'wide',
      withNamespace: allNamespaces && info.namespaced,
      showLabels: inv.flags.bool('show-labels'),
      noHeaders: headerPrinted || inv.flags.bool('no-headers'),
    });
    if (!text) return '';
    headerPrinted = true;
    return tabify(text, TABLE_TABWRITER);
  };

  inv.out.out(print(result.found.map((f) => f.object)));
  stream.watch((event) => {
    const obj = event.object;
    if (obj.kind !== info.kind) return;
    if (info.namespaced && !allNamespaces && obj.metadata.namespace !== inv.namespace) return;
    if (named !== undefined && obj.metadata.name !== named) return;
    if (selector && !selector(obj.metadata.labels)) return;
    stream.write(print([obj]));
  });
  return 0;
}
