import { describe, expect, it } from 'vitest';
import { DESCRIBE_TABWRITER, TABLE_TABWRITER, TabWriter, tabify } from './tabwriter';

describe('tabwriter (Go text/tabwriter)', () => {
  it('pads every column to its widest cell plus three spaces, as kubectl get does', () => {
    const text = 'NAME\tREADY\tSTATUS\tRESTARTS\tAGE\nweb-1\t1/1\tRunning\t0\t30s\n';
    expect(tabify(text, TABLE_TABWRITER)).toBe('NAME    READY   STATUS    RESTARTS   AGE\nweb-1   1/1     Running   0          30s\n');
  });

  it('never makes a table column narrower than six characters', () => {
    expect(tabify('A\tB\nx\ty\n', TABLE_TABWRITER)).toBe('A     B\nx     y\n');
  });

  it('leaves the last cell of a line unpadded', () => {
    expect(tabify('a\tlong-last-cell\nbb\tc\n', DESCRIBE_TABWRITER)).toBe('a   long-last-cell\nbb  c\n');
  });

  it('aligns each block of consecutive lines with a cell in the column on its own', () => {
    const text = 'Name:\tweb\nIPs:\n  IP:\t10.0.0.1\nControlled By:\tReplicaSet/web\n';
    expect(tabify(text, DESCRIBE_TABWRITER)).toBe('Name:  web\nIPs:\n  IP:           10.0.0.1\nControlled By:  ReplicaSet/web\n');
  });

  it('sizes inner columns by sub-blocks of the lines that have them', () => {
    const text = 'a\tb\tc\nlonger\tx\nq\tr\ts\n';
    expect(tabify(text, DESCRIBE_TABWRITER)).toBe('a       b  c\nlonger  x\nq       r  s\n');
  });

  it('counts width in runes, not UTF-16 units', () => {
    expect(tabify('é\tx\nab\ty\n', DESCRIBE_TABWRITER)).toBe('é   x\nab  y\n');
  });

  it('aligns text written after a flush independently', () => {
    const w = new TabWriter(DESCRIBE_TABWRITER);
    w.write('a-long-key:\tv\n');
    w.flush();
    w.write('k:\tv\n');
    expect(w.toString()).toBe('a-long-key:  v\nk:  v\n');
  });
});
