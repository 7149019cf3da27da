/**
 * `kubectl logs` (k8s.io/kubectl/pkg/cmd/logs): a container's output as the kubelet kept it, for a
 * pod, the first pod of a workload or Service, or every pod a selector matches; `-f` keeps
 * printing what the process writes until Ctrl+C, as `get --watch` streams rows.
 */
import { ApiError, notFound } from '../../api/errors';
import { mapSelectorMatches, parseSelectorString, selectorMatches } from '../../api/labels';
import type { LabelSelector, Pod } from '../../api/types';
import type { LogLine } from '../../kubelet/logs';
import { fromRfc3339, rfc3339 } from '../../time';
import type { Invocation, Verb } from '../command';
import { KubectlError } from '../errors';
import { findResources } from '../resources';
import { SELECTOR } from './common';

const USAGE_ERROR = "expected 'logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER]'.\nPOD or TYPE/NAME is a required argument for the logs command";

interface Source {
  pod: Pod;
  container: string;
}

/** The container names kubectl lists after "Defaulted container … out of:". */
function containerNames(pod: Pod): string {
  return [...(pod.spec?.initContainers ?? []).map((c) => `${c.name} (init)`), ...(pod.spec?.containers ?? []).map((c) => c.name)].join(', ');
}

/** podutils.ActivePods reversed: the pod kubectl picks is running and ready, then the oldest. */
function rank(pod: Pod): [number, number, string] {
  const ready = pod.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True');
  const phase = pod.status?.phase === 'Running' ? 0 : pod.status?.phase === 'Pending' ? 1 : 2;
  return [phase * 2 + (ready ? 0 : 1), fromRfc3339(pod.metadata?.creationTimestamp ?? rfc3339(0)), pod.metadata?.name ?? ''];
}

function byActivity(a: Pod, b: Pod): number {
  const [x, y] = [rank(a), rank(b)];
  return x[0] - y[0] || x[1] - y[1] || (x[2] < y[2] ? -1 : 1);
}

/** The selector a workload or Service picks its pods with (polymorphichelpers.SelectorsForObject). */
function podMatcher(kind: string, spec: Record<string, unknown> | undefined): ((pod: Pod) => boolean) | undefined {
  if (kind === 'Service' || kind === 'ReplicationController') {
    const selector = spec?.selector as Record<string, string> | undefined;
    return selector && Object.keys(selector).length ? (pod) => mapSelectorMatches(selector, pod.metadata?.labels ?? {}) : undefined;
  }
  if (['Deployment', 'ReplicaSet', 'StatefulSet', 'DaemonSet', 'Job'].includes(kind)) {
    const selector = spec?.selector as LabelSelector | undefined;
    return (pod) => selectorMatches(selector, pod.metadata?.labels ?? {});
  }
  return undefined;
}

/** The pods the arguments name: a pod, the first pod of TYPE/NAME, or all a selector matches. */
function podsFor(inv: Invocation, resource: string | undefined): Pod[] {
  const api = inv.ctx.api;
  const selectorText = inv.flags.string('selector');
  if (resource === undefined) {
    const matches = parseSelectorString(selectorText);
    return (api.list('Pod', inv.namespace) as Pod[]).filter((p) => matches(p.metadata?.labels ?? {})).sort((a, b) => (a.metadata!.name! < b.metadata!.name! ? -1 : 1));
  }
  if (!resource.includes('/')) {
    const pod = api.get('Pod', inv.namespace, resource) as Pod | undefined;
    if (!pod) throw notFound('pods', resource);
    return [pod];
  }
  const result = findResources(api, { args: [resource], namespace: inv.namespace, allNamespaces: false, allowEmptySelector: false });
  if (result.errors.length) throw result.errors[0];
  const { info, object } = result.found[0];
  if (info.kind === 'Pod') return [object as Pod];
  const matcher = podMatcher(info.kind, object.spec as Record<string, unknown> | undefined);
  // kubectl's own words for a kind it cannot find pods of, naming the Go type (`*v1.ConfigMap`).
  const goType = `*${info.version}.${info.kind}`;
  if (!matcher) throw new KubectlError(`cannot attach to ${goType}: selector for ${goType} not implemented`);
  const pods = (api.list('Pod', inv.namespace) as Pod[]).filter(matcher).sort(byActivity);
  if (pods.length === 0) throw new KubectlError('timed out waiting for the condition');
  if (pods.length > 1) inv.out.err(`Found ${pods.length} pods, using pod/${pods[0].metadata!.name}\n`);
  return [pods[0]];
}

/** Which containers of a pod to read: -c, all of them, or the default one (with kubectl's notice). */
function containersOf(inv: Invocation, pod: Pod, named: string): string[] {
  const containers = pod.spec?.containers ?? [];
  if (inv.flags.bool('all-containers')) return [...(pod.spec?.initContainers ?? []), ...containers].map((c) => c.name);
  if (named) {
    const all = [...containers, ...(pod.spec?.initContainers ?? [])];
    if (!all.some((c) => c.name === named)) throw new ApiError('BadRequest', `container ${named} is not valid for pod ${pod.metadata!.name}`);
    return [named];
  }
  const annotated = pod.metadata?.annotations?.['kubectl.kubernetes.io/default-container'];
  if (annotated && containers.some((c) => c.name === annotated)) return [annotated];
  if (containers.length > 1) inv.out.err(`Defaulted container "${containers[0].name}" out of: ${containerNames(pod)}\n`);
  return [containers[0].name];
}

/** The CRI log reader's RFC3339NanoFixed timestamps: nine fraction digits. */
function criTimestamp(atMs: number): string {
  return rfc3339(atMs).replace('Z', `.${String(((atMs % 1000) + 1000) % 1000).padStart(3, '0')}000000Z`);
}

export const logsVerb: Verb = {
  name: 'logs',
  group: 'Troubleshooting and Debugging Commands:',
  short: 'Print the logs for a container in a pod',
  long: 'Print the logs for a container in a pod or specified resource. If the pod has only one container, the container name is optional.',
  examples: `  # Return snapshot logs from pod nginx with only one container
  kubectl logs nginx
  
  # Return snapshot logs from pod nginx, prefixing each line with the source pod and container name
  kubectl logs nginx --prefix
  
  # Return snapshot logs from pod nginx, limiting output to 500 bytes
  kubectl logs nginx --limit-bytes=500
  
  # Return snapshot logs from pod nginx, waiting up to 20 seconds for it to start running.
  kubectl logs nginx --pod-running-timeout=20s
  
  # Return snapshot logs from pod nginx with multi containers
  kubectl logs nginx --all-containers=true
  
  # Return snapshot logs from all pods in the deployment nginx
  kubectl logs deployment/nginx --all-pods=true
  
  # Return snapshot logs from all containers in pods defined by label app=nginx
  kubectl logs -l app=nginx --all-containers=true
  
  # Return snapshot logs from all pods defined by label app=nginx, limiting concurrent log requests to 10 pods
  kubectl logs -l app=nginx --max-log-requests=10
  
  # Return snapshot of previous terminated ruby container logs from pod web-1
  kubectl logs -p -c ruby web-1
  
  # Begin streaming the logs from pod nginx, continuing even if errors occur
  kubectl logs nginx -f --ignore-errors=true
  
  # Begin streaming the logs of the ruby container in pod web-1
  kubectl logs -f -c ruby web-1
  
  # Begin streaming the logs from all containers in pods defined by label app=nginx
  kubectl logs -f -l app=nginx --all-containers=true
  
  # Display only the most recent 20 lines of output in pod nginx
  kubectl logs --tail=20 nginx
  
  # Show all logs from pod nginx written in the last hour
  kubectl logs --since=1h nginx
  
  # Show all logs with timestamps from pod nginx starting from August 30, 2024, at 06:00:00 UTC
  kubectl logs nginx --since-time=2024-08-30T06:00:00Z --timestamps=true
  
  # Show logs from a kubelet with an expired serving certificate
  kubectl logs --insecure-skip-tls-verify-backend nginx
  
  # Return snapshot logs from first container of a job named hello
  kubectl logs job/hello
  
  # Return snapshot logs from container nginx-1 of a deployment named nginx
  kubectl logs deployment/nginx -c nginx-1`,
  usage: 'kubectl logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER] [options]',
  flags: [
    { name: 'all-containers', type: 'bool', default: false, usage: "Get all containers' logs in the pod(s)." },
    { name: 'all-pods', type: 'bool', default: false, usage: 'Get logs from all pod(s). Sets prefix to true.' },
    { name: 'container', shorthand: 'c', type: 'string', default: '', usage: 'Print the logs of this container' },
    { name: 'follow', shorthand: 'f', type: 'bool', default: false, usage: 'Specify if the logs should be streamed.' },
    { name: 'ignore-errors', type: 'bool', default: false, usage: 'If watching / following pod logs, allow for any errors that occur to be non-fatal' },
    {
      name: 'insecure-skip-tls-verify-backend',
      type: 'bool',
      default: false,
      usage:
        'Skip verifying the identity of the kubelet that logs are requested from.  In theory, an attacker could provide invalid log content back. You might want to use this if your kubelet serving certificates have expired.',
    },
    { name: 'limit-bytes', type: 'int', default: 0, usage: 'Maximum bytes of logs to return. Defaults to no limit.' },
    { name: 'max-log-requests', type: 'int', default: 5, usage: 'Specify maximum number of concurrent logs to follow when using by a selector. Defaults to 5.' },
    { name: 'pod-running-timeout', type: 'duration', default: 20_000, usage: 'The length of time (like 5s, 2m, or 3h, higher than zero) to wait until at least one pod is running' },
    { name: 'prefix', type: 'bool', default: false, usage: 'Prefix each log line with the log source (pod name and container name)' },
    { name: 'previous', shorthand: 'p', type: 'bool', default: false, usage: 'If true, print the logs for the previous instance of the container in a pod if it exists.' },
    SELECTOR,
    {
      name: 'since',
      type: 'duration',
      default: 0,
      usage: 'Only return logs newer than a relative duration like 5s, 2m, or 3h. Defaults to all logs. Only one of since-time / since may be used.',
    },
    { name: 'since-time', type: 'string', default: '', usage: 'Only return logs after a specific date (RFC3339). Defaults to all logs. Only one of since-time / since may be used.' },
    {
      name: 'tail',
      type: 'int',
      default: -1,
      usage: 'Lines of recent log file to display. Defaults to -1 with no selector, showing all log lines otherwise 10, if a selector is provided.',
    },
    { name: 'timestamps', type: 'bool', default: false, usage: 'Include timestamps on each line in the log output' },
  ],
  run(inv) {
    const hint = `\nSee 'kubectl logs -h' for help and examples`;
    const selector = inv.flags.string('selector');
    let container = inv.flags.string('container');
    if (inv.args.length === 0 && !selector) throw new KubectlError(`${USAGE_ERROR}${hint}`);
    if (inv.args.length === 1 && selector) throw new KubectlError(`only a selector (-l) or a POD name is allowed${hint}`);
    if (inv.args.length > 2) throw new KubectlError(`${USAGE_ERROR}${hint}`);
    if (inv.args.length === 2) {
      if (container) throw new KubectlError('only one of -c or an inline [CONTAINER] arg is allowed');
      container = inv.args[1];
    }
    if (inv.flags.changed('since') && inv.flags.changed('since-time')) throw new KubectlError('at most one of `sinceTime` or `sinceSeconds` may be specified');
    if (inv.flags.changed('limit-bytes') && inv.flags.int('limit-bytes') < 1) throw new KubectlError('--limit-bytes must be greater than 0');
    const follow = inv.flags.bool('follow');
    const previous = inv.flags.bool('previous');
    const access = inv.ctx.containers;
    if (!access) throw new KubectlError('kubesim has no container runtime in this context to read logs from');

    const pods = podsFor(inv, selector ? undefined : inv.args[0]);
    const sources: Source[] = pods.flatMap((pod) => containersOf(inv, pod, container).map((name) => ({ pod, container: name })));
    const tail = inv.flags.changed('tail') ? inv.flags.int('tail') : selector ? 10 : -1;
    const prefix = inv.flags.bool('prefix') || inv.flags.bool('all-pods');
    const sinceTime = inv.flags.string('since-time');
    const since = sinceTime ? fromRfc3339(sinceTime) : inv.flags.changed('since') ? inv.ctx.clock.now() - inv.flags.duration('since') : -Infinity;
    if (Number.isNaN(since)) throw new KubectlError(`invalid argument "${sinceTime}" for "--since-time" flag: parsing time "${sinceTime}" as "2006-01-02T15:04:05Z07:00": cannot parse "${sinceTime}" as "2006"`);

    const render = (source: Source, lines: readonly LogLine[]) =>
      lines
        .map((l) => `${prefix ? `[pod/${source.pod.metadata!.name}/${source.container}] ` : ''}${inv.flags.bool('timestamps') ? `${criTimestamp(l.at)} ` : ''}${l.text}\n`)
        .join('');
    const read = (source: Source): LogLine[] => {
      const result = access.logs(source.pod, source.container, previous);
      if ('error' in result) throw new ApiError('BadRequest', result.error);
      return result.lines;
    };

    /** Per source, the last line printed: its time and how many lines at that instant were printed. */
    const printed = new Map<Source, { at: number; count: number }>();
    const remember = (source: Source, lines: readonly LogLine[]) => {
      const last = lines.at(-1);
      if (!last) return;
      printed.set(source, { at: last.at, count: lines.filter((l) => l.at === last.at).length });
    };
    for (const source of sources) {
      const all = read(source);
      let lines = all.filter((l) => l.at >= since);
      if (tail >= 0) lines = tail === 0 ? [] : lines.slice(-tail);
      let text = render(source, lines);
      if (inv.flags.changed('limit-bytes')) text = text.slice(0, inv.flags.int('limit-bytes'));
      inv.out.out(text);
      remember(source, all);
    }

    const stream = inv.ctx.stream;
    if (!follow || previous || !stream) return 0;
    // The kubelet holds the stream open while the container runs; kubesim checks for new lines whenever the cluster changes.
    stream.watch(() => {
      for (const source of sources) {
        const result = access.logs(source.pod, source.container, false);
        if ('error' in result) continue;
        const seen = printed.get(source);
        const fresh = seen
          ? result.lines.filter((l, i, all) => l.at > seen.at || (l.at === seen.at && all.slice(0, i + 1).filter((m) => m.at === seen.at).length > seen.count))
          : result.lines;
        if (fresh.length === 0) continue;
        stream.write(render(source, fresh));
        remember(source, result.lines);
      }
    });
    return 0;
  },
};
