/**
 * The kubectl terminal docked under the graph, and the bar that opens it. xterm.js loads only when
 * the terminal is first opened, so the first screen does not wait for it.
 */
import { lazy, Suspense, useEffect } from 'react';
import { useTranslation } from '../../i18n';
import { TerminalIcon, XIcon } from '../icons';
import { useTerminalDock } from './dock-store';

const XtermTerminal = lazy(() => import('./XtermTerminal'));

/** Ctrl+` opens or closes the terminal, as in code editors. */
function useToggleShortcut(toggle: () => void) {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.ctrlKey && event.key === '`') {
        event.preventDefault();
        toggle();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [toggle]);
}

export function TerminalBar() {
  const { t } = useTranslation();
  const open = useTerminalDock((s) => s.open);
  const toggle = useTerminalDock((s) => s.toggle);
  useToggleShortcut(toggle);
  return (
    <div className="flex shrink-0 items-center gap-2 border-t border-slate-800 bg-slate-900 px-3 py-1">
      <button
        type="button"
        aria-pressed={open}
        aria-controls={open ? 'terminal-panel' : undefined}
        onClick={toggle}
        className="flex items-center gap-1.5 rounded px-1.5 py-0.5 text-xs font-semibold text-slate-300 outline-none hover:bg-slate-800 hover:text-slate-100 focus-visible:ring-2 focus-visible:ring-sky-400 aria-pressed:bg-slate-800 aria-pressed:text-sky-200"
      >
        <TerminalIcon className="size-3.5" />
        {t('terminal.title')}
      </button>
      <span className="text-[11px] text-slate-400">{t('terminal.hint')}</span>
    </div>
  );
}

export function TerminalPanel() {
  const { t } = useTranslation();
  const toggle = useTerminalDock((s) => s.toggle);
  return (
    <section id="terminal-panel" aria-label={t('terminal.title')} className="flex h-full min-h-0 flex-col bg-slate-950">
      <header className="flex items-center gap-1.5 border-b border-slate-800 bg-slate-900 px-3 py-1">
        <TerminalIcon className="size-3.5 text-slate-400" />
        <h2 className="text-[11px] font-semibold tracking-wide text-slate-400 uppercase">{t('terminal.title')}</h2>
        <button
          type="button"
          onClick={toggle}
          aria-label={t('terminal.close')}
          className="ml-auto rounded p-0.5 text-slate-400 outline-none hover:text-slate-100 focus-visible:ring-2 focus-visible:ring-sky-400"
        >
          <XIcon className="size-3.5" />
        </button>
      </header>
      <div className="min-h-0 flex-1">
        <Suspense fallback={<p className="p-3 font-mono text-xs text-slate-400">{t('terminal.loading')}</p>}>
          <XtermTerminal />
        </Suspense>
      </div>
    </section>
  );
}
