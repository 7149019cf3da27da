/**
 * `kubectl rollout history` (rollout_history.go, polymorphichelpers/history.go): a Deployment's
 * revisions are its ReplicaSets' revision annotations, a StatefulSet's or DaemonSet's its
 * ControllerRevisions, each with its kubernetes.io/change-cause.
 */
import { revisionOf } from '../../../controllers/deployment/util';
import type { KubeObject } from '../../../api/object';
import type { ApiServer } from '../../../api/server';
import { templateOf } from '../../../controllers/history';
import type { Deployment, ReplicaSet } from '../../../api/types';
import type { Verb } from '../../command';
import { describePodTemplate } from '../../describe/containers';
import { replicaSetsOf } from '../../describe/deployment';
import { DescribeWriter } from '../../describe/writer';
import { AggregateError, KubectlError } from '../../errors';
import { findResources, kindString } from '../../resources';
import { DESCRIBE_TABWRITER, tabify } from '../../tabwriter';
import { SELECTOR } from '../common';
import { groupKindString } from './common';
import { revisionHistory, type HistoryEntry } from './controllerrevisions';

export const CHANGE_CAUSE = 'kubernetes.io/change-cause';
const HISTORY_KINDS = new Set(['Deployment', 'StatefulSet', 'DaemonSet']);

/** The Deployment's ReplicaSets by revision (a later one wins a duplicated number, as the map in ViewHistory). */
export function revisions(api: ApiServer, d: Deployment): Map<number, ReplicaSet> {
  const { oldRSs, newRS } = replicaSetsOf(api, d);
  const byRevision = new Map<number, ReplicaSet>();
  for (const rs of [...oldRSs, ...(newRS ? [newRS] : [])]) {
    // deploymentutil.Revision: a ReplicaSet without the annotation is revision 0.
    byRevision.set(revisionOf(rs), rs);
  }
  return byRevision;
}

/** A kind's revisions by number: a Deployment's ReplicaSets, or a StatefulSet's or DaemonSet's ControllerRevisions. */
function historyOf(api: ApiServer, obj: KubeObject): Map<number, HistoryEntry> {
  const entries = new Map<number, HistoryEntry>();
  if (obj.kind === 'Deployment') {
    for (const [n, rs] of revisions(api, obj as Deployment)) entries.set(n, { changeCause: rs.metadata?.annotations?.[CHANGE_CAUSE], template: rs.spec?.template });
  } else {
    for (const [n, r] of revisionHistory(api, obj)) entries.set(n, { changeCause: r.metadata?.annotations?.[CHANGE_CAUSE], template: templateOf(r) });
  }
  return entries;
}

/** ViewHistory / printHistory: the REVISION / CHANGE-CAUSE table, or one revision's pod template. */
function viewHistory(api: ApiServer, obj: KubeObject, revision: number): string {
  const history = historyOf(api, obj);
  if (history.size === 0) return 'No rollout history found.';
  if (revision > 0) {
    const entry = history.get(revision);
    if (!entry) throw new KubectlError('unable to find the specified revision');
    // printTemplate writes through a bare PrefixWriter: its tabs are not aligned.
    const w = new DescribeWriter({ aligned: false });
    describePodTemplate(w, entry.template);
    return w.toString();
  }
  const rows = [...history.keys()].sort((a, b) => a - b).map((r) => `${r}\t${history.get(r)!.changeCause || '<none>'}\n`);
  return tabify(`REVISION\tCHANGE-CAUSE\n${rows.join('')}`, DESCRIBE_TABWRITER);
}

export const historyVerb: Verb = {
  name: 'history',
  short: 'View rollout history',
  long: 'View previous rollout revisions and configurations.',
  examples: `  # View the rollout history of a deployment
  kubectl rollout history deployment/abc
  
  # View the details of daemonset revision 3
  kubectl rollout history daemonset/abc --revision=3`,
  usage: 'kubectl rollout history (TYPE NAME | TYPE/NAME) [flags] [options]',
  flags: [{ name: 'revision', type: 'int', default: 0, usage: 'See the details, including podTemplate of the revision specified' }, SELECTOR],
  run(inv) {
    if (inv.args.length === 0) throw new KubectlError('required resource not specified');
    const revision = inv.flags.int('revision');
    if (revision < 0) throw new KubectlError(`revision must be a positive integer: ${revision}`);
    const result = findResources(inv.ctx.api, { args: inv.args, namespace: inv.namespace, allNamespaces: false, selector: inv.flags.string('selector'), allowEmptySelector: true });
    const errors: Error[] = [...result.errors];
    for (const { info, object } of result.found) {
      if (!HISTORY_KINDS.has(info.kind)) {
        errors.push(new KubectlError(`no history viewer has been implemented for ${JSON.stringify(groupKindString(info))}`));
        continue;
      }
      let text: string;
      try {
        text = viewHistory(inv.ctx.api, object, revision);
      } catch (err) {
        if (!(err instanceof KubectlError)) throw err;
        errors.push(err);
        continue;
      }
      // The name printer with the operation "<with revision #N>\n<history>".
      const withRevision = revision > 0 ? `with revision #${revision}` : '';
      inv.out.out(`${kindString(info)}/${object.metadata.name} ${withRevision}\n${text}\n`);
    }
    if (errors.length) throw new AggregateError(errors);
    return 0;
  },
};
