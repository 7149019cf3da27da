/**
 * One terminal session: the prompt, line editing, history, completion and the commands run. It
 * drives any screen with xterm's small surface (write, columns, clear), so it holds no DOM.
 * `kubectl …` lines go to the simulated cluster; `clear` and `history` are the shell's own.
 */
import type { KubectlRun, SimClient } from '../../state/client';
import { useCluster } from '../../state/cluster';
import { complete, parseHelp, parseVerbs, type CompletionSource, type HelpInfo } from '../../state/terminal-completion';
import { useTerminalEdit } from '../../state/terminal-edit';
import { loadHistory, pushHistory, saveHistory } from '../../state/terminal-history';
import { LineEditor, renderLine } from './line-editor';

export const PROMPT = '$ ';

export interface Screen {
  write(text: string): void;
  readonly cols: number;
  clear(): void;
}

const GREETING =
  'kubectl v1.32 against the simulated cluster. Tab completes, ↑/↓ and Ctrl+R recall, Ctrl+C stops a command, `clear` clears.\r\n';

/** The words of a line as a shell splits them, closely enough to recognise `kubectl edit`. */
const words = (line: string) => line.trim().split(/\s+/);

function storage(): Storage | undefined {
  try {
    return globalThis.localStorage;
  } catch {
    return undefined;
  }
}

export class TerminalSession {
  private history = loadHistory(storage());
  private readonly editor = new LineEditor(this.history);
  /** The row of the line being edited that the cursor is on. */
  private row = 0;
  private running: KubectlRun | undefined;
  private completing = false;
  /** A line is being run; keys typed meanwhile are kept for after. */
  private busy = false;
  private readonly typeahead: string[] = [];
  private readonly helpCache = new Map<string, Promise<HelpInfo>>();
  private verbCache: Promise<string[]> | undefined;

  constructor(
    private readonly screen: Screen,
    private readonly client: SimClient,
  ) {
    screen.write(GREETING);
    this.redraw();
  }

  /** What xterm reports as typed or pasted. */
  input(data: string): void {
    if (this.running && data === '\x03') {
      this.screen.write('^C\r\n');
      this.running.stop();
      return;
    }
    // Keys typed while a command runs or a completion is looked up wait their turn, as a tty buffers them.
    if (this.busy || this.completing || this.typeahead.length) {
      this.typeahead.push(data);
      if (!this.busy && !this.completing) this.drain();
      return;
    }
    this.handle(data);
  }

  /** Replays the keys typed ahead, until one starts a command or a completion again. */
  private drain(): void {
    while (this.typeahead.length && !this.busy && !this.completing) this.handle(this.typeahead.shift()!);
  }

  private handle(data: string): void {
    const effect = this.editor.input(data);
    switch (effect.type) {
      case 'changed':
        this.redraw();
        return;
      case 'submit':
        this.leaveLine();
        void this.run(effect.line);
        return;
      case 'interrupt':
        this.leaveLine('^C');
        this.editor.reset(this.history);
        this.redraw();
        return;
      case 'clearScreen':
        this.screen.clear();
        this.row = 0;
        this.redraw();
        return;
      case 'complete':
        void this.complete();
        return;
      case 'none':
        return;
    }
  }

  /** Redraws the line after the terminal was resized. */
  resized(): void {
    if (!this.busy) this.redraw();
  }

  private redraw(): void {
    const view = this.editor.view(PROMPT);
    const { sequence, row } = renderLine(view.text, view.cursor, Math.max(this.screen.cols, 1), this.row);
    this.screen.write(sequence);
    this.row = row;
  }

  /** Moves below the edited line (with `suffix` after it, as ^C) so output starts on a fresh row. */
  private leaveLine(suffix = ''): void {
    const view = this.editor.view(PROMPT);
    const end = renderLine(view.text, view.text.length, Math.max(this.screen.cols, 1), this.row);
    this.screen.write(`${end.sequence}${suffix}\r\n`);
    this.row = 0;
  }

  private async run(line: string): Promise<void> {
    this.busy = true;
    this.history = pushHistory(this.history, line);
    saveHistory(storage(), this.history);
    const [command, verb] = words(line);
    if (command === 'clear') this.screen.clear();
    else if (command === 'history') this.history.forEach((entry, i) => this.screen.write(`${String(i + 1).padStart(5)}  ${entry}\r\n`));
    else if (command === 'kubectl') await (verb === 'edit' ? this.edit(line) : this.kubectl(line));
    else if (command) this.screen.write(`bash: ${command}: command not found\r\n`);
    this.busy = false;
    this.editor.reset(this.history);
    this.redraw();
    this.drain();
  }

  private async kubectl(line: string): Promise<void> {
    const run = this.client.kubectlStream(line, (stdout, stderr) => this.screen.write(stdout + stderr));
    this.running = run;
    try {
      const result = await run.done;
      this.screen.write(result.stdout + result.stderr);
    } finally {
      this.running = undefined;
    }
  }

  /**
   * `kubectl edit TYPE NAME`: kubectl opens $EDITOR on the object's YAML; here the editor panel
   * gets it, and its Apply sends the change.
   */
  private async edit(line: string): Promise<void> {
    const result = await this.client.kubectl(`${line.replace(/\bedit\b/, 'get')} -o yaml`);
    if (result.exitCode !== 0) {
      this.screen.write(result.stdout + result.stderr);
      return;
    }
    const kind = /^kind: (\S+)$/m.exec(result.stdout)?.[1] ?? 'object';
    const name = /^ {2}name: (\S+)$/m.exec(result.stdout)?.[1] ?? '';
    const title = `${kind.toLowerCase()}/${name}`;
    useTerminalEdit.getState().open(title, result.stdout);
    this.screen.write(`Opened ${title} in the editor: change it there and press Apply (kubectl edit saves it the same way).\r\n`);
  }

  private async complete(): Promise<void> {
    this.completing = true;
    try {
      const result = await complete(this.editor.line, this.editor.cursor, this.source);
      if (result.listing.length > 0) {
        this.leaveLine();
        this.screen.write(`${columns(result.listing, this.screen.cols)}`);
      }
      this.editor.set(result.line, result.cursor);
      this.redraw();
    } finally {
      this.completing = false;
    }
    this.drain();
  }

  private readonly source: CompletionSource = {
    verbs: () => (this.verbCache ??= this.client.kubectl('kubectl --help').then((r) => parseVerbs(r.stdout))),
    help: (path) => {
      let cached = this.helpCache.get(path);
      if (!cached) {
        cached = this.client.kubectl(`kubectl ${path} --help`).then((r) => parseHelp(r.exitCode === 0 ? r.stdout : ''));
        this.helpCache.set(path, cached);
      }
      return cached;
    },
    names: (kind, namespace) =>
      [...(useCluster.getState().byKind.get(kind)?.values() ?? [])]
        .filter((o) => !o.metadata.namespace || o.metadata.namespace === namespace)
        .map((o) => o.metadata.name ?? ''),
    namespaces: () => [...(useCluster.getState().byKind.get('Namespace')?.values() ?? [])].map((o) => o.metadata.name ?? ''),
  };
}

/** Candidates laid out in columns across the terminal's width, as bash lists them. */
function columns(items: readonly string[], width: number): string {
  const cell = Math.max(...items.map((i) => i.length)) + 2;
  const perRow = Math.max(1, Math.floor(width / cell));
  let text = '';
  for (let i = 0; i < items.length; i += perRow) {
    const row = items.slice(i, i + perRow);
    text += `${row.map((item, j) => (j < row.length - 1 ? item.padEnd(cell) : item)).join('')}\r\n`;
  }
  return text;
}
