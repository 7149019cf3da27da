/**
 * The node side of a running pod as tools outside the control loop reach it: the environment a
 * process sees, its files, and the answers of kubesim's demo apps. `kubectl exec`, the inspector
 * and kube-proxy's request path go through it; it reads what the kubelet started, never invents it.
 */
import { objectKey } from '../api/object';
import type { ApiServer } from '../api/server';
import type { Container, Pod } from '../api/types';
import type { VolumeStore } from '../storage/volumes';
import { appPlan, counterResponse } from './apps';
import type { EnvList } from './env';
import { PodFilesystem, podHostname, type Listing, type PodFile } from './filesystem';
import { logsRequests, nginxAccessLine, type ContainerLogs, type LogResult } from './logs';

/** containerd's default PATH for an image that sets none. */
const DEFAULT_PATH = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';

/** What `kubectl exec` needs of a container. */
export interface ContainerAccess {
  processEnv(pod: Pod, container: string): EnvList | undefined;
  readFile(pod: Pod, container: string, path: string): string | undefined;
  list(pod: Pod, container: string, path: string): Listing;
  /** The pods/log subresource: a container's output, or why there is none. */
  logs(pod: Pod, container: string, previous: boolean): LogResult;
}

/** One request as the serving process sees it, for its access log. */
export interface HttpRequest {
  at: number;
  clientIP: string;
  path: string;
}

/** How kube-proxy's request reaches a demo app's handler. */
export interface HttpApps {
  serve(pod: Pod, container: Container, request?: HttpRequest): string | undefined;
}

export class PodRuntime implements ContainerAccess, HttpApps {
  readonly fs: PodFilesystem;

  constructor(
    api: ApiServer,
    volumes: VolumeStore,
    /** The kubelet's record of the environment a container was started with. */
    private readonly startedEnv: (pod: Pod, container: string) => EnvList | undefined,
    /** The kubelet of a node, whose runtime holds its containers' logs. */
    private readonly kubeletOn: (nodeName: string) => ContainerLogs | undefined = () => undefined,
  ) {
    this.fs = new PodFilesystem(api, volumes);
  }

  /** The environment `env` prints: the runtime's PATH and HOSTNAME, the kubelet's variables, HOME. */
  processEnv(pod: Pod, container: string): EnvList | undefined {
    const env = this.startedEnv(pod, container);
    if (!env) return undefined;
    const out = new Map<string, string>([
      ['PATH', DEFAULT_PATH],
      ['HOSTNAME', podHostname(pod)],
    ]);
    for (const [k, v] of env) out.set(k, v);
    if (!out.has('HOME')) out.set('HOME', '/root');
    return [...out];
  }

  readFile(pod: Pod, container: string, path: string): string | undefined {
    return this.fs.read(pod, container, path);
  }

  list(pod: Pod, container: string, path: string): Listing {
    return this.fs.list(pod, container, path);
  }

  podFiles(pod: Pod): PodFile[] {
    return this.fs.podFiles(pod);
  }

  logs(pod: Pod, container: string, previous: boolean): LogResult {
    // The API server returns nothing for a pod no node has taken yet (pod LogLocation).
    if (!pod.spec?.nodeName) return { lines: [] };
    const kubelet = this.kubeletOn(pod.spec.nodeName);
    return kubelet ? kubelet.logs(podKey(pod), container, previous) : { lines: [] };
  }

  /** kubesim/visit-counter: read the count from its file, add this visit, write it back; nginx logs the request. */
  serve(pod: Pod, container: Container, request?: HttpRequest): string | undefined {
    if (request && logsRequests(container) && pod.spec?.nodeName) {
      this.kubeletOn(pod.spec.nodeName)?.write(podKey(pod), container.name, nginxAccessLine(request.at, request.clientIP, request.path));
    }
    const plan = appPlan(container, this.startedEnv(pod, container.name) ?? [], podHostname(pod));
    if (!plan.counterFile) return undefined;
    const visits = (parseInt(this.fs.read(pod, container.name, plan.counterFile) ?? '0', 10) || 0) + 1;
    if (!this.fs.write(pod, container.name, plan.counterFile, String(visits))) return `open ${plan.counterFile}: read-only file system`;
    return counterResponse(visits, podHostname(pod));
  }
}

function podKey(pod: Pod): string {
  return objectKey('Pod', pod.metadata?.namespace, pod.metadata?.name ?? '');
}
