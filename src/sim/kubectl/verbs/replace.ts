/**
 * `kubectl replace` (k8s.io/kubectl/pkg/cmd/replace): a full update of each object in the files.
 * A resourceVersion in the manifest is a precondition the API server checks (a stale one is a
 * Conflict); without one the update is unconditional. `--force` deletes and creates instead.
 */
import { ApiError } from '../../api/errors';
import { resourceForKind } from '../../api/kinds';
import { clone, type KubeObject } from '../../api/object';
import { parseManifests } from '../../manifest';
import type { Verb } from '../command';
import { AggregateError, KubectlError } from '../errors';
import { kindString } from '../resources';
import { readSources } from './files';

export const replaceVerb: Verb = {
  name: 'replace',
  group: 'Advanced Commands:',
  short: 'Replace a resource by file name or stdin',
  long: `Replace a resource by file name or stdin.

 JSON and YAML formats are accepted. If replacing an existing resource, the complete resource spec must be provided. This can be obtained by

        $ kubectl get TYPE NAME -o yaml`,
  examples: `  # Replace a pod using the data in pod.json
  kubectl replace -f ./pod.json
  
  # Replace a pod based on the JSON passed into stdin
  cat pod.json | kubectl replace -f -
  
  # Update a single-container pod's image version (tag) to v4
  kubectl get pod mypod -o yaml | sed 's/\\(image: myimage\\):.*$/\\1:v4/' | kubectl replace -f -
  
  # Force replace, delete and then re-create the resource
  kubectl replace --force -f ./pod.json`,
  usage: 'kubectl replace -f FILENAME [options]',
  flags: [
    { name: 'filename', shorthand: 'f', type: 'stringSlice', default: [], usage: 'The files that contain the configurations to replace.' },
    {
      name: 'force',
      type: 'bool',
      default: false,
      usage:
        'If true, immediately remove resources from API and bypass graceful deletion. Note that immediate deletion of some resources may result in inconsistency or data loss and requires confirmation.',
    },
  ],
  run(inv) {
    const files = inv.flags.strings('filename');
    if (files.length === 0) throw new KubectlError(`must specify --filename to replace\nSee 'kubectl replace -h' for help and examples`);
    const api = inv.ctx.api;
    const errors: Error[] = [];
    for (const { source, text } of readSources(inv, files)) {
      for (const doc of parseManifests(text)) {
        if (doc.error) {
          errors.push(new KubectlError(`error parsing ${source}: error converting YAML to JSON: yaml: line ${doc.error.line}: ${doc.error.message}`));
          continue;
        }
        const obj = clone(doc.value as KubeObject);
        const info = typeof obj.kind === 'string' ? resourceForKind(obj.kind) : undefined;
        const name = obj.metadata?.name ?? '';
        if (!info) {
          errors.push(
            new KubectlError(
              `resource mapping not found for name: ${JSON.stringify(name)} namespace: ${JSON.stringify(obj.metadata?.namespace ?? '')} from ${JSON.stringify(source)}: no matches for kind ${JSON.stringify(obj.kind ?? '')} in version ${JSON.stringify(obj.apiVersion ?? '')}\nensure CRDs are installed first`,
            ),
          );
          continue;
        }
        if (info.namespaced) obj.metadata.namespace ??= inv.namespace;
        const namespace = info.namespaced ? obj.metadata.namespace : undefined;
        try {
          if (inv.flags.bool('force')) {
            if (api.get(info.kind, namespace, name)) {
              api.delete(info.kind, namespace, name, 'kubectl', { gracePeriodSeconds: 0, propagationPolicy: 'Background' });
              inv.out.out(`${kindString(info)} "${name}" deleted\n`);
            }
            delete obj.metadata.resourceVersion;
            api.create(obj, 'kubectl');
          } else {
            const live = api.get(info.kind, namespace, name);
            // An update without a resourceVersion is unconditional; with one, the server checks it.
            if (live && !obj.metadata.resourceVersion) obj.metadata.resourceVersion = live.metadata.resourceVersion;
            api.update(obj, 'kubectl');
          }
          inv.out.out(`${kindString(info)}/${name} replaced\n`);
        } catch (err) {
          if (!(err instanceof ApiError)) throw err;
          errors.push(err.reason === 'Invalid' && err.kind ? err : new ApiError(err.reason, `error when replacing ${JSON.stringify(source)}: ${err.message}`));
        }
      }
    }
    if (errors.length) throw new AggregateError(errors);
    return 0;
  },
};
