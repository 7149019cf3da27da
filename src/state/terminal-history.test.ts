import { describe, expect, it } from 'vitest';
import { HISTORY_KEY, loadHistory, MAX_HISTORY, pushHistory, saveHistory, searchBackward } from './terminal-history';

function memoryStorage() {
  const items = new Map<string, string>();
  return { getItem: (k: string) => items.get(k) ?? null, setItem: (k: string, v: string) => void items.set(k, v), items };
}

describe('terminal history', () => {
  it('skips blank lines and a line repeated right after itself', () => {
    let h: string[] = [];
    for (const line of ['kubectl get pods', 'kubectl get pods', '  ', 'kubectl get deploy', 'kubectl get pods']) h = pushHistory(h, line);
    expect(h).toEqual(['kubectl get pods', 'kubectl get deploy', 'kubectl get pods']);
  });

  it('survives a reload through storage, keeping the newest entries', () => {
    const storage = memoryStorage();
    const many = Array.from({ length: MAX_HISTORY + 5 }, (_, i) => `kubectl get pod p${i}`);
    saveHistory(storage, many);
    const loaded = loadHistory(storage);
    expect(loaded).toHaveLength(MAX_HISTORY);
    expect(loaded.at(-1)).toBe(`kubectl get pod p${MAX_HISTORY + 4}`);
    storage.setItem(HISTORY_KEY, 'not json');
    expect(loadHistory(storage)).toEqual([]);
  });

  it('searches backwards from an entry, as Ctrl+R does', () => {
    const h = ['kubectl get pods', 'kubectl scale deploy web --replicas=3', 'kubectl get deploy'];
    expect(searchBackward(h, 'get')).toBe(2);
    expect(searchBackward(h, 'get', 2)).toBe(0);
    expect(searchBackward(h, 'scale', 1)).toBe(-1);
  });
});
