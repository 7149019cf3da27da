import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../api/object';
import { fixture, podFixture } from '../fixtures';
import { runKubectl } from '..';

const owned = (kind: string, name: string) => ({ ownerReferences: [{ apiVersion: 'apps/v1', kind, name, uid: `uid-${name}`, controller: true }] });

/** Pods bound to node-1 (no kubelet runs here: without `advance`, drain evicts and returns). */
const pods: KubeObject[] = [
  podFixture('web-1', { metadata: owned('ReplicaSet', 'web'), spec: { nodeName: 'node-1' } }),
  podFixture('kube-proxy-x7k2p', { metadata: { namespace: 'kube-system', ...owned('DaemonSet', 'kube-proxy') }, spec: { nodeName: 'node-1' } }),
  podFixture('scratch', { metadata: owned('ReplicaSet', 'scratch'), spec: { nodeName: 'node-1', volumes: [{ name: 'tmp', emptyDir: {} }] } }),
  podFixture('bare', { spec: { nodeName: 'node-1' } }),
  podFixture('static-node-1', { metadata: { annotations: { 'kubernetes.io/config.mirror': 'abc' } }, spec: { nodeName: 'node-1' } }),
  podFixture('elsewhere', { metadata: owned('ReplicaSet', 'web'), spec: { nodeName: 'node-2' } }),
];

function setup(objects: KubeObject[] = pods) {
  const f = fixture([{ apiVersion: 'v1', kind: 'Node', metadata: { name: 'node-1' }, spec: {} }, ...objects], 10);
  return { ...f, kubectl: (line: string) => runKubectl(f.ctx, line) };
}

describe('kubectl drain (k8s-semantics §5.4)', () => {
  it('cordons, then refuses with every filter\'s error (in the order of the pods), and leaves the node pending', () => {
    const { kubectl, ctx } = setup();
    const result = kubectl('drain node-1');
    expect(result.stdout).toBe('node/node-1 cordoned\n');
    expect(result.stderr).toBe(
      'error: unable to drain node "node-1" due to error: [cannot delete cannot delete Pods that declare no controller (use --force to override): default/bare, ' +
        'cannot delete Pods with local storage (use --delete-emptydir-data to override): default/scratch, ' +
        'cannot delete DaemonSet-managed Pods (use --ignore-daemonsets to ignore): kube-system/kube-proxy-x7k2p], continuing command...\n' +
        'There are pending nodes to be drained:\n node-1\n' +
        'cannot delete cannot delete Pods that declare no controller (use --force to override): default/bare\n' +
        'cannot delete Pods with local storage (use --delete-emptydir-data to override): default/scratch\n' +
        'cannot delete DaemonSet-managed Pods (use --ignore-daemonsets to ignore): kube-system/kube-proxy-x7k2p\n',
    );
    expect(result.exitCode).toBe(1);
    expect(ctx.api.list('Pod').filter((p) => p.metadata.deletionTimestamp)).toEqual([]);
  });

  it('says one error without brackets', () => {
    const { kubectl } = setup([pods[3]]);
    expect(kubectl('drain node-1').stderr).toBe(
      'error: unable to drain node "node-1" due to error: cannot delete cannot delete Pods that declare no controller (use --force to override): default/bare, continuing command...\n' +
        'There are pending nodes to be drained:\n node-1\n' +
        'cannot delete cannot delete Pods that declare no controller (use --force to override): default/bare\n',
    );
  });

  it('with the flags, warns and evicts all but DaemonSet and mirror pods; with no clock to move, it returns before they are gone', () => {
    const { kubectl, ctx } = setup();
    const result = kubectl('drain node-1 --ignore-daemonsets --delete-emptydir-data --force');
    expect(result).toEqual({
      stdout: 'node/node-1 cordoned\nevicting pod default/bare\nevicting pod default/scratch\nevicting pod default/web-1\n',
      // Only the last filter's warning survives for a pod (the local-storage one is overwritten, as in kubectl).
      stderr: 'Warning: deleting Pods that declare no controller: default/bare; ignoring DaemonSet-managed Pods: kube-system/kube-proxy-x7k2p\n',
      exitCode: 0,
    });
    const terminating = ctx.api.list('Pod').filter((p) => p.metadata.deletionTimestamp).map((p) => [p.metadata.name, p.metadata.deletionGracePeriodSeconds]);
    expect(terminating).toEqual([['bare', 30], ['scratch', 30], ['web-1', 30]]);
  });

  it('gives pods --grace-period seconds', () => {
    const { kubectl, ctx } = setup([pods[0]]);
    kubectl('drain node-1 --grace-period=5');
    expect(ctx.api.get('Pod', 'default', 'web-1')!.metadata.deletionGracePeriodSeconds).toBe(5);
  });

  it.each([
    ['drain', "error: USAGE: drain NODE [flags]\nSee 'kubectl drain -h' for help and examples\n"],
    ['drain node-9', 'Error from server (NotFound): nodes "node-9" not found\n'],
    ['drain node-1 --pod-selector="a in"', 'error: --pod-selector=<pod_selector> must be a valid label selector\n'],
    ['drain node-1 --timeout=5', `error: invalid argument "5" for "--timeout" flag: time: missing unit in duration "5"\nSee 'kubectl drain --help' for usage.\n`],
  ])('%s fails as kubectl does', (line, stderr) => {
    expect(setup().kubectl(line)).toEqual({ stdout: '', stderr, exitCode: 1 });
  });
});
