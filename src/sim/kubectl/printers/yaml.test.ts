import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { load } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { goYamlKeyLess, toYaml } from './yaml';

const KUBECTL = ['/usr/lib/google-cloud-sdk/bin/kubectl.1.32', '/usr/bin/kubectl'].find((p) => existsSync(p));

describe('toYaml (kubectl -o yaml)', () => {
  it('prints a Deployment as kubectl does: sorted keys, unindented sequences, {} for empty maps', () => {
    const deployment = {
      kind: 'Deployment',
      apiVersion: 'apps/v1',
      metadata: { name: 'x', creationTimestamp: null, labels: { app: 'x' } },
      spec: {
        replicas: 1,
        selector: { matchLabels: { app: 'x' } },
        template: { metadata: { creationTimestamp: null, labels: { app: 'x' } }, spec: { containers: [{ name: 'nginx', image: 'nginx', resources: {} }] } },
        strategy: {},
      },
      status: {},
    };
    // The output of `kubectl create deployment x --image=nginx --dry-run=client -o yaml`.
    expect(toYaml(deployment)).toBe(`apiVersion: apps/v1
kind: Deployment
metadata:
  creationTimestamp: null
  labels:
    app: x
  name: x
spec:
  replicas: 1
  selector:
    matchLabels:
      app: x
  strategy: {}
  template:
    metadata:
      creationTimestamp: null
      labels:
        app: x
    spec:
      containers:
      - image: nginx
        name: nginx
        resources: {}
status: {}
`);
  });

  it('quotes strings that YAML 1.1 would read as other types, and strings plain YAML cannot hold', () => {
    const data = { a: '123', b: 'true', c: '', d: 'yes', e: '2026-01-01T09:00:00Z', f: '1.5', g: '@x', h: 'a: b', i: '[nginx]', j: "it's", k: ' lead', l: '25%', m: '<none>', p: 'ok' };
    expect(toYaml(data)).toBe(`a: "123"
b: "true"
c: ""
d: "yes"
e: "2026-01-01T09:00:00Z"
f: "1.5"
g: '@x'
h: 'a: b'
i: '[nginx]'
j: it's
k: ' lead'
l: 25%
m: <none>
p: ok
`);
  });

  it('prints multi-line strings as literal blocks with their chomping indicator', () => {
    expect(toYaml({ a: 'one\ntwo', b: 'one\n', c: 'one\n\n' })).toBe('a: |-\n  one\n  two\nb: |\n  one\nc: |+\n  one\n\n');
  });

  it('folds long plain and quoted strings after column 80 as go-yaml does', () => {
    const long = 'this is a very long string with spaces that goes on and on and on past the eighty character limit';
    expect(toYaml({ long })).toBe('long: this is a very long string with spaces that goes on and on and on past the eighty\n  character limit\n');
  });

  it('escapes unprintable characters in double quotes', () => {
    expect(toYaml({ t: 'a\tb', e: 'hi 😀' })).toBe('e: "hi \\U0001F600"\nt: "a\\tb"\n');
  });

  it('sorts keys as go-yaml does: digit runs by value, letters after other characters', () => {
    const keys = ['node-10', 'node-2', 'aB', 'a_b', 'a-b', 'a.b', 'A', 'a1', 'a01', 'a00', 'a0'];
    const sorted = [...keys].sort((a, b) => (goYamlKeyLess(a, b) ? -1 : goYamlKeyLess(b, a) ? 1 : 0));
    expect(sorted).toEqual(['A', 'a-b', 'a.b', 'a_b', 'a0', 'a00', 'a1', 'a01', 'aB', 'node-2', 'node-10']);
  });

  it('round-trips to the same data', () => {
    const data = { list: [{ a: 1, b: [true, null, 'x: y'] }, 'plain', '- dash'], nested: { deep: { deeper: 'v' } }, empty: [], num: -3 };
    expect(load(toYaml(data))).toEqual(data);
  });

  it.skipIf(!KUBECTL)('matches the kubectl binary on a table of awkward strings', () => {
    const values: Record<string, string> = {
      long: 'this is a very long string with spaces that goes on and on and on past the eighty character limit for sure yes: and more and more and more and more',
      dq: 'tab\there and a long long long long long long long long long long long long long long long text  with  double  spaces  and more',
      sq: "it's a 'quoted' thing: with colon and a long long long long long long long long long long long long text that wraps",
      multi: 'line1\n  indented\n\nafter blank\n',
      trail: 'x \ny',
      keep: 'a\n\n',
      num: '0755',
      float: '1.5e3',
      date: '2026-01-01',
      neg: '-1',
      minus: '-',
      dash: '- a',
      colon: 'a:b',
      hash: 'a #b',
      underscore: '1_000',
      hex: '0x1F',
      sexagesimal: '1:20',
      tilde: '~',
      NULL: 'NULL',
      dots: '...',
      spaceEnd: 'x ',
      words: 'word '.repeat(30).trim(),
      'node-10': 'a',
      'node-2': 'b',
    };
    const args = ['create', 'configmap', 'x', '--dry-run=client', '-o', 'yaml', ...Object.entries(values).map(([k, v]) => `--from-literal=${k}=${v}`)];
    const real = execFileSync(KUBECTL!, args, { encoding: 'utf8' });
    expect(toYaml({ apiVersion: 'v1', data: values, kind: 'ConfigMap', metadata: { creationTimestamp: null, name: 'x' } })).toBe(real);
  });
});
