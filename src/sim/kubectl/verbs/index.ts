/** The registry of kubectl verbs kubesim runs; a verb is one file and one entry here. */
import type { Verb } from '../command';
import { applyVerb } from './apply';
import { deleteVerb } from './delete';
import { describeVerb } from './describe';
import { getVerb } from './get';
import { scaleVerb } from './scale';
import { versionVerb } from './version';

export const VERBS: readonly Verb[] = [getVerb, deleteVerb, scaleVerb, describeVerb, applyVerb, versionVerb];

const byName = new Map<string, Verb>();
for (const verb of VERBS) {
  if (byName.has(verb.name)) throw new Error(`kubectl verb registered twice: ${verb.name}`);
  byName.set(verb.name, verb);
}

export function verbNamed(name: string): Verb | undefined {
  return byName.get(name);
}

/**
 * kubectl v1.32's other commands: kubesim says it does not simulate them yet rather than
 * pretend they do not exist, so students are not taught that real commands are wrong.
 */
export const UNSIMULATED_COMMANDS = [
  'alpha', 'annotate', 'api-resources', 'api-versions', 'attach', 'auth', 'autoscale', 'certificate', 'cluster-info', 'completion',
  'config', 'cordon', 'cp', 'create', 'debug', 'diff', 'drain', 'edit', 'events', 'exec', 'explain', 'expose', 'kustomize', 'label',
  'logs', 'options', 'patch', 'plugin', 'port-forward', 'proxy', 'replace', 'rollout', 'run', 'set', 'taint', 'top', 'uncordon', 'wait',
];
