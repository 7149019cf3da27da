// monaco-yaml's language service as a worker entry of our own: Vite resolves `new URL()` worker
// paths relative to the file, not as packages, and monaco-yaml's README documents this wrapper.
import 'monaco-yaml/yaml.worker.js';
