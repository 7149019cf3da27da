import { Group, Panel, Separator } from 'react-resizable-panels';
import { useClock } from '../state/clock';
import { AboutPanel } from './about/AboutPanel';
import { CommandLog } from './CommandLog';
import { EditorPanel } from './editor/EditorPanel';
import { Graph } from './graph/Graph';
import { Inspector } from './inspector/Inspector';
import { useTerminalDock } from './terminal/dock-store';
import { TerminalBar, TerminalPanel } from './terminal/TerminalPanel';
import { TopBar } from './TopBar';
import { RecoveryBanner } from './RecoveryBanner';

const separator = 'w-1 bg-slate-800 transition-colors hover:bg-sky-500 data-[separator=active]:bg-sky-500';
const rowSeparator = 'h-1 bg-slate-800 transition-colors hover:bg-sky-500 data-[separator=active]:bg-sky-500';

export function App() {
  const fatal = useClock((s) => s.fatal);
  const terminalOpen = useTerminalDock((s) => s.open);
  return (
    <div className="flex h-full flex-col">
      <TopBar />
      <RecoveryBanner />
      {fatal && (
        <div role="alert" className="border-b border-rose-500/40 bg-rose-950 px-4 py-2 font-mono text-xs whitespace-pre-wrap text-rose-100">
          The simulation stopped: {fatal}
        </div>
      )}
      <Group orientation="horizontal" className="min-h-0 flex-1">
        <Panel id="editor" defaultSize="27%" minSize="16%">
          <EditorPanel />
        </Panel>
        <Separator className={separator} />
        <Panel id="graph" minSize="30%">
          <main className="flex h-full flex-col" aria-label="Cluster">
            <Group orientation="vertical" className="min-h-0 flex-1">
              <Panel id="graph-canvas" minSize="25%">
                <div className="h-full">
                  <Graph />
                </div>
              </Panel>
              {terminalOpen && (
                <>
                  <Separator className={rowSeparator} />
                  <Panel id="terminal" defaultSize="40%" minSize="15%">
                    <TerminalPanel />
                  </Panel>
                </>
              )}
            </Group>
            <CommandLog />
            <TerminalBar />
          </main>
        </Panel>
        <Separator className={separator} />
        <Panel id="inspector" defaultSize="25%" minSize="15%">
          <Inspector />
        </Panel>
      </Group>
      <AboutPanel />
    </div>
  );
}
