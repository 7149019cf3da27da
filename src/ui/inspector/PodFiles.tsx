/**
 * A pod's Files (every volume's files with their content, as its containers see them) and each
 * container's Environment, asked of the worker every virtual second while the pod is selected.
 * Read-only; values that come from a Secret stay masked until revealed.
 */
import { useMemo, useState } from 'react';
import type { Pod, Secret } from 'kubernetes-types/core/v1';
import type { WireContainerEnv, WirePodView } from '../../protocol/messages';
import { useCluster } from '../../state/cluster';
import { filesByVolume, secretEnvNames } from '../../state/pod-view';
import { MASK } from '../../state/secrets';
import { useClient } from '../client-context';
import { Section } from './parts';
import { useRefreshed } from './use-refreshed';

function RevealButton({ revealed, onReveal, what }: { revealed: boolean; onReveal(revealed: boolean): void; what: string }) {
  return (
    <button
      type="button"
      aria-pressed={revealed}
      onClick={() => onReveal(!revealed)}
      className="rounded border border-slate-600 px-1.5 py-0.5 text-[11px] text-slate-200 hover:bg-slate-800 focus-visible:ring-2 focus-visible:ring-sky-400 focus-visible:outline-none"
    >
      {revealed ? `Hide ${what}` : `Reveal ${what}`}
    </button>
  );
}

function Files({ pod, view }: { pod: Pod; view: WirePodView }) {
  const [revealed, setRevealed] = useState(false);
  const volumes = filesByVolume(pod, view.files);
  const anySecret = volumes.some((v) => v.secret && v.files.length > 0);
  return (
    <Section title="Files">
      <p className="mb-2 text-xs text-slate-400">What the containers see in the pod's volumes now, read-only. Refreshed every virtual second.</p>
      {anySecret && (
        <div className="mb-2 flex items-center gap-2 text-xs text-slate-400">
          <span>Files from a Secret are masked.</span>
          <RevealButton revealed={revealed} onReveal={setRevealed} what="Secret files" />
        </div>
      )}
      {volumes.length === 0 ? (
        <p className="text-xs text-slate-400">This pod declares no volumes.</p>
      ) : (
        <ul aria-label="Volume files" className="flex flex-col gap-3">
          {volumes.map((v) => (
            <li key={v.volume} aria-label={`Volume ${v.volume}`}>
              <div className="flex items-baseline gap-2 text-xs">
                <span className="font-mono font-semibold text-slate-200">{v.volume}</span>
                <span className="min-w-0 truncate text-slate-400">{v.source}</span>
              </div>
              {v.files.length === 0 ? (
                <p className="text-xs text-slate-400">No files yet.</p>
              ) : (
                <ul className="mt-1 flex flex-col gap-1.5">
                  {v.files.map((f) => (
                    <li key={f.path}>
                      <div className="font-mono text-[11px] break-all text-sky-200">{f.path}</div>
                      <pre aria-label={`Content of ${f.path}`} className="max-h-40 overflow-auto rounded bg-slate-950 p-1.5 font-mono text-[11px] leading-4 whitespace-pre-wrap text-slate-300">
                        {v.secret && !revealed ? MASK : f.content}
                      </pre>
                    </li>
                  ))}
                </ul>
              )}
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}

function ContainerEnv({ pod, entry, secrets }: { pod: Pod; entry: WireContainerEnv; secrets: ReadonlyMap<string, Secret> }) {
  const [revealed, setRevealed] = useState(false);
  const hidden = useMemo(() => secretEnvNames(pod, entry.container, secrets), [pod, entry.container, secrets]);
  const hasSecret = (entry.env ?? []).some(([name]) => hidden.has(name));
  return (
    <li aria-label={`Environment of ${entry.container}`}>
      <div className="mb-1 flex items-center gap-2 text-xs">
        <span className="font-mono font-semibold text-slate-200">{entry.container}</span>
        {entry.init && <span className="text-slate-400">init container</span>}
        {hasSecret && (
          <span className="ml-auto">
            <RevealButton revealed={revealed} onReveal={setRevealed} what="Secret values" />
          </span>
        )}
      </div>
      {entry.env ? (
        <dl className="grid grid-cols-[minmax(0,9rem)_1fr] gap-x-2 gap-y-0.5 rounded bg-slate-950 p-1.5 font-mono text-[11px]">
          {entry.env.map(([name, value]) => (
            <div key={name} className="contents">
              <dt className="break-all text-slate-400">{name}</dt>
              <dd className="min-w-0 break-all text-slate-200">{hidden.has(name) && !revealed ? MASK : value}</dd>
            </div>
          ))}
        </dl>
      ) : (
        <p className="text-xs text-slate-400">Not started yet: the kubelet resolves the environment when it starts the container.</p>
      )}
    </li>
  );
}

function Environment({ pod, view }: { pod: Pod; view: WirePodView }) {
  const all = useCluster((s) => s.byKind.get('Secret'));
  const namespace = pod.metadata?.namespace;
  const secrets = useMemo(
    () => new Map([...(all?.values() ?? [])].filter((s) => s.metadata.namespace === namespace).map((s) => [s.metadata.name ?? '', s as unknown as Secret])),
    [all, namespace],
  );
  return (
    <Section title="Environment">
      <p className="mb-2 text-xs text-slate-400">
        Each container's variables as its process got them (what <code className="font-mono">env</code> prints inside it).
      </p>
      <ul className="flex flex-col gap-3">
        {view.containers.map((entry) => (
          <ContainerEnv key={entry.container} pod={pod} entry={entry} secrets={secrets} />
        ))}
      </ul>
    </Section>
  );
}

export function PodFilesAndEnv({ pod }: { pod: Pod }) {
  const client = useClient();
  const namespace = pod.metadata?.namespace ?? 'default';
  const name = pod.metadata?.name ?? '';
  const view = useRefreshed(() => client.podView(namespace, name), `${namespace}/${name}`, pod.metadata?.resourceVersion);
  if (!view) {
    return (
      <Section title="Files">
        <p className="text-xs text-slate-400">Loading…</p>
      </Section>
    );
  }
  if (view.error) {
    return (
      <Section title="Files">
        <p className="text-xs text-rose-300">Could not read the pod's files: {view.error}</p>
      </Section>
    );
  }
  return (
    <>
      <Files pod={pod} view={view} />
      <Environment pod={pod} view={view} />
    </>
  );
}
