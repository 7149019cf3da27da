/**
 * Which nodes the user has powered off with `kubectl sim node-down`. The API cannot tell: a node
 * without power looks Ready until the node lifecycle controller gives up on its Lease (50 s), so
 * this is what the user did, not what the cluster shows. It decides whether a node offers
 * "Power off" or "Power on"; the graph draws a node from its Node object alone.
 */
import { create } from 'zustand';
import type { WireKubectlResult } from '../protocol/messages';

export interface NodePowerState {
  poweredOff: ReadonlySet<string>;
}

export const useNodePower = create<NodePowerState>(() => ({ poweredOff: new Set() }));

/** The node a `kubectl sim node-down|node-up|remove-node NODE` command line names, and which of the three it is. */
export function parsePowerCommand(commandLine: string): { verb: 'node-down' | 'node-up' | 'remove-node'; node: string } | undefined {
  const words = commandLine.trim().split(/\s+/);
  if (words[0] === 'kubectl') words.shift();
  if (words[0] !== 'sim') return undefined;
  const verb = words[1];
  if (verb !== 'node-down' && verb !== 'node-up' && verb !== 'remove-node') return undefined;
  const node = words.slice(2).find((w) => !w.startsWith('-'));
  return node ? { verb, node } : undefined;
}

/** Follows a finished kubectl command: a successful node-down powers the node off, node-up or remove-node forgets it. */
export function notePowerCommand(commandLine: string, result: WireKubectlResult): void {
  const command = parsePowerCommand(commandLine);
  if (!command || result.exitCode !== 0) return;
  const poweredOff = new Set(useNodePower.getState().poweredOff);
  if (command.verb === 'node-down') poweredOff.add(command.node);
  else poweredOff.delete(command.node);
  useNodePower.setState({ poweredOff });
}
