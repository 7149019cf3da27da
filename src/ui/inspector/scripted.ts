/**
 * kubesim's lesson annotations (`kubesim.io/…`, docs/SCRIPTING.md), each with one line on what it
 * makes the container do, for the inspector's "Scripted behaviour". A real cluster ignores them.
 */

export const SCRIPT_PREFIX = 'kubesim.io/';

export interface ScriptedLine {
  annotation: string;
  value: string;
  effect: string;
}

const EFFECTS: Record<string, (value: string, all: Record<string, string>) => string> = {
  'crash-after': (v, all) =>
    `Every run of the container exits after ${v} with exit code ${all[`${SCRIPT_PREFIX}exit-code`] ?? '1'}, so it shows Error, then CrashLoopBackOff.`,
  'exit-code': (v) => `The exit code a crash-after run ends with: ${v}.`,
  memory: (v) => `The container uses ${v} of memory; above its resources.limits.memory it is OOMKilled (exit 137) right after each start.`,
  'ready-after': (v) => `The app answers probes only ${v} after it starts (a slow warm-up); this matters only with a readinessProbe.`,
  'unready-after': (v) => `Readiness probes start failing ${v} after each start: the pod leaves its Services' endpoints, with no restart.`,
  'liveness-fails-after': (v) => `Liveness probes start failing ${v} after each start, so the kubelet restarts the container.`,
};

/** The pod's kubesim annotations in a stable order, each explained; unknown ones say they do nothing. */
export function scriptedBehaviour(annotations: Record<string, string> | undefined): ScriptedLine[] {
  const all = annotations ?? {};
  return Object.keys(all)
    .filter((key) => key.startsWith(SCRIPT_PREFIX))
    .sort()
    .map((key) => {
      const effect = EFFECTS[key.slice(SCRIPT_PREFIX.length)];
      return {
        annotation: key,
        value: all[key],
        effect: effect ? effect(all[key], all) : 'kubesim does not know this annotation, so it has no effect.',
      };
    });
}
