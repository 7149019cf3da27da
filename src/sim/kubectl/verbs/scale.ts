/** `kubectl scale` (k8s.io/kubectl/pkg/cmd/scale): sets spec.replicas through the API, with preconditions. */
import { ApiError } from '../../api/errors';
import type { KubeObject } from '../../api/object';
import type { Verb } from '../command';
import { AggregateError, KubectlError } from '../errors';
import { findResources, kindString } from '../resources';
import { SELECTOR } from './common';

/** The kinds with a scale subresource that kubesim serves. */
const SCALABLE = new Set(['Deployment', 'ReplicaSet', 'StatefulSet', 'ReplicationController']);

export const scaleVerb: Verb = {
  name: 'scale',
  group: 'Deploy Commands:',
  short: 'Set a new size for a deployment, replica set, or replication controller',
  long: `Set a new size for a deployment, replica set, replication controller, or stateful set.

 Scale also allows users to specify one or more preconditions for the scale action.

 If --current-replicas or --resource-version is specified, it is validated before the scale is attempted, and it is guaranteed that the precondition holds true when the scale is sent to the server.`,
  examples: `  # Scale a replica set named 'foo' to 3
  kubectl scale --replicas=3 rs/foo
  
  # If the deployment named mysql's current size is 2, scale mysql to 3
  kubectl scale --current-replicas=2 --replicas=3 deployment/mysql
  
  # Scale multiple replica sets
  kubectl scale --replicas=5 rs/example1 rs/example2 rs/example3`,
  usage: 'kubectl scale [--resource-version=version] [--current-replicas=count] --replicas=COUNT (-f FILENAME | TYPE NAME) [options]',
  flags: [
    { name: 'all', type: 'bool', default: false, usage: 'Select all resources in the namespace of the specified resource types' },
    {
      name: 'current-replicas',
      type: 'int',
      default: -1,
      usage: 'Precondition for current size. Requires that the current size of the resource match this value in order to scale. -1 (default) for no condition.',
    },
    { name: 'replicas', type: 'int', default: 0, usage: 'The new desired number of replicas. Required.' },
    {
      name: 'resource-version',
      type: 'string',
      default: '',
      usage: 'Precondition for resource version. Requires that the current resource version match this value in order to scale.',
    },
    SELECTOR,
  ],
  required: ['replicas'],
  run(inv) {
    const replicas = inv.flags.int('replicas');
    if (replicas < 0) throw new KubectlError('The --replicas=COUNT flag is required, and COUNT must be greater than or equal to 0');
    const result = findResources(inv.ctx.api, {
      args: inv.args,
      namespace: inv.namespace,
      allNamespaces: false,
      selector: inv.flags.string('selector'),
      selectAll: inv.flags.bool('all'),
      allowEmptySelector: false,
    });
    if (result.found.length === 0 && result.errors.length === 0) throw new KubectlError('no objects passed to scale');
    const errors: Error[] = [...result.errors];
    const current = inv.flags.int('current-replicas');
    const resourceVersion = inv.flags.string('resource-version');
    for (const { info, object } of result.found) {
      if (!SCALABLE.has(info.kind)) {
        errors.push(new ApiError('NotFound', 'the server could not find the requested resource'));
        continue;
      }
      const spec = (object.spec ?? {}) as { replicas?: number };
      const actual = spec.replicas ?? 0;
      if (current >= 0 && actual !== current) {
        errors.push(new KubectlError(`Expected replicas to be ${current}, was ${actual}`));
        continue;
      }
      if (resourceVersion && object.metadata.resourceVersion !== resourceVersion) {
        errors.push(new KubectlError(`Expected resource version to be ${resourceVersion}, was ${object.metadata.resourceVersion}`));
        continue;
      }
      try {
        const updated: KubeObject = { ...object, metadata: { ...object.metadata }, spec: { ...spec, replicas } };
        inv.ctx.api.update(updated, 'kubectl', 'patch');
        inv.out.out(`${kindString(info)}/${object.metadata.name} scaled\n`);
      } catch (err) {
        if (!(err instanceof ApiError)) throw err;
        errors.push(err);
      }
    }
    if (errors.length) throw new AggregateError(errors);
    return 0;
  },
};
