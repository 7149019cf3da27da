/**
 * What a person can do to a Node from the graph or the inspector. Each action is a small object
 * that names itself and the kubectl line it runs, so the buttons, their accessible names and the
 * command shown to the student come from one place.
 */

export interface NodeActionTarget {
  name: string;
  controlPlane: boolean;
  cordoned: boolean;
  /** The user powered it off (see state/node-power.ts); the API may not show it yet. */
  poweredOff: boolean;
}

export interface NodeAction {
  id: 'power-off' | 'power-on' | 'cordon' | 'uncordon' | 'drain';
  /** Visible text; the accessible name adds the node: "Power off node-1". */
  label: string;
  /** The kubectl arguments, without the leading "kubectl". */
  command(node: string): string;
  /** One line for the tooltip: what the command does in the cluster. */
  describe: string;
  available(target: NodeActionTarget): boolean;
}

export const NODE_ACTIONS: readonly NodeAction[] = [
  {
    id: 'power-off',
    label: 'Power off',
    command: (node) => `sim node-down ${node}`,
    describe: 'Cut the power: the kubelet stops heartbeats; after 50 s the node turns NotReady, after 300 s more its pods are evicted.',
    // kubesim keeps the API server up whatever happens to this node, so powering it off would teach something false.
    available: (t) => !t.controlPlane && !t.poweredOff,
  },
  {
    id: 'power-on',
    label: 'Power on',
    command: (node) => `sim node-up ${node}`,
    describe: 'Restore the power: the kubelet posts Ready again and finishes deleting the pods that were evicted.',
    available: (t) => t.poweredOff,
  },
  {
    id: 'cordon',
    label: 'Cordon',
    command: (node) => `cordon ${node}`,
    describe: 'Mark the node unschedulable: its pods keep running, new pods go elsewhere.',
    available: (t) => !t.cordoned,
  },
  {
    id: 'uncordon',
    label: 'Uncordon',
    command: (node) => `uncordon ${node}`,
    describe: 'Let the scheduler place pods on the node again.',
    available: (t) => t.cordoned,
  },
  {
    id: 'drain',
    label: 'Drain',
    command: (node) => `drain ${node} --ignore-daemonsets --force`,
    describe: 'Cordon the node and evict its pods, so their controllers recreate them on other nodes.',
    available: () => true,
  },
];

const ids = new Set<string>();
for (const action of NODE_ACTIONS) {
  if (ids.has(action.id)) throw new Error(`node action registered twice: ${action.id}`);
  ids.add(action.id);
}

export function accessibleName(action: NodeAction, node: string): string {
  return `${action.label} ${node}`;
}

/** The actions that apply to a node right now, in registry order. */
export function nodeActionsFor(target: NodeActionTarget): NodeAction[] {
  return NODE_ACTIONS.filter((a) => a.available(target));
}
