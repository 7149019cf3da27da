/**
 * `kubectl run NAME --image=IMAGE` (k8s.io/kubectl/pkg/cmd/run): one Pod with one container named
 * after the pod, labelled `run=NAME` unless --labels says otherwise; arguments after `--` are the
 * container's args, or its command with --command. --expose adds a ClusterIP Service on --port.
 * Attaching (-i, -t, --attach) needs a container to talk to, which the simulation does not have.
 */
import type { Invocation, Verb } from '../command';
import { KubectlError } from '../errors';
import { parsePairs } from './common';
import { createGenerated, dryRunStrategy, generatorVerb, objectMeta, outputFormat, sortedMap, type GoObject } from './create-common';

const PATH_COMPONENT = '[a-z0-9]+(?:(?:[._]|__|[-]+)[a-z0-9]+)*';
const DOMAIN_COMPONENT = '(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])';
/** distribution/reference's ReferenceRegexp: [domain[:port]/]path[:tag][@digest]. */
const REFERENCE = new RegExp(
  `^(?:${DOMAIN_COMPONENT}(?:\\.${DOMAIN_COMPONENT})*(?::[0-9]+)?/)?${PATH_COMPONENT}(?:/${PATH_COMPONENT})*` +
    '(?::[\\w][\\w.-]{0,127})?(?:@[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9A-Fa-f]{32,})?$',
);

const RESTART_POLICIES = ['Always', 'OnFailure', 'Never'];
const PULL_POLICIES = ['Always', 'IfNotPresent', 'Never'];

/** parseLabels of run: "k=v,k2=v2", each split at every "=". */
function parseLabels(spec: string): Record<string, string> | undefined {
  if (!spec) return undefined;
  const labels: Record<string, string> = {};
  for (const pair of spec.split(',')) {
    const parts = pair.split('=');
    if (parts.length !== 2) throw new KubectlError(`unexpected label spec: ${pair}`);
    if (!parts[0]) throw new KubectlError('unexpected empty label key');
    labels[parts[0]] = parts[1];
  }
  return labels;
}

/** parseEnvs: NAME=value, NAME a valid environment variable name. */
function parseEnvs(envs: readonly string[]): GoObject[] {
  return envs.map((env): GoObject => {
    const eq = env.indexOf('=');
    const name = eq < 0 ? '' : env.slice(0, eq);
    if (!name || !/^[-._a-zA-Z][-._a-zA-Z0-9]*$/.test(name) || name === '.' || name.startsWith('..')) throw new KubectlError(`invalid env: ${env}`);
    const value = env.slice(eq + 1);
    return value ? { name, value } : { name };
  });
}

interface RunOptions {
  name: string;
  image: string;
  labels: Record<string, string>;
  annotations: Record<string, string>;
  args: string[];
}

/** createPod: the container's fields in Go order, then restartPolicy before dnsPolicy as PodSpec has them. */
function podObject(inv: Invocation, o: RunOptions): GoObject {
  const container: GoObject = { name: o.name, image: o.image };
  if (o.args.length) container[inv.flags.bool('command') ? 'command' : 'args'] = o.args;
  const port = inv.flags.string('port');
  if (port) container.ports = [{ containerPort: Number(port) }];
  const env = parseEnvs(inv.flags.strings('env'));
  if (env.length) container.env = env;
  container.resources = {};
  if (inv.flags.string('image-pull-policy')) container.imagePullPolicy = inv.flags.string('image-pull-policy');
  if (inv.flags.bool('privileged')) container.securityContext = { privileged: true };
  return {
    kind: 'Pod',
    apiVersion: 'v1',
    metadata: objectMeta(inv, { name: o.name, labels: o.labels, annotations: o.annotations }),
    spec: { containers: [container], restartPolicy: inv.flags.string('restart'), dnsPolicy: 'ClusterFirst' },
    status: {},
  };
}

/** createService: a ClusterIP Service on --port selecting the pod's labels, labelled only with --labels. */
function serviceObject(inv: Invocation, o: RunOptions): GoObject {
  const port = Number(inv.flags.string('port'));
  return {
    kind: 'Service',
    apiVersion: 'v1',
    metadata: objectMeta(inv, { name: o.name, labels: parseLabels(inv.flags.string('labels')) }),
    spec: { ports: [{ protocol: 'TCP', port, targetPort: port }], selector: sortedMap(o.labels) },
    status: { loadBalancer: {} },
  };
}

function runRun(inv: Invocation): number {
  const annotations = Object.fromEntries(parsePairs(inv.flags.strings('annotations'), 'annotations', false).set);
  const userLabels = parseLabels(inv.flags.string('labels'));
  parseEnvs(inv.flags.strings('env'));
  const restart = inv.flags.string('restart');
  if (!RESTART_POLICIES.includes(restart)) throw new KubectlError(`invalid restart policy: ${restart}, valid values are: Always, OnFailure, Never`);
  const pullPolicy = inv.flags.string('image-pull-policy');
  if (pullPolicy && !PULL_POLICIES.includes(pullPolicy)) throw new KubectlError(`invalid image pull policy: ${pullPolicy}`);
  const attach = inv.flags.changed('attach') ? inv.flags.bool('attach') : inv.flags.bool('stdin');
  const format = outputFormat(inv);
  const dryRun = dryRunStrategy(inv);

  if (inv.args.length === 0 || inv.argsLenAtDash === 0) throw new KubectlError('NAME is required for run');
  const image = inv.flags.string('image');
  if (!image) throw new KubectlError('--image is required');
  if (!REFERENCE.test(image)) throw new KubectlError(`invalid image name ${JSON.stringify(image)}: invalid reference format`);
  if (inv.flags.bool('tty') && !inv.flags.bool('stdin')) throw new KubectlError('-i/--stdin is required for containers with -t/--tty=true');
  const port = inv.flags.string('port');
  if (inv.flags.bool('expose') && !port) throw new KubectlError('--port must be set when exposing a service');
  if (port && !/^[+-]?\d+$/.test(port)) throw new KubectlError('--port must be a number');
  if (!attach && inv.flags.bool('rm')) throw new KubectlError('--rm should only be used for attached containers');
  if (attach && dryRun !== 'none') throw new KubectlError("--dry-run=[server|client] can't be used with attached containers options (--attach, --stdin, or --tty)");
  if (attach) throw new KubectlError('kubesim cannot attach to a container; run the pod without -i, -t or --attach, then read it with kubectl logs');

  const name = inv.args[0];
  const options: RunOptions = { name, image, labels: userLabels ?? { run: name }, annotations, args: inv.args.slice(1) };
  // kubectl prints the objects as one stream: a YAML document separator before the second.
  const before = inv.out.stdout.length;
  createGenerated(inv, podObject(inv, options), format, dryRun);
  if (inv.flags.bool('expose')) {
    if (format === 'yaml' && inv.out.stdout.length > before) inv.out.out('---\n');
    createGenerated(inv, serviceObject(inv, options), format, dryRun);
  }
  return 0;
}

const bool = (name: string, shorthand?: string) => ({ name, type: 'bool' as const, default: false, usage: '', ...(shorthand ? { shorthand } : {}) });

export const runVerb: Verb = {
  ...generatorVerb(
    'run',
    [
      { name: 'annotations', type: 'stringArray', default: [], usage: '' },
      bool('attach'),
      bool('command'),
      { name: 'env', type: 'stringArray', default: [], usage: '' },
      bool('expose'),
      { name: 'image', type: 'string', default: '', usage: '' },
      { name: 'image-pull-policy', type: 'string', default: '', usage: '' },
      { name: 'labels', shorthand: 'l', type: 'string', default: '', usage: '' },
      { name: 'port', type: 'string', default: '', usage: '' },
      bool('privileged'),
      bool('quiet', 'q'),
      { name: 'restart', type: 'string', default: 'Always', usage: '' },
      bool('rm'),
      bool('stdin', 'i'),
      bool('tty', 't'),
    ],
    runRun,
    { required: ['image'], fieldManager: 'kubectl-run' },
  ),
  group: 'Basic Commands (Beginner):',
};
