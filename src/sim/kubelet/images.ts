/**
 * What well-known images are and do, so that the Kubernetes docs' own examples behave as the docs
 * say. Data, not code paths: an image's size sets its pull time, its kind what its process does.
 */
import type { Container } from '../api/types';

export interface ImageInfo {
  /** Compressed size in MB, for the pull time. */
  sizeMB: number;
  /** server: runs until signalled; shell: runs its command (the default `sh` exits 0 at once). */
  kind: 'server' | 'shell';
  /** ms from SIGTERM to exit; undefined ignores SIGTERM (PID 1 shell) until SIGKILL. */
  stopMs?: number;
  /** Resident memory of the idle process. */
  memoryBytes: number;
  /** Ports its default process listens on; undefined when unknown (probes then trust containerPorts). */
  ports?: number[];
  /** CPU, in millicores, one request per second costs (for metrics and autoscaling). */
  cpuPerRps?: number;
  /** Whether a tag exists in the registry; absent means every tag exists. */
  tagExists?: (tag: string) => boolean;
}

const semverLine = (minMinor: number, maxMinor: number) => (tag: string) => {
  if (/^(latest|stable|mainline|alpine|perl|bookworm)(-.*)?$/.test(tag)) return true;
  const m = /^1\.(\d+)(?:\.(\d+))?(?:-[a-z0-9-]+)?$/.exec(tag);
  return !!m && Number(m[1]) >= minMinor && Number(m[1]) <= maxMinor && (m[2] === undefined || Number(m[2]) <= 30);
};

const MI = 2 ** 20;

const CATALOG: Record<string, ImageInfo> = {
  nginx: { sizeMB: 67, kind: 'server', stopMs: 400, memoryBytes: 3 * MI, ports: [80], tagExists: semverLine(7, 29) },
  httpd: { sizeMB: 58, kind: 'server', stopMs: 400, memoryBytes: 8 * MI, ports: [80], tagExists: (t) => /^(latest|alpine|2(\.\d+){0,2}(-alpine)?)$/.test(t) },
  busybox: { sizeMB: 2, kind: 'shell', memoryBytes: MI, ports: [], tagExists: (t) => /^(latest|musl|glibc|uclibc|stable|1\.\d+(\.\d+)?(-(musl|glibc|uclibc))?)$/.test(t) },
  alpine: { sizeMB: 4, kind: 'shell', memoryBytes: MI, ports: [], tagExists: (t) => /^(latest|edge|3(\.\d+){0,2})$/.test(t) },
  // The Kubernetes docs' HPA walkthrough image: php-apache computing square roots per request.
  // kubeadm's control plane and add-ons, with a kind cluster's idle memory.
  'registry.k8s.io/kube-apiserver': { sizeMB: 28, kind: 'server', stopMs: 1000, memoryBytes: 280 * MI, ports: [6443] },
  'registry.k8s.io/etcd': { sizeMB: 57, kind: 'server', stopMs: 500, memoryBytes: 45 * MI, ports: [2379, 2380, 2381] },
  'registry.k8s.io/kube-controller-manager': { sizeMB: 26, kind: 'server', stopMs: 500, memoryBytes: 55 * MI, ports: [10257] },
  'registry.k8s.io/kube-scheduler': { sizeMB: 20, kind: 'server', stopMs: 500, memoryBytes: 22 * MI, ports: [10259] },
  'registry.k8s.io/kube-proxy': { sizeMB: 30, kind: 'server', stopMs: 300, memoryBytes: 15 * MI, ports: [10249, 10256] },
  'registry.k8s.io/coredns/coredns': { sizeMB: 18, kind: 'server', stopMs: 5000, memoryBytes: 16 * MI, ports: [53, 8080, 8181, 9153] },
  'registry.k8s.io/hpa-example': { sizeMB: 140, kind: 'server', stopMs: 500, memoryBytes: 9 * MI, ports: [80], cpuPerRps: 5 },
  'polinux/stress': { sizeMB: 5, kind: 'server', stopMs: 200, memoryBytes: MI, ports: [] },
  redis: { sizeMB: 45, kind: 'server', stopMs: 300, memoryBytes: 4 * MI, ports: [6379] },
  postgres: { sizeMB: 150, kind: 'server', stopMs: 1500, memoryBytes: 40 * MI, ports: [5432] },
  mysql: { sizeMB: 170, kind: 'server', stopMs: 2000, memoryBytes: 360 * MI, ports: [3306] },
  // kubesim's demo images for storage lessons (kubelet/apps.ts): a request counter kept in a file,
  // and a writer that appends a line every few seconds.
  'kubesim/visit-counter': { sizeMB: 6, kind: 'server', stopMs: 100, memoryBytes: 3 * MI, ports: [8080] },
  'kubesim/logger': { sizeMB: 3, kind: 'server', stopMs: 100, memoryBytes: MI, ports: [] },
};

/** Any other repository is assumed to exist and to serve (issue: "an unknown repository is assumed to exist"). */
const UNKNOWN: ImageInfo = { sizeMB: 50, kind: 'server', stopMs: 500, memoryBytes: 20 * MI };

export interface ImageRef {
  /** Repository without the Docker Hub prefixes ("nginx", "polinux/stress", "registry.k8s.io/pause"). */
  repository: string;
  tag: string;
  /** As the runtime names it: "docker.io/library/nginx:1.14.2". */
  fullName: string;
}

export function parseImage(image: string): ImageRef {
  const at = image.indexOf('@');
  const base = at >= 0 ? image.slice(0, at) : image;
  const slash = base.lastIndexOf('/');
  const colon = base.lastIndexOf(':');
  const hasTag = colon > slash;
  let repository = hasTag ? base.slice(0, colon) : base;
  const tag = at >= 0 ? image.slice(at + 1) : hasTag ? base.slice(colon + 1) : 'latest';
  repository = repository.replace(/^(docker\.io\/|index\.docker\.io\/)/, '').replace(/^library\//, '');
  const first = repository.split('/')[0];
  const hasRegistry = repository.includes('/') && (first.includes('.') || first.includes(':') || first === 'localhost');
  const qualified = hasRegistry ? repository : repository.includes('/') ? `docker.io/${repository}` : `docker.io/library/${repository}`;
  return { repository, tag, fullName: `${qualified}${at >= 0 ? '@' : ':'}${tag}` };
}

export function imageInfo(image: string): ImageInfo {
  return CATALOG[parseImage(image).repository] ?? UNKNOWN;
}

/** Whether the registry has this reference; a digest is trusted as given. */
export function imageExists(image: string): boolean {
  const ref = parseImage(image);
  if (image.includes('@')) return true;
  const info = CATALOG[ref.repository];
  return !info?.tagExists || info.tagExists(ref.tag);
}

export interface ProcessPlan {
  /** ms the process runs before exiting on its own; undefined runs until stopped. */
  runsForMs?: number;
  exitCode: number;
}

/**
 * What a container's process does, from its image and command: servers serve; shells run their
 * script, where `sleep N` takes N seconds, `exit N` ends with N, and loops or `sleep infinity` never end.
 */
export function planProcess(container: Container): ProcessPlan {
  const info = imageInfo(container.image ?? '');
  const argv = [...(container.command ?? []), ...(container.args ?? [])];
  if (info.kind === 'server' && argv.length === 0) return { exitCode: 0 };
  const script = argv.length === 0 ? 'sh' : argv.join(' ');
  // A loop (`while true`, `while sleep 1`) or a foreground server never ends by itself.
  if (/\bwhile\b|\buntil\b|sleep\s+inf|tail\s+-f|nginx|httpd|serve/.test(script)) return { exitCode: 0 };
  let ms = 0;
  for (const m of script.matchAll(/\bsleep\s+(\d+(?:\.\d+)?)([smhd]?)/g)) {
    const unit = { '': 1, s: 1, m: 60, h: 3600, d: 86400 }[m[2] as '' | 's' | 'm' | 'h' | 'd'];
    ms += Number(m[1]) * unit * 1000;
  }
  const exit = /\bexit\s+(\d+)/.exec(script);
  if (info.kind === 'server' && !/^(sh|bash|\/bin\/sh|\/bin\/bash)\b/.test(script) && ms === 0 && !exit) return { exitCode: 0 };
  return { runsForMs: ms, exitCode: exit ? Number(exit[1]) : 0 };
}
