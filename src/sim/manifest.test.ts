import { describe, expect, it } from 'vitest';
import { parseFieldPath, parseManifests } from './manifest';

describe('manifest parsing', () => {
  it('splits documents and keeps their lines', () => {
    const docs = parseManifests('a: 1\n---\nb: 2\n---\n');
    expect(docs.map((d) => [d.value, d.line])).toEqual([
      [{ a: 1 }, 1],
      [{ b: 2 }, 3],
    ]);
  });

  it('finds the line of a field path, or of its nearest parent', () => {
    const [doc] = parseManifests('spec:\n  template:\n    spec:\n      containers:\n      - name: a\n        image: x\n');
    expect(doc.lineOf('spec.template.spec.containers[0].image')).toBe(6);
    expect(doc.lineOf('spec.template.spec.containers[0].ports')).toBe(5);
  });

  it('words syntax errors as the Go parser does, with the line', () => {
    expect(parseManifests('a:\n  b: x\n   c: y\n')[0].error).toEqual({ message: 'mapping values are not allowed in this context', line: 3, located: true });
    expect(parseManifests('a:\n\tb: x\n')[0].error).toEqual({ message: 'found character that cannot start any token', line: 2, located: true });
    // go-yaml v2 without strictness, as kubectl reads manifests: the last of repeated keys wins.
    const [repeated] = parseManifests('a: 1\na: 2\n');
    expect(repeated.error).toBeUndefined();
    expect(repeated.value).toEqual({ a: 2 });
    expect(repeated.lineOf('a')).toBe(2);
  });

  it('refuses a mapping used as a key, as go-yaml v2 does while decoding', () => {
    // An unquoted template placeholder: `{{x}}` is a flow mapping keyed by the mapping `{x}`.
    expect(parseManifests('metadata:\n  annotations:\n    inject: {{args.enabled}}\n')[0].error).toEqual({
      message: 'invalid map key: map[interface {}]interface {}{"args.enabled":interface {}(nil)}',
      line: 3,
      located: false,
    });
  });

  it('refuses alias bombs', () => {
    const bomb = 'a: &a ["x","x","x","x","x","x","x","x","x"]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: [*c,*c,*c,*c,*c,*c,*c,*c,*c]\n';
    expect(parseManifests(bomb)[0].error?.message).toMatch(/alias/i);
  });

  it('parses bracketed path segments', () => {
    expect(parseFieldPath('spec.containers[0].resources.requests[cpu]')).toEqual(['spec', 'containers', 0, 'resources', 'requests', 'cpu']);
  });
});
