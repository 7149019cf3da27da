/**
 * A port of Go's text/tabwriter (space padding, no flags), which kubectl uses for every table
 * and for describe. Cells are tab-terminated; the text after a line's last tab is not part of a
 * column. A column's width is set per block of consecutive lines that have a cell in it, so one
 * short line splits a table into independently aligned blocks, exactly as Go does.
 */

export interface TabwriterOptions {
  /** Minimal cell width including padding. */
  minWidth: number;
  /** Spaces added to the widest cell of a column. */
  padding: number;
}

/** printers.GetNewTabWriter: what `kubectl get` tables use. */
export const TABLE_TABWRITER: TabwriterOptions = { minWidth: 6, padding: 3 };
/** describe's tabbedString: tabwriter.Init(buf, 0, 8, 2, ' ', 0). */
export const DESCRIBE_TABWRITER: TabwriterOptions = { minWidth: 0, padding: 2 };

interface Cell {
  text: string;
  /** Width in runes, as Go counts it. */
  width: number;
}

const runeCount = (s: string): number => [...s].length;

export class TabWriter {
  private pending = '';
  private output = '';

  constructor(private readonly options: TabwriterOptions) {}

  write(text: string): void {
    this.pending += text;
  }

  /** Formats everything written so far; later text aligns independently, as after Go's Flush. */
  flush(): void {
    if (!this.pending) return;
    this.output += formatBlock(this.pending, this.options);
    this.pending = '';
  }

  toString(): string {
    this.flush();
    return this.output;
  }
}

function formatBlock(text: string, options: TabwriterOptions): string {
  const lines: Cell[][] = text.split('\n').map((line) => line.split('\t').map((cell) => ({ text: cell, width: runeCount(cell) })));
  const widths: number[] = [];
  let out = '';

  const writeLines = (line0: number, line1: number): void => {
    for (let i = line0; i < line1; i++) {
      const line = lines[i];
      line.forEach((cell, j) => {
        out += cell.text;
        if (j < widths.length) out += ' '.repeat(widths[j] - cell.width);
      });
      // The text after the final newline is an unterminated line: no newline of its own.
      if (i + 1 < lines.length) out += '\n';
    }
  };

  const format = (start: number, line1: number): void => {
    let line0 = start;
    const column = widths.length;
    for (let current = line0; current < line1; current++) {
      if (column >= lines[current].length - 1) continue;
      // A cell exists in this column: print the lines before the block, then size the block.
      writeLines(line0, current);
      line0 = current;
      let width = options.minWidth;
      for (; current < line1; current++) {
        const line = lines[current];
        if (column >= line.length - 1) break;
        width = Math.max(width, line[column].width + options.padding);
      }
      widths.push(width);
      format(line0, current);
      widths.pop();
      line0 = current;
    }
    writeLines(line0, line1);
  };

  format(0, lines.length);
  return out;
}

/** Aligns `text` in one go. */
export function tabify(text: string, options: TabwriterOptions): string {
  const w = new TabWriter(options);
  w.write(text);
  return w.toString();
}
