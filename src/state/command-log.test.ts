import { beforeEach, describe, expect, it } from 'vitest';
import type { WireKubectlResult } from '../protocol/messages';
import type { SimClient } from './client';
import { MAX_ENTRIES, runLogged, useCommandLog } from './command-log';

function fakeClient(answer: (command: string) => WireKubectlResult): SimClient & { commands: string[] } {
  const commands: string[] = [];
  return {
    commands,
    kubectl: async (command) => {
      commands.push(command);
      return answer(command);
    },
    kubectlStream: (command) => ({ done: Promise.resolve(answer(command)), stop() {} }),
    apply: async () => [],
    deleteObject: async () => ({ stdout: '', stderr: '', exitCode: 0 }),
    podView: async () => ({ found: false, files: [], containers: [] }),
    claimBinding: async () => ({ found: false, audit: [] }),
    pause() {},
    play() {},
    setSpeed() {},
  };
}

describe('command log', () => {
  beforeEach(() => useCommandLog.setState({ entries: [] }));

  it('records the full kubectl line at once and its answer when it comes', async () => {
    const client = fakeClient(() => ({ stdout: 'node/node-1 cordoned\n', stderr: '', exitCode: 0 }));
    const running = runLogged(client, 'cordon node-1');
    expect(useCommandLog.getState().entries).toEqual([{ id: expect.any(Number), command: 'kubectl cordon node-1' }]);
    await running;
    expect(client.commands).toEqual(['kubectl cordon node-1']);
    expect(useCommandLog.getState().entries[0].result?.stdout).toBe('node/node-1 cordoned\n');
  });

  it('keeps only the latest entries, and drops them all when cleared', async () => {
    const client = fakeClient((command) => ({ stdout: `${command}\n`, stderr: '', exitCode: 0 }));
    for (let i = 1; i <= MAX_ENTRIES + 2; i++) await runLogged(client, `cordon node-${i}`);
    const entries = useCommandLog.getState().entries;
    expect(entries.map((e) => e.command)).toEqual(Array.from({ length: MAX_ENTRIES }, (_, i) => `kubectl cordon node-${i + 3}`));
    useCommandLog.getState().clear();
    expect(useCommandLog.getState().entries).toEqual([]);
  });
});
