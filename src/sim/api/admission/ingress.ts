import type { Store } from '../store';
import type { Ingress } from '../types';
import type { AdmissionPlugin, AdmissionRequest } from './plugin';

/** DefaultIngressClass: an Ingress created without a class gets the default one. */
export class DefaultIngressClass implements AdmissionPlugin {
  readonly name = 'DefaultIngressClass';
  constructor(private readonly store: Store) {}

  admit({ operation, obj }: AdmissionRequest): void {
    if (operation !== 'create' || obj.kind !== 'Ingress') return;
    const ing = obj as Ingress;
    if (!ing.spec || ing.spec.ingressClassName) return;
    const byDefault = this.store.list('IngressClass').find((c) => c.metadata.annotations?.['ingressclass.kubernetes.io/is-default-class'] === 'true');
    if (byDefault) ing.spec.ingressClassName = byDefault.metadata.name;
  }
}
