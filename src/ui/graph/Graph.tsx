import { useEffect, useMemo, useRef } from 'react';
import {
  Background,
  BackgroundVariant,
  Controls,
  Panel,
  ReactFlow,
  ReactFlowProvider,
  useReactFlow,
  useStore,
  type EdgeTypes,
  type NodeTypes,
} from '@xyflow/react';
import { useTranslation } from 'react-i18next';
import { useSelection } from '../../state/selection';
import { useGraphLayout } from './layout-store';
import { NodeBox, UnscheduledArea } from './NodeBox';
import { DeploymentNode, ReplicaSetNode } from './OwnerNode';
import { PodNode } from './PodNode';
import { ServiceNode } from './ServiceNode';
import { IngressEdge } from './IngressEdge';
import { IngressNode } from './IngressNode';
import { ClaimNode, VolumeNode } from './VolumeNodes';
import { CronJobNode, DaemonSetNode, JobNode, StatefulSetNode } from './WorkloadNodes';
import { TrafficDots } from '../traffic/TrafficDots';

const nodeTypes: NodeTypes = {
  pod: PodNode,
  clusterNode: NodeBox,
  unscheduled: UnscheduledArea,
  deployment: DeploymentNode,
  replicaSet: ReplicaSetNode,
  statefulSet: StatefulSetNode,
  daemonSet: DaemonSetNode,
  cronJob: CronJobNode,
  job: JobNode,
  service: ServiceNode,
  ingress: IngressNode,
  claim: ClaimNode,
  volume: VolumeNode,
};

const edgeTypes: EdgeTypes = { ingress: IngressEdge };

const FIT_OPTIONS = { padding: 0.06, maxZoom: 1.25, duration: 200 };

/** Draws kube-system or leaves it out; the node bars still count its pods, as the node does. */
function SystemToggle() {
  const { t } = useTranslation();
  const showSystem = useGraphLayout((s) => s.showSystem);
  const setShowSystem = useGraphLayout((s) => s.setShowSystem);
  return (
    <Panel position="top-left">
      <label title={t('graph.showSystemHint')} className="flex cursor-pointer items-center gap-1.5 rounded-md border border-slate-700 bg-slate-900/90 px-2 py-1 text-xs text-slate-300">
        <input type="checkbox" checked={showSystem} onChange={(e) => setShowSystem(e.target.checked)} className="accent-sky-500" />
        {t('graph.showSystem')}
      </label>
    </Panel>
  );
}

function ClusterGraph() {
  const { nodes, edges } = useGraphLayout((s) => s.layout);
  const setPane = useGraphLayout((s) => s.setPane);
  const paneWidth = useStore((s) => s.width);
  const paneHeight = useStore((s) => s.height);
  const select = useSelection((s) => s.select);
  const { fitView } = useReactFlow();
  /** Once the user pans or zooms, the graph stops re-fitting itself as it grows. */
  const userMoved = useRef(false);

  // The outline of the drawing: owners and containers, not the chips inside them.
  const outline = useMemo(
    () =>
      nodes
        .filter((n) => !n.parentId)
        .map((n) => `${n.id}@${n.position.x},${n.position.y},${n.width}x${n.height}`)
        .join('|'),
    [nodes],
  );

  useEffect(() => {
    setPane({ width: paneWidth, height: paneHeight });
  }, [paneWidth, paneHeight, setPane]);

  useEffect(() => {
    if (!userMoved.current) void fitView(FIT_OPTIONS);
  }, [outline, paneWidth, paneHeight, fitView]);

  return (
    <ReactFlow
      nodes={nodes}
      edges={edges}
      nodeTypes={nodeTypes}
      edgeTypes={edgeTypes}
      nodesDraggable={false}
      nodesConnectable={false}
      nodesFocusable={false}
      edgesFocusable={false}
      elementsSelectable={false}
      minZoom={0.1}
      maxZoom={2.5}
      fitView
      fitViewOptions={FIT_OPTIONS}
      colorMode="dark"
      attributionPosition="bottom-right"
      // Pointer selection goes through React Flow; each drawn object also answers Enter and Space itself.
      onNodeClick={(_, node) => select(node.data.objectKey || null)}
      onPaneClick={() => select(null)}
      // onMove, not onMoveStart: a click on a node starts a pan gesture that moves nothing.
      onMove={(event) => {
        if (event) userMoved.current = true;
      }}
      defaultEdgeOptions={{ style: { strokeWidth: 1.5, stroke: 'var(--color-slate-500)' } }}
      aria-label="Cluster graph"
    >
      <SystemToggle />
      <TrafficDots />
      <Background variant={BackgroundVariant.Dots} gap={24} size={1.2} color="var(--color-slate-800)" />
      <Controls
        showInteractive={false}
        onFitView={() => {
          userMoved.current = false;
          void fitView(FIT_OPTIONS);
        }}
      />
    </ReactFlow>
  );
}

export function Graph() {
  return (
    <ReactFlowProvider>
      <ClusterGraph />
    </ReactFlowProvider>
  );
}
