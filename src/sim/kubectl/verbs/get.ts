/**
 * `kubectl get` (k8s.io/kubectl/pkg/cmd/get): tables per resource type with a blank line between
 * them, `kind/` name prefixes when several kinds print, -o wide|yaml|json|name, and the
 * "No resources found" notice on stderr.
 */
import type { KubeObject } from '../../api/object';
import type { Invocation, Verb } from '../command';
import { AggregateError, KubectlError } from '../errors';
import { tablePrinterFor } from '../printers';
import { toJson } from '../printers/json';
import { renderTable } from '../printers/table';
import { toYaml } from '../printers/yaml';
import { findResources, kindString, type Found } from '../resources';
import { TABLE_TABWRITER, tabify } from '../tabwriter';
import { ALL_NAMESPACES, IGNORE_NOT_FOUND, SELECTOR } from './common';
import { watchGet } from './get-watch';

/** Every output format kubectl v1.32's get accepts; kubesim prints the SUPPORTED_FORMATS among them. */
const KNOWN_FORMATS = ['custom-columns', 'custom-columns-file', 'go-template', 'go-template-file', 'json', 'jsonpath', 'jsonpath-as-json', 'jsonpath-file', 'name', 'template', 'templatefile', 'wide', 'yaml'];
const SUPPORTED_FORMATS = ['', 'wide', 'yaml', 'json', 'name'];

const NO_TYPE_GIVEN = `You must specify the type of resource to get. Use "kubectl api-resources" for a complete list of supported resources.

error: Required resource not specified.
Use "kubectl explain <resource>" for a detailed description of that resource (e.g. kubectl explain pods).
See 'kubectl get -h' for help and examples
`;

/** The output format; kubectl accepts "-o=json", "-ojson" and "--output json" alike. */
function outputFormat(value: string): string {
  const format = value.split('=')[0];
  if (!KNOWN_FORMATS.includes(format) && format !== '') {
    throw new KubectlError(`unable to match a printer suitable for the output format ${JSON.stringify(value)}, allowed formats are: ${KNOWN_FORMATS.join(',')}`);
  }
  if (!SUPPORTED_FORMATS.includes(format)) throw new KubectlError(`kubesim does not support -o ${format} yet; use -o wide, yaml, json or name`);
  return format;
}

/** What -o yaml/json prints: the object itself when one was named, else a v1 List. */
function genericPrintable(found: readonly Found[], singleItemImplied: boolean): unknown {
  if (singleItemImplied && found.length === 1) return found[0].object;
  return { apiVersion: 'v1', items: found.map((f) => f.object), kind: 'List', metadata: { resourceVersion: '' } };
}

function printGeneric(inv: Invocation, format: string, found: Found[], singleItemImplied: boolean): void {
  if (format === 'name') {
    for (const f of found) inv.out.out(`${kindString(f.info)}/${f.object.metadata.name}\n`);
    return;
  }
  const printable = genericPrintable(found, singleItemImplied);
  inv.out.out(format === 'json' ? toJson(printable) : toYaml(printable));
}

function printTables(inv: Invocation, found: Found[], format: string, allNamespaces: boolean): boolean {
  const kinds = new Set(found.map((f) => f.info));
  const withKind = inv.flags.bool('show-kind') || kinds.size > 1;
  const now = inv.ctx.clock.now();
  let written = false;
  // Consecutive objects of one resource type share a table (shouldGetNewPrinterForMapping).
  for (let start = 0; start < found.length; ) {
    const info = found[start].info;
    let end = start;
    while (end < found.length && found[end].info === info) end++;
    const objects: KubeObject[] = found.slice(start, end).map((f) => f.object);
    const text = renderTable(tablePrinterFor(info.kind), objects, {
      now,
      wide: format === 'wide',
      withNamespace: allNamespaces && info.namespaced,
      showLabels: inv.flags.bool('show-labels'),
      labelColumns: inv.flags.strings('label-columns'),
      noHeaders: inv.flags.bool('no-headers'),
      kindPrefix: withKind ? kindString(info) : undefined,
    });
    if (text) {
      // A blank line separates resource groups once something has been written.
      if (written && !inv.flags.bool('no-headers')) inv.out.out('\n');
      inv.out.out(tabify(text, TABLE_TABWRITER));
      written = true;
    }
    start = end;
  }
  return written;
}

export const getVerb: Verb = {
  name: 'get',
  group: 'Basic Commands (Intermediate):',
  short: 'Display one or many resources',
  long: `Display one or many resources.

 Prints a table of the most important information about the specified resources. You can filter the list using a label selector and the --selector flag. If the desired resource type is namespaced you will only see results in the current namespace if you don't specify any namespace.

Use "kubectl api-resources" for a complete list of supported resources.`,
  examples: `  # List all pods in ps output format
  kubectl get pods
  
  # List all pods in ps output format with more information (such as node name)
  kubectl get pods -o wide
  
  # List deployments in JSON output format
  kubectl get deployments -o json
  
  # List a single pod in JSON output format
  kubectl get -o json pod web-pod-13je7
  
  # List one or more resources by their type and names
  kubectl get deployment/web pods/web-pod-13je7
  
  # List all pods existing in all namespaces
  kubectl get pods --all-namespaces`,
  usage: 'kubectl get [(-o|--output=)json|yaml|name|wide] (TYPE[.VERSION][.GROUP] [NAME | -l label] | TYPE[.VERSION][.GROUP]/NAME ...) [flags] [options]',
  flags: [
    ALL_NAMESPACES,
    IGNORE_NOT_FOUND,
    { name: 'no-headers', type: 'bool', default: false, usage: "When using the default or custom-column output format, don't print headers (default print headers)." },
    {
      name: 'output',
      shorthand: 'o',
      type: 'string',
      default: '',
      usage: 'Output format. One of: (json, yaml, name, wide).',
    },
    {
      name: 'label-columns',
      shorthand: 'L',
      type: 'stringSlice',
      default: [],
      usage: 'Accepts a comma separated list of labels that are going to be presented as columns. Names are case-sensitive. You can also use multiple flag options like -L label1 -L label2...',
    },
    SELECTOR,
    { name: 'show-kind', type: 'bool', default: false, usage: 'If present, list the resource type for the requested object(s).' },
    { name: 'show-labels', type: 'bool', default: false, usage: 'When printing, show all labels as the last column (default hide labels column)' },
    { name: 'watch', shorthand: 'w', type: 'bool', default: false, usage: 'After listing/getting the requested object, watch for changes.' },
  ],
  run(inv) {
    if (inv.args.length === 0) {
      inv.out.err(NO_TYPE_GIVEN);
      return 1;
    }
    if (inv.flags.bool('watch')) {
      // Only a terminal can show a stream; the CLI has none, so say so rather than print a snapshot.
      if (!inv.ctx.stream) throw new KubectlError('kubesim does not support --watch yet; run the command again to see changes');
      return watchGet(inv, inv.ctx.stream);
    }
    const format = outputFormat(inv.flags.string('output'));
    const allNamespaces = inv.flags.bool('all-namespaces');
    const result = findResources(inv.ctx.api, {
      args: inv.args,
      namespace: inv.namespace,
      allNamespaces,
      selector: inv.flags.string('selector'),
      allowEmptySelector: true,
    });
    const ignoreNotFound = inv.flags.bool('ignore-not-found');
    const errors = ignoreNotFound ? result.errors.filter((e) => e.reason !== 'NotFound') : result.errors;
    if (format !== '' && format !== 'wide') {
      if (result.singleItemImplied && errors.length) throw errors[0];
      if (result.found.length || !ignoreNotFound) printGeneric(inv, format, result.found, result.singleItemImplied);
    } else {
      const written = printTables(inv, result.found, format, allNamespaces);
      if (!written && !ignoreNotFound && errors.length === 0) {
        // Every object found so far being namespaced, with no -A, names the namespace.
        const namespaced = !allNamespaces && result.found.every((f) => f.info.namespaced);
        inv.out.err(namespaced ? `No resources found in ${inv.namespace} namespace.\n` : 'No resources found\n');
      }
    }
    if (errors.length) throw new AggregateError(errors);
    return 0;
  },
};
