import { clone, keyOf, parseKey, type KubeObject } from '../api/object';
import { ipToNumber, numberToIp } from '../api/service-alloc';
import type { WatchEvent } from '../api/store';
import type { Service } from '../api/types';
import { Controller, type ControllerContext } from './controller';

/** How long the simulated cloud takes to build a load balancer. */
const PROVISION_MS = 4_000;
/** The simulated cloud's external addresses (as MetalLB on a kind cluster hands them out). */
const POOL_START = ipToNumber('172.18.255.200');
const POOL_SIZE = 50;

/**
 * The service controller of a cloud-controller-manager, against a simulated cloud: a LoadBalancer
 * Service shows EXTERNAL-IP <pending> until its load balancer exists, then gets an address.
 */
export class ServiceLoadBalancerController extends Controller {
  /** Services whose load balancer is being built, and since when. */
  private pending = new Map<string, number>();

  constructor(ctx: ControllerContext) {
    super('service-controller', ctx);
  }

  onEvent({ object }: WatchEvent): void {
    if (object.kind === 'Service') this.enqueue(keyOf(object));
  }

  protected sync(key: string): void {
    const { namespace, name } = parseKey(key);
    const svc = this.ctx.api.get('Service', namespace, name) as Service | undefined;
    if (!svc || svc.metadata!.deletionTimestamp) return;
    const ingress = svc.status?.loadBalancer?.ingress ?? [];
    if (svc.spec?.type !== 'LoadBalancer') {
      if (ingress.length) {
        this.event(svc, 'DeletingLoadBalancer', 'Deleting load balancer');
        this.writeIngress(svc, undefined);
        this.event(svc, 'DeletedLoadBalancer', 'Deleted load balancer');
      }
      return;
    }
    if (ingress.length) return;
    const started = this.ctx.clock.now();
    if (!this.pending.has(key)) {
      this.pending.set(key, started);
      this.event(svc, 'EnsuringLoadBalancer', 'Ensuring load balancer');
      this.enqueue(key, PROVISION_MS);
      return;
    }
    if (started < this.pending.get(key)! + PROVISION_MS) return;
    const ip = this.freeAddress();
    if (!ip) {
      // The simulated cloud has no address left: the Service stays <pending>, as on a full pool.
      this.enqueue(key, PROVISION_MS);
      return;
    }
    this.pending.delete(key);
    this.writeIngress(svc, ip);
    this.event(svc, 'EnsuredLoadBalancer', 'Ensured load balancer');
  }

  private freeAddress(): string | undefined {
    const used = new Set((this.ctx.api.list('Service') as Service[]).flatMap((s) => (s.status?.loadBalancer?.ingress ?? []).map((i) => i.ip)));
    for (let i = 0; i < POOL_SIZE; i++) {
      const ip = numberToIp(POOL_START + i);
      if (!used.has(ip)) return ip;
    }
    return undefined;
  }

  private writeIngress(svc: Service, ip: string | undefined): void {
    const next = clone(svc);
    next.status = { loadBalancer: ip ? { ingress: [{ ip, ipMode: 'VIP' }] } : {} };
    this.ctx.api.updateStatus(next as KubeObject, this.name);
  }

  private event(svc: Service, reason: string, message: string): void {
    this.ctx.recorder.record(svc as KubeObject, 'Normal', reason, message, { component: this.name });
  }

  override save(): unknown {
    return { queue: this.queue.save(), pending: [...this.pending] };
  }

  override load(state: unknown): void {
    const s = state as { queue: [string, number][]; pending: [string, number][] };
    this.queue.load(s.queue);
    this.pending = new Map(s.pending);
  }
}
