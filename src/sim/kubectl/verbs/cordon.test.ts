import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../api/object';
import { fixture, podFixture } from '../fixtures';
import { runKubectl } from '..';

const node = (name: string, labels: Record<string, string> = {}): KubeObject => ({ apiVersion: 'v1', kind: 'Node', metadata: { name, labels }, spec: {} });

function setup() {
  const f = fixture([node('node-1', { zone: 'a' }), node('node-2', { zone: 'a' }), node('node-3'), podFixture('web-1')], 10);
  const unschedulable = (name: string) => (f.ctx.api.get('Node', undefined, name)!.spec as { unschedulable?: boolean }).unschedulable;
  return { ...f, unschedulable, kubectl: (line: string) => runKubectl(f.ctx, line) };
}

describe('kubectl cordon and uncordon (k8s-semantics §5.4)', () => {
  it('marks a node unschedulable and back, saying when it already was', () => {
    const { kubectl, unschedulable } = setup();
    expect(kubectl('cordon node-1')).toEqual({ stdout: 'node/node-1 cordoned\n', stderr: '', exitCode: 0 });
    expect(unschedulable('node-1')).toBe(true);
    expect(kubectl('cordon node/node-1').stdout).toBe('node/node-1 already cordoned\n');
    expect(kubectl('uncordon node-1').stdout).toBe('node/node-1 uncordoned\n');
    expect(unschedulable('node-1')).toBeUndefined();
    expect(kubectl('uncordon node-1').stdout).toBe('node/node-1 already uncordoned\n');
  });

  it('takes several nodes, or a selector', () => {
    const { kubectl } = setup();
    expect(kubectl('cordon -l zone=a').stdout).toBe('node/node-1 cordoned\nnode/node-2 cordoned\n');
    expect(kubectl('uncordon node-1 node-3').stdout).toBe('node/node-1 uncordoned\nnode/node-3 already uncordoned\n');
  });

  it.each([
    ['cordon', "error: USAGE: cordon NODE [flags]\nSee 'kubectl cordon -h' for help and examples\n"],
    ['uncordon', "error: USAGE: uncordon NODE [flags]\nSee 'kubectl uncordon -h' for help and examples\n"],
    ['cordon node-1 -l zone=a', "error: cannot specify both a node name and a --selector option\nSee 'kubectl cordon -h' for help and examples\n"],
    ['cordon node-1 node-9', 'Error from server (NotFound): nodes "node-9" not found\n'],
    ['cordon pod/web-1', 'error: expected resource of type node, got "/v1, Resource=pods"\n'],
  ])('%s fails as kubectl does, changing nothing', (line, stderr) => {
    const { kubectl, unschedulable } = setup();
    expect(kubectl(line)).toEqual({ stdout: '', stderr, exitCode: 1 });
    expect(unschedulable('node-1')).toBeUndefined();
  });
});
