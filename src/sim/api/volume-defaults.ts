/** SetDefaults for pod volumes and the Downward API selectors (pkg/apis/core/v1/defaults.go). */
import type { PodSpec, Volume } from './types';

/** 0644, the file mode projected volumes default to. */
const DEFAULT_MODE = 420;

type ResourceSelector = { divisor?: string | number };
type DownwardItems = { items?: { fieldRef?: { apiVersion?: string }; resourceFieldRef?: ResourceSelector }[] };

function defaultDownward(source: DownwardItems | undefined): void {
  for (const item of source?.items ?? []) {
    if (item.fieldRef) item.fieldRef.apiVersion ||= 'v1';
    // An unset Quantity serialises as "0"; the kubelet reads 0 as a divisor of 1.
    if (item.resourceFieldRef) item.resourceFieldRef.divisor ??= '0';
  }
}

function defaultVolume(v: Volume): void {
  const hasSource = Object.keys(v).some((k) => k !== 'name');
  // SetDefaults_Volume: a volume with no source is an emptyDir.
  if (!hasSource) v.emptyDir = {};
  if (v.hostPath) v.hostPath.type ??= '';
  if (v.configMap) v.configMap.defaultMode ??= DEFAULT_MODE;
  if (v.secret) v.secret.defaultMode ??= DEFAULT_MODE;
  if (v.downwardAPI) {
    v.downwardAPI.defaultMode ??= DEFAULT_MODE;
    defaultDownward(v.downwardAPI);
  }
  if (v.projected) {
    v.projected.defaultMode ??= DEFAULT_MODE;
    for (const s of v.projected.sources ?? []) {
      defaultDownward(s.downwardAPI);
      if (s.serviceAccountToken) s.serviceAccountToken.expirationSeconds ??= 3600;
    }
  }
}

export function defaultPodVolumes(spec: PodSpec): void {
  for (const v of spec.volumes ?? []) defaultVolume(v);
  for (const c of [...(spec.containers ?? []), ...(spec.initContainers ?? [])]) {
    for (const e of c.env ?? []) if (e.valueFrom?.resourceFieldRef) e.valueFrom.resourceFieldRef.divisor ??= '0';
  }
}
