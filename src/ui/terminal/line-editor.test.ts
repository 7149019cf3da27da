import { describe, expect, it } from 'vitest';
import { LineEditor, renderLine } from './line-editor';

function typed(editor: LineEditor, ...keys: string[]) {
  return keys.map((k) => editor.input(k)).at(-1);
}

describe('the terminal line editor', () => {
  it('edits in the middle of the line and enters it', () => {
    const e = new LineEditor([]);
    typed(e, 'kubectl get pds', '\x1b[D', '\x1b[D', 'o');
    expect(e.line).toBe('kubectl get pods');
    expect(typed(e, '\x1b[F', '\x7f', '\r')).toEqual({ type: 'submit', line: 'kubectl get pod' });
  });

  it('walks history with ↑/↓ and gives back the draft', () => {
    const e = new LineEditor(['kubectl get pods', 'kubectl get deploy']);
    typed(e, 'kub', '\x1b[A');
    expect(e.line).toBe('kubectl get deploy');
    typed(e, '\x1b[A', '\x1b[A');
    expect(e.line).toBe('kubectl get pods');
    typed(e, '\x1b[B', '\x1b[B');
    expect(e.line).toBe('kub');
  });

  it('searches history backwards with Ctrl+R and runs the match with Enter', () => {
    const e = new LineEditor(['kubectl scale deploy web --replicas=3', 'kubectl get pods', 'kubectl scale deploy api --replicas=1']);
    typed(e, '\x12', 's', 'c', 'a');
    expect(e.view('$ ').text).toBe("(reverse-i-search)`sca': kubectl scale deploy api --replicas=1");
    typed(e, '\x12');
    expect(e.view('$ ').text).toBe("(reverse-i-search)`sca': kubectl scale deploy web --replicas=3");
    expect(typed(e, '\r')).toEqual({ type: 'submit', line: 'kubectl scale deploy web --replicas=3' });
  });

  it('reports Ctrl+C, Tab and Ctrl+L, deletes words with Ctrl+W and submits a pasted line', () => {
    const e = new LineEditor([]);
    expect(typed(e, '\x03')).toEqual({ type: 'interrupt' });
    expect(typed(e, '\t')).toEqual({ type: 'complete' });
    expect(typed(e, '\x0c')).toEqual({ type: 'clearScreen' });
    typed(e, 'kubectl get pods', '\x17');
    expect(e.line).toBe('kubectl get ');
    expect(typed(e, 'svc\nkubectl get pods')).toEqual({ type: 'submit', line: 'kubectl get svc' });
  });

  it('redraws a wrapped line from its first row and puts the cursor back', () => {
    expect(renderLine('$ kubectl', 9, 80, 0)).toEqual({ sequence: '\r\x1b[J$ kubectl\r\x1b[9C', row: 0 });
    // 12 characters on 10 columns: two rows; the cursor at 3 is on the first.
    expect(renderLine('$ abcdefghij', 3, 10, 1)).toEqual({ sequence: '\x1b[1A\r\x1b[J$ abcdefghij\x1b[1A\r\x1b[3C', row: 0 });
  });
});
