import { describe, expect, it } from 'vitest';
import { decodedLength, decodeSecretValue, MASK, maskedSecret } from './secrets';

describe('Secret values', () => {
  it('decodes base64 to UTF-8 text, and refuses what is not text', () => {
    expect(decodeSecretValue('czNjcjN0')).toBe('s3cr3t');
    expect(decodeSecretValue('7ZWc6rWt7Ja0')).toBe('한국어');
    expect(decodeSecretValue('/w==')).toBeUndefined();
    expect(decodeSecretValue('not base64!')).toBeUndefined();
  });

  it('counts decoded bytes as kubectl describe does', () => {
    expect(decodedLength('czNjcjN0')).toBe(6);
    expect(decodedLength('YQ==')).toBe(1);
    expect(decodedLength('YWI=')).toBe(2);
  });

  it('masks every value and keeps the keys', () => {
    const secret = { metadata: { name: 'db' }, type: 'Opaque', data: { password: 'czNjcjN0', user: 'YWRtaW4=' } };
    expect(maskedSecret(secret)).toEqual({ metadata: { name: 'db' }, type: 'Opaque', data: { password: MASK, user: MASK } });
    expect(secret.data.password).toBe('czNjcjN0');
  });

  it('masks the values kubectl apply copied into the last-applied annotation', () => {
    const lastApplied = '{"apiVersion":"v1","kind":"Secret","metadata":{"name":"db"},"data":{"password":"czNjcjN0"}}';
    const secret = { metadata: { name: 'db', annotations: { 'kubectl.kubernetes.io/last-applied-configuration': lastApplied, team: 'a' } }, data: { password: 'czNjcjN0' } };
    const masked = maskedSecret(secret);
    expect(masked.metadata?.annotations).toEqual({
      'kubectl.kubernetes.io/last-applied-configuration': `{"apiVersion":"v1","kind":"Secret","metadata":{"name":"db"},"data":{"password":"${MASK}"}}`,
      team: 'a',
    });
    expect(JSON.stringify(masked)).not.toContain('czNjcjN0');
  });
});
