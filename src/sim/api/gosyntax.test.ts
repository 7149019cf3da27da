import { describe, expect, it } from 'vitest';
import { goIntOrString, goLabelSelector, goStringMap } from './gosyntax';

describe('Go-syntax rendering (v1.32 field errors)', () => {
  it('prints maps with sorted keys', () => {
    expect(goStringMap({ tier: 'fe', app: 'nginx' })).toBe('map[string]string{"app":"nginx", "tier":"fe"}');
    expect(goStringMap(undefined)).toBe('map[string]string(nil)');
  });

  it('prints a label selector struct', () => {
    expect(goLabelSelector({ matchLabels: { app: 'web2' } })).toBe(
      'v1.LabelSelector{MatchLabels:map[string]string{"app":"web2"}, MatchExpressions:[]v1.LabelSelectorRequirement(nil)}',
    );
  });

  it('prints IntOrString', () => {
    expect(goIntOrString(0)).toBe('intstr.IntOrString{Type:0, IntVal:0, StrVal:""}');
    expect(goIntOrString('25%')).toBe('intstr.IntOrString{Type:1, IntVal:0, StrVal:"25%"}');
  });
});
