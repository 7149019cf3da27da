import { describe, expect, it } from 'vitest';
import { bytes, cpuMillis, formatBytes, formatCpu, isQuantity, parseQuantity } from './quantity';

describe('quantities', () => {
  it('parses CPU in millicores', () => {
    expect(cpuMillis('500m')).toBe(500);
    expect(cpuMillis('1.5')).toBe(1500);
    expect(cpuMillis(2)).toBe(2000);
    expect(cpuMillis('0.1')).toBe(100);
  });

  it('parses binary and decimal memory suffixes', () => {
    expect(bytes('128Mi')).toBe(134217728);
    expect(bytes('1G')).toBe(1e9);
    expect(bytes('8Gi')).toBe(8 * 2 ** 30);
    expect(parseQuantity('1e3')).toBe(1000);
  });

  it('rejects malformed quantities', () => {
    expect(isQuantity('12abc')).toBe(false);
    expect(() => parseQuantity('x')).toThrow(/regular expression/);
  });

  it('formats as kubectl prints', () => {
    expect(formatCpu(250)).toBe('250m');
    expect(formatCpu(4000)).toBe('4');
    expect(formatBytes(8 * 2 ** 30)).toBe('8Gi');
    expect(formatBytes(200 * 2 ** 20)).toBe('200Mi');
  });
});
