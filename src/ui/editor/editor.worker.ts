// Monaco's base editor worker (diffing, links), wrapped so Vite can bundle it from a relative URL.
import 'monaco-editor/esm/vs/editor/editor.worker.js';
