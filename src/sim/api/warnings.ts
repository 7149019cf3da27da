/**
 * The apiserver's warnings for a pod spec (pkg/api/pod/warnings.go, GetWarningsForPodTemplate):
 * accepted, but kubectl prints "Warning: …" for each. kubesim covers the deprecated volume types.
 */
import type { KubeObject } from './object';
import type { PodSpec } from './types';

/** Where each workload kind keeps its pod spec. */
const POD_SPEC_PATHS: Record<string, string[]> = {
  Pod: ['spec'],
  ReplicaSet: ['spec', 'template', 'spec'],
  Deployment: ['spec', 'template', 'spec'],
  StatefulSet: ['spec', 'template', 'spec'],
  DaemonSet: ['spec', 'template', 'spec'],
  Job: ['spec', 'template', 'spec'],
  CronJob: ['spec', 'jobTemplate', 'spec', 'template', 'spec'],
};

function podSpecOf(obj: KubeObject, path: string[]): PodSpec | undefined {
  let at: unknown = obj;
  for (const key of path) at = (at as Record<string, unknown> | undefined)?.[key];
  return at as PodSpec | undefined;
}

export function objectWarnings(obj: KubeObject): string[] {
  const path = POD_SPEC_PATHS[obj.kind];
  const spec = path && podSpecOf(obj, path);
  if (!spec) return [];
  const at = path.join('.');
  const warnings: string[] = [];
  (spec.volumes ?? []).forEach((v, i) => {
    if (v.gitRepo) warnings.push(`${at}.volumes[${i}].gitRepo: deprecated in v1.11`);
  });
  return warnings;
}
