import type { LabelSelector, LabelSelectorRequirement } from './types';
import { labelValueProblems, qualifiedNameProblems } from './validation/names';

export type Labels = Record<string, string> | undefined;

function matchesRequirement(labels: Record<string, string>, req: LabelSelectorRequirement): boolean {
  const has = Object.prototype.hasOwnProperty.call(labels, req.key);
  const values = req.values ?? [];
  switch (req.operator) {
    case 'In':
      return has && values.includes(labels[req.key]);
    case 'NotIn':
      return !has || !values.includes(labels[req.key]);
    case 'Exists':
      return has;
    case 'DoesNotExist':
      return !has;
    default:
      return false;
  }
}

/**
 * Whether a metav1.LabelSelector selects these labels. An empty selector selects everything and a
 * missing one selects nothing, as LabelSelectorAsSelector does.
 */
export function selectorMatches(selector: LabelSelector | undefined, labels: Labels): boolean {
  if (!selector) return false;
  const l = labels ?? {};
  for (const [key, value] of Object.entries(selector.matchLabels ?? {})) if (l[key] !== value) return false;
  for (const req of selector.matchExpressions ?? []) if (!matchesRequirement(l, req)) return false;
  return true;
}

/** A map selector (Service, nodeSelector): every pair must be present. */
export function mapSelectorMatches(selector: Record<string, string> | undefined, labels: Labels): boolean {
  if (!selector) return false;
  const l = labels ?? {};
  return Object.entries(selector).every(([k, v]) => l[k] === v);
}

export function isEmptySelector(selector: LabelSelector | undefined): boolean {
  return !!selector && Object.keys(selector.matchLabels ?? {}).length === 0 && (selector.matchExpressions ?? []).length === 0;
}

/** The selector as kubectl prints it: "app=web,tier in (a,b)". */
export function formatSelector(selector: LabelSelector | undefined): string {
  if (!selector) return '<none>';
  const parts = Object.entries(selector.matchLabels ?? {}).map(([k, v]) => `${k}=${v}`);
  for (const req of selector.matchExpressions ?? []) {
    const values = [...(req.values ?? [])].sort().join(',');
    if (req.operator === 'In') parts.push(`${req.key} in (${values})`);
    else if (req.operator === 'NotIn') parts.push(`${req.key} notin (${values})`);
    else if (req.operator === 'Exists') parts.push(req.key);
    else if (req.operator === 'DoesNotExist') parts.push(`!${req.key}`);
  }
  return parts.length ? parts.join(',') : '<none>';
}

type Token = 'eos' | ')' | ',' | '!' | '==' | '=' | '>' | 'id' | 'in' | '<' | '!=' | 'notin' | '(';

const SPECIAL = new Set(['=', '!', '(', ')', ',', '>', '<']);
const SYMBOLS = new Set<string>([')', ',', '!', '==', '=', '>', '<', '!=', '(']);
const WHITESPACE = new Set([' ', '\t', '\r', '\n']);

/** apimachinery's labels.Lexer: special symbols (longest match), whitespace, identifiers and the keywords in/notin. */
function lex(text: string): [Token, string][] {
  const items: [Token, string][] = [];
  let pos = 0;
  for (;;) {
    while (pos < text.length && WHITESPACE.has(text[pos])) pos++;
    if (pos >= text.length) {
      items.push(['eos', '']);
      return items;
    }
    if (SPECIAL.has(text[pos])) {
      let symbol = '';
      while (pos < text.length && SPECIAL.has(text[pos]) && SYMBOLS.has(symbol + text[pos])) symbol += text[pos++];
      items.push([symbol as Token, symbol]);
      continue;
    }
    let word = '';
    while (pos < text.length && !SPECIAL.has(text[pos]) && !WHITESPACE.has(text[pos])) word += text[pos++];
    items.push([word === 'in' || word === 'notin' ? word : 'id', word]);
  }
}

type Operator = 'in' | 'notin' | '=' | '==' | '!=' | 'exists' | '!' | 'gt' | 'lt';

export interface SelectorRequirement {
  key: string;
  operator: Operator;
  values: string[];
}

/** A malformed selector, worded as labels.Parse words it. */
export class SelectorParseError extends Error {}

/** labels.Parse's recursive descent, with its exact error texts (k8s.io/apimachinery/pkg/labels/selector.go). */
class SelectorParser {
  private readonly items: [Token, string][];
  private position = 0;

  constructor(text: string) {
    this.items = lex(text);
  }

  /** In the Values context "in" and "notin" are plain identifiers. */
  private lookahead(values: boolean): [Token, string] {
    const [tok, lit] = this.items[this.position];
    return values && (tok === 'in' || tok === 'notin') ? ['id', lit] : [tok, lit];
  }

  private consume(values: boolean): [Token, string] {
    const item = this.lookahead(values);
    this.position++;
    return item;
  }

  parse(): SelectorRequirement[] {
    const requirements: SelectorRequirement[] = [];
    for (;;) {
      const [tok, lit] = this.lookahead(true);
      if (tok === 'eos') return requirements;
      if (tok !== 'id' && tok !== '!') throw new SelectorParseError(`found '${lit}', expected: !, identifier, or 'end of string'`);
      try {
        requirements.push(this.requirement());
      } catch (err) {
        throw new SelectorParseError(`unable to parse requirement: ${(err as Error).message}`);
      }
      const [t, l] = this.consume(true);
      if (t === 'eos') return requirements;
      if (t !== ',') throw new SelectorParseError(`found '${l}', expected: ',' or 'end of string'`);
      const [t2, l2] = this.lookahead(true);
      if (t2 !== 'id' && t2 !== '!') throw new SelectorParseError(`found '${l2}', expected: identifier after ','`);
    }
  }

  private requirement(): SelectorRequirement {
    let [tok, key] = this.consume(true);
    let operator: Operator | undefined;
    if (tok === '!') {
      operator = '!';
      [tok, key] = this.consume(true);
    }
    if (tok !== 'id') throw new Error(`found '${key}', expected: identifier`);
    // validateLabelKey runs with no field path, which Go prints as "<nil>".
    const keyProblems = qualifiedNameProblems(key);
    if (keyProblems.length) throw new Error(`<nil>: Invalid value: ${JSON.stringify(key)}: ${keyProblems.join('; ')}`);
    const [next] = this.lookahead(true);
    if (operator === '!' || next === 'eos' || next === ',') return checked({ key, operator: operator ?? 'exists', values: [] });
    const [opTok, opLit] = this.consume(false);
    const OPS: Partial<Record<Token, Operator>> = { in: 'in', notin: 'notin', '=': '=', '==': '==', '!=': '!=', '>': 'gt', '<': 'lt' };
    operator = OPS[opTok];
    if (!operator) throw new Error(`found '${opLit}', expected: '=', '!=', '==', 'in', notin'`);
    const values = operator === 'in' || operator === 'notin' ? this.setValues() : this.exactValue();
    return checked({ key, operator, values });
  }

  private setValues(): string[] {
    const [tok, lit] = this.consume(true);
    if (tok !== '(') throw new Error(`found '${lit}' expected: '('`);
    const [next, nextLit] = this.lookahead(true);
    if (next === ')') {
      this.consume(true);
      return [''];
    }
    if (next !== 'id' && next !== ',') throw new Error(`found '${nextLit}', expected: ',', ')' or identifier`);
    const values = this.identifiers();
    if (this.consume(true)[0] !== ')') throw new Error(`found '${nextLit}', expected: ')'`);
    return values;
  }

  /** parseIdentifiersList: empty members ("(a,,b)", "(,a)") are the empty value. */
  private identifiers(): string[] {
    const values = new Set<string>();
    for (;;) {
      const [tok, lit] = this.consume(true);
      if (tok === 'id') {
        values.add(lit);
        const [t2, l2] = this.lookahead(true);
        if (t2 === ',') continue;
        if (t2 === ')') return [...values].sort();
        throw new Error(`found '${l2}', expected: ',' or ')'`);
      }
      if (tok !== ',') throw new Error(`found '${lit}', expected: ',', or identifier`);
      if (values.size === 0) values.add('');
      const [t2] = this.lookahead(true);
      if (t2 === ')') {
        values.add('');
        return [...values].sort();
      }
      if (t2 === ',') {
        this.consume(true);
        values.add('');
      }
    }
  }

  private exactValue(): string[] {
    const [next] = this.lookahead(true);
    if (next === 'eos' || next === ',') return [''];
    const [tok, lit] = this.consume(true);
    if (tok !== 'id') throw new Error(`found '${lit}', expected: identifier`);
    return [lit];
  }
}

/** NewRequirement's checks on what the parser accepted: label values, and integers for gt/lt. */
function checked(req: SelectorRequirement): SelectorRequirement {
  const errors: string[] = [];
  if (req.operator === 'gt' || req.operator === 'lt') {
    req.values.forEach((v, i) => {
      if (!/^[+-]?\d+$/.test(v)) errors.push(`values[${i}]: Invalid value: ${JSON.stringify(v)}: for 'Gt', 'Lt' operators, the value must be an integer`);
    });
  }
  req.values.forEach((v, i) => {
    const problems = labelValueProblems(v);
    if (problems.length) errors.push(`values[${i}][${req.key}]: Invalid value: ${JSON.stringify(v)}: ${problems.join('; ')}`);
  });
  if (errors.length) throw new Error(errors.length === 1 ? errors[0] : `[${errors.join(', ')}]`);
  return req;
}

function requirementMatches(req: SelectorRequirement, labels: Record<string, string>): boolean {
  const has = Object.prototype.hasOwnProperty.call(labels, req.key);
  const value = labels[req.key];
  switch (req.operator) {
    case 'in':
    case '=':
    case '==':
      return has && req.values.includes(value);
    case 'notin':
    case '!=':
      return !has || !req.values.includes(value);
    case 'exists':
      return has;
    case '!':
      return !has;
    case 'gt':
    case 'lt': {
      if (!has || !/^[+-]?\d+$/.test(value)) return false;
      const diff = Number(value) - Number(req.values[0]);
      return req.operator === 'gt' ? diff > 0 : diff < 0;
    }
  }
}

/** labels.Parse: the requirements of a selector string, or SelectorParseError with its words. */
export function parseSelectorRequirements(text: string): SelectorRequirement[] {
  return new SelectorParser(text).parse();
}

/**
 * Parses a kubectl label selector string ("app=web,tier!=db,env in (a,b),!x") into a matcher;
 * throws SelectorParseError with labels.Parse's words on a malformed selector.
 */
export function parseSelectorString(text: string): (labels: Labels) => boolean {
  const requirements = parseSelectorRequirements(text);
  return (labels) => requirements.every((r) => requirementMatches(r, labels ?? {}));
}
