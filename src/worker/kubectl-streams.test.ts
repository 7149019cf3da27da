import { describe, expect, it } from 'vitest';
import type { ServerMessage } from '../protocol/messages';
import { createCluster } from '../sim/index';
import { createKubectlStreams, INTERRUPTED_EXIT_CODE } from './kubectl-streams';

function setup() {
  const sent: ServerMessage[] = [];
  const cluster = createCluster({ nodes: 1, kubectlWaits: false });
  const streams = createKubectlStreams((m) => sent.push(m));
  return { sent, cluster, streams };
}

describe('streaming kubectl commands in the host', () => {
  it('answers a one-shot command at once with its result', () => {
    const { sent, cluster, streams } = setup();
    streams.start(cluster, 1, 'kubectl get deploy', undefined);
    expect(sent).toEqual([{ type: 'kubectlResult', id: 1, result: { stdout: '', stderr: 'No resources found in default namespace.\n', exitCode: 0 } }]);
  });

  it('sends the first table, then one piece per flush, until stopped with exit code 130', () => {
    const { sent, cluster, streams } = setup();
    streams.start(cluster, 7, 'kubectl get deploy -w', undefined);
    expect(sent).toEqual([{ type: 'kubectlOutput', id: 7, stdout: '', stderr: '' }]);
    cluster.kubectl('create deployment web --image=nginx');
    cluster.advance(3000);
    streams.flush();
    const piece = sent.at(-1);
    expect(piece).toMatchObject({ type: 'kubectlOutput', id: 7, stderr: '' });
    // The first row brings the header with it, aligned together.
    expect(piece?.type === 'kubectlOutput' && piece.stdout.split('\n')[0]).toBe('NAME   READY   UP-TO-DATE   AVAILABLE   AGE');
    streams.stop(7);
    expect(sent.at(-1)).toEqual({ type: 'kubectlResult', id: 7, result: { stdout: '', stderr: '', exitCode: INTERRUPTED_EXIT_CODE } });
    const count = sent.length;
    cluster.kubectl('scale deploy web --replicas=3');
    cluster.advance(3000);
    streams.flush();
    expect(sent.length).toBe(count);
  });
});
