/**
 * `-o yaml` as kubectl prints it. kubectl marshals objects with sigs.k8s.io/yaml: JSON, then
 * go-yaml v2, so keys come out sorted (go-yaml's natural order), sequences in a mapping are not
 * indented, and scalars follow go-yaml's quoting and its folding of long strings at column 80.
 * js-yaml cannot fold plain or quoted scalars the way go-yaml does, so this is a small port of
 * go-yaml's emitter (emitterc.go) for JSON data, checked against the kubectl binary in tests.
 */

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const BEST_INDENT = 2;
const BEST_WIDTH = 80;

/** The value as JSON would carry it: undefined fields dropped, as json.Marshal omits them. */
export function toJsonData(value: unknown): Json {
  return value === undefined ? null : (JSON.parse(JSON.stringify(value)) as Json);
}

/** go-yaml's keyList.Less: letters sort after other runes, and digit runs compare as numbers. */
export function goYamlKeyLess(a: string, b: string): boolean {
  const ar = [...a];
  const br = [...b];
  const isLetter = (r: string) => /\p{L}/u.test(r);
  const isDigit = (r: string | undefined) => r !== undefined && /\p{Nd}/u.test(r);
  for (let i = 0; i < ar.length && i < br.length; i++) {
    if (ar[i] === br[i]) continue;
    const al = isLetter(ar[i]);
    const bl = isLetter(br[i]);
    if (al && bl) return ar[i] < br[i];
    if (al || bl) return bl;
    let an = 0;
    let bn = 0;
    if (ar[i] === '0' || br[i] === '0') {
      for (let j = i - 1; j >= 0 && isDigit(ar[j]); j--) {
        if (ar[j] !== '0') {
          an = 1;
          bn = 1;
          break;
        }
      }
    }
    let ai = i;
    let bi = i;
    for (; ai < ar.length && isDigit(ar[ai]); ai++) an = an * 10 + Number(ar[ai]);
    for (; bi < br.length && isDigit(br[bi]); bi++) bn = bn * 10 + Number(br[bi]);
    if (an !== bn) return an < bn;
    if (ai !== bi) return ai < bi;
    return ar[i] < br[i];
  }
  return ar.length < br.length;
}

const sortKeys = (keys: string[]) => keys.sort((a, b) => (goYamlKeyLess(a, b) ? -1 : goYamlKeyLess(b, a) ? 1 : 0));

const YAML11_NON_STRINGS = new Set([
  'y', 'Y', 'yes', 'Yes', 'YES', 'true', 'True', 'TRUE', 'on', 'On', 'ON',
  'n', 'N', 'no', 'No', 'NO', 'false', 'False', 'FALSE', 'off', 'Off', 'OFF',
  '', '~', 'null', 'Null', 'NULL',
  '.nan', '.NaN', '.NAN', '.inf', '.Inf', '.INF', '+.inf', '+.Inf', '+.INF', '-.inf', '-.Inf', '-.INF',
]);
const YAML_STYLE_FLOAT = /^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/;
const BASE60_FLOAT = /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?$/;
const GO_INT = /^[-+]?(0[xX][0-9a-fA-F]+|0[oO][0-7]+|0[bB][01]+|0[0-7]*|[1-9][0-9]*)$/;
const TIMESTAMP = [
  /^\d{4}-\d{1,2}-\d{1,2}[Tt]\d{1,2}:\d{1,2}:\d{1,2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/,
  /^\d{4}-\d{1,2}-\d{1,2} \d{1,2}:\d{1,2}:\d{1,2}(\.\d+)?$/,
  /^\d{4}-\d{1,2}-\d{1,2}$/,
];

/** Whether go-yaml's resolve() would read the unquoted text as something other than a string. */
function resolvesToNonString(s: string): boolean {
  if (YAML11_NON_STRINGS.has(s)) return true;
  const hint = s[0];
  if (hint === '.') return YAML_STYLE_FLOAT.test(s);
  if (hint !== '+' && hint !== '-' && !(hint >= '0' && hint <= '9')) return false;
  if (TIMESTAMP.some((re) => re.test(s))) return true;
  const plain = s.replace(/_/g, '');
  return GO_INT.test(plain) || YAML_STYLE_FLOAT.test(plain) || /^[-+]?0b[01]+$/.test(plain);
}

interface ScalarAnalysis {
  multiline: boolean;
  blockPlainAllowed: boolean;
  singleQuotedAllowed: boolean;
  blockAllowed: boolean;
}

const isBreakChar = (c: string) => c === '\r' || c === '\n' || c === '\u0085' || c === '\u2028' || c === '\u2029';
/** is_blank: a space or a tab; the end of the text counts too where go-yaml asks "followed by". */
const isBlankOrEnd = (c: string | undefined) => c === undefined || c === ' ' || c === '\t';
/** is_blankz: blank, line break or NUL. */
const isBlankz = (c: string) => c === ' ' || c === '\t' || c === '\0' || isBreakChar(c);

/**
 * go-yaml's is_printable, which tests UTF-8 bytes: it admits the BMP from U+00A0 except
 * surrogates and U+FEFF, but not NEL nor anything beyond the BMP (emoji get \U escapes).
 */
function isPrintable(c: string): boolean {
  const code = c.codePointAt(0)!;
  return code === 0x0a || (code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xd7ff) || (code >= 0xe000 && code <= 0xfffd && code !== 0xfeff);
}

/** yaml_emitter_analyze_scalar (block context only: kubectl never emits flow collections with content). */
function analyzeScalar(value: string): ScalarAnalysis {
  if (value.length === 0) return { multiline: false, blockPlainAllowed: true, singleQuotedAllowed: true, blockAllowed: false };
  const runes = [...value];
  let blockIndicators = value.startsWith('---') || value.startsWith('...');
  let lineBreaks = false;
  let special = false;
  let leadingSpace = false;
  let leadingBreak = false;
  let trailingSpace = false;
  let trailingBreak = false;
  let breakSpace = false;
  let spaceBreak = false;
  let precededByWhitespace = true;
  let previousSpace = false;
  let previousBreak = false;
  runes.forEach((c, i) => {
    const followedByWhitespace = isBlankOrEnd(runes[i + 1]);
    if (i === 0) {
      if ('#,[]{}&*!|>\'"%@`'.includes(c)) blockIndicators = true;
      else if ((c === '?' || c === ':' || c === '-') && followedByWhitespace) blockIndicators = true;
    } else if (c === ':' && followedByWhitespace) blockIndicators = true;
    else if (c === '#' && precededByWhitespace) blockIndicators = true;
    if (!isPrintable(c)) special = true;
    if (c === ' ') {
      if (i === 0) leadingSpace = true;
      if (i === runes.length - 1) trailingSpace = true;
      if (previousBreak) breakSpace = true;
      previousSpace = true;
      previousBreak = false;
    } else if (isBreakChar(c)) {
      lineBreaks = true;
      if (i === 0) leadingBreak = true;
      if (i === runes.length - 1) trailingBreak = true;
      if (previousSpace) spaceBreak = true;
      previousSpace = false;
      previousBreak = true;
    } else {
      previousSpace = false;
      previousBreak = false;
    }
    precededByWhitespace = isBlankz(c);
  });
  const result: ScalarAnalysis = { multiline: lineBreaks, blockPlainAllowed: true, singleQuotedAllowed: true, blockAllowed: true };
  if (leadingSpace || leadingBreak || trailingSpace || trailingBreak) result.blockPlainAllowed = false;
  if (trailingSpace) result.blockAllowed = false;
  if (breakSpace) {
    result.blockPlainAllowed = false;
    result.singleQuotedAllowed = false;
  }
  if (spaceBreak || special) {
    result.blockPlainAllowed = false;
    result.singleQuotedAllowed = false;
    result.blockAllowed = false;
  }
  if (lineBreaks) result.blockPlainAllowed = false;
  if (blockIndicators) result.blockPlainAllowed = false;
  return result;
}

type Style = 'plain' | 'single' | 'double' | 'literal';

/** The emitter's state, as in yaml_emitter_t. */
class Emitter {
  out = '';
  column = 0;
  indent = -1;
  private indents: number[] = [];
  whitespace = true;
  indention = true;

  put(text: string): void {
    this.out += text;
    this.column += [...text].length;
  }

  putBreak(): void {
    this.out += '\n';
    this.column = 0;
  }

  increaseIndent(flow: boolean, indentless: boolean): void {
    this.indents.push(this.indent);
    if (this.indent < 0) this.indent = flow ? BEST_INDENT : 0;
    else if (!indentless) this.indent += BEST_INDENT;
  }

  popIndent(): void {
    this.indent = this.indents.pop()!;
  }

  writeIndent(): void {
    const indent = Math.max(this.indent, 0);
    if (!this.indention || this.column > indent || (this.column === indent && !this.whitespace)) this.putBreak();
    while (this.column < indent) this.put(' ');
    this.whitespace = true;
    this.indention = true;
  }

  writeIndicator(indicator: string, needWhitespace: boolean, isWhitespace: boolean, isIndention: boolean): void {
    if (needWhitespace && !this.whitespace) this.put(' ');
    this.put(indicator);
    this.whitespace = isWhitespace;
    this.indention = this.indention && isIndention;
  }

  writePlain(value: string, allowBreaks: boolean): void {
    if (!this.whitespace) this.put(' ');
    const runes = [...value];
    let spaces = false;
    runes.forEach((c, i) => {
      if (c === ' ') {
        if (allowBreaks && !spaces && this.column > BEST_WIDTH && runes[i + 1] !== ' ') this.writeIndent();
        else this.put(c);
        spaces = true;
      } else {
        this.put(c);
        this.indention = false;
        spaces = false;
      }
    });
    this.whitespace = false;
    this.indention = false;
  }

  writeSingleQuoted(value: string, allowBreaks: boolean): void {
    this.writeIndicator("'", true, false, false);
    const runes = [...value];
    let spaces = false;
    runes.forEach((c, i) => {
      if (c === ' ') {
        if (allowBreaks && !spaces && this.column > BEST_WIDTH && i > 0 && i < runes.length - 1 && runes[i + 1] !== ' ') this.writeIndent();
        else this.put(c);
        spaces = true;
      } else {
        if (c === "'") this.put("'");
        this.put(c);
        this.indention = false;
        spaces = false;
      }
    });
    this.writeIndicator("'", false, false, false);
    this.whitespace = false;
    this.indention = false;
  }

  writeDoubleQuoted(value: string, allowBreaks: boolean): void {
    this.writeIndicator('"', true, false, false);
    const runes = [...value];
    let spaces = false;
    runes.forEach((c, i) => {
      if (!isPrintable(c) || c === '\ufeff' || isBreakChar(c) || c === '"' || c === '\\') {
        this.put(`\\${escapeRune(c)}`);
        spaces = false;
      } else if (c === ' ') {
        if (allowBreaks && !spaces && this.column > BEST_WIDTH && i > 0 && i < runes.length - 1) {
          this.writeIndent();
          if (runes[i + 1] === ' ') this.put('\\');
        } else this.put(c);
        spaces = true;
      } else {
        this.put(c);
        spaces = false;
      }
    });
    this.writeIndicator('"', false, false, false);
    this.whitespace = false;
    this.indention = false;
  }

  writeLiteral(value: string): void {
    this.writeIndicator('|', true, false, false);
    // Block scalar hints: an indentation digit when the text starts with a blank, then chomping.
    if (value.startsWith(' ') || isBreakChar(value[0] ?? '')) this.writeIndicator(String(BEST_INDENT), false, false, false);
    const runes = [...value];
    const last = runes.length - 1;
    if (!isBreakChar(runes[last])) this.writeIndicator('-', false, false, false);
    else if (last === 0 || isBreakChar(runes[last - 1])) this.writeIndicator('+', false, false, false);
    this.putBreak();
    this.indention = true;
    this.whitespace = true;
    let breaks = true;
    for (const c of runes) {
      if (isBreakChar(c)) {
        this.putBreak();
        this.indention = true;
        breaks = true;
      } else {
        if (breaks) {
          this.writeIndent();
          breaks = false;
        }
        this.put(c);
        this.indention = false;
      }
    }
  }
}

function escapeRune(c: string): string {
  const code = c.codePointAt(0)!;
  const named: Record<number, string> = {
    0x00: '0', 0x07: 'a', 0x08: 'b', 0x09: 't', 0x0a: 'n', 0x0b: 'v', 0x0c: 'f', 0x0d: 'r', 0x1b: 'e',
    0x22: '"', 0x5c: '\\', 0x85: 'N', 0xa0: '_', 0x2028: 'L', 0x2029: 'P',
  };
  if (named[code] !== undefined) return named[code];
  const hex = code.toString(16).toUpperCase();
  if (code <= 0xff) return `x${hex.padStart(2, '0')}`;
  if (code <= 0xffff) return `u${hex.padStart(4, '0')}`;
  return `U${hex.padStart(8, '0')}`;
}

/** strconv.FormatFloat(f, 'g', -1, 64), as go-yaml writes floats. */
function goFloat(n: number): string {
  if (Number.isNaN(n)) return '.nan';
  if (!Number.isFinite(n)) return n > 0 ? '.inf' : '-.inf';
  const [mantissa, exponentText] = n.toExponential().split('e');
  const exponent = Number(exponentText);
  if (exponent < -4 || exponent >= 21) {
    const sign = exponent < 0 ? '-' : '+';
    return `${mantissa}e${sign}${String(Math.abs(exponent)).padStart(2, '0')}`;
  }
  return String(n);
}

function scalarText(value: null | boolean | number | string): { text: string; isString: boolean } {
  if (value === null) return { text: 'null', isString: false };
  if (typeof value === 'boolean') return { text: String(value), isString: false };
  if (typeof value === 'number') return { text: Number.isInteger(value) && Math.abs(value) < 2 ** 63 ? String(value) : goFloat(value), isString: false };
  return { text: value, isString: true };
}

function emitScalar(e: Emitter, value: null | boolean | number | string, simpleKey: boolean): void {
  const { text, isString } = scalarText(value);
  const analysis = analyzeScalar(text);
  // encoder.stringv: strings that would read back as another type are double-quoted; text with
  // line breaks is a literal block; then yaml_emitter_select_scalar_style's fallbacks.
  let style: Style = !isString ? 'plain' : text.includes('\n') ? 'literal' : resolvesToNonString(text) || BASE60_FLOAT.test(text) ? 'double' : 'plain';
  if (simpleKey && analysis.multiline) style = 'double';
  if (style === 'plain') {
    if (!analysis.blockPlainAllowed) style = 'single';
    if (text.length === 0 && simpleKey) style = 'single';
  }
  if (style === 'single' && !analysis.singleQuotedAllowed) style = 'double';
  if (style === 'literal' && (!analysis.blockAllowed || simpleKey)) style = 'double';

  e.increaseIndent(true, false);
  const allowBreaks = !simpleKey;
  if (style === 'plain') e.writePlain(text, allowBreaks);
  else if (style === 'single') e.writeSingleQuoted(text, allowBreaks);
  else if (style === 'double') e.writeDoubleQuoted(text, allowBreaks);
  else e.writeLiteral(text);
  e.popIndent();
}

function emitNode(e: Emitter, value: Json, mappingContext: boolean): void {
  if (Array.isArray(value)) {
    if (value.length === 0) {
      e.writeIndicator('[', true, true, false);
      e.writeIndicator(']', false, false, false);
      return;
    }
    e.increaseIndent(false, mappingContext && !e.indention);
    for (const item of value) {
      e.writeIndent();
      e.writeIndicator('-', true, false, true);
      emitNode(e, item, false);
    }
    e.popIndent();
    return;
  }
  if (value !== null && typeof value === 'object') {
    const keys = sortKeys(Object.keys(value));
    if (keys.length === 0) {
      e.writeIndicator('{', true, true, false);
      e.writeIndicator('}', false, false, false);
      return;
    }
    e.increaseIndent(false, false);
    for (const key of keys) {
      e.writeIndent();
      emitScalar(e, key, true);
      e.writeIndicator(':', false, false, false);
      emitNode(e, value[key], true);
    }
    e.popIndent();
    return;
  }
  emitScalar(e, value, false);
}

/** The YAML document kubectl prints for one object (ends with a newline). */
export function toYaml(value: unknown): string {
  const e = new Emitter();
  emitNode(e, toJsonData(value), false);
  // Document end: a final line break unless the last scalar already ended the line.
  e.indent = -1;
  e.writeIndent();
  return e.out;
}
