/**
 * `kubectl delete` (k8s.io/kubectl/pkg/cmd/delete): by TYPE NAME, TYPE/NAME, -l or --all, with
 * --grace-period, --force (grace 0: removed at once, with kubectl's warning, k8s-semantics §4.9),
 * --now and --cascade. kubesim returns as soon as the deletes are accepted, as with --wait=false.
 */
import { ApiError } from '../../api/errors';
import { resourceForKind, type ResourceInfo } from '../../api/kinds';
import { parseSelectorString } from '../../api/labels';
import type { KubeObject } from '../../api/object';
import type { PropagationPolicy } from '../../api/server';
import { parseManifests } from '../../manifest';
import type { Invocation, Verb } from '../command';
import { AggregateError, KubectlError } from '../errors';
import { findResources, kindString } from '../resources';
import { ALL_NAMESPACES, SELECTOR } from './common';
import { readSources } from './files';

/** One object to delete, and the manifest that named it (for "error when deleting" messages). */
interface Target {
  info: ResourceInfo;
  namespace?: string;
  name: string;
  source?: string;
}

/** The objects the manifests of -f name, as the builder maps them, with the errors it reports. */
function targetsFromFiles(inv: Invocation, files: readonly string[], errors: Error[]): Target[] {
  if (inv.args.length) throw new KubectlError('when paths, URLs, or stdin is provided as input, you may not specify resource arguments as well');
  const selector = inv.flags.string('selector');
  const matches = selector ? parseSelectorString(selector) : () => true;
  const targets: Target[] = [];
  for (const { source, text } of readSources(inv, files)) {
    for (const doc of parseManifests(text)) {
      if (doc.error) {
        errors.push(new KubectlError(`error parsing ${source}: error converting YAML to JSON: yaml: line ${doc.error.line}: ${doc.error.message}`));
        continue;
      }
      const obj = doc.value as Partial<KubeObject>;
      const name = obj.metadata?.name ?? '';
      const info = typeof obj.kind === 'string' ? resourceForKind(obj.kind) : undefined;
      if (!info) {
        const namespace = obj.metadata?.namespace ?? '';
        errors.push(
          new KubectlError(
            `resource mapping not found for name: ${JSON.stringify(name)} namespace: ${JSON.stringify(namespace)} from ${JSON.stringify(source)}: no matches for kind ${JSON.stringify(obj.kind ?? '')} in version ${JSON.stringify(obj.apiVersion ?? '')}\nensure CRDs are installed first`,
          ),
        );
        continue;
      }
      if (!matches(obj.metadata?.labels)) continue;
      targets.push({ info, namespace: info.namespaced ? (obj.metadata?.namespace ?? inv.namespace) : undefined, name, source });
    }
  }
  return targets;
}

const FORCE_WARNING = 'Warning: Immediate deletion does not wait for confirmation that the running resource has been terminated. The resource may continue to run on the cluster indefinitely.\n';

/** getCascadingStrategy: the three policies, or a legacy boolean. */
function cascadingStrategy(value: string): PropagationPolicy {
  switch (value) {
    case 'background':
    case 'true':
      return 'Background';
    case 'foreground':
      return 'Foreground';
    case 'orphan':
    case 'false':
      return 'Orphan';
    default:
      throw new KubectlError(`invalid cascade value (${value}). Must be "background", "foreground", or "orphan"`);
  }
}

export const deleteVerb: Verb = {
  name: 'delete',
  group: 'Basic Commands (Intermediate):',
  short: 'Delete resources by file names, stdin, resources and names, or by resources and label selector',
  long: `Delete resources by file names, stdin, resources and names, or by resources and label selector.

 Only one type of argument may be specified: file names, resources and names, or resources and label selector.

 Some resources, such as pods, support graceful deletion. These resources define a default period before they are forcibly terminated (the grace period) but you may override that value with the --grace-period flag, or pass --now to set a grace-period of 1. Because these resources often represent entities in the cluster, deletion may not be acknowledged immediately. If the node hosting a pod is down or cannot reach the API server, termination may take significantly longer than the grace period. To force delete a resource, you must specify the --force flag.`,
  examples: `  # Delete a pod using the type and name specified in pod.json
  kubectl delete -f ./pod.json
  
  # Delete resources from stdin
  cat pod.json | kubectl delete -f -
  
  # Delete pods and services with same names "baz" and "foo"
  kubectl delete pod,service baz foo
  
  # Delete pods and services with label name=myLabel
  kubectl delete pods,services -l name=myLabel
  
  # Delete a pod with minimal delay
  kubectl delete pod foo --now
  
  # Force delete a pod on a dead node
  kubectl delete pod foo --force
  
  # Delete all pods
  kubectl delete pods --all`,
  usage: 'kubectl delete ([-f FILENAME] | [-k DIRECTORY] | TYPE [(NAME | -l label | --all)]) [options]',
  flags: [
    { name: 'all', type: 'bool', default: false, usage: 'Delete all resources, in the namespace of the specified resource types.' },
    ALL_NAMESPACES,
    {
      name: 'cascade',
      type: 'string',
      default: 'background',
      noOptDefault: 'background',
      usage: 'Must be "background", "orphan", or "foreground". Selects the deletion cascading strategy for the dependents (e.g. Pods created by a ReplicationController). Defaults to background.',
    },
    { name: 'filename', shorthand: 'f', type: 'stringSlice', default: [], usage: 'containing the resource to delete.' },
    {
      name: 'force',
      type: 'bool',
      default: false,
      usage: 'If true, immediately remove resources from API and bypass graceful deletion. Note that immediate deletion of some resources may result in inconsistency or data loss and requires confirmation.',
    },
    {
      name: 'grace-period',
      type: 'int',
      default: -1,
      usage: 'Period of time in seconds given to the resource to terminate gracefully. Ignored if negative. Set to 1 for immediate shutdown. Can only be set to 0 when --force is true (force deletion).',
    },
    { name: 'ignore-not-found', type: 'bool', default: false, usage: 'Treat "resource not found" as a successful delete. Defaults to "true" when --all is specified.' },
    { name: 'now', type: 'bool', default: false, usage: 'If true, resources are signaled for immediate shutdown (same as --grace-period=1).' },
    { name: 'output', shorthand: 'o', type: 'string', default: '', usage: 'Output mode. Use "-o name" for shorter output (resource/name).' },
    SELECTOR,
    { name: 'wait', type: 'bool', default: true, usage: 'If true, wait for resources to be gone before returning. This waits for finalizers.' },
  ],
  run(inv) {
    const flags = inv.flags;
    const propagationPolicy = cascadingStrategy(flags.string('cascade'));
    let grace = flags.int('grace-period');
    const force = flags.bool('force');
    if (flags.bool('now')) {
      if (grace !== -1) throw new KubectlError('--now and --grace-period cannot be specified together');
      grace = 1;
    }
    // --grace-period=0 without --force becomes 1, so that nothing is force-deleted by accident.
    if (grace === 0 && !force) grace = 1;
    if (force && grace < 0) grace = 0;
    const deleteAll = flags.bool('all');
    const files = flags.strings('filename');
    const errors: Error[] = [];
    let targets: Target[];
    if (files.length) {
      targets = targetsFromFiles(inv, files, errors);
    } else {
      const result = findResources(inv.ctx.api, {
        args: inv.args,
        namespace: inv.namespace,
        allNamespaces: flags.bool('all-namespaces'),
        selector: flags.string('selector'),
        selectAll: deleteAll,
        allowEmptySelector: false,
      });
      errors.push(...result.errors);
      targets = result.found.map(({ info, object }) => ({ info, namespace: object.metadata.namespace, name: object.metadata.name ?? '' }));
    }
    const output = flags.string('output');
    if (output !== '' && output !== 'name') throw new KubectlError(`unexpected -o output mode: ${output}. We only support '-o name'`);
    if (force && grace > 0) throw new KubectlError('--force and --grace-period greater than 0 cannot be specified together');
    if (force && grace === 0) inv.out.err(FORCE_WARNING);

    const ignoreNotFound = flags.bool('ignore-not-found') || deleteAll;
    const isIgnored = (err: Error) => ignoreNotFound && err instanceof ApiError && err.reason === 'NotFound';
    const named = targets.length + errors.length;
    let warnClusterScope = inv.namespaceGiven && !flags.bool('all-namespaces');
    for (const { info, namespace, name, source } of targets) {
      if (warnClusterScope && !info.namespaced) {
        inv.out.err('warning: deleting cluster-scoped resources, not scoped to the provided namespace\n');
        warnClusterScope = false;
      }
      try {
        inv.ctx.api.delete(info.kind, namespace, name, 'kubectl', { ...(grace >= 0 ? { gracePeriodSeconds: grace } : {}), propagationPolicy });
      } catch (err) {
        if (!(err instanceof ApiError)) throw err;
        // AddSourceToErr: an object named in a file says which file.
        errors.push(source ? new ApiError(err.reason, `error when deleting ${JSON.stringify(source)}: ${err.message}`) : err);
        continue;
      }
      if (output === 'name') inv.out.out(`${kindString(info)}/${name}\n`);
      else inv.out.out(`${kindString(info)} "${name}" ${grace === 0 ? 'force deleted' : 'deleted'}\n`);
    }
    const reported = errors.filter((e) => !isIgnored(e));
    if (reported.length) throw new AggregateError(reported);
    if (named === 0) inv.out.out('No resources found\n');
    return 0;
  },
};
