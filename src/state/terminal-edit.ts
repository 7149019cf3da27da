/**
 * `kubectl edit` in the terminal: the object's YAML the terminal asks the editor to open. Each
 * request has its own number, so opening the same object twice opens it twice.
 */
import { create } from 'zustand';

export interface EditRequest {
  id: number;
  /** "deployment.apps/web", for the editor to say what it holds. */
  title: string;
  yaml: string;
}

export interface TerminalEditState {
  request?: EditRequest;
  open(title: string, yaml: string): void;
}

let nextId = 1;

export const useTerminalEdit = create<TerminalEditState>((set) => ({
  open: (title, yaml) => set({ request: { id: nextId++, title, yaml } }),
}));
