/** Whether the "About this simulation" panel is open, and which entry a "simplified" hint asked for. */
import { create } from 'zustand';

export interface AboutState {
  open: boolean;
  focus?: string;
  show(focus?: string): void;
  close(): void;
}

export const useAbout = create<AboutState>((set) => ({
  open: false,
  show: (focus) => set({ open: true, focus }),
  close: () => set({ open: false, focus: undefined }),
}));
