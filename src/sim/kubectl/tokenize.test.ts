import { describe, expect, it } from 'vitest';
import { tokenize, TokenizeError } from './tokenize';

describe('tokenize (shell words)', () => {
  it('splits on blanks', () => {
    expect(tokenize('  kubectl get   pods\t-o wide ')).toEqual(['kubectl', 'get', 'pods', '-o', 'wide']);
  });

  it('keeps single-quoted text literally', () => {
    expect(tokenize(`get pods -l 'app in (a, b)'`)).toEqual(['get', 'pods', '-l', 'app in (a, b)']);
    expect(tokenize(`echo 'a\\b "c"'`)).toEqual(['echo', 'a\\b "c"']);
  });

  it('honours escapes inside double quotes', () => {
    expect(tokenize('x "say \\"hi\\" \\\\ \\$HOME \\n"')).toEqual(['x', 'say "hi" \\ $HOME \\n']);
  });

  it('joins adjacent quoted and unquoted parts into one word', () => {
    expect(tokenize(`--selector='app=web'`)).toEqual(['--selector=app=web']);
    expect(tokenize(`a"b c"'d'e`)).toEqual(['ab cde']);
  });

  it('keeps empty quoted words', () => {
    expect(tokenize(`get "" ''`)).toEqual(['get', '', '']);
  });

  it('escapes the next character outside quotes', () => {
    expect(tokenize('a\\ b c')).toEqual(['a b', 'c']);
  });

  it('rejects an unterminated quote as bash does', () => {
    expect(() => tokenize('get "pods')).toThrow(TokenizeError);
    expect(() => tokenize("get 'pods")).toThrow("unexpected EOF while looking for matching `''");
  });
});
