import { describe, expect, it } from 'vitest';
import { accessibleName, NODE_ACTIONS, nodeActionsFor, type NodeActionTarget } from './node-actions';

const worker: NodeActionTarget = { name: 'node-1', controlPlane: false, cordoned: false, poweredOff: false };
const ids = (target: NodeActionTarget) => nodeActionsFor(target).map((a) => a.id);

describe('node actions', () => {
  it('offers Power off, Cordon and Drain on a healthy worker', () => {
    expect(ids(worker)).toEqual(['power-off', 'cordon', 'drain']);
  });

  it('offers Power on instead of Power off once the user powered the node off', () => {
    expect(ids({ ...worker, poweredOff: true })).toEqual(['power-on', 'cordon', 'drain']);
  });

  it('offers Uncordon on a cordoned node', () => {
    expect(ids({ ...worker, cordoned: true })).toEqual(['power-off', 'uncordon', 'drain']);
  });

  it('never powers off the control plane, whose API server kubesim keeps running', () => {
    expect(ids({ ...worker, name: 'control-plane', controlPlane: true })).toEqual(['cordon', 'drain']);
  });

  it('names each button after its node and runs the kubectl line a student would type', () => {
    const lines = NODE_ACTIONS.map((a) => [accessibleName(a, 'node-1'), `kubectl ${a.command('node-1')}`]);
    expect(lines).toEqual([
      ['Power off node-1', 'kubectl sim node-down node-1'],
      ['Power on node-1', 'kubectl sim node-up node-1'],
      ['Cordon node-1', 'kubectl cordon node-1'],
      ['Uncordon node-1', 'kubectl uncordon node-1'],
      ['Drain node-1', 'kubectl drain node-1 --ignore-daemonsets --force'],
    ]);
  });
});
