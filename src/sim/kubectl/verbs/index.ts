/** The registry of kubectl commands kubesim runs; a command is one file (or folder) and one entry here. */
import type { Command } from '../command';
import { annotateVerb } from './annotate';
import { applyVerb } from './apply';
import { autoscaleVerb } from './autoscale';
import { configCommand } from './config';
import { cordonVerb, uncordonVerb } from './cordon';
import { createCommand } from './create';
import { deleteVerb } from './delete';
import { apiResourcesVerb, apiVersionsVerb } from './discovery';
import { describeVerb } from './describe';
import { drainVerb } from './drain';
import { execVerb } from './exec';
import { explainVerb } from './explain';
import { exposeVerb } from './expose';
import { getVerb } from './get';
import { labelVerb } from './label';
import { logsVerb } from './logs';
import { patchVerb } from './patch';
import { replaceVerb } from './replace';
import { rolloutCommand } from './rollout';
import { runVerb } from './run';
import { scaleVerb } from './scale';
import { setCommand } from './set';
import { taintVerb } from './taint';
import { simCommand } from './sim';
import { topCommand } from './top';
import { versionVerb } from './version';

/** In the order `kubectl --help` lists them within each section. */
export const COMMANDS: readonly Command[] = [
  createCommand,
  exposeVerb,
  runVerb,
  setCommand,
  explainVerb,
  getVerb,
  deleteVerb,
  rolloutCommand,
  scaleVerb,
  autoscaleVerb,
  topCommand,
  cordonVerb,
  uncordonVerb,
  drainVerb,
  taintVerb,
  describeVerb,
  logsVerb,
  execVerb,
  applyVerb,
  patchVerb,
  replaceVerb,
  labelVerb,
  annotateVerb,
  simCommand,
  apiResourcesVerb,
  apiVersionsVerb,
  configCommand,
  versionVerb,
];

const byName = new Map<string, Command>();
for (const command of COMMANDS) {
  if (byName.has(command.name)) throw new Error(`kubectl command registered twice: ${command.name}`);
  byName.set(command.name, command);
}

export function commandNamed(name: string): Command | undefined {
  return byName.get(name);
}

/**
 * kubectl v1.32's other commands: kubesim says it does not simulate them yet rather than
 * pretend they do not exist, so students are not taught that real commands are wrong.
 */
export const UNSIMULATED_COMMANDS = [
  'alpha', 'attach', 'auth', 'certificate', 'cluster-info', 'completion', 'cp',
  'debug', 'diff', 'edit', 'events', 'kustomize', 'options', 'plugin',
  'port-forward', 'proxy', 'wait',
];
