import { lazy, Suspense, useCallback, useEffect, useRef, useState } from 'react';
import { Group, Panel, Separator } from 'react-resizable-panels';
import { useTranslation } from '../../i18n';
import type { WireApplyResult } from '../../protocol/messages';
import { useLessons } from '../../state/lessons';
import { useTerminalEdit } from '../../state/terminal-edit';
import { useClient } from '../client-context';
import { AlertIcon, CheckCircleIcon } from '../icons';
import { LessonPanel } from '../lessons/LessonPanel';
import type { ManifestEditorApi } from './ManifestEditor';
import { applyMarkers } from './markers';
import { SAMPLE_DEPLOYMENT } from './sample';

const ManifestEditor = lazy(() => import('./ManifestEditor'));

function errorLine(result: WireApplyResult): number | undefined {
  return result.error?.fields?.find((f) => f.line !== undefined)?.line ?? result.error?.line;
}

function ResultLine({ result, onReveal }: { result: WireApplyResult; onReveal(line: number): void }) {
  const { t } = useTranslation();
  const line = errorLine(result);
  if (!result.error) {
    const colour = result.action === 'created' ? 'text-emerald-300' : result.action === 'configured' ? 'text-sky-300' : 'text-slate-400';
    return (
      <li className="flex items-start gap-2">
        <CheckCircleIcon className={`mt-0.5 size-3.5 shrink-0 ${colour}`} />
        <span className="font-mono text-xs break-all text-slate-200">{result.message}</span>
      </li>
    );
  }
  return (
    <li className="flex items-start gap-2">
      <AlertIcon className="mt-0.5 size-3.5 shrink-0 text-rose-400" />
      <span className="min-w-0 flex-1 font-mono text-xs break-words whitespace-pre-wrap text-rose-200">{result.message}</span>
      {line !== undefined && (
        <button
          type="button"
          onClick={() => onReveal(line)}
          className="shrink-0 rounded bg-rose-500/20 px-1.5 font-mono text-[10px] leading-5 text-rose-100 hover:bg-rose-500/30"
        >
          {t('editor.line', { line })}
        </button>
      )}
    </li>
  );
}

/**
 * The manifest editor with its Apply button and kubectl-style results, one line per document; the
 * lesson sheet opens above it.
 */
export function EditorPanel() {
  const { t } = useTranslation();
  const client = useClient();
  const editor = useRef<ManifestEditorApi | null>(null);
  const [ready, setReady] = useState(false);
  const [applying, setApplying] = useState(false);
  const [results, setResults] = useState<WireApplyResult[]>([]);

  const apply = useCallback(async () => {
    const api = editor.current;
    if (!api) return;
    const text = api.getValue();
    setApplying(true);
    try {
      const next = await client.apply(text);
      api.setApplyMarkers(applyMarkers(text, next));
      setResults(next);
    } finally {
      setApplying(false);
    }
  }, [client]);

  const onReady = useCallback((api: ManifestEditorApi) => {
    editor.current = api;
    setReady(true);
  }, []);

  // `kubectl edit` in the terminal opens the object here; Apply then sends the edited YAML.
  const editRequest = useTerminalEdit((s) => s.request);
  useEffect(() => {
    if (!ready || !editRequest) return;
    editor.current?.setValue(editRequest.yaml);
  }, [ready, editRequest]);

  // "Load manifest" in a lesson puts the step's YAML here.
  const manifestRequest = useLessons((s) => s.manifestRequest);
  useEffect(() => {
    if (!ready || !manifestRequest) return;
    editor.current?.setValue(manifestRequest.yaml);
  }, [ready, manifestRequest]);

  const lessonsOpen = useLessons((s) => s.open);

  const manifest = (
    <section aria-label={t('editor.title')} className="flex h-full min-h-0 flex-col bg-slate-900">
      <header className="flex items-center gap-2 border-b border-slate-800 px-3 py-2">
        <h2 className="text-sm font-semibold text-slate-200">{t('editor.title')}</h2>
        <span className="text-[11px] text-slate-400">{t('editor.hint')}</span>
        <button
          type="button"
          onClick={() => void apply()}
          disabled={!ready || applying}
          className="ml-auto rounded-md bg-sky-500 px-3 py-1 text-sm font-semibold text-slate-950 shadow hover:bg-sky-400 focus-visible:ring-2 focus-visible:ring-sky-300 focus-visible:outline-none disabled:cursor-not-allowed disabled:opacity-50"
        >
          {t('editor.apply')}
        </button>
      </header>
      <div className="min-h-0 flex-1">
        <Suspense fallback={<p className="p-4 text-sm text-slate-400">{t('editor.loading')}</p>}>
          <ManifestEditor initialValue={SAMPLE_DEPLOYMENT} onReady={onReady} onApply={() => void apply()} />
        </Suspense>
      </div>
      <div className="max-h-[40%] shrink-0 overflow-y-auto border-t border-slate-800 px-3 py-2">
        <h3 className="mb-1.5 text-[11px] font-semibold tracking-wide text-slate-400 uppercase">{t('editor.results')}</h3>
        <div role="status" aria-label={t('editor.resultsLabel')}>
          {results.length === 0 ? (
            <p className="text-xs text-slate-400">{t('editor.empty')}</p>
          ) : (
            <ul className="flex flex-col gap-1.5">
              {results.map((result) => (
                <ResultLine key={result.index} result={result} onReveal={(line) => editor.current?.revealLine(line)} />
              ))}
            </ul>
          )}
        </div>
      </div>
    </section>
  );

  // One group whether or not the sheet is open, so opening it never remounts the editor and its text.
  return (
    <Group orientation="vertical" className="h-full">
      {lessonsOpen && (
        <>
          <Panel id="lessons" defaultSize="55%" minSize="20%">
            <LessonPanel />
          </Panel>
          <Separator className="h-1 bg-slate-800 transition-colors hover:bg-sky-500 data-[separator=active]:bg-sky-500" />
        </>
      )}
      <Panel id="manifest" minSize="20%">
        {manifest}
      </Panel>
    </Group>
  );
}
