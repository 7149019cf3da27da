/**
 * `kubectl set env` (k8s.io/kubectl/pkg/cmd/set/set_env.go): KEY=VAL sets and KEY- removals on the
 * containers (`-c` glob) of a pod or a workload's pod template, or `--list` of what they define.
 */
import { ApiError } from '../../../api/errors';
import { clone, type KubeObject } from '../../../api/object';
import type { Container, EnvVar, PodSpec } from '../../../api/types';

type EnvVarSource = NonNullable<EnvVar['valueFrom']>;
import { deepEqual } from '../../../util/equal';
import type { Verb } from '../../command';
import { AggregateError, KubectlError } from '../../errors';
import { findResources, kindString } from '../../resources';
import { ALL, SELECTOR } from '../common';

const ENV_NAME = /^[-._a-zA-Z][-._a-zA-Z0-9]*$/;
const ENV_NAME_MESSAGE =
  "a valid environment variable name must consist of alphabetic characters, digits, '_', '-', or '.', and must not start with a digit (e.g. 'my.env-name',  or 'MY_ENV.NAME',  or 'MyEnvName1', regex used for validation is '[-._a-zA-Z][-._a-zA-Z0-9]*')";

/** The pod spec of a pod or of a workload's template (polymorphichelpers.UpdatePodSpecForObject). */
function podSpecOf(obj: KubeObject): PodSpec | undefined {
  const spec = obj.spec as { template?: { spec?: PodSpec }; jobTemplate?: { spec?: { template?: { spec?: PodSpec } } } } | undefined;
  if (obj.kind === 'Pod') return obj.spec as PodSpec | undefined;
  if (obj.kind === 'CronJob') return spec?.jobTemplate?.spec?.template?.spec;
  if (['Deployment', 'ReplicaSet', 'StatefulSet', 'DaemonSet', 'Job', 'ReplicationController'].includes(obj.kind)) return spec?.template?.spec;
  return undefined;
}

/** path.Match for the container selector: `*` and `?` wildcards. */
function globMatches(pattern: string, name: string): boolean {
  const re = new RegExp(`^${pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.')}$`);
  return re.test(name);
}

/** envutil.GetEnvVarRefString. */
function refString(from: EnvVarSource): string {
  if (from.configMapKeyRef) return `configmap ${from.configMapKeyRef.name ?? ''}, key ${from.configMapKeyRef.key}`;
  if (from.secretKeyRef) return `secret ${from.secretKeyRef.name ?? ''}, key ${from.secretKeyRef.key}`;
  if (from.fieldRef) return `field path ${from.fieldRef.fieldPath}`;
  if (from.resourceFieldRef) return `resource field ${from.resourceFieldRef.containerName ? `${from.resourceFieldRef.containerName}/` : ''}${from.resourceFieldRef.resource}`;
  return 'invalid source';
}

/** envutil.ParseEnv: KEY=VAL sets and KEY- removals, with the names checked. */
function parseEnv(specs: readonly string[]): { set: EnvVar[]; remove: string[] } {
  const set: EnvVar[] = [];
  const remove: string[] = [];
  for (const spec of specs) {
    const eq = spec.indexOf('=');
    if (eq > 0) {
      const name = spec.slice(0, eq);
      if (!ENV_NAME.test(name)) throw new KubectlError(`${JSON.stringify(name)} is not a valid key name: ${ENV_NAME_MESSAGE}`);
      set.push({ name, value: spec.slice(eq + 1) });
    } else if (spec.endsWith('-') && spec.length > 1) {
      remove.push(spec.slice(0, -1));
    } else {
      throw new KubectlError(`unknown environment variable: ${spec}`);
    }
  }
  return { set, remove };
}

function updateEnv(c: Container, set: readonly EnvVar[], remove: readonly string[], overwrite: boolean): void {
  const env = [...(c.env ?? [])];
  for (const v of set) {
    const at = env.findIndex((e) => e.name === v.name);
    if (at < 0) env.push({ ...v });
    else if (!overwrite && env[at].value !== v.value) throw new KubectlError(`'${v.name}' already has a value (${env[at].value ?? ''}), and --overwrite is false`);
    else env[at] = { ...v };
  }
  const kept = env.filter((e) => !remove.includes(e.name));
  if (kept.length) c.env = kept;
  else delete c.env;
}

export const envVerb: Verb = {
  name: 'env',
  short: 'Update environment variables on a pod template',
  long: `Update environment variables on a pod template.

 List environment variable definitions in one or more pods, pod templates. Add, update, or remove container environment variable definitions in one or more pod templates (within replication controllers or deployment configurations). View or modify the environment variable definitions on all containers in the specified pods or pod templates, or just those that match a wildcard.

 If "--env -" is passed, environment variables can be read from STDIN using the standard env syntax.

 Possible resources include (case insensitive):

        pod (po), replicationcontroller (rc), deployment (deploy), daemonset (ds), statefulset (sts), cronjob (cj), replicaset (rs)`,
  examples: `  # Update deployment 'registry' with a new environment variable
  kubectl set env deployment/registry STORAGE_DIR=/local
  
  # List the environment variables defined on a deployments 'sample-build'
  kubectl set env deployment/sample-build --list
  
  # List the environment variables defined on all pods
  kubectl set env pods --all --list
  
  # Output modified deployment in YAML, and does not alter the object on the server
  kubectl set env deployment/sample-build STORAGE_DIR=/data -o yaml
  
  # Update all containers in all replication controllers in the project to have ENV=prod
  kubectl set env rc --all ENV=prod
  
  # Import environment from a secret
  kubectl set env --from=secret/mysecret deployment/myapp
  
  # Import environment from a config map with a prefix
  kubectl set env --from=configmap/myconfigmap --prefix=MYSQL_ deployment/myapp
  
  # Import specific keys from a config map
  kubectl set env --keys=my-example-key --from=configmap/myconfigmap deployment/myapp
  
  # Remove the environment variable ENV from container 'c1' in all deployment configs
  kubectl set env deployments --all --containers="c1" ENV-
  
  # Remove the environment variable ENV from a deployment definition on disk and
  # update the deployment config on the server
  kubectl set env -f deploy.json ENV-
  
  # Set some of the local shell environment into a deployment config on the server
  env | grep RAILS_ | kubectl set env -e - deployment/registry`,
  usage: 'kubectl set env RESOURCE/NAME KEY_1=VAL_1 ... KEY_N=VAL_N [options]',
  flags: [
    { ...ALL, usage: 'If true, select all resources in the namespace of the specified resource types' },
    { name: 'containers', shorthand: 'c', type: 'string', default: '*', usage: 'The names of containers in the selected pod templates to change - may use wildcards' },
    { name: 'env', shorthand: 'e', type: 'stringArray', default: [], usage: 'Specify a key-value pair for an environment variable to set into each container.' },
    {
      name: 'list',
      type: 'bool',
      default: false,
      usage: 'If true, display the environment and any changes in the standard format. this flag will removed when we have kubectl view env.',
    },
    { name: 'overwrite', type: 'bool', default: true, usage: 'If true, allow environment to be overwritten, otherwise reject updates that overwrite existing environment.' },
    SELECTOR,
  ],
  run(inv) {
    // Complete: KEY=VAL and KEY- arguments are changes, the words before them resources.
    const resources = inv.args.filter((a) => !a.includes('=') && !(a.endsWith('-') && a.length > 1));
    const specs = [...inv.args.filter((a) => !resources.includes(a)), ...inv.flags.strings('env')];
    const list = inv.flags.bool('list');
    if (resources.length === 0) throw new KubectlError(`one or more resources must be specified as <resource> <name> or <resource>/<name>\nSee 'kubectl set env -h' for help and examples`);
    if (!list && specs.length === 0) throw new KubectlError('at least one environment variable must be provided');
    const { set, remove } = parseEnv(specs);
    const all = inv.flags.bool('all');
    const selector = inv.flags.string('selector');
    const result = findResources(inv.ctx.api, { args: resources, namespace: inv.namespace, allNamespaces: false, selector, selectAll: all && !selector, allowEmptySelector: false });
    const errors: Error[] = [...result.errors];
    const pattern = inv.flags.string('containers');
    for (const { info, object } of result.found) {
      const after = clone(object);
      const spec = podSpecOf(after);
      if (!spec) {
        errors.push(new KubectlError(`${info.resource}/${object.metadata.name} the object is not a pod or does not have a pod template: *v1.${info.kind}`));
        continue;
      }
      const containers = [...(spec.initContainers ?? []), ...spec.containers].filter((c) => globMatches(pattern, c.name));
      if (containers.length === 0) {
        inv.out.err(`Warning: ${info.kind}/${object.metadata.name} does not have any containers matching ${JSON.stringify(pattern)}\n`);
        continue;
      }
      for (const c of containers) updateEnv(c, set, remove, inv.flags.bool('overwrite'));
      if (list) {
        for (const c of containers) {
          inv.out.out(`# ${info.kind} ${object.metadata.name}, container ${c.name}\n`);
          for (const e of c.env ?? []) inv.out.out(e.valueFrom ? `# ${e.name} from ${refString(e.valueFrom)}\n` : `${e.name}=${e.value ?? ''}\n`);
        }
        continue;
      }
      if (deepEqual(after, object)) continue;
      try {
        inv.ctx.api.update(after, 'kubectl', 'patch');
        inv.out.out(`${kindString(info)}/${object.metadata.name} env updated\n`);
      } catch (err) {
        if (!(err instanceof ApiError)) throw err;
        errors.push(new KubectlError(`failed to patch env update to pod template: ${err.message}`));
      }
    }
    if (errors.length) throw new AggregateError(errors);
    return 0;
  },
};
