/**
 * `kubectl rollout status` (k8s.io/kubectl/pkg/cmd/rollout/rollout_status.go): prints the
 * deployment's, statefulset's or daemon set's status message (k8s-semantics §1.13, §7.3, §8) and,
 * where kubesim can move virtual time, watches it as kubectl does until the rollout is done, its
 * progress deadline passes, or --timeout.
 */
import { getCondition, REVISION } from '../../../controllers/deployment/util';
import type { KubeObject } from '../../../api/object';
import type { DaemonSet, Deployment, StatefulSet } from '../../../api/types';
import type { Invocation, Verb } from '../../command';
import { goDuration } from '../../duration';
import { KubectlError } from '../../errors';
import { findResources } from '../../resources';
import { SELECTOR } from '../common';
import { groupKindString } from './common';
import { daemonSetStatus, statefulSetStatus } from './controllerrevisions';

/** How often kubesim looks at the deployment again while it waits (kubectl reacts to each watch event). */
const STEP_MS = 1000;
/**
 * kubectl waits forever on a rollout that neither finishes nor times out (a paused one, say).
 * kubesim stops after this long without a change past the deadline, so the command always ends.
 */
const GRACE_AFTER_DEADLINE_MS = 60_000;
/** A deadline beyond an hour (or progressDeadlineSeconds: MaxInt32) waits an hour at most. */
const MAX_IDLE_MS = 3_600_000;

/** DeploymentStatusViewer.Status: the message, whether the rollout is done; errors as kubectl's. */
export function deploymentStatus(d: Deployment, revision: number): { message: string; done: boolean } {
  const name = d.metadata?.name ?? '';
  if (revision > 0) {
    const running = parseInt(d.metadata?.annotations?.[REVISION] ?? '', 10);
    if (!Number.isFinite(running)) throw new KubectlError(`cannot get the revision of deployment ${JSON.stringify(name)}: strconv.ParseInt: parsing "": invalid syntax`);
    if (running !== revision) throw new KubectlError(`desired revision (${revision}) is different from the running revision (${running})`);
  }
  const status = d.status ?? {};
  if ((d.metadata?.generation ?? 0) > (status.observedGeneration ?? 0)) return { message: 'Waiting for deployment spec update to be observed...\n', done: false };
  // k8s-semantics §1.13, checked in this order.
  if (getCondition(status, 'Progressing')?.reason === 'ProgressDeadlineExceeded') throw new KubectlError(`deployment ${JSON.stringify(name)} exceeded its progress deadline`);
  const replicas = d.spec?.replicas ?? 1;
  const updated = status.updatedReplicas ?? 0;
  const waiting = (what: string) => ({ message: `Waiting for deployment ${JSON.stringify(name)} rollout to finish: ${what}...\n`, done: false });
  if (updated < replicas) return waiting(`${updated} out of ${replicas} new replicas have been updated`);
  if ((status.replicas ?? 0) > updated) return waiting(`${(status.replicas ?? 0) - updated} old replicas are pending termination`);
  if ((status.availableReplicas ?? 0) < updated) return waiting(`${status.availableReplicas ?? 0} of ${updated} updated replicas are available`);
  return { message: `deployment ${JSON.stringify(name)} successfully rolled out\n`, done: true };
}

/** StatusViewerFor: the kind's status message and whether its rollout is done. */
function viewStatus(obj: KubeObject, revision: number): { message: string; done: boolean } {
  if (obj.kind === 'StatefulSet') return statefulSetStatus(obj as StatefulSet);
  if (obj.kind === 'DaemonSet') return daemonSetStatus(obj as DaemonSet);
  return deploymentStatus(obj as Deployment, revision);
}

/** How long kubesim waits without a change: past a Deployment's deadline, or as long as the default one for kinds without. */
function idleLimit(obj: KubeObject): number {
  const deadline = obj.kind === 'Deployment' ? ((obj as Deployment).spec?.progressDeadlineSeconds ?? 600) : 600;
  return Math.min(deadline * 1000 + GRACE_AFTER_DEADLINE_MS, MAX_IDLE_MS);
}

function watch(inv: Invocation, kind: string, namespace: string, name: string, advance: (ms: number) => void): number {
  const revision = inv.flags.int('revision');
  const timeout = inv.flags.duration('timeout');
  const read = () => {
    const obj = inv.ctx.api.get(kind, namespace, name);
    // A Deleted watch event ends the watch (kubectl will not follow a recreated object).
    if (!obj) throw new KubectlError('object has been deleted');
    return obj;
  };
  let obj = read();
  let { message, done } = viewStatus(obj, revision);
  inv.out.out(message);
  let waited = 0;
  let idle = 0;
  while (!done) {
    if (idle >= idleLimit(obj)) {
      inv.out.err(`kubesim stopped watching after ${goDuration(idle)} of simulated time without a change; kubectl would keep waiting (see --timeout)\n`);
      return 1;
    }
    if (timeout > 0 && waited >= timeout) throw new KubectlError('timed out waiting for the condition');
    advance(STEP_MS);
    waited += STEP_MS;
    obj = read();
    const next = viewStatus(obj, revision);
    done = next.done;
    if (next.message === message) {
      idle += STEP_MS;
      continue;
    }
    idle = 0;
    message = next.message;
    inv.out.out(message);
  }
  return 0;
}

export const statusVerb: Verb = {
  name: 'status',
  short: 'Show the status of the rollout',
  long: `Show the status of the rollout.

 By default 'rollout status' will watch the status of the latest rollout until it's done. If you don't want to wait for the rollout to finish then you can use --watch=false. Note that if a new rollout starts in-between, then 'rollout status' will continue watching the latest revision. If you want to pin to a specific revision and abort if it is rolled over by another revision, use --revision=N where N is the revision you need to watch for.`,
  examples: `  # Watch the rollout status of a deployment
  kubectl rollout status deployment/nginx`,
  usage: 'kubectl rollout status (TYPE NAME | TYPE/NAME) [flags] [options]',
  flags: [
    { name: 'revision', type: 'int', default: 0, usage: 'Pin to a specific revision for showing its status. Defaults to 0 (last revision).' },
    SELECTOR,
    {
      name: 'timeout',
      type: 'duration',
      default: 0,
      usage: 'The length of time to wait before ending watch, zero means never. Any other values should contain a corresponding time unit (e.g. 1s, 2m, 3h).',
    },
    { name: 'watch', shorthand: 'w', type: 'bool', default: true, usage: "Watch the status of the rollout until it's done." },
  ],
  run(inv) {
    if (inv.args.length === 0) throw new KubectlError('required resource not specified');
    const revision = inv.flags.int('revision');
    if (revision < 0) throw new KubectlError(`revision must be a positive integer: ${revision}`);
    const result = findResources(inv.ctx.api, { args: inv.args, namespace: inv.namespace, allNamespaces: false, selector: inv.flags.string('selector'), allowEmptySelector: true });
    if (result.errors.length) throw result.errors[0];
    if (result.found.length !== 1) {
      throw new KubectlError(`rollout status is only supported on individual resources and resource collections - ${result.found.length} resources were found`);
    }
    const [{ info, object }] = result.found;
    if (!['Deployment', 'StatefulSet', 'DaemonSet'].includes(info.kind)) throw new KubectlError(`no status viewer has been implemented for ${groupKindString(info)}`);
    const advance = inv.ctx.advance;
    if (!advance || !inv.flags.bool('watch')) {
      inv.out.out(viewStatus(object, revision).message);
      return 0;
    }
    return watch(inv, info.kind, object.metadata.namespace ?? inv.namespace, object.metadata.name ?? '', advance);
  },
};
