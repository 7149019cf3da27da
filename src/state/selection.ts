/** Which object the inspector shows, by key; the object may since have been deleted. */
import { create } from 'zustand';

export interface SelectionState {
  selected: string | null;
  select(key: string | null): void;
}

export const useSelection = create<SelectionState>((set) => ({
  selected: null,
  select: (key) => set({ selected: key }),
}));
