import { describe, expect, it } from 'vitest';
import { formatSelector, isEmptySelector, parseSelectorRequirements, parseSelectorString, selectorMatches } from './labels';

describe('label selectors', () => {
  it('matches matchLabels and matchExpressions together', () => {
    const sel = { matchLabels: { app: 'web' }, matchExpressions: [{ key: 'tier', operator: 'In', values: ['fe', 'be'] }] };
    expect(selectorMatches(sel, { app: 'web', tier: 'fe' })).toBe(true);
    expect(selectorMatches(sel, { app: 'web', tier: 'db' })).toBe(false);
    expect(selectorMatches(sel, { app: 'web' })).toBe(false);
  });

  it('selects everything with an empty selector and nothing without one', () => {
    expect(selectorMatches({}, { a: 'b' })).toBe(true);
    expect(selectorMatches(undefined, { a: 'b' })).toBe(false);
    expect(isEmptySelector({})).toBe(true);
  });

  it('prints as kubectl does', () => {
    expect(formatSelector({ matchLabels: { app: 'web' }, matchExpressions: [{ key: 'env', operator: 'NotIn', values: ['b', 'a'] }] })).toBe(
      'app=web,env notin (a,b)',
    );
  });

  it('parses kubectl -l selector strings', () => {
    const m = parseSelectorString('app=web,tier!=db,env in (prod,stage),!legacy');
    expect(m({ app: 'web', tier: 'fe', env: 'prod' })).toBe(true);
    expect(m({ app: 'web', tier: 'db', env: 'prod' })).toBe(false);
    expect(m({ app: 'web', env: 'prod', legacy: 'x' })).toBe(false);
    expect(parseSelectorString('app')({ app: '' })).toBe(true);
  });
});

describe('labels.Parse (kubectl -l)', () => {
  const parse = (text: string) => parseSelectorRequirements(text);
  const errorOf = (text: string) => {
    try {
      parse(text);
    } catch (err) {
      return (err as Error).message;
    }
    return undefined;
  };

  it('reads set-based, equality, existence and negated terms', () => {
    expect(parse("env in (prod,dev),tier!=db,!canary,key")).toEqual([
      { key: 'env', operator: 'in', values: ['dev', 'prod'] },
      { key: 'tier', operator: '!=', values: ['db'] },
      { key: 'canary', operator: '!', values: [] },
      { key: 'key', operator: 'exists', values: [] },
    ]);
    const m = parseSelectorString("env in (prod,dev),tier!=db,!canary,key");
    expect(m({ env: 'dev', tier: 'web', key: '' })).toBe(true);
    expect(m({ env: 'qa', tier: 'web', key: '' })).toBe(false);
    expect(m({ env: 'dev', tier: 'web' })).toBe(false);
    expect(m({ env: 'dev', tier: 'web', key: '', canary: 'yes' })).toBe(false);
    expect(parseSelectorString('env notin (a)')({})).toBe(true);
    expect(parseSelectorString('replicas>2')({ replicas: '3' })).toBe(true);
    expect(parseSelectorString('in in (in)')({ in: 'in' })).toBe(true);
  });

  it("fails with labels.Parse's words", () => {
    expect(errorOf('component not in (kube-apiserver)')).toBe("unable to parse requirement: found 'not', expected: '=', '!=', '==', 'in', notin'");
    expect(errorOf('env in (prod')).toBe("unable to parse requirement: found '', expected: ',' or ')'");
    expect(errorOf('env in prod')).toBe("unable to parse requirement: found 'prod' expected: '('");
    expect(errorOf('app=web,')).toBe("found '', expected: identifier after ','");
    expect(errorOf('=web')).toBe("found '=', expected: !, identifier, or 'end of string'");
    expect(errorOf('app=a b')).toBe("found 'b', expected: ',' or 'end of string'");
    expect(errorOf('a@b=c')).toBe(
      "unable to parse requirement: <nil>: Invalid value: \"a@b\": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')",
    );
    expect(errorOf('app=-x')).toBe(
      "unable to parse requirement: values[0][app]: Invalid value: \"-x\": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')",
    );
  });
});
