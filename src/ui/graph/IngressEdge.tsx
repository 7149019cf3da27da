import { memo } from 'react';
import { BaseEdge, EdgeLabelRenderer, type Edge, type EdgeProps } from '@xyflow/react';
import type { IngressEdgeData } from './layout';

/** How far right of the Ingress the first lane runs, and the gap between lanes. */
const LANE_OFFSET = 14;
const LANE_GAP = 10;
const RADIUS = 8;
/** Routes listed on an edge before "+N more". */
const ROUTES_SHOWN = 2;

/**
 * The path from an Ingress's right side down its lane and into the Service's right side: out,
 * down, back in, with rounded corners. Each Ingress has its own lane, so its edges do not merge
 * with another Ingress's.
 */
export function ingressEdgePath(sx: number, sy: number, tx: number, ty: number, lane: number): string {
  const trunk = Math.max(sx, tx) + LANE_OFFSET + lane * LANE_GAP;
  const down = ty >= sy ? 1 : -1;
  const r = Math.min(RADIUS, Math.abs(ty - sy) / 2, trunk - sx, trunk - tx);
  return [
    `M ${sx},${sy}`,
    `L ${trunk - r},${sy}`,
    `Q ${trunk},${sy} ${trunk},${sy + down * r}`,
    `L ${trunk},${ty - down * r}`,
    `Q ${trunk},${ty} ${trunk - r},${ty}`,
    `L ${tx},${ty}`,
  ].join(' ');
}

type IngressFlowEdge = Edge<IngressEdgeData, 'ingress'>;

/** An Ingress → Service edge, labelled where it enters the Service with the host and path that lead there. */
function IngressEdgeView({ id, sourceX, sourceY, targetX, targetY, data, style, markerEnd }: EdgeProps<IngressFlowEdge>) {
  const lane = data?.lane ?? 0;
  const routes = data?.routes ?? [];
  const path = ingressEdgePath(sourceX, sourceY, targetX, targetY, lane);
  const room = Math.max(sourceX, targetX) + LANE_OFFSET + lane * LANE_GAP - targetX - 14;
  const shown = routes.slice(0, ROUTES_SHOWN);
  return (
    <>
      <BaseEdge id={id} path={path} style={style} markerEnd={markerEnd} />
      <EdgeLabelRenderer>
        <div
          aria-hidden="true"
          title={routes.join('\n')}
          className="ingress-route pointer-events-none absolute flex flex-col font-mono text-[10px] leading-[13px] text-teal-200"
          style={{ transform: `translate(${targetX + 10}px, ${targetY - 3}px) translateY(-100%)`, maxWidth: room }}
        >
          {shown.map((route) => (
            <span key={route} className="truncate">
              {route}
            </span>
          ))}
          {routes.length > shown.length && <span className="text-teal-200/70">+{routes.length - shown.length} more</span>}
        </div>
      </EdgeLabelRenderer>
    </>
  );
}

export const IngressEdge = memo(IngressEdgeView);
