import { describe, expect, it } from 'vitest';
import { formatSelector, isEmptySelector, parseSelectorString, selectorMatches } from './labels';

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
