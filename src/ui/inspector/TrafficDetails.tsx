import { useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useCluster } from '../../state/cluster';
import { trafficKey, isRunning, streamsThrough, useTraffic, versionSplit, type Stream } from '../../state/traffic';
import { useSelection } from '../../state/selection';
import { shortName } from '../graph/PodNode';
import { XCircleIcon } from '../icons';
import { RecentTrafficLines, VersionSwatch } from '../traffic/RecentTrafficLines';
import { TrafficControl } from '../traffic/TrafficControl';
import type { TrafficTarget } from '../traffic/traffic-actions';
import { Section } from './parts';

interface Totals {
  sent: number;
  ok: number;
  failed: number;
  byPod: Map<string, number>;
  byVersion: Record<string, number>;
  lastError?: string;
}

/** The counts of every stream through the object, summed: what `kubectl sim traffic` prints at its end. */
function totalsOf(streams: readonly Stream[]): Totals {
  const totals: Totals = { sent: 0, ok: 0, failed: 0, byPod: new Map(), byVersion: {} };
  // Oldest first, so the latest stream's error is the one kept.
  for (const s of [...streams].reverse()) {
    totals.sent += s.sent;
    totals.ok += s.ok;
    totals.failed += s.failed;
    for (const [pod, n] of Object.entries(s.byPod)) totals.byPod.set(trafficKey('Pod', pod), (totals.byPod.get(trafficKey('Pod', pod)) ?? 0) + n);
    for (const [image, n] of Object.entries(s.byVersion)) totals.byVersion[image] = (totals.byVersion[image] ?? 0) + n;
    if (s.lastError) totals.lastError = s.lastError;
  }
  return totals;
}

const share = (n: number, total: number) => `${Math.round((100 * n) / Math.max(1, total))}%`;

function PodRows({ byPod, total }: { byPod: ReadonlyMap<string, number>; total: number }) {
  const pods = useCluster((s) => s.byKind.get('Pod'));
  const select = useSelection((s) => s.select);
  const rows = [...byPod].sort(([a], [b]) => a.localeCompare(b));
  return (
    <table aria-label="Requests per pod" className="w-full text-xs">
      <thead>
        <tr className="text-left text-[10px] tracking-wide text-slate-400 uppercase">
          <th className="pb-1 font-medium">Pod</th>
          <th className="pb-1 text-right font-medium">Requests</th>
          <th className="w-12 pb-1 text-right font-medium">Share</th>
        </tr>
      </thead>
      <tbody>
        {rows.map(([key, n]) => {
          const name = key.slice(key.indexOf('/', 'Pod/'.length) + 1);
          const gone = !pods?.has(key);
          return (
            <tr key={key}>
              <td className="py-0.5 font-mono whitespace-nowrap">
                {gone ? (
                  <span className="text-slate-400 line-through" title={`${name} (deleted)`}>
                    {shortName(name, 22)}
                  </span>
                ) : (
                  <button type="button" onClick={() => select(key)} title={name} className="rounded text-sky-300 hover:underline focus-visible:ring-2 focus-visible:ring-sky-400 focus-visible:outline-none">
                    {shortName(name, 22)}
                  </button>
                )}
                {gone && <span className="sr-only"> (deleted)</span>}
              </td>
              <td className="py-0.5 text-right font-mono text-slate-200">{n}</td>
              <td className="py-0.5 text-right font-mono text-slate-400">{share(n, total)}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

function StreamList({ streams }: { streams: readonly Stream[] }) {
  const time = useTraffic((s) => s.time);
  return (
    <ul aria-label="Streams" className="flex flex-col gap-1">
      {streams.map((s) => (
        <li key={s.id} className="flex min-w-0 items-baseline gap-2 font-mono text-[11px]">
          <span className="shrink-0 text-slate-400">#{s.id}</span>
          <span className="min-w-0 truncate text-slate-300" title={s.fromPod ? `from pod ${s.fromPod}` : s.target}>
            {s.rps} req/s → {s.target}
          </span>
          <span className={`ml-auto shrink-0 ${isRunning(s, time) ? 'text-emerald-300' : 'text-slate-400'}`}>{isRunning(s, time) ? 'running' : 'ended'}</span>
        </li>
      ))}
    </ul>
  );
}

/**
 * The traffic through a Service or an Ingress: the control to send some, the totals of every
 * stream ("sent 120 · failed 0"), the last seconds, and which pods and versions answered.
 */
export function TrafficDetails({ objectKey, target }: { objectKey: string; target?: TrafficTarget }) {
  const streams = useTraffic(useShallow((s) => streamsThrough(s.streams, objectKey)));
  const versions = useTraffic((s) => s.versions);
  const totals = useMemo(() => totalsOf(streams), [streams]);
  const split = versionSplit(totals.byVersion, versions);

  return (
    <Section title="Traffic">
      <div className="flex flex-col gap-2.5">
        {target && <TrafficControl target={target} size="full" />}
        {streams.length === 0 ? (
          <p className="text-xs text-slate-400">No requests yet. Send traffic to see which pods answer.</p>
        ) : (
          <>
            <p aria-label="Traffic totals" className="font-mono text-xs text-slate-200">
              sent {totals.sent} ·{' '}
              <span className={totals.failed > 0 ? 'font-semibold text-rose-300' : undefined}>failed {totals.failed}</span>
            </p>
            <div className="flex flex-col gap-0.5">
              <RecentTrafficLines objectKey={objectKey} />
            </div>
            {totals.failed > 0 && totals.lastError && (
              <p className="flex gap-1.5 rounded-md border border-rose-500/40 bg-rose-950/40 px-2 py-1.5 font-mono text-[11px] break-words text-rose-200">
                <XCircleIcon className="mt-0.5 size-3.5 shrink-0 text-rose-300" />
                <span className="min-w-0">{totals.lastError}</span>
              </p>
            )}
            {totals.byPod.size > 0 && <PodRows byPod={totals.byPod} total={totals.ok} />}
            {split.length > 0 && (
              <ul aria-label="Requests per version" className="flex flex-col gap-0.5 text-xs">
                {split.map((v) => (
                  <li key={v.image} className="flex items-center gap-1.5 font-mono">
                    <VersionSwatch image={v.image} />
                    <span className="text-slate-200">{v.image}</span>
                    <span className="ml-auto text-slate-200">{v.count}</span>
                    <span className="w-12 text-right text-slate-400">{v.percent}%</span>
                  </li>
                ))}
              </ul>
            )}
            <StreamList streams={streams} />
          </>
        )}
      </div>
    </Section>
  );
}
