import { useEffect, useEffectEvent, useRef } from 'react';
import type { ApplyMarker } from './markers';
import { APPLY_MARKER_OWNER, configureYaml, createManifestEditor, monaco } from './monaco';

/** What the editor panel may do with the editor once it has loaded. */
export interface ManifestEditorApi {
  getValue(): string;
  /** Replaces the whole text (an object opened by `kubectl edit`). */
  setValue(text: string): void;
  /** Replaces the markers of the last apply; an empty list clears them. */
  setApplyMarkers(markers: readonly ApplyMarker[]): void;
  revealLine(line: number): void;
}

interface Props {
  initialValue: string;
  onReady(api: ManifestEditorApi): void;
  onApply(): void;
}

export default function ManifestEditor({ initialValue, onReady, onApply }: Props) {
  const container = useRef<HTMLDivElement>(null);
  const ready = useEffectEvent(onReady);
  const apply = useEffectEvent(onApply);
  const initial = useEffectEvent(() => initialValue);

  useEffect(() => {
    const element = container.current;
    if (!element) return;
    let disposed = false;
    let editor: monaco.editor.IStandaloneCodeEditor | undefined;
    void configureYaml().then(() => {
      // Unmounted while the schema loaded (React's StrictMode does this on purpose): create nothing.
      if (disposed) return;
      const created = createManifestEditor(element, initial());
      editor = created;
      const model = created.getModel()!;
      created.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyCode.Enter, () => apply());
      // The apiserver judged the text as it was; once it changes, its markers no longer apply.
      created.onDidChangeModelContent(() => monaco.editor.setModelMarkers(model, APPLY_MARKER_OWNER, []));
      ready({
        getValue: () => model.getValue(),
        setValue: (text) => {
          model.setValue(text);
          created.setPosition({ lineNumber: 1, column: 1 });
          created.focus();
        },
        setApplyMarkers: (markers) =>
          monaco.editor.setModelMarkers(
            model,
            APPLY_MARKER_OWNER,
            markers.map((m) => ({ ...m, severity: monaco.MarkerSeverity.Error, source: 'kube-apiserver' })),
          ),
        revealLine: (line) => {
          created.revealLineInCenter(line);
          created.setPosition({ lineNumber: line, column: 1 });
          created.focus();
        },
      });
    });
    return () => {
      disposed = true;
      editor?.getModel()?.dispose();
      editor?.dispose();
    };
  }, []);

  return <div ref={container} className="h-full w-full" />;
}
