import { beforeEach, describe, expect, it } from 'vitest';
import { notePowerCommand, parsePowerCommand, useNodePower } from './node-power';

const ok = { stdout: 'node/node-1 powered off\n', stderr: '', exitCode: 0 };
const failed = { stdout: '', stderr: 'error: unknown command "sim" for "kubectl"\n', exitCode: 1 };

describe('node power', () => {
  beforeEach(() => useNodePower.setState({ poweredOff: new Set() }));

  it('reads the node from kubectl sim lines, with or without the leading kubectl', () => {
    expect(parsePowerCommand('kubectl sim node-down node-1')).toEqual({ verb: 'node-down', node: 'node-1' });
    expect(parsePowerCommand('sim node-up  node-2')).toEqual({ verb: 'node-up', node: 'node-2' });
    expect(parsePowerCommand('kubectl cordon node-1')).toBeUndefined();
    expect(parsePowerCommand('kubectl sim add-node node-4')).toBeUndefined();
  });

  it('remembers a node powered off until it is powered on or removed', () => {
    notePowerCommand('kubectl sim node-down node-1', ok);
    notePowerCommand('kubectl sim node-down node-2', ok);
    expect([...useNodePower.getState().poweredOff]).toEqual(['node-1', 'node-2']);
    notePowerCommand('kubectl sim node-up node-1', ok);
    notePowerCommand('kubectl sim remove-node node-2', ok);
    expect(useNodePower.getState().poweredOff.size).toBe(0);
  });

  it('ignores a command that failed', () => {
    notePowerCommand('kubectl sim node-down node-1', failed);
    expect(useNodePower.getState().poweredOff.size).toBe(0);
  });
});
