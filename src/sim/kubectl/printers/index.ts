/** The table printer of each kind: the registry `kubectl get` looks kinds up in. */
import { configMapPrinter, secretPrinter } from './config';
import { controllerRevisionPrinter } from './controllerrevisions';
import { daemonSetPrinter } from './daemonsets';
import { deploymentPrinter } from './deployments';
import { endpointSlicePrinter, endpointsPrinter } from './endpoints';
import { eventPrinter } from './events';
import { genericPrinter } from './generic';
import { hpaPrinter } from './hpa';
import { cronJobPrinter, jobPrinter } from './jobs';
import { ingressPrinter } from './ingresses';
import { namespacePrinter } from './namespaces';
import { nodePrinter } from './nodes';
import { podPrinter } from './pods';
import { limitRangePrinter, resourceQuotaPrinter } from './quotas';
import { replicaSetPrinter } from './replicasets';
import { servicePrinter } from './services';
import { statefulSetPrinter } from './statefulsets';
import { persistentVolumeClaimPrinter, persistentVolumePrinter, storageClassPrinter } from './storage';
import type { TablePrinter } from './table';

const PRINTERS = new Map<string, TablePrinter>(
  [
    podPrinter,
    persistentVolumePrinter,
    persistentVolumeClaimPrinter,
    storageClassPrinter,
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
    resourceQuotaPrinter,
    limitRangePrinter,
    jobPrinter,
    cronJobPrinter,
    statefulSetPrinter,
    daemonSetPrinter,
    controllerRevisionPrinter,
    configMapPrinter,
    secretPrinter,
  ].map((p) => [p.kind, p]),
);

export function tablePrinterFor(kind: string): TablePrinter {
  return PRINTERS.get(kind) ?? genericPrinter(kind);
}
