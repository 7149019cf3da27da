/** The table printer of each kind: the registry `kubectl get` looks kinds up in. */
import { deploymentPrinter } from './deployments';
import { endpointSlicePrinter, endpointsPrinter } from './endpoints';
import { eventPrinter } from './events';
import { genericPrinter } from './generic';
import { hpaPrinter } from './hpa';
import { ingressPrinter } from './ingresses';
import { namespacePrinter } from './namespaces';
import { nodePrinter } from './nodes';
import { podPrinter } from './pods';
import { replicaSetPrinter } from './replicasets';
import { servicePrinter } from './services';
import type { TablePrinter } from './table';

const PRINTERS = new Map<string, TablePrinter>(
  [
    podPrinter,
    deploymentPrinter,
    replicaSetPrinter,
    nodePrinter,
    namespacePrinter,
    eventPrinter,
    servicePrinter,
    endpointsPrinter,
    endpointSlicePrinter,
    ingressPrinter,
    hpaPrinter,
  ].map((p) => [p.kind, p]),
);

export function tablePrinterFor(kind: string): TablePrinter {
  return PRINTERS.get(kind) ?? genericPrinter(kind);
}
