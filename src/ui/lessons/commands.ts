/**
 * Which of a step's suggested commands the panel can run for the learner in one go. Watching
 * commands never end and `-f FILE` names a file the browser does not have; those are copied and
 * pasted into the Terminal instead.
 */
export function runsToCompletion(command: string): boolean {
  const words = command.trim().split(/\s+/);
  if (words[0] !== 'kubectl') return false;
  const watches = words.some((w) => w === '-w' || w === '--watch' || w.startsWith('--watch=') || w === '--watch-only');
  const waits = words[1] === 'rollout' && words[2] === 'status';
  const readsFile = words.some((w) => w === '-f' || w === '--filename' || w.startsWith('--filename='));
  return !watches && !waits && !readsFile;
}

/** What `runLogged` takes: the line without its leading `kubectl`. */
export function kubectlArgs(command: string): string {
  return command.trim().replace(/^kubectl\s+/, '');
}
