/**
 * The lessons' read-only LessonView over the main thread's mirror, answering as the core's
 * `list`/`get` do: `list` without a namespace spans all of them, in key order; `get` looks in
 * `default` when no namespace is given, and ignores the namespace for cluster-scoped kinds.
 */
import type { WireObject } from '../../protocol/messages';
import type { LessonView } from '../../scenarios/types';
import { objectKey } from '../../state/objects';

type ByKind = ReadonlyMap<string, ReadonlyMap<string, WireObject>>;

export function mirrorView(byKind: ByKind): LessonView {
  return {
    list(kind, namespace) {
      const objects = byKind.get(kind);
      if (!objects) return [];
      return [...objects.entries()]
        .filter(([, obj]) => namespace === undefined || obj.metadata.namespace === namespace)
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([, obj]) => obj);
    },
    get(kind, name, namespace) {
      const objects = byKind.get(kind);
      // The mirror does not know which kinds are namespaced; a cluster-scoped object's key has no namespace.
      return objects?.get(objectKey(kind, namespace ?? 'default', name)) ?? objects?.get(objectKey(kind, undefined, name));
    },
  };
}
