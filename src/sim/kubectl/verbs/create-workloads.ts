/**
 * `kubectl create deployment|job|cronjob` (create_deployment.go, create_job.go, create_cronjob.go):
 * one container per --image named after the image, `-- COMMAND` as its command.
 */
import type { CronJob } from '../../api/types';
import type { Invocation } from '../command';
import { KubectlError } from '../errors';
import { findResources } from '../resources';
import {
  commandAfterDash,
  createGenerated,
  dryRunStrategy,
  generatorVerb,
  nameArg,
  objectMeta,
  outputFormat,
  sortedMap,
  type GoObject,
} from './create-common';

/** A container in Go field order: name, image, command, ports, resources. */
function container(name: string, image: string, command: string[] | undefined, port?: number): GoObject {
  const c: GoObject = { name, image };
  if (command) c.command = command;
  if (port !== undefined) c.ports = [{ containerPort: port }];
  c.resources = {};
  return c;
}

/** A short deterministic suffix, where kubectl draws five random characters (utilrand.String(5)). */
function suffixFor(text: string): string {
  const alphabet = 'bcdfghjklmnpqrstvwxz2456789';
  let hash = 2166136261;
  for (const ch of text) hash = Math.imul(hash ^ ch.charCodeAt(0), 16777619) >>> 0;
  let suffix = '';
  for (let i = 0; i < 5; i++, hash = Math.floor(hash / alphabet.length)) suffix += alphabet[hash % alphabet.length];
  return suffix;
}

/** buildPodSpec's container name: the image's last path part without tag or digest, made DNS-safe. */
export function containerNameForImage(image: string): string {
  let name = image.split('/').at(-1)!;
  name = name.split(':')[0].split('@')[0];
  if (/[_.]/.test(name)) name = `${name.replace(/[_.]/g, '-')}-${suffixFor(image)}`;
  return name;
}

function runDeployment(inv: Invocation): number {
  const name = nameArg(inv);
  const images = inv.flags.strings('image');
  const command = commandAfterDash(inv);
  if (images.length > 1 && command) throw new KubectlError('cannot specify multiple --image options and command');
  const format = outputFormat(inv);
  const dryRun = dryRunStrategy(inv);
  const labels = { app: name };
  const port = inv.flags.int('port');
  const containers = images.map((image, i) => container(containerNameForImage(image), image, command, i === 0 && port >= 0 ? port : undefined));
  const deployment: GoObject = {
    kind: 'Deployment',
    apiVersion: 'apps/v1',
    metadata: objectMeta(inv, { name, labels }),
    spec: {
      replicas: inv.flags.int('replicas'),
      selector: { matchLabels: sortedMap(labels) },
      template: { metadata: { creationTimestamp: null, labels: sortedMap(labels) }, spec: { containers } },
      strategy: {},
    },
    status: {},
  };
  createGenerated(inv, deployment, format, dryRun, { failurePrefix: 'failed to create deployment: ' });
  return 0;
}

export const createDeploymentVerb = generatorVerb(
  'create deployment',
  [
    { name: 'image', type: 'stringSlice', default: [], usage: '' },
    { name: 'port', type: 'int', default: -1, usage: '' },
    { name: 'replicas', shorthand: 'r', type: 'int', default: 1, usage: '' },
  ],
  runDeployment,
  { required: ['image'], aliases: ['deploy'] },
);

/** A Job's spec around one container, as createJob and the CronJob's jobTemplate build it. */
function jobSpec(name: string, image: string, command: string[] | undefined, restartPolicy: string): GoObject {
  return {
    template: {
      metadata: { creationTimestamp: null },
      spec: { containers: [container(name, image, command)], restartPolicy },
    },
  };
}

/** createJobFromCronJob: the CronJob's job template, marked as started by hand and owned by it. */
function jobFromCronJob(inv: Invocation, name: string, from: string): GoObject {
  const found = findResources(inv.ctx.api, { args: [from], namespace: inv.namespace, allNamespaces: false, allowEmptySelector: false });
  if (found.errors.length) throw found.errors[0];
  if (found.found.length !== 1) throw new KubectlError('from must be an existing cronjob');
  const object = found.found[0].object;
  if (object.kind !== 'CronJob') throw new KubectlError(`unknown object type *v1.${object.kind}`);
  const cronJob = object as CronJob;
  const template = cronJob.spec?.jobTemplate;
  const metadata = objectMeta(inv, { name, labels: template?.metadata?.labels, annotations: { 'cronjob.kubernetes.io/instantiate': 'manual', ...template?.metadata?.annotations } });
  metadata.ownerReferences = [{ apiVersion: 'batch/v1', kind: 'CronJob', name: cronJob.metadata!.name!, uid: cronJob.metadata!.uid!, controller: true }];
  return { kind: 'Job', apiVersion: 'batch/v1', metadata, spec: JSON.parse(JSON.stringify(template?.spec ?? {})) as GoObject, status: {} };
}

function runJob(inv: Invocation): number {
  const name = nameArg(inv);
  const image = inv.flags.string('image');
  const from = inv.flags.string('from');
  const command = commandAfterDash(inv);
  const format = outputFormat(inv);
  const dryRun = dryRunStrategy(inv);
  if ((!image && !from) || (image && from)) throw new KubectlError('either --image or --from must be specified');
  if (command && from) throw new KubectlError('cannot specify --from and command');
  const job: GoObject = from
    ? jobFromCronJob(inv, name, from)
    : { kind: 'Job', apiVersion: 'batch/v1', metadata: objectMeta(inv, { name }), spec: jobSpec(name, image, command, 'Never'), status: {} };
  createGenerated(inv, job, format, dryRun, { failurePrefix: 'failed to create job: ' });
  return 0;
}

export const createJobVerb = generatorVerb(
  'create job',
  [
    { name: 'from', type: 'string', default: '', usage: '' },
    { name: 'image', type: 'string', default: '', usage: '' },
  ],
  runJob,
);

function runCronJob(inv: Invocation): number {
  const name = nameArg(inv);
  const command = commandAfterDash(inv);
  const format = outputFormat(inv);
  const dryRun = dryRunStrategy(inv);
  const restart = inv.flags.string('restart') || 'OnFailure';
  const cronJob: GoObject = {
    kind: 'CronJob',
    apiVersion: 'batch/v1',
    metadata: objectMeta(inv, { name }),
    spec: {
      schedule: inv.flags.string('schedule'),
      jobTemplate: { metadata: { name, creationTimestamp: null }, spec: jobSpec(name, inv.flags.string('image'), command, restart) },
    },
    status: {},
  };
  createGenerated(inv, cronJob, format, dryRun, { failurePrefix: 'failed to create cronjob: ' });
  return 0;
}

export const createCronJobVerb = generatorVerb(
  'create cronjob',
  [
    { name: 'image', type: 'string', default: '', usage: '' },
    { name: 'restart', type: 'string', default: '', usage: '' },
    { name: 'schedule', type: 'string', default: '', usage: '' },
  ],
  runCronJob,
  { required: ['image', 'schedule'], aliases: ['cj'] },
);
