import { useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { runLogged } from '../../state/command-log';
import { useTraffic } from '../../state/traffic';
import { useClient } from '../client-context';
import { PlayIcon, StopIcon } from '../icons';
import {
  DEFAULT_RATE,
  TRAFFIC_DURATION,
  TRAFFIC_RATES,
  sendLabel,
  startCommand,
  stopCommand,
  stopLabel,
  stoppableStreams,
  type TrafficRate,
  type TrafficTarget,
} from './traffic-actions';

/** The graph selects a node on click; a control's own click is not a selection. */
const stop = (event: React.SyntheticEvent) => event.stopPropagation();

/**
 * "Send traffic" with a rate, or "Stop traffic" while a stream runs. Each runs its kubectl line
 * through the command log, so the line and kubectl's answer appear under the graph.
 */
export function TrafficControl({ target, size }: { target: TrafficTarget; size: 'compact' | 'full' }) {
  const client = useClient();
  const [rate, setRate] = useState<TrafficRate>(DEFAULT_RATE);
  const [busy, setBusy] = useState(false);
  // Plain numbers, so a shallow compare skips the stream counts that change on every update.
  const runningIds = useTraffic(useShallow((s) => stoppableStreams(s.streams.values(), target.key, s.time).map((x) => x.id)));
  const rps = useTraffic((s) => stoppableStreams(s.streams.values(), target.key, s.time).reduce((sum, x) => sum + x.rps, 0));

  const run = async (commands: string[]) => {
    setBusy(true);
    try {
      for (const command of commands) await runLogged(client, command);
    } finally {
      setBusy(false);
    }
  };

  const compact = size === 'compact';
  const button = `nodrag nopan flex shrink-0 items-center rounded border font-semibold outline-none focus-visible:ring-2 focus-visible:ring-sky-400 disabled:opacity-50 ${
    compact ? 'gap-1 px-1.5 py-0.5 text-[10px] leading-4' : 'gap-1.5 px-2 py-1 text-xs'
  }`;
  const icon = compact ? 'size-3' : 'size-3.5';

  if (runningIds.length > 0) {
    return (
      <div className="flex min-w-0 items-center gap-1.5">
        <button
          type="button"
          aria-label={stopLabel(target.name)}
          title={runningIds.map((id) => `kubectl ${stopCommand(id)}`).join('\n')}
          disabled={busy}
          onClick={(event) => {
            stop(event);
            void run(runningIds.map(stopCommand));
          }}
          className={`${button} border-rose-400/50 text-rose-200 hover:bg-rose-500/15`}
        >
          <StopIcon className={icon} />
          Stop traffic
        </button>
        <span className={`truncate text-slate-400 ${compact ? 'text-[10px]' : 'text-xs'}`}>sending {rps} req/s</span>
      </div>
    );
  }

  return (
    <div className="flex min-w-0 items-center gap-1">
      <button
        type="button"
        aria-label={sendLabel(target.name)}
        title={`kubectl ${startCommand(target, rate)}\nSends ${rate} requests a second for ${TRAFFIC_DURATION} of cluster time.`}
        disabled={busy}
        onClick={(event) => {
          stop(event);
          void run([startCommand(target, rate)]);
        }}
        className={`${button} border-sky-400/50 text-sky-200 hover:bg-sky-500/15`}
      >
        <PlayIcon className={icon} />
        Send traffic
      </button>
      <select
        aria-label={`Requests per second to ${target.name}`}
        value={rate}
        disabled={busy}
        onClick={stop}
        onChange={(event) => setRate(Number(event.target.value) as TrafficRate)}
        className={`nodrag nopan rounded border border-slate-700 bg-slate-800 text-slate-100 outline-none focus-visible:ring-2 focus-visible:ring-sky-400 ${
          compact ? 'px-0.5 py-0.5 text-[10px] leading-4' : 'px-1.5 py-1 text-xs'
        }`}
      >
        {TRAFFIC_RATES.map((r) => (
          <option key={r} value={r}>
            {r} req/s
          </option>
        ))}
      </select>
    </div>
  );
}
