import { describe, expect, it } from 'vitest';
import type { WireObject } from '../../protocol/messages';
import { LESSONS } from '../../scenarios';
import { applyPatch, emptyView, viewFromSnapshot } from '../../state/cluster';
// The parity test drives the real core to compare the adapter's answers with the core's own view.
// eslint-disable-next-line no-restricted-imports
import { createCluster } from '../../sim';
import { mirrorView } from './mirror-view';
import { passes } from './use-step-check';

const obj = (kind: string, name: string, namespace?: string, extra: Partial<WireObject> = {}): WireObject => ({
  apiVersion: 'v1',
  kind,
  metadata: { name, ...(namespace ? { namespace } : {}) },
  ...extra,
});

describe('mirrorView', () => {
  const view = mirrorView(
    viewFromSnapshot([
      obj('Pod', 'web', 'default'),
      obj('Pod', 'api', 'default'),
      obj('Pod', 'web', 'team-a'),
      obj('Namespace', 'team-a'),
      obj('PersistentVolume', 'pv-small'),
    ]).byKind,
  );

  it('lists a kind across all namespaces in key order, or in one namespace', () => {
    expect(view.list('Pod').map((p) => `${p.metadata?.namespace}/${p.metadata?.name}`)).toEqual(['default/api', 'default/web', 'team-a/web']);
    expect(view.list('Pod', 'team-a').map((p) => p.metadata?.name)).toEqual(['web']);
    expect(view.list('Deployment')).toEqual([]);
  });

  it('gets from default without a namespace, and cluster-scoped objects whatever the namespace', () => {
    expect(view.get('Pod', 'web')?.metadata?.namespace).toBe('default');
    expect(view.get('Pod', 'web', 'team-a')?.metadata?.namespace).toBe('team-a');
    expect(view.get('Pod', 'api', 'team-a')).toBeUndefined();
    expect(view.get('Namespace', 'team-a')?.kind).toBe('Namespace');
    expect(view.get('PersistentVolume', 'pv-small', 'default')?.kind).toBe('PersistentVolume');
    expect(view.get('PersistentVolume', 'pv-large')).toBeUndefined();
  });

  it('sees a patch: a deleted object is gone', () => {
    const before = viewFromSnapshot([obj('Pod', 'web', 'default')]);
    const after = applyPatch(before, [], ['Pod/default/web']);
    expect(mirrorView(before.byKind).get('Pod', 'web')).toBeDefined();
    expect(mirrorView(after.byKind).get('Pod', 'web')).toBeUndefined();
    expect(mirrorView(emptyView().byKind).list('Pod')).toEqual([]);
  });

  it('counts a check that throws as not passed', () => {
    const step = { ...LESSONS[1].steps[0], check: () => JSON.parse('{') as boolean };
    expect(passes(step, emptyView().byKind)).toBe(false);
  });
});

describe('mirrorView against the core', () => {
  // Namespaced and cluster-scoped kinds, several namespaces: Pods, Namespace + ResourceQuota, PV + PVC.
  it.each(['pods', 'namespaces', 'storage'])('%s: every step checks the same on the mirror as on the core', (id) => {
    const lesson = LESSONS.find((l) => l.id === id)!;
    const cluster = createCluster({ nodes: lesson.nodes ?? 3 });
    const mirrorPassed: string[] = [];
    for (const step of lesson.steps) {
      for (const action of step.solution) {
        if ('apply' in action) cluster.apply(action.apply);
        else cluster.kubectl(action.kubectl);
      }
      for (let waited = 0; !step.check(cluster) && waited < (step.settleSeconds ?? 120); waited++) cluster.advance(1000);
      const mirror = viewFromSnapshot(cluster.objects());
      for (const s of lesson.steps) expect(passes(s, mirror.byKind), `${s.id} after ${step.id}`).toBe(s.check(cluster));
      if (passes(step, mirror.byKind)) mirrorPassed.push(step.id);
    }
    expect(mirrorPassed).toEqual(lesson.steps.map((s) => s.id));
  });
});
