import { describe, expect, it } from 'vitest';
import { labelValueProblems, nameProblems, qualifiedNameProblems } from './names';

describe('name formats', () => {
  it('rejects an uppercase subdomain with the exact message', () => {
    expect(nameProblems('My_App', 'subdomain')).toEqual([
      "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')",
    ]);
  });

  it('keeps the double space of the RFC 1123 label message', () => {
    expect(nameProblems('Web', 'label')[0]).toContain("(e.g. 'my-name',  or '123-abc'");
  });

  it('accepts valid names', () => {
    expect(nameProblems('nginx-deployment', 'subdomain')).toEqual([]);
    expect(nameProblems('a.b-c', 'subdomain')).toEqual([]);
    expect(nameProblems('web', 'dns1035')).toEqual([]);
    expect(nameProblems('1web', 'dns1035')).toHaveLength(1);
  });

  it('checks label keys and values', () => {
    expect(qualifiedNameProblems('app.kubernetes.io/name')).toEqual([]);
    expect(qualifiedNameProblems('bad key')).toHaveLength(1);
    expect(labelValueProblems('')).toEqual([]);
    expect(labelValueProblems('-x')).toHaveLength(1);
  });
});
