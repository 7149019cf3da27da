/**
 * The kubectl commands the app ran for the user (node buttons and the like), each with kubectl's
 * answer, so students see the command behind every button and can type it themselves later.
 */
import { create } from 'zustand';
import type { WireKubectlResult } from '../protocol/messages';
import type { SimClient } from './client';

export interface CommandEntry {
  id: number;
  /** The full line as a person would type it: "kubectl cordon node-1". */
  command: string;
  /** Unset while the worker is still answering. */
  result?: WireKubectlResult;
}

export interface CommandLogState {
  entries: readonly CommandEntry[];
  clear(): void;
}

/** Older entries drop off: the log is a reminder of what just happened, not a history. */
export const MAX_ENTRIES = 4;

let nextId = 1;

export const useCommandLog = create<CommandLogState>((set) => ({
  entries: [],
  clear: () => set({ entries: [] }),
}));

/** Runs `kubectl ARGS` through the client and records the line and its output in the log. */
export async function runLogged(client: SimClient, args: string): Promise<WireKubectlResult> {
  const id = nextId++;
  const command = `kubectl ${args}`;
  useCommandLog.setState((s) => ({ entries: [...s.entries, { id, command }].slice(-MAX_ENTRIES) }));
  const result = await client.kubectl(command);
  useCommandLog.setState((s) => ({ entries: s.entries.map((e) => (e.id === id ? { ...e, result } : e)) }));
  return result;
}
