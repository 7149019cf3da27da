/**
 * `kubectl apply -f FILE|-` (k8s.io/kubectl/pkg/cmd/apply): every document applied on its own,
 * one line per success on stdout, the failures after on stderr, exit 1 if any failed.
 */
import type { ApplyResult } from '../../contract';
import type { Verb } from '../command';
import { KubectlError } from '../errors';
import { readSources } from './files';

export const applyVerb: Verb = {
  name: 'apply',
  group: 'Advanced Commands:',
  short: 'Apply a configuration to a resource by file name or stdin',
  long: `Apply a configuration to a resource by file name or stdin. The resource name must be specified. This resource will be created if it doesn't exist yet. To use 'apply', always create the resource initially with either 'apply' or 'create --save-config'.

 JSON and YAML formats are accepted.`,
  examples: `  # Apply the configuration in pod.json to a pod
  kubectl apply -f ./pod.json
  
  # Apply the JSON passed into stdin to a pod
  cat pod.json | kubectl apply -f -`,
  usage: 'kubectl apply (-f FILENAME | -k DIRECTORY) [options]',
  flags: [{ name: 'filename', shorthand: 'f', type: 'stringSlice', default: [], usage: 'The files that contain the configurations to apply.' }],
  run(inv) {
    const files = inv.flags.strings('filename');
    if (files.length === 0) throw new KubectlError('must specify one of -f and -k');
    if (inv.args.length) {
      throw new KubectlError(`Unexpected args: [${inv.args.join(' ')}]\nSee 'kubectl apply -h' for help and examples`);
    }
    const results: ApplyResult[] = readSources(inv, files).flatMap(({ source, text }) => inv.ctx.apply(text, source));
    if (results.length === 0) throw new KubectlError('no objects passed to apply');
    const failures: string[] = [];
    for (const r of results) {
      for (const warning of r.warnings ?? []) inv.out.err(`Warning: ${warning}\n`);
      if (r.error) failures.push(r.message);
      else inv.out.out(`${r.message}\n`);
    }
    for (const message of failures) inv.out.err(`${message}\n`);
    return failures.length ? 1 : 0;
  },
};
