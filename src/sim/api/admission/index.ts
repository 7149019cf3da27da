/** The admission chain, in kube-apiserver's order (k8s-semantics §11; NamespaceLifecycle is the server's own check). */
import type { Store } from '../store';
import { DaemonSetTemplateGeneration } from './daemonset';
import { DefaultIngressClass } from './ingress';
import { LimitRanger } from './limitranger';
import { PodDefaults } from './pod';
import type { AdmissionPlugin } from './plugin';
import { PersistentVolumeClaimResize } from './pvc-resize';
import { ResourceQuotaAdmission } from './resourcequota';
import { StorageObjectInUseProtection } from './storage-protection';
import { DefaultStorageClass } from './storageclass';

export type { AdmissionPlugin, AdmissionRequest } from './plugin';
export { qosClass } from './pod';

export function admissionChain(store: Store): AdmissionPlugin[] {
  return [new DaemonSetTemplateGeneration(), new LimitRanger(store), new PodDefaults(), new DefaultStorageClass(store), new StorageObjectInUseProtection(), new PersistentVolumeClaimResize(store), new DefaultIngressClass(store), new ResourceQuotaAdmission(store)];
}
