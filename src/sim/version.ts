/** The Kubernetes release kubesim simulates: what `kubectl version` and the node status report. */
export const KUBERNETES_VERSION = 'v1.32.2';
