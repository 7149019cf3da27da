import { clone, keyOf, parseKey, type KubeObject } from '../api/object';
import type { WatchEvent } from '../api/store';
import type { Ingress, IngressClass } from '../api/types';
import { INGRESS_CONTROLLER_IP } from '../network/proxy';
import { Controller, type ControllerContext } from './controller';

export const INGRESS_CLASS = 'nginx';
export const INGRESS_CONTROLLER = 'k8s.io/ingress-nginx';
/** ingress-nginx publishes an Ingress's address on its next status sync. */
const STATUS_SYNC_MS = 2_000;

/**
 * A simulated ingress-nginx: it serves Ingresses of its class (or with no class, being the
 * default IngressClass) and publishes its address in their status. Routing is in network/proxy.ts.
 */
export class IngressController extends Controller {
  constructor(ctx: ControllerContext) {
    super('ingress-nginx-controller', ctx);
  }

  onEvent({ object }: WatchEvent): void {
    if (object.kind === 'Ingress') this.enqueue(keyOf(object), STATUS_SYNC_MS);
  }

  private served(ing: Ingress): boolean {
    const name = ing.spec?.ingressClassName;
    if (name) return (this.ctx.api.get('IngressClass', undefined, name) as IngressClass | undefined)?.spec?.controller === INGRESS_CONTROLLER;
    return (this.ctx.api.list('IngressClass') as IngressClass[]).some(
      (c) => c.spec?.controller === INGRESS_CONTROLLER && c.metadata?.annotations?.['ingressclass.kubernetes.io/is-default-class'] === 'true',
    );
  }

  protected sync(key: string): void {
    const { namespace, name } = parseKey(key);
    const ing = this.ctx.api.get('Ingress', namespace, name) as Ingress | undefined;
    if (!ing || ing.metadata!.deletionTimestamp || !this.served(ing)) return;
    if (ing.status?.loadBalancer?.ingress?.some((i) => i.ip === INGRESS_CONTROLLER_IP)) return;
    const next = clone(ing);
    next.status = { loadBalancer: { ingress: [{ ip: INGRESS_CONTROLLER_IP }] } };
    this.ctx.api.updateStatus(next as KubeObject, this.name);
    this.ctx.recorder.record(ing as KubeObject, 'Normal', 'Sync', 'Scheduled for sync', { component: 'nginx-ingress-controller' });
  }
}
