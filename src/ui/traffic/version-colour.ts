/**
 * One colour per image version, in the order the versions were first seen (state/traffic.ts), so
 * a version keeps its colour through a rollout. Red is left out: it means a failed request. Each
 * colour always appears beside its version tag, never alone.
 */
const PALETTE = ['#38bdf8', '#e879f9', '#a3e635', '#fbbf24', '#2dd4bf', '#a78bfa', '#fb923c', '#f9a8d4'] as const;

/** Requests that failed are drawn in red (rose-500), with a "connection refused" or HTTP status text beside them. */
export const FAILURE_COLOUR = '#f43f5e';

/** Grey for an answer whose version is not known yet. */
const UNKNOWN = '#94a3b8';

export function versionColour(index: number | undefined): string {
  return index === undefined ? UNKNOWN : PALETTE[index % PALETTE.length];
}
