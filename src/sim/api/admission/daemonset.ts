/**
 * The DaemonSet registry strategy's templateGeneration (PrepareForCreate/Update), which apps/v1
 * shows as an annotation: 1 on create, +1 whenever the pod template changes (k8s-semantics §8).
 */
import { deepEqual } from '../../util/equal';
import type { DaemonSet } from '../types';
import type { AdmissionPlugin, AdmissionRequest } from './plugin';

export const TEMPLATE_GENERATION_ANNOTATION = 'deprecated.daemonset.template.generation';

export class DaemonSetTemplateGeneration implements AdmissionPlugin {
  readonly name = 'DaemonSetStrategy';

  admit({ obj, old }: AdmissionRequest): void {
    if (obj.kind !== 'DaemonSet') return;
    const ds = obj as DaemonSet;
    const previous = old ? Number(old.metadata.annotations?.[TEMPLATE_GENERATION_ANNOTATION] ?? 1) : 0;
    const changed = !old || !deepEqual(ds.spec?.template, (old as DaemonSet).spec?.template);
    ds.metadata!.annotations = { ...ds.metadata!.annotations, [TEMPLATE_GENERATION_ANNOTATION]: String(changed ? previous + 1 : previous) };
  }
}
