import { describe, expect, it } from 'vitest';
import { addQuantities, canonical, formatCanonical, fromInteger, parseCanonical } from './quantity-canonical';

describe('canonical quantities (resource.Quantity.String)', () => {
  it('prints decimal quantities with the largest exact SI suffix', () => {
    expect(canonical('0.5')).toBe('500m');
    expect(canonical('1500m')).toBe('1500m');
    expect(canonical('2000m')).toBe('2');
    expect(canonical('1500000')).toBe('1500k');
    expect(canonical('1e3')).toBe('1e3');
    expect(canonical(0)).toBe('0');
  });

  it('prints binary quantities in the largest exact power of 1024, small ones as decimal', () => {
    expect(canonical('1024Mi')).toBe('1Gi');
    expect(canonical('1.5Gi')).toBe('1536Mi');
    expect(canonical('512Ki')).toBe('512Ki');
    expect(canonical('0.5Ki')).toBe('512');
  });

  it('adds keeping the left format unless the left is zero', () => {
    const sum = addQuantities(parseCanonical('1Gi'), parseCanonical('500M'));
    expect(formatCanonical(sum)).toBe('1573741824');
    expect(formatCanonical(addQuantities(fromInteger(0), parseCanonical('600Mi')))).toBe('600Mi');
    expect(formatCanonical(addQuantities(parseCanonical('1'), parseCanonical('500m')))).toBe('1500m');
  });
});
