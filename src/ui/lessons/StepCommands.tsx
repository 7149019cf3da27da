import { useEffect, useState } from 'react';
import { useTranslation } from '../../i18n';
import { runLogged } from '../../state/command-log';
import { useClient } from '../client-context';
import { kubectlArgs, runsToCompletion } from './commands';

const button =
  'shrink-0 rounded border border-slate-700 px-1.5 py-0.5 text-[11px] text-slate-300 outline-none hover:bg-slate-800 hover:text-slate-100 focus-visible:ring-2 focus-visible:ring-sky-400';

function CommandRow({ command }: { command: string }) {
  const { t } = useTranslation();
  const client = useClient();
  const [copied, setCopied] = useState(false);
  const runnable = runsToCompletion(command);

  useEffect(() => {
    if (!copied) return;
    const timer = setTimeout(() => setCopied(false), 1500);
    return () => clearTimeout(timer);
  }, [copied]);

  const copy = () => {
    void navigator.clipboard?.writeText(command).then(
      () => setCopied(true),
      // Without clipboard permission the command stays on screen to select by hand.
      () => undefined,
    );
  };

  return (
    <li className="flex flex-col gap-1 rounded-md bg-slate-950/60 px-2 py-1.5">
      <code className="font-mono text-xs break-all text-sky-200">
        <span className="text-slate-400 select-none">$ </span>
        {command}
      </code>
      <div className="flex items-center gap-1.5">
        <button type="button" onClick={copy} aria-label={t('lessons.copyCommand', { command })} className={button}>
          {copied ? `✓ ${t('lessons.copied')}` : t('lessons.copy')}
        </button>
        {runnable ? (
          <button type="button" onClick={() => void runLogged(client, kubectlArgs(command))} aria-label={t('lessons.runCommand', { command })} className={button}>
            ▶ {t('lessons.run')}
          </button>
        ) : (
          <span className="text-[11px] text-slate-400">{t('lessons.watchHint')}</span>
        )}
      </div>
    </li>
  );
}

/** The step's suggested kubectl lines: copy any of them; run those that finish at once. */
export function StepCommands({ commands }: { commands: readonly string[] }) {
  const { t } = useTranslation();
  if (commands.length === 0) return null;
  return (
    <section aria-label={t('lessons.commands')} className="flex flex-col gap-1.5">
      <h4 className="text-[11px] font-semibold tracking-wide text-slate-400 uppercase">{t('lessons.commands')}</h4>
      <ul className="flex flex-col gap-1.5">
        {commands.map((command) => (
          <CommandRow key={command} command={command} />
        ))}
      </ul>
    </section>
  );
}
