/**
 * `kubectl set image` (k8s.io/kubectl/pkg/cmd/set/set_image.go): CONTAINER=IMAGE pairs, `*` for
 * every container, on a pod or the pod template of a workload. Nothing changed prints nothing.
 */
import { ApiError } from '../../../api/errors';
import type { ResourceInfo } from '../../../api/kinds';
import { clone, type KubeObject } from '../../../api/object';
import type { Container, PodSpec } from '../../../api/types';
import { deepEqual } from '../../../util/equal';
import type { Verb } from '../../command';
import { AggregateError, KubectlError } from '../../errors';
import { findResources, kindString } from '../../resources';
import { ALL, parsePairs, resourcesAndPairs, SELECTOR } from '../common';

/** polymorphichelpers.UpdatePodSpecForObject: the pod spec an object carries, if any. */
function podSpecOf(obj: KubeObject): PodSpec | undefined {
  if (obj.kind === 'Pod') return obj.spec as PodSpec | undefined;
  if (obj.kind === 'Deployment' || obj.kind === 'ReplicaSet') return (obj.spec as { template?: { spec?: PodSpec } } | undefined)?.template?.spec;
  return undefined;
}

/** setImage: the image of the named container (or of every one, for "*"); whether any matched. */
function setImage(containers: Container[] | undefined, name: string, image: string): boolean {
  let found = false;
  for (const c of containers ?? []) {
    if (name === '*' || c.name === name) {
      c.image = image;
      found = true;
    }
  }
  return found;
}

/** info.ObjectName(): "deployments/web". */
const objectName = (info: ResourceInfo, obj: KubeObject) => `${info.resource}/${obj.metadata.name}`;

export const imageVerb: Verb = {
  name: 'image',
  short: 'Update the image of a pod template',
  long: `Update existing container image(s) of resources.

 Possible resources include (case insensitive):

        pod (po), replicationcontroller (rc), deployment (deploy), daemonset (ds), statefulset (sts), cronjob (cj), replicaset (rs)`,
  examples: `  # Set a deployment's nginx container image to 'nginx:1.9.1', and its busybox container image to 'busybox'
  kubectl set image deployment/nginx busybox=busybox nginx=nginx:1.9.1
  
  # Update all deployments' and rc's nginx container's image to 'nginx:1.9.1'
  kubectl set image deployments,rc nginx=nginx:1.9.1 --all
  
  # Update image of all containers of daemonset abc to 'nginx:1.9.1'
  kubectl set image daemonset abc *=nginx:1.9.1
  
  # Print result (in yaml format) of updating nginx container image from local file, without hitting the server
  kubectl set image -f path/to/file.yaml nginx=nginx:1.9.1 --local -o yaml`,
  usage: 'kubectl set image (-f FILENAME | TYPE NAME) CONTAINER_NAME_1=CONTAINER_IMAGE_1 ... CONTAINER_NAME_N=CONTAINER_IMAGE_N [options]',
  flags: [ALL, SELECTOR],
  run(inv) {
    // Complete: the arguments, then the objects (fetched before Validate looks at the images).
    const { resources, pairs } = resourcesAndPairs(inv.args, 'image');
    const images = parsePairs(pairs, 'image', false).set;
    const all = inv.flags.bool('all');
    const selector = inv.flags.string('selector');
    const result = findResources(inv.ctx.api, { args: resources, namespace: inv.namespace, allNamespaces: false, selector, selectAll: all && !selector, allowEmptySelector: false });
    if (result.errors.length) throw result.errors[0];
    // Validate.
    const invalid: Error[] = [];
    if (all && selector) invalid.push(new KubectlError('cannot set --all and --selector at the same time'));
    if (resources.length < 1) invalid.push(new KubectlError('one or more resources must be specified as <resource> <name> or <resource>/<name>'));
    if (images.size < 1) invalid.push(new KubectlError('at least one image update is required'));
    else if (images.size > 1 && images.has('*')) invalid.push(new KubectlError('all containers are already specified by *, but saw more than one container_name=container_image pairs'));
    if (invalid.length) throw new AggregateError(invalid);

    const errors: Error[] = [];
    const changes: { info: ResourceInfo; before: KubeObject; after: KubeObject }[] = [];
    for (const { info, object } of result.found) {
      const after = clone(object);
      const spec = podSpecOf(after);
      if (!spec) {
        errors.push(new KubectlError(`error: ${objectName(info, object)} the object is not a pod or does not have a pod template: *v1.${info.kind}`));
        continue;
      }
      for (const [name, image] of images) {
        const found = [setImage(spec.initContainers, name, image), setImage(spec.containers, name, image)].some(Boolean);
        if (!found) errors.push(new KubectlError(`error: unable to find container named ${JSON.stringify(name)}`));
      }
      changes.push({ info, before: object, after });
    }
    for (const { info, before, after } of changes) {
      if (deepEqual(before, after)) continue;
      try {
        inv.ctx.api.update(after, 'kubectl', 'patch');
      } catch (err) {
        if (!(err instanceof ApiError)) throw err;
        errors.push(new KubectlError(`failed to patch image update to pod template: ${err.message}`));
        continue;
      }
      inv.out.out(`${kindString(info)}/${after.metadata.name} image updated\n`);
    }
    if (errors.length) throw new AggregateError(errors);
    return 0;
  },
};
