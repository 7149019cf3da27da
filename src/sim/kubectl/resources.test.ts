import { describe, expect, it } from 'vitest';
import { at, fixture, podFixture } from './fixtures';
import { findResources, type ResourceQuery } from './resources';

const objects = [
  podFixture('web-1'),
  podFixture('web-2', { metadata: { labels: { app: 'db' } } }),
  podFixture('sys-1', { metadata: { namespace: 'kube-system' } }),
  { apiVersion: 'v1', kind: 'Node', metadata: { name: 'node-1', creationTimestamp: at(0) } },
];
const { ctx } = fixture(objects, 10);

function query(args: string[], extra: Partial<ResourceQuery> = {}) {
  const result = findResources(ctx.api, { args, namespace: 'default', allNamespaces: false, allowEmptySelector: true, ...extra });
  return { names: result.found.map((f) => `${f.info.kind}/${f.object.metadata.name}`), errors: result.errors.map((e) => e.message), single: result.singleItemImplied };
}

describe('findResources (resource.Builder)', () => {
  it('lists a type in the namespace, or in all namespaces', () => {
    expect(query(['po']).names).toEqual(['Pod/web-1', 'Pod/web-2']);
    expect(query(['pods'], { allNamespaces: true }).names).toEqual(['Pod/web-1', 'Pod/web-2', 'Pod/sys-1']);
  });

  it('filters by label selector', () => {
    expect(query(['pods'], { selector: 'app=db' }).names).toEqual(['Pod/web-2']);
  });

  it('gets names, continuing past missing ones', () => {
    expect(query(['pod', 'web-1', 'nope', 'web-2'])).toEqual({ names: ['Pod/web-1', 'Pod/web-2'], errors: ['pods "nope" not found'], single: false });
    expect(query(['pod', 'web-1']).single).toBe(true);
  });

  it('accepts TYPE/NAME, mixed kinds, and cluster-scoped objects whatever the namespace', () => {
    expect(query(['pod/web-1', 'nodes/node-1'])).toEqual({ names: ['Pod/web-1', 'Node/node-1'], errors: [], single: false });
    expect(query(['node/node-1'], { namespace: 'other' }).single).toBe(true);
  });

  it('crosses several types with names: pods,nodes x → pods/x nodes/x', () => {
    expect(query(['pods,nodes', 'node-1']).errors).toEqual(['pods "node-1" not found']);
  });

  it('expands the all category to the workload types the server serves', () => {
    expect(query(['all']).names).toEqual(['Pod/web-1', 'Pod/web-2']);
  });

  it.each([
    [['pdos'], {}, 'the server doesn\'t have a resource type "pdos"'],
    [['deployments.foo'], {}, 'the server doesn\'t have a resource type "deployments"'],
    [['pod', 'pod/web-1'], {}, "there is no need to specify a resource type as a separate argument when passing arguments in resource/name form (e.g. 'kubectl get resource/<resource_name>' instead of 'kubectl get resource resource/<resource_name>'"],
    [['pods/a/b'], {}, 'arguments in resource/name form may not have more than one slash'],
    [['/a'], {}, 'arguments in resource/name form must have a single resource and name'],
    [['pod', 'web-1'], { allNamespaces: true }, 'a resource cannot be retrieved by name across all namespaces'],
    [['pod', 'web-1'], { selector: 'app=web' }, 'name cannot be provided when a selector is specified'],
    [['pod/web-1'], { selector: 'app=web' }, 'selectors and the all flag cannot be used when passing resource/name arguments'],
    [['all', 'web-1'], {}, 'you must specify only one resource'],
    [['pods'], { allowEmptySelector: false }, 'resource(s) were provided, but no name was specified'],
    [[], { allowEmptySelector: false, selector: 'a=b' }, 'at least one resource must be specified to use a selector'],
    [['pods'], { selectAll: true, selector: 'a=b' }, "setting 'all' parameter but found a non empty selector. "],
    [[], {}, 'You must provide one or more resources by argument or filename.'],
  ])('rejects %j %j with the builder\'s words', (args, extra, message) => {
    expect(() => query(args, extra)).toThrow(message);
  });
});
