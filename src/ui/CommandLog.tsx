import { useEffect, useRef } from 'react';
import { useTranslation } from '../i18n';
import { useCommandLog, type CommandEntry } from '../state/command-log';
import { AlertIcon, CheckCircleIcon, HourglassIcon, TerminalIcon, XIcon } from './icons';

function Entry({ entry }: { entry: CommandEntry }) {
  const { t } = useTranslation();
  const { result } = entry;
  const failed = result !== undefined && result.exitCode !== 0;
  const output = result ? `${result.stdout}${result.stderr}`.trimEnd() : '';
  return (
    <li className="flex items-start gap-2 py-0.5">
      {!result ? (
        <HourglassIcon className="mt-0.5 size-3.5 shrink-0 text-slate-400" />
      ) : failed ? (
        <AlertIcon className="mt-0.5 size-3.5 shrink-0 text-rose-400" />
      ) : (
        <CheckCircleIcon className="mt-0.5 size-3.5 shrink-0 text-emerald-400" />
      )}
      <div className="min-w-0 flex-1 font-mono text-xs leading-5">
        <code className="break-all text-sky-200">
          <span className="text-slate-400 select-none">$ </span>
          {entry.command}
        </code>
        {output && (
          <pre className={`text-[11px] leading-4 whitespace-pre-wrap ${failed ? 'text-rose-200' : 'text-slate-300'}`}>
            {failed && <span className="font-sans font-semibold">{t('commandLog.failed', { code: result?.exitCode })}</span>}
            {output}
          </pre>
        )}
      </div>
    </li>
  );
}

/**
 * The kubectl lines the buttons ran and what kubectl answered, docked under the graph so students
 * learn the command behind each button without it covering the cluster.
 */
export function CommandLog() {
  const { t } = useTranslation();
  const entries = useCommandLog((s) => s.entries);
  const clear = useCommandLog((s) => s.clear);
  const list = useRef<HTMLOListElement>(null);

  useEffect(() => {
    list.current?.lastElementChild?.scrollIntoView({ block: 'nearest' });
  }, [entries]);

  if (entries.length === 0) return null;
  return (
    <section aria-label={t('commandLog.title')} className="flex max-h-32 shrink-0 flex-col border-t border-slate-800 bg-slate-900 px-3 py-1.5">
      <header className="flex items-center gap-1.5">
        <TerminalIcon className="size-3.5 text-slate-400" />
        <h2 className="text-[11px] font-semibold tracking-wide text-slate-400 uppercase">{t('commandLog.title')}</h2>
        <button
          type="button"
          onClick={clear}
          className="ml-auto flex items-center gap-1 rounded px-1 text-[11px] text-slate-400 outline-none hover:text-slate-100 focus-visible:ring-2 focus-visible:ring-sky-400"
        >
          <XIcon className="size-3" />
          {t('commandLog.clear')}
        </button>
      </header>
      <ol ref={list} role="log" aria-label={t('commandLog.output')} className="min-h-0 overflow-y-auto">
        {entries.map((entry) => (
          <Entry key={entry.id} entry={entry} />
        ))}
      </ol>
    </section>
  );
}
