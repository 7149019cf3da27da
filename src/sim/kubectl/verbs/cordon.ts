/**
 * `kubectl cordon` and `uncordon` (k8s.io/kubectl/pkg/cmd/drain, k8s-semantics §5.4): nodes by
 * name or -l, spec.unschedulable set or cleared; the node lifecycle controller adds the taint.
 */
import { parseSelectorString } from '../../api/labels';
import { clone, type KubeObject } from '../../api/object';
import type { Node } from '../../api/types';
import type { Invocation, Verb } from '../command';
import { KubectlError } from '../errors';
import { mappingFor } from '../resources';
import { SELECTOR } from './common';

/** DrainCmdOptions.Complete: the nodes named (NODE or node/NODE) or selected, failing on the first missing. */
export function nodesFor(inv: Invocation): Node[] {
  const selector = inv.flags.string('selector');
  const hint = `\nSee 'kubectl ${inv.path} -h' for help and examples`;
  if (inv.args.length === 0 && !inv.flags.changed('selector')) throw new KubectlError(`USAGE: ${inv.path} NODE [flags]${hint}`);
  if (inv.args.length > 0 && selector) throw new KubectlError(`error: cannot specify both a node name and a --selector option${hint}`);
  if (inv.args.length === 0) {
    let matches: (labels: Record<string, string> | undefined) => boolean;
    try {
      matches = parseSelectorString(selector);
    } catch (err) {
      throw new KubectlError((err as Error).message);
    }
    return (inv.ctx.api.list('Node') as Node[]).filter((n) => matches(n.metadata?.labels));
  }
  return inv.args.map((arg) => {
    const slash = arg.indexOf('/');
    const info = mappingFor(slash >= 0 ? arg.slice(0, slash) : 'nodes');
    const name = slash >= 0 ? arg.slice(slash + 1) : arg;
    const obj = inv.ctx.api.read(info.kind, inv.namespace, name);
    // GroupVersionResource's String(): "/v1, Resource=pods", "apps/v1, Resource=deployments".
    if (info.kind !== 'Node') throw new KubectlError(`error: expected resource of type node, got "${info.group}/${info.version}, Resource=${info.resource}"`);
    return obj as Node;
  });
}

/** RunCordonOrUncordon: "cordoned" / "already cordoned" (and the uncordon pair) for each node. */
export function cordonNodes(inv: Invocation, nodes: readonly Node[], desired: boolean): void {
  const verb = desired ? 'cordon' : 'uncordon';
  for (const node of nodes) {
    const name = node.metadata?.name ?? '';
    if ((node.spec?.unschedulable ?? false) === desired) {
      inv.out.out(`node/${name} already ${verb}ed\n`);
      continue;
    }
    const updated = clone(node as KubeObject) as Node;
    // The patch sets unschedulable: true, or drops the field (false is its zero value).
    if (desired) updated.spec = { ...updated.spec, unschedulable: true };
    else delete updated.spec!.unschedulable;
    try {
      inv.ctx.api.update(updated as KubeObject, 'kubectl', 'patch');
    } catch (err) {
      inv.out.err(`error: unable to ${verb} node ${JSON.stringify(name)}: ${(err as Error).message}\n`);
      continue;
    }
    inv.out.out(`node/${name} ${verb}ed\n`);
  }
}

export const cordonVerb: Verb = {
  name: 'cordon',
  group: 'Cluster Management Commands:',
  short: 'Mark node as unschedulable',
  long: 'Mark node as unschedulable.',
  examples: `  # Mark node "foo" as unschedulable
  kubectl cordon foo`,
  usage: 'kubectl cordon NODE [options]',
  flags: [SELECTOR],
  run(inv) {
    cordonNodes(inv, nodesFor(inv), true);
    return 0;
  },
};

export const uncordonVerb: Verb = {
  name: 'uncordon',
  group: 'Cluster Management Commands:',
  short: 'Mark node as schedulable',
  long: 'Mark node as schedulable.',
  examples: `  # Mark node "foo" as schedulable
  kubectl uncordon foo`,
  usage: 'kubectl uncordon NODE [options]',
  flags: [SELECTOR],
  run(inv) {
    cordonNodes(inv, nodesFor(inv), false);
    return 0;
  },
};
