/** Whether the terminal is docked open under the graph; closed at first, so the graph has the room. */
import { create } from 'zustand';

export interface TerminalDockState {
  open: boolean;
  /** Bumped to ask the terminal for keyboard focus. */
  focusRequest: number;
  toggle(): void;
  show(): void;
}

export const useTerminalDock = create<TerminalDockState>((set) => ({
  open: false,
  focusRequest: 0,
  toggle: () => set((s) => ({ open: !s.open, focusRequest: s.focusRequest + 1 })),
  show: () => set((s) => ({ open: true, focusRequest: s.focusRequest + 1 })),
}));
