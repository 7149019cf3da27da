/**
 * The terminal's line editing, readline-style, as data in and effects out: it takes what xterm
 * reports as typed (characters, escape sequences, control keys) and says what happened — the line
 * changed, a line was entered, Ctrl+C, Tab, Ctrl+L. Drawing is `renderLine`'s job.
 */
import { searchBackward } from '../../state/terminal-history';

export type Effect =
  | { type: 'changed' }
  | { type: 'submit'; line: string }
  | { type: 'interrupt' }
  | { type: 'complete' }
  | { type: 'clearScreen' }
  | { type: 'none' };

interface Search {
  query: string;
  /** The history entry shown, or -1 when nothing matches. */
  index: number;
}

/** Text with no control characters (C0 or DEL). */
const isPrintable = (text: string) => [...text].every((ch) => ch >= ' ' && ch !== '\x7f');

export class LineEditor {
  line = '';
  cursor = 0;
  /** Ctrl+R's state while searching. */
  search: Search | undefined;
  /** Which history entry ↑/↓ show; history.length is the line being typed. */
  private position: number;
  private draft = '';

  constructor(private history: readonly string[]) {
    this.position = history.length;
  }

  /** Starts a fresh line after one was entered. */
  reset(history: readonly string[]): void {
    this.history = history;
    this.position = history.length;
    this.line = '';
    this.cursor = 0;
    this.search = undefined;
  }

  /** Replaces the line (after a completion). */
  set(line: string, cursor: number): void {
    this.line = line;
    this.cursor = cursor;
  }

  /** One chunk from xterm's onData: a key, an escape sequence, or pasted text. */
  input(data: string): Effect {
    if (this.search) return this.searchInput(data);
    switch (data) {
      case '\r':
        return { type: 'submit', line: this.line };
      case '\x03':
        return { type: 'interrupt' };
      case '\t':
        return { type: 'complete' };
      case '\x0c':
        return { type: 'clearScreen' };
      case '\x12':
        this.search = { query: '', index: -1 };
        return { type: 'changed' };
      case '\x7f':
      case '\b':
        if (this.cursor === 0) return { type: 'none' };
        this.line = this.line.slice(0, this.cursor - 1) + this.line.slice(this.cursor);
        this.cursor--;
        return { type: 'changed' };
      case '\x1b[3~':
      case '\x04':
        if (this.cursor === this.line.length) return { type: 'none' };
        this.line = this.line.slice(0, this.cursor) + this.line.slice(this.cursor + 1);
        return { type: 'changed' };
      case '\x1b[D':
      case '\x02':
        return this.moveTo(this.cursor - 1);
      case '\x1b[C':
      case '\x06':
        return this.moveTo(this.cursor + 1);
      case '\x1b[H':
      case '\x1bOH':
      case '\x01':
        return this.moveTo(0);
      case '\x1b[F':
      case '\x1bOF':
      case '\x05':
        return this.moveTo(this.line.length);
      case '\x1b[1;5D':
      case '\x1bb':
        return this.moveTo(this.line.slice(0, this.cursor).search(/\S+\s*$/) === -1 ? 0 : this.line.slice(0, this.cursor).search(/\S+\s*$/));
      case '\x1b[1;5C':
      case '\x1bf': {
        const rest = /^\s*\S+/.exec(this.line.slice(this.cursor));
        return this.moveTo(this.cursor + (rest ? rest[0].length : this.line.length - this.cursor));
      }
      case '\x15':
        this.line = this.line.slice(this.cursor);
        this.cursor = 0;
        return { type: 'changed' };
      case '\x0b':
        this.line = this.line.slice(0, this.cursor);
        return { type: 'changed' };
      case '\x17': {
        const start = this.line.slice(0, this.cursor).search(/\S+\s*$/);
        const from = start === -1 ? 0 : start;
        this.line = this.line.slice(0, from) + this.line.slice(this.cursor);
        this.cursor = from;
        return { type: 'changed' };
      }
      case '\x1b[A':
      case '\x10':
        return this.recall(this.position - 1);
      case '\x1b[B':
      case '\x0e':
        return this.recall(this.position + 1);
    }
    if (data.startsWith('\x1b')) return { type: 'none' };
    return this.paste(data);
  }

  /** Typed or pasted text: a pasted line break enters the line, as a shell does. */
  private paste(data: string): Effect {
    const newline = data.search(/\r\n|\r|\n/);
    const text = (newline >= 0 ? data.slice(0, newline) : data).replace(/\t/g, ' ');
    if (!isPrintable(text)) return { type: 'none' };
    this.line = this.line.slice(0, this.cursor) + text + this.line.slice(this.cursor);
    this.cursor += text.length;
    return newline >= 0 ? { type: 'submit', line: this.line } : { type: 'changed' };
  }

  private moveTo(cursor: number): Effect {
    const next = Math.max(0, Math.min(this.line.length, cursor));
    if (next === this.cursor) return { type: 'none' };
    this.cursor = next;
    return { type: 'changed' };
  }

  /** ↑/↓: the history entry at `position`, the typed draft kept below the newest. */
  private recall(position: number): Effect {
    if (position < 0 || position > this.history.length) return { type: 'none' };
    if (this.position === this.history.length) this.draft = this.line;
    this.position = position;
    this.line = position === this.history.length ? this.draft : this.history[position];
    this.cursor = this.line.length;
    return { type: 'changed' };
  }

  /** Keys during Ctrl+R: type to search, Ctrl+R for older matches, Enter runs, Ctrl+C/Ctrl+G cancel, anything else edits the match. */
  private searchInput(data: string): Effect {
    const search = this.search!;
    const find = (query: string, before?: number) => {
      const index = searchBackward(this.history, query, before);
      this.search = { query, index: index >= 0 || !query ? index : search.index };
    };
    if (data === '\x12') {
      if (search.index > 0) find(search.query, search.index);
      return { type: 'changed' };
    }
    if (data === '\x03' || data === '\x07') {
      this.search = undefined;
      return { type: 'changed' };
    }
    if (data === '\x7f' || data === '\b') {
      find(search.query.slice(0, -1));
      return { type: 'changed' };
    }
    if (isPrintable(data)) {
      find(search.query + data);
      return { type: 'changed' };
    }
    // Leaving the search keeps the match on the line, then the key does its usual work.
    if (search.index >= 0) {
      this.line = this.history[search.index];
      this.cursor = this.line.length;
      this.position = search.index;
    }
    this.search = undefined;
    return data === '\x1b' ? { type: 'changed' } : this.input(data);
  }

  /** What the line shows: the prompt and text, or the reverse search. */
  view(prompt: string): { text: string; cursor: number } {
    if (!this.search) return { text: prompt + this.line, cursor: prompt.length + this.cursor };
    const match = this.search.index >= 0 ? this.history[this.search.index] : '';
    const failed = this.search.query && this.search.index < 0 ? 'failing ' : '';
    const label = `(${failed}reverse-i-search)\`${this.search.query}': `;
    return { text: label + match, cursor: label.length - 3 };
  }
}

/**
 * The escape sequence that redraws an edited line that may wrap: back to the row it starts on,
 * clear to the end of the screen, write it, and put the cursor where it belongs. `previousRow` is
 * the row (from the line's first) the cursor was on; returns the row it ends on.
 */
export function renderLine(text: string, cursor: number, columns: number, previousRow: number): { sequence: string; row: number } {
  let sequence = previousRow > 0 ? `\x1b[${previousRow}A` : '';
  sequence += `\r\x1b[J${text}`;
  // xterm holds the cursor at the last column after a full row; a space and \r move it to the next row.
  if (text.length > 0 && text.length % columns === 0) sequence += ' \r';
  const endRow = Math.floor(text.length / columns);
  const row = Math.floor(cursor / columns);
  const column = cursor % columns;
  if (endRow > row) sequence += `\x1b[${endRow - row}A`;
  sequence += '\r';
  if (column > 0) sequence += `\x1b[${column}C`;
  return { sequence, row };
}
