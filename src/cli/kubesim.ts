/**
 * The headless kubesim CLI: a simulated cluster in a shell, for tests and for people who want
 * kubectl practice without a browser. `npm run -s kubesim -- --kubectl "apply -f web.yaml"
 * --advance 30s --kubectl "get pods"`.
 */
import { readFileSync } from 'node:fs';
import { createCluster } from '../sim/index';
import { tokenize } from '../sim/kubectl/tokenize';
import { parseCliArgs, USAGE, UsageError } from './args';

/** Whether a kubectl step reads standard input (`-f -`). */
function readsStdin(args: string): boolean {
  const words = tokenize(args);
  return words.some((w, i) => ((w === '-f' || w === '--filename') && words[i + 1] === '-') || w === '--filename=-' || w === '-f=-');
}

function main(argv: string[]): number {
  let options;
  try {
    options = parseCliArgs(argv);
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    process.stderr.write(`kubesim: ${err.message}\n\n${USAGE}`);
    return 2;
  }
  if (options.help) {
    process.stdout.write(USAGE);
    return 0;
  }
  let stdinText: string | undefined;
  const stdin = () => (stdinText ??= readFileSync(0, 'utf8'));
  const cluster = createCluster({ nodes: options.nodes, seed: options.seed, readFile: (path) => readFileSync(path, 'utf8') });
  let exitCode = 0;
  for (const step of options.steps) {
    if (step.kind === 'advance') {
      cluster.advance(step.ms);
      continue;
    }
    const result = cluster.kubectl(step.args, readsStdin(step.args) ? stdin() : undefined);
    process.stdout.write(result.stdout);
    process.stderr.write(result.stderr);
    exitCode = result.exitCode;
  }
  return exitCode;
}

process.exitCode = main(process.argv.slice(2));
