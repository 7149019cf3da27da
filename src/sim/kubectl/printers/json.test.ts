import { describe, expect, it } from 'vitest';
import { toJson } from './json';

describe('toJson (kubectl -o json)', () => {
  it('indents by four spaces with sorted keys and a final newline', () => {
    expect(toJson({ kind: 'List', apiVersion: 'v1', items: [], metadata: { resourceVersion: '' } })).toBe(
      '{\n    "apiVersion": "v1",\n    "items": [],\n    "kind": "List",\n    "metadata": {\n        "resourceVersion": ""\n    }\n}\n',
    );
  });

  it("escapes <, > and & as Go's encoder does", () => {
    expect(toJson({ a: '<none>&' })).toBe('{\n    "a": "\\u003cnone\\u003e\\u0026"\n}\n');
  });

  it('drops undefined fields and keeps nulls', () => {
    expect(toJson({ a: undefined, b: null, c: {} })).toBe('{\n    "b": null,\n    "c": {}\n}\n');
  });
});
