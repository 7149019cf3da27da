import { useState } from 'react';
import { runLogged } from '../../state/command-log';
import { useNodePower } from '../../state/node-power';
import { useClient } from '../client-context';
import { BanIcon, DrainIcon, PowerIcon, UnlockIcon } from '../icons';
import { accessibleName, nodeActionsFor, type NodeAction } from './node-actions';

const ICONS: Record<NodeAction['id'], (p: { className?: string }) => React.ReactNode> = {
  'power-off': PowerIcon,
  'power-on': PowerIcon,
  cordon: BanIcon,
  uncordon: UnlockIcon,
  drain: DrainIcon,
};

const STYLES: Record<NodeAction['id'], string> = {
  'power-off': 'border-rose-400/50 text-rose-200 hover:bg-rose-500/15',
  'power-on': 'border-emerald-400/60 text-emerald-200 hover:bg-emerald-500/15',
  cordon: 'border-amber-400/50 text-amber-200 hover:bg-amber-500/15',
  uncordon: 'border-amber-400/50 text-amber-200 hover:bg-amber-500/15',
  drain: 'border-slate-500 text-slate-200 hover:bg-slate-700',
};

/**
 * The node's actions as buttons named "Power off node-1", "Cordon node-1", … Each runs its kubectl
 * line through the command log, so the line and kubectl's answer appear on screen.
 */
export function NodeActionButtons({
  name,
  controlPlane,
  cordoned,
  size,
}: {
  name: string;
  controlPlane: boolean;
  cordoned: boolean;
  size: 'compact' | 'full';
}) {
  const client = useClient();
  const poweredOff = useNodePower((s) => s.poweredOff.has(name));
  const [busy, setBusy] = useState(false);
  const actions = nodeActionsFor({ name, controlPlane, cordoned, poweredOff });

  const run = async (action: NodeAction) => {
    setBusy(true);
    try {
      await runLogged(client, action.command(name));
    } finally {
      setBusy(false);
    }
  };

  const sizing = size === 'compact' ? 'gap-1 px-1.5 py-0.5 text-[10px]' : 'gap-1.5 px-2 py-1 text-xs';
  return (
    <div className={`flex ${size === 'compact' ? 'gap-1' : 'flex-wrap gap-1.5'}`}>
      {actions.map((action) => {
        const Icon = ICONS[action.id];
        return (
          <button
            key={action.id}
            type="button"
            aria-label={accessibleName(action, name)}
            title={`kubectl ${action.command(name)}\n${action.describe}`}
            disabled={busy}
            // The node box selects itself on click; a button press is not a selection.
            onClick={(event) => {
              event.stopPropagation();
              void run(action);
            }}
            className={`nodrag nopan flex shrink-0 items-center rounded border font-semibold leading-4 outline-none focus-visible:ring-2 focus-visible:ring-sky-400 disabled:opacity-50 ${sizing} ${STYLES[action.id]}`}
          >
            <Icon className={size === 'compact' ? 'size-3' : 'size-3.5'} />
            {action.label}
          </button>
        );
      })}
    </div>
  );
}
