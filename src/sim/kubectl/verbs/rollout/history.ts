/**
 * `kubectl rollout history` (rollout_history.go, polymorphichelpers/history.go): a Deployment's
 * revisions are its ReplicaSets' revision annotations, with their kubernetes.io/change-cause.
 */
import { revisionOf } from '../../../controllers/deployment/util';
import type { ApiServer } from '../../../api/server';
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

export const CHANGE_CAUSE = 'kubernetes.io/change-cause';

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

/** DeploymentHistoryViewer.ViewHistory: the REVISION / CHANGE-CAUSE table, or one revision's pod template. */
function viewHistory(api: ApiServer, d: Deployment, revision: number): string {
  const history = revisions(api, d);
  if (history.size === 0) return 'No rollout history found.';
  if (revision > 0) {
    const rs = history.get(revision);
    if (!rs) throw new KubectlError('unable to find the specified revision');
    // printTemplate writes through a bare PrefixWriter: its tabs are not aligned.
    const w = new DescribeWriter({ aligned: false });
    describePodTemplate(w, rs.spec?.template);
    return w.toString();
  }
  const rows = [...history.keys()].sort((a, b) => a - b).map((r) => `${r}\t${history.get(r)!.metadata?.annotations?.[CHANGE_CAUSE] || '<none>'}\n`);
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
      if (info.kind !== 'Deployment') {
        errors.push(new KubectlError(`no history viewer has been implemented for ${JSON.stringify(groupKindString(info))}`));
        continue;
      }
      let text: string;
      try {
        text = viewHistory(inv.ctx.api, object as Deployment, revision);
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
