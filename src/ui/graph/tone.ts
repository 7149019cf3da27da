import type { StatusTone } from '../../state/pod-status';

/** Tailwind classes per status colour family; each is paired with an icon and the STATUS text. */
export const TONE_CLASSES: Record<StatusTone, { chip: string; text: string; icon: string }> = {
  ready: { chip: 'border-emerald-500/60 bg-emerald-950', text: 'text-emerald-300', icon: 'text-emerald-300' },
  progress: { chip: 'border-amber-400/60 bg-amber-950', text: 'text-amber-300', icon: 'text-amber-300' },
  failed: { chip: 'border-rose-500/70 bg-rose-950', text: 'text-rose-300', icon: 'text-rose-300' },
  terminating: { chip: 'border-slate-600 bg-slate-800', text: 'text-slate-400 line-through', icon: 'text-slate-400' },
  completed: { chip: 'border-sky-500/60 bg-sky-950', text: 'text-sky-300', icon: 'text-sky-300' },
};
