/**
 * `kubectl patch` (k8s.io/kubectl/pkg/cmd/patch): sends a strategic merge, JSON merge or JSON
 * patch for each named object; the API server applies it (patch-apply.ts) and validates the result.
 */
import { load } from 'js-yaml';
import { ApiError } from '../../api/errors';
import type { KubeObject } from '../../api/object';
import { deepEqual } from '../../util/equal';
import type { Verb } from '../command';
import { AggregateError, KubectlError } from '../errors';
import { findResources, kindString } from '../resources';
import { jsonPatch, mergePatch, PatchError, strategicMerge, type Json } from './patch-apply';

const TYPES = ['json', 'merge', 'strategic'];

const NO_RESOURCES = `You must provide one or more resources by argument or filename.
Example resource specifications include:
   '-f rsrc.yaml'
   '--filename=rsrc.json'
   '<resource> <name>'
   '<resource>'`;

/** yaml.ToJSON: the patch may be JSON or YAML. */
function parsePatch(text: string): Json {
  try {
    return load(text, { json: true }) as Json;
  } catch {
    throw new KubectlError('invalid JSON document');
  }
}

export const patchVerb: Verb = {
  name: 'patch',
  group: 'Advanced Commands:',
  short: 'Update fields of a resource',
  long: `Update fields of a resource using strategic merge patch, a JSON merge patch, or a JSON patch.

 JSON and YAML formats are accepted.

 Note: Strategic merge patch is not supported for custom resources.`,
  examples: `  # Partially update a node using a strategic merge patch, specifying the patch as JSON
  kubectl patch node k8s-node-1 -p '{"spec":{"unschedulable":true}}'
  
  # Partially update a node using a strategic merge patch, specifying the patch as YAML
  kubectl patch node k8s-node-1 -p $'spec:\\n unschedulable: true'
  
  # Partially update a node identified by the type and name specified in "node.json" using strategic merge patch
  kubectl patch -f node.json -p '{"spec":{"unschedulable":true}}'
  
  # Update a container's image; spec.containers[*].name is required because it's a merge key
  kubectl patch pod valid-pod -p '{"spec":{"containers":[{"name":"kubernetes-serve-hostname","image":"new image"}]}}'
  
  # Update a container's image using a JSON patch with positional arrays
  kubectl patch pod valid-pod --type='json' -p='[{"op": "replace", "path": "/spec/containers/0/image", "value":"new image"}]'
  
  # Update a deployment's replicas through the 'scale' subresource using a merge patch
  kubectl patch deployment nginx-deployment --subresource='scale' --type='merge' -p '{"spec":{"replicas":2}}'`,
  usage: 'kubectl patch (-f FILENAME | TYPE NAME) [-p PATCH|--patch-file FILE] [options]',
  flags: [
    { name: 'patch', shorthand: 'p', type: 'string', default: '', usage: 'The patch to be applied to the resource JSON file.' },
    { name: 'patch-file', type: 'string', default: '', usage: 'A file containing a patch to be applied to the resource.' },
    { name: 'type', type: 'string', default: 'strategic', usage: 'The type of patch being provided; one of [json merge strategic]' },
  ],
  run(inv) {
    const type = inv.flags.string('type');
    if (!TYPES.includes(type)) throw new KubectlError(`--type must be one of [json merge strategic], not ${JSON.stringify(type)}`);
    let text = inv.flags.string('patch');
    const file = inv.flags.string('patch-file');
    if (file) {
      if (text) throw new KubectlError('cannot specify --patch and --patch-file together');
      if (!inv.ctx.readFile) throw new KubectlError(`unable to read patch file: open ${file}: no such file or directory`);
      text = inv.ctx.readFile(file);
    }
    if (!text.trim()) throw new KubectlError('must specify --patch or --patch-file containing the contents of the patch');
    if (inv.args.length === 0) throw new KubectlError(NO_RESOURCES);
    const patch = parsePatch(text);
    const result = findResources(inv.ctx.api, { args: inv.args, namespace: inv.namespace, allNamespaces: false, allowEmptySelector: false });
    const errors: Error[] = [...result.errors];
    for (const { info, object } of result.found) {
      const original = JSON.parse(JSON.stringify(object)) as Json;
      try {
        let patched: Json;
        try {
          patched = type === 'json' ? jsonPatch(original, patch) : type === 'merge' ? mergePatch(original, patch) : strategicMerge(original, patch);
        } catch (err) {
          if (!(err instanceof PatchError)) throw err;
          // A failed test op is a 422 with the generic text; the rest are 400s with json-patch's own words.
          throw err.reason === 'Invalid' ? new ApiError('Invalid', 'the server rejected our request due to an error in our request') : new ApiError('BadRequest', err.message);
        }
        const name = `${kindString(info)}/${object.metadata.name}`;
        if (deepEqual(patched, original)) {
          inv.out.out(`${name} patched (no change)\n`);
          continue;
        }
        inv.ctx.api.update(patched as unknown as KubeObject, 'kubectl', 'patch');
        inv.out.out(`${name} patched\n`);
      } catch (err) {
        if (!(err instanceof ApiError)) throw err;
        errors.push(err);
      }
    }
    if (errors.length) throw new AggregateError(errors);
    return 0;
  },
};
