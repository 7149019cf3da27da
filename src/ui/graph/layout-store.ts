/**
 * The graph layout, derived from the cluster topology and the pane's size outside React: it is
 * recomputed only when one of those changes, and each pass starts from the previous slots so pods
 * keep their places.
 */
import { create } from 'zustand';
import { useCluster } from '../../state/cluster';
import { bestLayout, reuseUnchanged, type GraphLayout } from './layout';

interface Pane {
  width: number;
  height: number;
}

interface LayoutState {
  layout: GraphLayout;
  pane: Pane | undefined;
  setPane(pane: Pane): void;
}

function relayout(previous: GraphLayout | undefined, pane: Pane | undefined): GraphLayout {
  return reuseUnchanged(previous, bestLayout(useCluster.getState().topology, previous?.slots, pane));
}

export const useGraphLayout = create<LayoutState>((set, get) => ({
  layout: relayout(undefined, undefined),
  pane: undefined,
  setPane(pane) {
    const current = get().pane;
    if (current && current.width === pane.width && current.height === pane.height) return;
    set({ pane, layout: relayout(get().layout, pane) });
  },
}));

useCluster.subscribe((state, previous) => {
  if (state.topology === previous.topology) return;
  const { layout, pane } = useGraphLayout.getState();
  useGraphLayout.setState({ layout: relayout(layout, pane) });
});
