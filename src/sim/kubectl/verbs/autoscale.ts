/** `kubectl autoscale` (k8s.io/kubectl/pkg/cmd/autoscale): a HorizontalPodAutoscaler for a workload. */
import type { KubeObject } from '../../api/object';
import type { Verb } from '../command';
import { KubectlError } from '../errors';
import { findResources } from '../resources';

const SCALABLE = new Set(['Deployment', 'ReplicaSet', 'StatefulSet']);

export const autoscaleVerb: Verb = {
  name: 'autoscale',
  group: 'Deploy Commands:',
  short: 'Auto-scale a deployment, replica set, stateful set, or replication controller',
  long: `Creates an autoscaler that automatically chooses and sets the number of pods that run in a Kubernetes cluster.

 Looks up a deployment, replica set, stateful set, or replication controller by name and creates an autoscaler that uses the given resource as a reference. An autoscaler can automatically increase or decrease number of pods deployed within the system as needed.`,
  examples: `  # Auto scale a deployment "foo", with the number of pods between 2 and 10, no target CPU utilization specified so a default autoscaling policy will be used
  kubectl autoscale deployment foo --min=2 --max=10
  
  # Auto scale a replication controller "foo", with the number of pods between 1 and 5, target CPU utilization at 80%
  kubectl autoscale rc foo --max=5 --cpu-percent=80`,
  usage: 'kubectl autoscale (-f FILENAME | TYPE NAME | TYPE/NAME) [--min=MINPODS] --max=MAXPODS [--cpu-percent=CPU] [options]',
  flags: [
    { name: 'cpu-percent', type: 'int', default: -1, usage: "The target average CPU utilization (represented as a percent of requested CPU) over all the pods. If it's not specified or negative, a default autoscaling policy will be used." },
    { name: 'max', type: 'int', default: -1, usage: 'The upper limit for the number of pods that can be set by the autoscaler. Required.' },
    { name: 'min', type: 'int', default: -1, usage: 'The lower limit for the number of pods that can be set by the autoscaler. If it\'s not specified or negative, the server will apply a default value.' },
    { name: 'name', type: 'string', default: '', usage: 'The name for the newly created object. If not specified, the name of the input resource will be used.' },
  ],
  required: ['max'],
  run(inv) {
    const max = inv.flags.int('max');
    const min = inv.flags.int('min');
    if (max < 1) throw new KubectlError(`--max=MAXPODS is required and must be at least 1, max: ${max}`);
    if (max < min) throw new KubectlError(`--max=MAXPODS must be larger or equal to --min=MINPODS, max: ${max}, min: ${min}`);
    const result = findResources(inv.ctx.api, { args: inv.args, namespace: inv.namespace, allNamespaces: false, selector: '', selectAll: false, allowEmptySelector: false });
    if (result.errors.length) throw result.errors[0];
    if (result.found.length === 0) throw new KubectlError('You must provide the name of the resource to autoscale');
    for (const { info, object } of result.found) {
      if (!SCALABLE.has(info.kind)) throw new KubectlError(`cannot autoscale a ${info.kind}: not scalable`);
      const cpu = inv.flags.int('cpu-percent');
      const name = inv.flags.string('name') || object.metadata.name!;
      const hpa: KubeObject = {
        apiVersion: 'autoscaling/v2',
        kind: 'HorizontalPodAutoscaler',
        metadata: { name, namespace: object.metadata.namespace },
        spec: {
          scaleTargetRef: { apiVersion: object.apiVersion, kind: info.kind, name: object.metadata.name },
          ...(min >= 0 ? { minReplicas: min } : {}),
          maxReplicas: max,
          ...(cpu >= 0 ? { metrics: [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: cpu } } }] } : {}),
        },
      };
      inv.ctx.api.create(hpa, 'kubectl');
      inv.out.out(`horizontalpodautoscaler.autoscaling/${name} autoscaled\n`);
    }
    return 0;
  },
};
