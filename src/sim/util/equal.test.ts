import { describe, expect, it } from 'vitest';
import { deepEqual } from './equal';

describe('deepEqual', () => {
  it('compares nested objects by value and ignores undefined keys', () => {
    expect(deepEqual({ a: [1, { b: 2 }], c: undefined }, { a: [1, { b: 2 }] })).toBe(true);
    expect(deepEqual({ a: [1, 2] }, { a: [2, 1] })).toBe(false);
    expect(deepEqual({ a: 1 }, { a: '1' })).toBe(false);
  });
});
