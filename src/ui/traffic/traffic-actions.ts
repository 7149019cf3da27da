/**
 * The traffic a person can start from the graph or the inspector, as the kubectl lines it runs:
 * `kubectl sim traffic` toward a Service or an Ingress host, and `kubectl sim stop-traffic`.
 */
import type { Service } from 'kubernetes-types/core/v1';
import type { Ingress } from 'kubernetes-types/networking/v1';
import { ingressUrl } from '../../state/ingresses';
import { isRunning, type Stream } from '../../state/traffic';

/** Rates offered, in requests per virtual second. */
export const TRAFFIC_RATES = [1, 5, 10, 50] as const;
export type TrafficRate = (typeof TRAFFIC_RATES)[number];
export const DEFAULT_RATE: TrafficRate = 10;
/** Long enough to watch a rollout or a pod replaced; Stop ends it sooner. */
export const TRAFFIC_DURATION = '5m';

/** What the stream goes to: a Service (by its DNS name) or an Ingress (by its URL). */
export interface TrafficTarget {
  /** "Service/ns/name" or "Ingress/ns/name": the streams counted as this target's. */
  key: string;
  /** The name in the buttons' accessible names: "Send traffic to web". */
  name: string;
  /** What `kubectl sim traffic` is given: "svc/web", or a URL. */
  target: string;
  namespace?: string;
}

/**
 * `svc/NAME` when the Service listens on port 80 (what the plugin's short form requests), else
 * its DNS name with the first port, so the request reaches a port the Service has.
 */
export function serviceTarget(service: Service): TrafficTarget {
  const name = service.metadata?.name ?? '';
  const namespace = service.metadata?.namespace ?? 'default';
  const ports = service.spec?.ports ?? [];
  const key = `Service/${namespace}/${name}`;
  if (ports.length === 0 || ports.some((p) => p.port === 80)) return { key, name, target: `svc/${name}`, namespace };
  return { key, name, target: `http://${name}.${namespace}.svc.cluster.local:${ports[0].port}`, namespace };
}

/** An Ingress is sent to at its first host and path, as a browser outside the cluster would; named by them. */
export function ingressTarget(key: string, ingress: Ingress): TrafficTarget | undefined {
  const url = ingressUrl(ingress);
  return url ? { key, name: url.replace(/^https?:\/\//, '').replace(/\/$/, ''), target: url } : undefined;
}

/** The kubectl arguments (without "kubectl") that start a stream. */
export function startCommand(target: TrafficTarget, rps: number): string {
  const scope = target.target.startsWith('svc/') && target.namespace && target.namespace !== 'default' ? ` -n ${target.namespace}` : '';
  return `sim traffic ${target.target}${scope} --rps ${rps} --duration ${TRAFFIC_DURATION}`;
}

export function stopCommand(id: number): string {
  return `sim stop-traffic ${id}`;
}

export const sendLabel = (name: string) => `Send traffic to ${name}`;
export const stopLabel = (name: string) => `Stop traffic to ${name}`;

/**
 * The running streams a Stop button ends: sent to this Service directly (not through an Ingress),
 * or through this Ingress. A load-generator pod's stream ends with its pod, not here.
 */
export function stoppableStreams(streams: Iterable<Stream>, key: string, time: number): Stream[] {
  const mine = (s: Stream) => (key.startsWith('Ingress/') ? s.ingress === key : s.service === key && !s.ingress);
  return [...streams].filter((s) => mine(s) && !s.fromPod && isRunning(s, time));
}
