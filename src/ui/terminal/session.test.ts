import { describe, expect, it } from 'vitest';
import type { WireKubectlResult } from '../../protocol/messages';
import type { SimClient } from '../../state/client';
import { useTerminalEdit } from '../../state/terminal-edit';
import { TerminalSession } from './session';

/** A client whose commands finish when the test says so, recording what ran. */
function fakeClient() {
  const ran: string[] = [];
  const finish: ((result: WireKubectlResult) => void)[] = [];
  const outputs: ((stdout: string, stderr: string) => void)[] = [];
  let stopped = 0;
  const client = {
    kubectl: async (command: string) => {
      ran.push(command);
      return command.includes('-o yaml')
        ? { stdout: 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n', stderr: '', exitCode: 0 }
        : { stdout: '', stderr: '', exitCode: 0 };
    },
    kubectlStream: (command: string, onOutput: (stdout: string, stderr: string) => void) => {
      ran.push(command);
      outputs.push(onOutput);
      return { done: new Promise<WireKubectlResult>((resolve) => finish.push(resolve)), stop: () => stopped++ };
    },
  } as unknown as SimClient;
  return { client, ran, finish, outputs, stopped: () => stopped };
}

function fakeScreen() {
  const screen = { text: '', cols: 80, write: (t: string) => void (screen.text += t), clear: () => void (screen.text = '') };
  return screen;
}

const flush = () => new Promise((r) => setTimeout(r, 0));

describe('a terminal session', () => {
  it('runs kubectl lines, prints the answer and a new prompt', async () => {
    const { client, ran, finish } = fakeClient();
    const screen = fakeScreen();
    const session = new TerminalSession(screen, client);
    session.input('kubectl get pods\r');
    expect(ran).toEqual(['kubectl get pods']);
    finish[0]({ stdout: 'No resources found in default namespace.\n', stderr: '', exitCode: 0 });
    await flush();
    const [before, after] = screen.text.split('No resources found in default namespace.\n');
    expect(before).toMatch(/\$ kubectl get pods[^\n]*\r\n$/);
    expect(after).toContain('\r\x1b[J$ ');
  });

  it('streams a watch until Ctrl+C, keeping keys typed meanwhile for the next prompt', async () => {
    const { client, ran, finish, outputs, stopped } = fakeClient();
    const screen = fakeScreen();
    const session = new TerminalSession(screen, client);
    session.input('kubectl get deploy -w\r');
    outputs[0]('web   1/2   1     1     3s\n', '');
    session.input('\x03');
    expect(stopped()).toBe(1);
    session.input('k');
    finish[0]({ stdout: '', stderr: '', exitCode: 130 });
    await flush();
    expect(screen.text).toContain('web   1/2   1     1     3s\n^C\r\n');
    session.input('ubectl get pods\r');
    expect(ran.at(-1)).toBe('kubectl get pods');
  });

  it('answers other programs as bash does, and opens kubectl edit in the editor', async () => {
    const { client, ran } = fakeClient();
    const screen = fakeScreen();
    const session = new TerminalSession(screen, client);
    session.input('ls\r');
    await flush();
    expect(screen.text).toContain('bash: ls: command not found\r\n');
    session.input('kubectl edit deploy web\r');
    await flush();
    expect(ran).toEqual(['kubectl get deploy web -o yaml']);
    expect(useTerminalEdit.getState().request).toMatchObject({ title: 'deployment/web', yaml: expect.stringContaining('name: web') });
    expect(screen.text).toContain('Opened deployment/web in the editor');
  });
});
