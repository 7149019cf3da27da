/**
 * `kubectl exec POD [-c CONTAINER] [-it] -- COMMAND [args...]` (k8s.io/kubectl/pkg/cmd/exec): the
 * pod is read from the API and the command runs in the simulated container (exec-programs.ts),
 * with kubectl's and the apiserver's errors for a missing pod, a finished pod, an unscheduled or
 * not-yet-running container, and an unknown container name.
 */
import { ApiError, notFound } from '../../api/errors';
import type { Pod } from '../../api/types';
import { digest } from '../../kubelet/kubelet';
import type { Verb } from '../command';
import { KubectlError } from '../errors';
import { ExecNotFound, runInContainer, SIMULATED } from './exec-programs';

const HINT = "\nSee 'kubectl exec -h' for help and examples";

/** "a, b, setup (init)": how kubectl lists a pod's containers when it picks a default. */
function containerNames(pod: Pod): string {
  return [...(pod.spec?.containers ?? []).map((c) => c.name), ...(pod.spec?.initContainers ?? []).map((c) => `${c.name} (init)`)].join(', ');
}

export const execVerb: Verb = {
  name: 'exec',
  group: 'Troubleshooting and Debugging Commands:',
  short: 'Execute a command in a container',
  long: 'Execute a command in a container.',
  examples: `  # Get output from running the 'date' command from pod mypod, using the first container by default
  kubectl exec mypod -- date
  
  # Get output from running the 'date' command in ruby-container from pod mypod
  kubectl exec mypod -c ruby-container -- date
  
  # Switch to raw terminal mode; sends stdin to 'bash' in ruby-container from pod mypod
  # and sends stdout/stderr from 'bash' back to the client
  kubectl exec mypod -c ruby-container -i -t -- bash -il
  
  # List contents of /usr from the first container of pod mypod and sort by modification time
  # If the command you want to execute in the pod has any flags in common (e.g. -i),
  # you must use two dashes (--) to separate your command's flags/arguments
  # Also note, do not surround your command and its flags/arguments with quotes
  # unless that is how you would execute it normally (i.e., do ls -t /usr, not "ls -t /usr")
  kubectl exec mypod -i -t -- ls -t /usr
  
  # Get output from running 'date' command from the first pod of the deployment mydeployment, using the first container by default
  kubectl exec deploy/mydeployment -- date
  
  # Get output from running 'date' command from the first pod of the service myservice, using the first container by default
  kubectl exec svc/myservice -- date`,
  usage: 'kubectl exec (POD | TYPE/NAME) [-c CONTAINER] [flags] -- COMMAND [args...] [options]',
  flags: [
    {
      name: 'container',
      shorthand: 'c',
      type: 'string',
      default: '',
      usage: 'Container name. If omitted, use the kubectl.kubernetes.io/default-container annotation for selecting the container to be attached or the first container in the pod will be chosen',
    },
    { name: 'filename', shorthand: 'f', type: 'stringSlice', default: [], usage: 'to use to exec into the resource' },
    { name: 'pod-running-timeout', type: 'duration', default: 60_000, usage: 'The length of time (like 5s, 2m, or 3h, higher than zero) to wait until at least one pod is running' },
    { name: 'quiet', shorthand: 'q', type: 'bool', default: false, usage: 'Only print output from the remote session' },
    { name: 'stdin', shorthand: 'i', type: 'bool', default: false, usage: 'Pass stdin to the container' },
    { name: 'tty', shorthand: 't', type: 'bool', default: false, usage: 'Stdin is a TTY' },
  ],
  run(inv) {
    const dash = inv.argsLenAtDash ?? -1;
    const before = dash >= 0 ? inv.args.slice(0, dash) : inv.args;
    const command = dash >= 0 ? inv.args.slice(dash) : [];
    if (before.length === 0) throw new KubectlError(`pod, type/name or --filename must be specified`);
    if (dash < 0 && before.length > 1) throw new KubectlError(`exec [POD] [COMMAND] is not supported anymore. Use exec [POD] -- [COMMAND] instead${HINT}`);
    if (command.length === 0) throw new KubectlError('you must specify at least one command for the container');
    const [type, name] = before[0].includes('/') ? before[0].split('/', 2) : ['pod', before[0]];
    if (!['pod', 'pods', 'po'].includes(type)) throw new KubectlError(`kubesim simulates exec into a pod by name (POD or pod/POD), not "${before[0]}"`);

    const pod = inv.ctx.api.get('Pod', inv.namespace, name) as Pod | undefined;
    if (!pod) throw notFound('pods', name);
    const phase = pod.status?.phase;
    if (phase === 'Succeeded' || phase === 'Failed') throw new KubectlError(`cannot exec into a container in a completed pod; current phase is ${phase}`);
    let container = inv.flags.string('container');
    if (!container) {
      const annotated = pod.metadata?.annotations?.['kubectl.kubernetes.io/default-container'];
      container = annotated && pod.spec!.containers.some((c) => c.name === annotated) ? annotated : pod.spec!.containers[0].name;
      if (!annotated && pod.spec!.containers.length > 1 && !inv.flags.bool('quiet')) {
        inv.out.err(`Defaulted container "${container}" out of: ${containerNames(pod)}\n`);
      }
    }
    // The apiserver's pods/exec checks (pod strategy ResourceLocation), then the kubelet's.
    const spec = [...pod.spec!.containers, ...(pod.spec!.initContainers ?? [])].find((c) => c.name === container);
    if (!spec) throw new ApiError('BadRequest', `container ${container} is not valid for pod ${name}`);
    if (!pod.spec!.nodeName) throw new ApiError('BadRequest', `pod ${name} does not have a host assigned`);
    const running = pod.status?.containerStatuses?.find((s) => s.name === container)?.state?.running;
    const access = inv.ctx.containers;
    if (!running || !access?.processEnv(pod, container)) throw new KubectlError(`unable to upgrade connection: container not found ("${container}")`);

    const execId = digest(`${pod.metadata!.uid}/${container}/exec/${inv.ctx.clock.now()}/${command.join(' ')}`);
    let result;
    try {
      result = runInContainer({ pod, container, image: spec.image ?? '', access }, command, execId);
    } catch (err) {
      // The runtime's failure comes back over the stream as a plain error, not an API status.
      if (err instanceof ExecNotFound) throw new KubectlError(err.message);
      throw err;
    }
    if (typeof result === 'string') throw new KubectlError(`kubesim does not simulate "${result}" in containers; it runs: ${SIMULATED.join(', ')}`);
    inv.out.out(result.stdout);
    inv.out.err(result.stderr);
    if (result.exitCode !== 0) inv.out.err(`command terminated with exit code ${result.exitCode}\n`);
    return result.exitCode;
  },
};
