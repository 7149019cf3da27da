/**
 * The graph layout, derived from the cluster topology and the pane's size outside React: it is
 * recomputed only when one of those changes, and each pass starts from the previous slots so pods
 * keep their places.
 */
import { create } from 'zustand';
import { useCluster } from '../../state/cluster';
import { bestLayout, reuseUnchanged, type GraphLayout } from './layout';
import { SYSTEM_NAMESPACE, withoutNamespace } from './namespace-filter';

const SHOW_SYSTEM_KEY = 'kubesim.showSystem';

/** Whether kube-system is drawn: hidden at first, as `kubectl get pods` shows only `default`. */
function storedShowSystem(): boolean {
  try {
    return globalThis.localStorage?.getItem(SHOW_SYSTEM_KEY) === 'true';
  } catch {
    return false;
  }
}

interface Pane {
  width: number;
  height: number;
}

interface LayoutState {
  layout: GraphLayout;
  pane: Pane | undefined;
  showSystem: boolean;
  setPane(pane: Pane): void;
  setShowSystem(show: boolean): void;
}

function relayout(previous: GraphLayout | undefined, pane: Pane | undefined, showSystem: boolean): GraphLayout {
  const topology = useCluster.getState().topology;
  return reuseUnchanged(previous, bestLayout(showSystem ? topology : withoutNamespace(topology, SYSTEM_NAMESPACE), previous?.slots, pane));
}

export const useGraphLayout = create<LayoutState>((set, get) => ({
  layout: relayout(undefined, undefined, storedShowSystem()),
  pane: undefined,
  showSystem: storedShowSystem(),
  setPane(pane) {
    const current = get().pane;
    if (current && current.width === pane.width && current.height === pane.height) return;
    set({ pane, layout: relayout(get().layout, pane, get().showSystem) });
  },
  setShowSystem(showSystem) {
    try {
      globalThis.localStorage?.setItem(SHOW_SYSTEM_KEY, String(showSystem));
    } catch {
      // Private browsing may refuse storage; the choice then lasts for this page only.
    }
    set({ showSystem, layout: relayout(get().layout, get().pane, showSystem) });
  },
}));

useCluster.subscribe((state, previous) => {
  if (state.topology === previous.topology) return;
  const { layout, pane, showSystem } = useGraphLayout.getState();
  useGraphLayout.setState({ layout: relayout(layout, pane, showSystem) });
});
