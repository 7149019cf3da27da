import { useState } from 'react';
import { useRecovery } from '../state/recovery';

/** Says that the simulation worker was replaced, why, and that the cluster was restored. */
export function RecoveryBanner() {
  const { restarts, reason } = useRecovery();
  const [dismissed, setDismissed] = useState(0);
  if (restarts === 0 || dismissed === restarts) return null;
  return (
    <div role="alert" aria-label="Simulation restarted" className="flex items-center gap-3 border-b border-amber-400/40 bg-amber-950 px-4 py-2 text-xs text-amber-100">
      <span className="min-w-0 flex-1">
        {reason} It was restarted and restored from its last snapshot plus everything you did since
        {restarts > 1 ? ` (${restarts} restarts so far).` : '.'}
      </span>
      <button
        type="button"
        onClick={() => setDismissed(restarts)}
        className="shrink-0 rounded border border-amber-300/50 px-2 py-0.5 text-amber-100 hover:bg-amber-500/15 focus-visible:ring-2 focus-visible:ring-amber-300 focus-visible:outline-none"
      >
        Dismiss
      </button>
    </div>
  );
}
