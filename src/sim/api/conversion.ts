/**
 * Versions the apiserver serves besides a kind's storage version, and the conversions between
 * them: autoscaling/v1 HorizontalPodAutoscalers, which tutorials still write, are stored as v2.
 */
import type * as autoscalingV1 from 'kubernetes-types/autoscaling/v1';
import type { KubeObject } from './object';
import { apiVersionOf, type ResourceInfo } from './kinds';
import type { HorizontalPodAutoscaler, Mutable } from './types';

type HpaV1 = Mutable<autoscalingV1.HorizontalPodAutoscaler>;

const OTHER_VERSIONS: Record<string, string[]> = { HorizontalPodAutoscaler: ['autoscaling/v1'] };

export function servesVersion(info: ResourceInfo, apiVersion: unknown): boolean {
  return apiVersion === apiVersionOf(info) || (OTHER_VERSIONS[info.kind] ?? []).includes(String(apiVersion));
}

function hpaToV2(hpa: HpaV1): HorizontalPodAutoscaler {
  const { targetCPUUtilizationPercentage, ...spec } = hpa.spec ?? { maxReplicas: 0, scaleTargetRef: { kind: '', name: '' } };
  const metrics =
    targetCPUUtilizationPercentage === undefined
      ? undefined
      : [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: targetCPUUtilizationPercentage } } }];
  return { apiVersion: 'autoscaling/v2', kind: hpa.kind, metadata: hpa.metadata, spec: { ...spec, ...(metrics ? { metrics } : {}) } };
}

/** v2 → v1 keeps the CPU utilization target, the only metric v1 has. */
function hpaToV1(hpa: HorizontalPodAutoscaler): HpaV1 {
  const { metrics, behavior: _behavior, ...spec } = hpa.spec ?? { maxReplicas: 0, scaleTargetRef: { kind: '', name: '' } };
  const cpu = metrics?.find((m) => m.type === 'Resource' && m.resource?.name === 'cpu')?.resource?.target.averageUtilization;
  return { apiVersion: 'autoscaling/v1', kind: hpa.kind, metadata: hpa.metadata, spec: { ...spec, ...(cpu === undefined ? {} : { targetCPUUtilizationPercentage: cpu }) } };
}

/** The object in its kind's storage version; objects already in it come back unchanged. */
export function toStorageVersion(obj: KubeObject, info: ResourceInfo): KubeObject {
  if (obj.apiVersion === apiVersionOf(info)) return obj;
  if (obj.kind === 'HorizontalPodAutoscaler' && obj.apiVersion === 'autoscaling/v1') return hpaToV2(obj as HpaV1) as KubeObject;
  return obj;
}

/** A stored object's spec and metadata as a client asking for `apiVersion` sees them (no status). */
export function toVersion(obj: KubeObject, apiVersion: string): KubeObject {
  if (obj.apiVersion === apiVersion) return obj;
  if (obj.kind === 'HorizontalPodAutoscaler' && apiVersion === 'autoscaling/v1') return hpaToV1(obj as HorizontalPodAutoscaler) as KubeObject;
  return obj;
}
