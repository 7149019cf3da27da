import { useEffect, useRef, useSyncExternalStore } from 'react';
import { useReactFlow, ViewportPortal } from '@xyflow/react';
import { onRequests, useTraffic } from '../../state/traffic';
import { BURST_MS, DOT_MS, MAX_DOTS_PER_BATCH, MAX_LIVE_DOTS, pickForFrame, planRequest, samplePath, tripStops, type Point } from './dots';

const REDUCED_MOTION = '(prefers-reduced-motion: reduce)';

function subscribeMotion(onChange: () => void): () => void {
  const query = matchMedia(REDUCED_MOTION);
  query.addEventListener('change', onChange);
  return () => query.removeEventListener('change', onChange);
}

/** With reduced motion the counters on the nodes tell the story; no dots move. */
export function usePrefersReducedMotion(): boolean {
  return useSyncExternalStore(subscribeMotion, () => matchMedia(REDUCED_MOTION).matches);
}

/** A Service does not flash more often than this, however many of its requests fail. */
const BURST_GAP_MS = 120;

/**
 * Request dots over the graph, in flow coordinates. Each dot follows the drawn path of the edges
 * its request took (read from the DOM, so it matches what React Flow drew), animated by the
 * browser (Web Animations) with no React render per dot; failed requests burst in red.
 */
export function TrafficDots() {
  const reduced = usePrefersReducedMotion();
  const { getInternalNode } = useReactFlow();
  const layer = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (reduced) return;
    /** Sampled points per edge id, kept while the edge's path is the same. */
    const paths = new Map<string, { d: string; points: Point[] }>();
    const lastBurst = new Map<string, number>();
    let live = 0;

    const edgePoints = (root: Element, id: string): Point[] | undefined => {
      const path = root.querySelector<SVGPathElement>(`.react-flow__edge[data-id="${CSS.escape(id)}"] path.react-flow__edge-path`);
      const d = path?.getAttribute('d');
      if (!path || !d) return undefined;
      const cached = paths.get(id);
      if (cached?.d === d) return cached.points;
      const points = samplePath(path.getTotalLength(), (at) => {
        const p = path.getPointAtLength(at);
        return [p.x, p.y];
      });
      paths.set(id, { d, points });
      return points;
    };

    const spawn = (element: HTMLElement, keyframes: Keyframe[], options: KeyframeAnimationOptions) => {
      layer.current?.append(element);
      live++;
      const animation = element.animate(keyframes, options);
      const done = () => {
        element.remove();
        live--;
      };
      animation.onfinish = done;
      animation.oncancel = done;
    };

    const burst = (objectKey: string, side: 'left' | 'right', delay: number) => {
      const node = getInternalNode(objectKey);
      const now = performance.now();
      if (!node || now - (lastBurst.get(objectKey) ?? -Infinity) < BURST_GAP_MS) return;
      lastBurst.set(objectKey, now);
      const { x, y } = node.internals.positionAbsolute;
      const at = `translate(${side === 'left' ? x : x + (node.measured.width ?? 0)}px, ${y + (node.measured.height ?? 0) / 2}px)`;
      const ring = document.createElement('div');
      ring.className = 'traffic-burst';
      spawn(
        ring,
        [
          { transform: `${at} scale(0.4)`, opacity: 1 },
          { transform: `${at} scale(1.8)`, opacity: 0 },
        ],
        { duration: BURST_MS, delay, easing: 'ease-out' },
      );
    };

    return onRequests((requests) => {
      const root = layer.current?.closest('.react-flow');
      if (!root || document.hidden) return;
      const versions = useTraffic.getState().versions;
      for (const request of pickForFrame(requests, MAX_DOTS_PER_BATCH)) {
        if (live >= MAX_LIVE_DOTS) return;
        const plan = planRequest(request, versions);
        const legs: Point[][] = [];
        for (const id of plan.edges) {
          const leg = edgePoints(root, id);
          if (leg) legs.push(leg);
        }
        // An edge not drawn (a pod not in the graph yet) means no dot at all, rather than half a trip.
        const stops = legs.length > 0 && legs.length === plan.edges.length ? tripStops(legs) : [];
        if (stops.length > 0) {
          const dot = document.createElement('div');
          dot.className = 'traffic-dot';
          dot.style.color = plan.colour;
          spawn(
            dot,
            stops.map(({ x, y, offset }) => ({ transform: `translate(${x}px, ${y}px)`, opacity: 1, offset })),
            { duration: DOT_MS, easing: 'ease-in-out' },
          );
        }
        if (plan.burst) burst(plan.burst.objectKey, plan.burst.side, stops.length > 0 ? DOT_MS : 0);
      }
    });
  }, [reduced, getInternalNode]);

  if (reduced) return null;
  return (
    <ViewportPortal>
      <div ref={layer} aria-hidden="true" className="pointer-events-none absolute top-0 left-0 z-10" />
    </ViewportPortal>
  );
}
