/** The admission chain, in kube-apiserver's order (k8s-semantics §11; NamespaceLifecycle is the server's own check). */
import type { Store } from '../store';
import { DefaultIngressClass } from './ingress';
import { PodDefaults } from './pod';
import type { AdmissionPlugin } from './plugin';

export type { AdmissionPlugin, AdmissionRequest } from './plugin';
export { qosClass } from './pod';

export function admissionChain(store: Store): AdmissionPlugin[] {
  return [new PodDefaults(), new DefaultIngressClass(store)];
}
