/**
 * Splits a command line into words the way a POSIX shell would before kubectl sees them:
 * blanks separate words, single quotes keep everything literally, double quotes keep blanks
 * and honour \" \\ \$ \` escapes, and a backslash outside quotes escapes the next character.
 * Adjacent quoted and unquoted parts join into one word (--selector='app=web'  →  --selector=app=web).
 */

export class TokenizeError extends Error {}

export function tokenize(line: string): string[] {
  const words: string[] = [];
  let word = '';
  let inWord = false;
  let i = 0;
  const end = () => {
    if (inWord) words.push(word);
    word = '';
    inWord = false;
  };
  while (i < line.length) {
    const ch = line[i];
    if (ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r') {
      end();
      i++;
    } else if (ch === "'") {
      const close = line.indexOf("'", i + 1);
      if (close < 0) throw new TokenizeError('unexpected EOF while looking for matching `\'\'');
      word += line.slice(i + 1, close);
      inWord = true;
      i = close + 1;
    } else if (ch === '"') {
      i++;
      inWord = true;
      for (;;) {
        if (i >= line.length) throw new TokenizeError('unexpected EOF while looking for matching `"\'');
        const c = line[i];
        if (c === '"') {
          i++;
          break;
        }
        if (c === '\\' && i + 1 < line.length && '"\\$`'.includes(line[i + 1])) {
          word += line[i + 1];
          i += 2;
        } else {
          word += c;
          i++;
        }
      }
    } else if (ch === '\\') {
      if (i + 1 < line.length) word += line[i + 1];
      inWord = true;
      i += 2;
    } else {
      word += ch;
      inWord = true;
      i++;
    }
  }
  end();
  return words;
}
