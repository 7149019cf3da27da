/**
 * A claim's "Binding" section: the binding flow step by step, every step from what the cluster
 * recorded (the claim's events, the audit log's writes, and explainClaim as the worker saw it).
 * A step not reached yet shows as waiting; the flow advances as the worker's answers change.
 */
import { useMemo } from 'react';
import type { Event, PersistentVolumeClaim, Pod } from 'kubernetes-types/core/v1';
import { formatClock } from '../../state/age';
import { bindingFlow, type BindingStep, type StepState } from '../../state/binding-flow';
import { useClock } from '../../state/clock';
import { useCluster } from '../../state/cluster';
import { objectKey } from '../../state/objects';
import { podClaimKeys } from '../../state/storage';
import { useClient } from '../client-context';
import { Section } from './parts';
import { useRefreshed } from './use-refreshed';

/** Each state has a word and a mark, never a colour alone. */
const STATE: Record<StepState, { word: string; mark: string; border: string; text: string }> = {
  done: { word: 'done', mark: '✓', border: 'border-emerald-400/60', text: 'text-emerald-300' },
  waiting: { word: 'waiting', mark: '…', border: 'border-slate-500', text: 'text-slate-300' },
  failed: { word: 'stuck', mark: '!', border: 'border-amber-400/70', text: 'text-amber-300' },
};

function Step({ step, index }: { step: BindingStep; index: number }) {
  const state = STATE[step.state];
  return (
    <li aria-label={`Step ${index + 1}: ${step.title}, ${state.word}`} className="relative flex gap-2 pb-3">
      <span aria-hidden className={`flex size-5 shrink-0 items-center justify-center rounded-full border text-[11px] font-bold ${state.border} ${state.text}`}>
        {state.mark}
      </span>
      <div className="min-w-0 flex-1 text-xs">
        <div className="flex items-baseline gap-2">
          <span className="font-semibold text-slate-100">{`${index + 1}. ${step.title}`}</span>
          <span className={`text-[11px] ${state.text}`}>{state.word}</span>
          {step.time !== undefined && <span className="ml-auto shrink-0 font-mono text-slate-400">{formatClock(step.time)}</span>}
        </div>
        <p className="break-words text-slate-300">{step.summary}</p>
        {step.verdicts && step.verdicts.length > 0 && (
          <table aria-label="Candidate volumes" className="mt-1 w-full table-fixed text-[11px]">
            <thead>
              <tr className="text-left text-[10px] tracking-wide text-slate-400 uppercase">
                <th className="w-[38%] pb-0.5 font-medium">Volume</th>
                <th className="w-[16%] pb-0.5 font-medium">Fits</th>
                <th className="pb-0.5 font-medium">Why</th>
              </tr>
            </thead>
            <tbody>
              {step.verdicts.map((v) => (
                <tr key={v.volume} className="align-top">
                  <td className="pr-1 font-mono break-all text-slate-200">{v.volume}</td>
                  <td className={v.reason === 'chosen' ? 'font-semibold text-emerald-300' : v.fits ? 'text-slate-200' : 'text-slate-400'}>
                    {v.reason === 'chosen' ? 'chosen' : v.fits ? 'yes' : 'no'}
                  </td>
                  <td className="break-words text-slate-300">{v.message}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {step.verdicts?.length === 0 && <p className="text-[11px] text-slate-400">No PersistentVolume existed to consider.</p>}
        {step.entries.length > 0 && (
          <ol className="mt-1 flex flex-col gap-0.5">
            {step.entries.map((entry, i) => (
              <li key={i} className="flex gap-2 text-[11px]">
                <span className="w-14 shrink-0 font-mono text-slate-400">{entry.time !== undefined ? formatClock(entry.time) : ''}</span>
                <span className="min-w-0 break-words text-slate-300">
                  {entry.actor && <span className="font-mono text-violet-200">{entry.actor} </span>}
                  {entry.text}
                </span>
              </li>
            ))}
          </ol>
        )}
      </div>
    </li>
  );
}

export function ClaimBinding({ claim, events }: { claim: PersistentVolumeClaim; events: readonly Event[] }) {
  const client = useClient();
  const namespace = claim.metadata?.namespace ?? 'default';
  const name = claim.metadata?.name ?? '';
  const epoch = useClock((s) => s.epoch);
  const allPods = useCluster((s) => s.byKind.get('Pod'));
  const key = objectKey('PersistentVolumeClaim', namespace, name);
  const pods = useMemo(() => [...(allPods?.values() ?? [])].filter((p) => podClaimKeys(p as Pod).includes(key)) as unknown as Pod[], [allPods, key]);
  const binding = useRefreshed(() => client.claimBinding(namespace, name), key, claim.metadata?.resourceVersion);
  const steps = useMemo(() => bindingFlow({ claim, events, binding, pods, epoch }), [claim, events, binding, pods, epoch]);
  return (
    <Section title="Binding">
      <p className="mb-2 text-xs text-slate-400">
        How this claim got its volume, from the PV controller's and provisioner's own records: events, the audit log, and the binder's verdict on every
        volume. Times are on the cluster clock.
      </p>
      {binding?.error && <p className="mb-2 text-xs text-rose-300">Could not read the binding flow: {binding.error}</p>}
      <ol aria-label="Binding flow">
        {steps.map((step, i) => (
          <Step key={step.id} step={step} index={i} />
        ))}
      </ol>
    </Section>
  );
}
