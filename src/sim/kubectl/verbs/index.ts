/** The registry of kubectl commands kubesim runs; a command is one file (or folder) and one entry here. */
import type { Command } from '../command';
import { annotateVerb } from './annotate';
import { applyVerb } from './apply';
import { autoscaleVerb } from './autoscale';
import { cordonVerb, uncordonVerb } from './cordon';
import { createCommand } from './create';
import { deleteVerb } from './delete';
import { describeVerb } from './describe';
import { drainVerb } from './drain';
import { execVerb } from './exec';
import { exposeVerb } from './expose';
import { getVerb } from './get';
import { labelVerb } from './label';
import { rolloutCommand } from './rollout';
import { runVerb } from './run';
import { scaleVerb } from './scale';
import { setCommand } from './set';
import { simCommand } from './sim';
import { topCommand } from './top';
import { versionVerb } from './version';

/** In the order `kubectl --help` lists them within each section. */
export const COMMANDS: readonly Command[] = [
  createCommand,
  exposeVerb,
  runVerb,
  setCommand,
  getVerb,
  deleteVerb,
  rolloutCommand,
  scaleVerb,
  autoscaleVerb,
  topCommand,
  cordonVerb,
  uncordonVerb,
  drainVerb,
  describeVerb,
  execVerb,
  applyVerb,
  labelVerb,
  annotateVerb,
  simCommand,
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
  'alpha', 'api-resources', 'api-versions', 'attach', 'auth', 'certificate', 'cluster-info', 'completion', 'config', 'cp',
  'debug', 'diff', 'edit', 'events', 'explain', 'kustomize', 'logs', 'options', 'patch', 'plugin',
  'port-forward', 'proxy', 'replace', 'taint', 'wait',
];
