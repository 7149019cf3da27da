/**
 * What to draw for each request, kept apart from the DOM so it can be tested: which edges a dot
 * travels, in which colour, where a failure bursts, and how many dots one frame may start so a
 * high rate stays smooth.
 */
import type { WireRequest } from '../../protocol/messages';
import { trafficKey } from '../../state/traffic';
import { FAILURE_COLOUR, versionColour } from './version-colour';

/** One dot's whole trip, Ingress to pod included (UI.md: motion ≤ 300 ms). */
export const DOT_MS = 280;
export const BURST_MS = 300;
/** Dots one batch of requests may start; the rest are counted, not drawn. */
export const MAX_DOTS_PER_BATCH = 4;
/** Dots in flight at once, whatever the rate. */
export const MAX_LIVE_DOTS = 40;

export type Point = readonly [number, number];

export interface DotPlan {
  /** Edge ids in travel order; empty when the request failed before any edge. */
  edges: string[];
  colour: string;
  /** Where a failed request bursts: the Service, or the Ingress when no Service was reached. */
  burst?: { objectKey: string; side: 'left' | 'right' };
}

/** At most `max` items, spread evenly over the batch so a busy frame keeps its mix of pods and failures. */
export function pickForFrame<T>(items: readonly T[], max: number): T[] {
  if (items.length <= max) return [...items];
  return Array.from({ length: max }, (_, i) => items[Math.floor((i * items.length) / max)]);
}

export function planRequest(request: WireRequest, versions: ReadonlyMap<string, number>): DotPlan {
  const service = request.service && trafficKey('Service', request.service);
  const ingress = request.ingress && trafficKey('Ingress', request.ingress);
  const edges: string[] = [];
  if (ingress && service) edges.push(`${ingress}->${service}`);
  if (request.ok && service && request.pod) {
    edges.push(`${service}->${trafficKey('Pod', request.pod)}`);
    return { edges, colour: versionColour(request.version === undefined ? undefined : versions.get(request.version)) };
  }
  if (service) return { edges, colour: FAILURE_COLOUR, burst: { objectKey: service, side: 'left' } };
  if (ingress) return { edges, colour: FAILURE_COLOUR, burst: { objectKey: ingress, side: 'right' } };
  return { edges, colour: FAILURE_COLOUR };
}

/** `count` + 1 points evenly along a path of `length`, both ends included. */
export function samplePath(length: number, pointAt: (distance: number) => Point, count = 12): Point[] {
  return Array.from({ length: count + 1 }, (_, i) => pointAt((length * i) / count));
}

export interface Stop {
  x: number;
  y: number;
  /** 0…1 through the trip. */
  offset: number;
}

/**
 * The stops of a trip over one or more edges, timed by distance so a dot keeps one speed. Between
 * two edges the dot jumps (two stops at one offset): it passes through the Service rather than
 * sliding across its card.
 */
export function tripStops(legs: readonly (readonly Point[])[]): Stop[] {
  const stops: { x: number; y: number; at: number }[] = [];
  let travelled = 0;
  for (const leg of legs) {
    leg.forEach(([x, y], i) => {
      if (i > 0) travelled += Math.hypot(x - leg[i - 1][0], y - leg[i - 1][1]);
      stops.push({ x, y, at: travelled });
    });
  }
  return stops.map(({ x, y, at }, i) => ({ x, y, offset: travelled > 0 ? at / travelled : i / Math.max(1, stops.length - 1) }));
}
