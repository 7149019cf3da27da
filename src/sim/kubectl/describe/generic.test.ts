import { describe, expect, it } from 'vitest';
import { camelSplit, smartLabel } from './generic';

describe('smartLabel (describe.go smartLabelFor)', () => {
  it.each([
    ['involvedObject', 'Involved Object'],
    ['apiVersion', 'API Version'],
    ['uid', 'UID'],
    ['holderIdentity', 'Holder Identity'],
    ['count', 'Count'],
    ['kube-node-lease', 'Kube - Node - Lease'],
    ['a.b', 'a.b'],
  ])('%s → %s', (field, label) => {
    expect(smartLabel(field)).toBe(label);
  });

  it('splits camel case as fatih/camelcase does', () => {
    expect(camelSplit('PDFLoader')).toEqual(['PDF', 'Loader']);
    expect(camelSplit('podIPs2')).toEqual(['pod', 'I', 'Ps', '2']);
  });
});
