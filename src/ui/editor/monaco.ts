/**
 * Monaco with only the YAML language, and monaco-yaml validating against the Kubernetes schema.
 * This module and everything it imports load on demand, so the app's first bundle stays small.
 */
import * as monaco from 'monaco-editor/esm/vs/editor/editor.api';
import 'monaco-editor/esm/vs/editor/editor.all.js';
import 'monaco-editor/esm/vs/basic-languages/yaml/yaml.contribution.js';
import { configureMonacoYaml } from 'monaco-yaml';
import schemaUrl from '../../schema/kubernetes.schema.json?url';

// Vite bundles each worker from these URLs; monaco asks for the "yaml" one for YAML models.
self.MonacoEnvironment = {
  getWorker(_moduleId, label) {
    if (label === 'yaml') return new Worker(new URL('./yaml.worker.ts', import.meta.url), { type: 'module' });
    return new Worker(new URL('./editor.worker.ts', import.meta.url), { type: 'module' });
  },
};

let configured: Promise<void> | undefined;

/** Fetches the schema once (it is large) and hands it to the YAML language service; editors wait for it. */
export function configureYaml(): Promise<void> {
  configured ??= fetch(schemaUrl)
    .then((response) => response.json())
    .then((schema) => {
      configureMonacoYaml(monaco, {
        enableSchemaRequest: false,
        validate: true,
        completion: true,
        hover: true,
        schemas: [{ uri: new URL(schemaUrl, location.href).href, fileMatch: ['*'], schema }],
      });
    });
  return configured;
}

export const APPLY_MARKER_OWNER = 'kube-apiserver';
export { monaco };

// The app's slate palette, so the editor does not sit in the page as a grey slab.
monaco.editor.defineTheme('kubesim', {
  base: 'vs-dark',
  inherit: true,
  rules: [],
  colors: {
    'editor.background': '#0f172a',
    'editorGutter.background': '#0f172a',
    'editor.lineHighlightBackground': '#1e293b',
    // slate-400: line numbers stay readable (WCAG AA contrast on the slate-900 gutter).
    'editorLineNumber.foreground': '#94a3b8',
    'editorLineNumber.dimmedForeground': '#94a3b8',
    'editorLineNumber.activeForeground': '#cbd5e1',
    'editorIndentGuide.background1': '#1e293b',
  },
});

/** Each editor gets its own model; the folder keeps URIs unique while the editor shows "manifest.yaml". */
let editors = 0;

export function createManifestEditor(element: HTMLElement, value: string): monaco.editor.IStandaloneCodeEditor {
  editors += 1;
  const model = monaco.editor.createModel(value, 'yaml', monaco.Uri.parse(`file:///${editors}/manifest.yaml`));
  return monaco.editor.create(element, {
    model,
    theme: 'kubesim',
    ariaLabel: 'Manifest editor',
    automaticLayout: true,
    minimap: { enabled: false },
    fontSize: 13,
    lineNumbersMinChars: 3,
    scrollBeyondLastLine: false,
    tabSize: 2,
    renderLineHighlight: 'gutter',
    padding: { top: 8 },
    quickSuggestions: { other: true, comments: false, strings: true },
    fixedOverflowWidgets: true,
    // Suggestions come from the Kubernetes schema; words already in the file only add noise.
    wordBasedSuggestions: 'off',
  });
}
