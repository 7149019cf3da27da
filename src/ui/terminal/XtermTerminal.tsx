/**
 * The terminal itself, loaded only when first opened: xterm.js with its fit addon, sized to the
 * panel, in a monospace font with the tabwriter's spacing intact. Copy: select and press Ctrl+C
 * (or Ctrl+Shift+C); paste: Ctrl+V or Ctrl+Shift+V.
 */
import { FitAddon } from '@xterm/addon-fit';
import { Terminal } from '@xterm/xterm';
import '@xterm/xterm/css/xterm.css';
import { useEffect, useRef } from 'react';
import { useClient } from '../client-context';
import { useTerminalDock } from './dock-store';
import { TerminalSession } from './session';

export default function XtermTerminal() {
  const client = useClient();
  const container = useRef<HTMLDivElement>(null);
  const terminal = useRef<Terminal | null>(null);
  const focusRequest = useTerminalDock((s) => s.focusRequest);

  useEffect(() => {
    const element = container.current;
    if (!element) return;
    const term = new Terminal({
      convertEol: true,
      cursorBlink: true,
      fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, "Liberation Mono", monospace',
      fontSize: 13,
      scrollback: 5000,
      theme: { background: '#020617', foreground: '#e2e8f0', cursor: '#38bdf8', selectionBackground: '#334155' },
    });
    const fit = new FitAddon();
    term.loadAddon(fit);
    term.open(element);
    fit.fit();
    const session = new TerminalSession({ write: (text) => term.write(text), get cols() { return term.cols; }, clear: () => term.clear() }, client);
    term.attachCustomKeyEventHandler((event) => {
      if (event.type !== 'keydown') return true;
      const key = event.key.toLowerCase();
      // With a selection, Ctrl+C copies instead of interrupting, as in most terminal apps.
      if ((event.ctrlKey || event.metaKey) && key === 'c' && (event.shiftKey || term.hasSelection())) {
        void navigator.clipboard?.writeText(term.getSelection());
        return false;
      }
      // Leave Ctrl+V to the browser, whose paste event xterm turns into input.
      if ((event.ctrlKey || event.metaKey) && key === 'v') return false;
      return true;
    });
    const input = term.onData((data) => session.input(data));
    const observer = new ResizeObserver(() => {
      fit.fit();
      session.resized();
    });
    observer.observe(element);
    terminal.current = term;
    term.focus();
    return () => {
      observer.disconnect();
      input.dispose();
      term.dispose();
      terminal.current = null;
    };
  }, [client]);

  useEffect(() => {
    terminal.current?.focus();
  }, [focusRequest]);

  return <div ref={container} className="h-full w-full overflow-hidden bg-slate-950 px-2 py-1" />;
}
