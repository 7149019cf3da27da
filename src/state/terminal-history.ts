/**
 * The terminal's command history as bash keeps it: newest last, a line repeated right after
 * itself stored once, blank lines not at all, kept across reloads in localStorage.
 */

export const HISTORY_KEY = 'kubesim.terminal.history';
/** bash's default HISTSIZE. */
export const MAX_HISTORY = 500;

type Storage = Pick<globalThis.Storage, 'getItem' | 'setItem'>;

export function loadHistory(storage: Storage | undefined): string[] {
  try {
    const parsed: unknown = JSON.parse(storage?.getItem(HISTORY_KEY) ?? '[]');
    return Array.isArray(parsed) ? parsed.filter((l): l is string => typeof l === 'string').slice(-MAX_HISTORY) : [];
  } catch {
    return [];
  }
}

export function saveHistory(storage: Storage | undefined, history: readonly string[]): void {
  try {
    storage?.setItem(HISTORY_KEY, JSON.stringify(history.slice(-MAX_HISTORY)));
  } catch {
    // A full or disabled storage only costs the history of the next visit.
  }
}

/** The history after running `line`. */
export function pushHistory(history: readonly string[], line: string): string[] {
  if (!line.trim() || history.at(-1) === line) return [...history];
  return [...history, line].slice(-MAX_HISTORY);
}

/** Ctrl+R: the newest entry before index `before` that contains `query`, or -1. */
export function searchBackward(history: readonly string[], query: string, before = history.length): number {
  for (let i = Math.min(before, history.length) - 1; i >= 0; i--) if (history[i].includes(query)) return i;
  return -1;
}
