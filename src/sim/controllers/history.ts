/**
 * ControllerRevisions, the history StatefulSets and DaemonSets keep of their pod templates
 * (pkg/controller/history and the controllers' getPatch/snapshot): one revision per distinct
 * template, named `<owner>-<hash>`, labelled controller-revision-hash=<hash>, numbered 1, 2, …;
 * going back to an old template renumbers its revision instead of creating another.
 */
import { ApiError } from '../api/errors';
import { clone, controllerOf, type KubeObject } from '../api/object';
import type { ApiServer } from '../api/server';
import { selectorMatches } from '../api/labels';
import type { ControllerRevision, LabelSelector, PodTemplateSpec } from '../api/types';
import { deepEqual } from '../util/equal';
import { computeHash } from './deployment/util';
import { controllerRefTo } from './replicaset';

export const CONTROLLER_REVISION_HASH = 'controller-revision-hash';

/** The pod template of the owner, a StatefulSet or a DaemonSet. */
const templateOfOwner = (owner: KubeObject) => (owner.spec as { template?: PodTemplateSpec } | undefined)?.template;

/** getPatch: the revision's data is a strategic-merge patch that replaces the whole template. */
function patchOf(template: PodTemplateSpec | undefined): { spec: { template: Record<string, unknown> } } {
  return { spec: { template: { ...clone(template ?? {}), $patch: 'replace' } } };
}

/** The pod template a revision restores (ApplyRevision / applyDaemonSetHistory). */
export function templateOf(revision: ControllerRevision): PodTemplateSpec {
  const data = revision.data as { spec?: { template?: Record<string, unknown> } } | undefined;
  const { $patch: _replace, ...template } = clone(data?.spec?.template ?? {});
  return template as PodTemplateSpec;
}

export function revisionNumber(revision: ControllerRevision): number {
  return revision.revision ?? 0;
}

/** The owner's revisions, oldest number first (history.SortControllerRevisions). */
export function ownedRevisions(api: ApiServer, owner: KubeObject): ControllerRevision[] {
  return (api.dependents(owner.metadata.uid!).filter((o) => o.kind === 'ControllerRevision' && controllerOf(o)?.uid === owner.metadata.uid) as ControllerRevision[]).sort(
    (a, b) => revisionNumber(a) - revisionNumber(b) || (a.metadata!.creationTimestamp! < b.metadata!.creationTimestamp! ? -1 : 1) || (a.metadata!.name! < b.metadata!.name! ? -1 : 1),
  );
}

/** ClaimControllerRevisions: revisions no controller owns whose labels the owner's selector matches are adopted. */
function adoptOrphans(api: ApiServer, actor: string, owner: KubeObject): void {
  if (owner.metadata.deletionTimestamp) return;
  const selector = (owner.spec as { selector?: LabelSelector } | undefined)?.selector;
  for (const orphan of api.uncontrolled('ControllerRevision', owner.metadata.namespace)) {
    if (!selectorMatches(selector, orphan.metadata.labels)) continue;
    const adopted = clone(orphan);
    adopted.metadata.ownerReferences = [...(orphan.metadata.ownerReferences ?? []), controllerRefTo(owner)];
    api.update(adopted, actor, 'patch');
  }
}

/** Whether a revision holds this template: the hash label, then the data itself, must agree (EqualRevision). */
export function revisionMatches(revision: ControllerRevision, template: PodTemplateSpec | undefined): boolean {
  return deepEqual(revision.data, patchOf(template));
}

/** NewControllerRevision: template labels plus the hash label, the owner's annotations, a controller ref. */
function newRevision(owner: KubeObject, revision: number, collisionCount: number): ControllerRevision {
  const template = templateOfOwner(owner);
  const hash = computeHash(template ?? {}, collisionCount);
  return {
    apiVersion: 'apps/v1',
    kind: 'ControllerRevision',
    metadata: {
      name: `${owner.metadata.name}-${hash}`,
      namespace: owner.metadata.namespace,
      labels: { ...(template?.metadata?.labels ?? {}), [CONTROLLER_REVISION_HASH]: hash },
      ...(owner.metadata.annotations ? { annotations: clone(owner.metadata.annotations) } : {}),
      ownerReferences: [controllerRefTo(owner)],
    },
    data: patchOf(template),
    revision,
  };
}

export interface Revisions {
  current: ControllerRevision;
  update: ControllerRevision;
  /** All revisions after this sync, oldest number first. */
  all: ControllerRevision[];
  collisionCount: number;
}

/**
 * getStatefulSetRevisions / constructHistory: the revision of the owner's template (reused if the
 * latest already holds it, renumbered to the next number if an older one does, created otherwise —
 * a name taken by a different template bumps collisionCount and hashes again), and the current
 * revision named by `currentName` (the update revision when there is none yet).
 */
export function syncRevisions(api: ApiServer, actor: string, owner: KubeObject, currentName: string | undefined): Revisions {
  adoptOrphans(api, actor, owner);
  let all = ownedRevisions(api, owner);
  let collisionCount = (owner.status as { collisionCount?: number } | undefined)?.collisionCount ?? 0;
  const next = (all.length ? revisionNumber(all[all.length - 1]) : 0) + 1;
  const equal = all.filter((r) => revisionMatches(r, templateOfOwner(owner)));
  let update: ControllerRevision;
  if (equal.length && equal[equal.length - 1] === all[all.length - 1]) {
    update = all[all.length - 1];
  } else if (equal.length) {
    const renumbered = clone(equal[equal.length - 1]);
    renumbered.revision = next;
    update = api.update(renumbered as KubeObject, actor) as ControllerRevision;
  } else {
    ({ update, collisionCount } = createRevision(api, actor, owner, next, collisionCount));
  }
  all = ownedRevisions(api, owner);
  const current = all.find((r) => r.metadata!.name === currentName) ?? update;
  return { current, update, all, collisionCount };
}

/** CreateControllerRevision: while the name belongs to another template, hash again with collisionCount + 1. */
function createRevision(api: ApiServer, actor: string, owner: KubeObject, revision: number, collisionCount: number): { update: ControllerRevision; collisionCount: number } {
  for (let count = collisionCount; ; count++) {
    const wanted = newRevision(owner, revision, count);
    try {
      return { update: api.create(wanted as KubeObject, actor) as ControllerRevision, collisionCount: count };
    } catch (err) {
      if (!(err instanceof ApiError) || err.reason !== 'AlreadyExists') throw err;
      const existing = api.get('ControllerRevision', owner.metadata.namespace, wanted.metadata!.name!) as ControllerRevision;
      if (controllerOf(existing as KubeObject)?.uid === owner.metadata.uid && deepEqual(existing.data, wanted.data)) return { update: existing, collisionCount: count };
    }
  }
}

/** Deletes the oldest revisions that are not live until at most `limit` of them remain. */
export function truncateHistory(api: ApiServer, actor: string, revisions: ControllerRevision[], live: (r: ControllerRevision) => boolean, limit: number): void {
  const history = revisions.filter((r) => !live(r));
  for (const r of history.slice(0, Math.max(0, history.length - limit))) {
    api.delete('ControllerRevision', r.metadata!.namespace, r.metadata!.name!, actor);
  }
}
