/**
 * `kubectl create` (k8s.io/kubectl/pkg/cmd/create): the generators kubesim serves, one
 * subcommand each; namespace and serviceaccount are small enough to live here.
 */
import type { CommandGroup, Invocation } from '../command';
import { createConfigMapVerb, createSecretCommand } from './create-config';
import { createGenerated, dryRunStrategy, generatorVerb, nameArg, objectMeta, outputFormat } from './create-common';
import { HELP } from './create-help';
import { createIngressVerb } from './create-ingress';
import { createQuotaVerb } from './create-quota';
import { createServiceCommand } from './create-service';
import { createCronJobVerb, createDeploymentVerb, createJobVerb } from './create-workloads';

function runNamespace(inv: Invocation): number {
  const name = nameArg(inv);
  const format = outputFormat(inv);
  const dryRun = dryRunStrategy(inv);
  // A namespace has no namespace of its own, and kubectl prints the API error unwrapped.
  createGenerated(inv, { kind: 'Namespace', apiVersion: 'v1', metadata: objectMeta(inv, { name, namespaced: false }), spec: {}, status: {} }, format, dryRun);
  return 0;
}

function runServiceAccount(inv: Invocation): number {
  const name = nameArg(inv);
  const format = outputFormat(inv);
  const dryRun = dryRunStrategy(inv);
  createGenerated(inv, { kind: 'ServiceAccount', apiVersion: 'v1', metadata: objectMeta(inv, { name }) }, format, dryRun, { failurePrefix: 'failed to create serviceaccount: ' });
  return 0;
}

export const createCommand: CommandGroup = {
  name: 'create',
  group: 'Basic Commands (Beginner):',
  short: HELP.create.short,
  long: HELP.create.long,
  examples: HELP.create.examples,
  subcommands: [
    createConfigMapVerb,
    createCronJobVerb,
    createDeploymentVerb,
    createIngressVerb,
    createJobVerb,
    generatorVerb('create namespace', [], runNamespace, { aliases: ['ns'] }),
    createQuotaVerb,
    createSecretCommand,
    { ...createServiceCommand, aliases: ['svc'] },
    generatorVerb('create serviceaccount', [], runServiceAccount, { aliases: ['sa'] }),
  ],
  // kubectl v1.32's other generators, for kinds the simulated apiserver does not serve.
  unsimulated: ['clusterrole', 'clusterrolebinding', 'poddisruptionbudget', 'priorityclass', 'role', 'rolebinding', 'token'],
};
