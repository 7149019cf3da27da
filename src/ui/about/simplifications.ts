/**
 * Where kubesim knowingly differs from Kubernetes v1.32, in short plain words for the "About this
 * simulation" panel. It mirrors docs/SIMPLIFICATIONS.md section by section (a test keeps the two in
 * step), plus what only this app does.
 */

export interface Simplification {
  /** Stable id, so a "simplified" hint elsewhere on screen can point at its entry. */
  id: string;
  title: string;
  text: string;
}

export interface SimplificationGroup {
  /** The section heading in docs/SIMPLIFICATIONS.md, or undefined for the app's own group. */
  heading: string;
  items: readonly Simplification[];
}

export const SIMPLIFICATIONS: readonly SimplificationGroup[] = [
  {
    heading: 'Timing',
    items: [
      {
        id: 'scheduling-delay',
        title: 'Scheduling takes one virtual second',
        text: 'A real scheduler binds a pod within milliseconds; kubesim waits 1 s so you can see Pending. Pods that do not fit are retried with the real back-off (1 s doubling to 10 s, at least every 5 minutes).',
      },
      {
        id: 'start-times',
        title: 'Sandboxes, pulls and starts take modelled times',
        text: '1 s for the pod sandbox; an image pull takes 0.5 s plus its size at 30 MB/s (±20 %). A real node’s times depend on its network and disk.',
      },
      {
        id: 'controller-latency',
        title: 'Controllers react in the same virtual instant',
        text: 'A real controller reacts within milliseconds. The one-step lag is kept: the Deployment controller reads the ReplicaSet status the ReplicaSet controller last wrote.',
      },
    ],
  },
  {
    heading: 'Control plane',
    items: [
      {
        id: 'control-plane-pods',
        title: 'The control-plane pods are for show',
        text: 'kube-system shows what kubeadm runs (kube-apiserver, etcd, the controller manager, the scheduler, kube-proxy, CoreDNS), but kubesim’s own components do the work: stopping those pods stops nothing. Deleting a mirror pod restarts its static pod, where the real kubelet only writes the mirror again.',
      },
      {
        id: 'no-caches',
        title: 'No informer caches or expectations',
        text: 'Real controllers read slightly stale caches and use “expectations” to avoid acting twice. kubesim’s controllers read the store directly, so they never need them.',
      },
      {
        id: 'no-conflicts',
        title: 'Controllers never conflict',
        text: 'Components write one after another, so controllers never hit resourceVersion conflicts with each other. Your own stale resourceVersion still gets the real 409.',
      },
      {
        id: 'scheduler-scoring',
        title: 'Fewer scheduler scores',
        text: 'Scoring uses LeastAllocated, BalancedAllocation, TaintToleration and preferred node affinity. PodTopologySpread defaults, InterPodAffinity and ImageLocality are not scored yet; preemption never runs (every pod has priority 0).',
      },
      {
        id: 'template-hash',
        title: 'Different pod-template-hash values',
        text: 'The hash is FNV-32a like the real one, but over a JSON form of the template, so the characters look right but the value differs from a real cluster’s. The same goes for StatefulSet and DaemonSet revision names.',
      },
      {
        id: 'no-token-volume',
        title: 'No ServiceAccount token volume',
        text: 'Pods get serviceAccountName: default but no kube-api-access-… volume.',
      },
      {
        id: 'events-never-expire',
        title: 'Events never expire',
        text: 'Events are counted and merged like client-go does, but a real cluster deletes them after one hour.',
      },
      {
        id: 'batch-controllers',
        title: 'Jobs and CronJobs, in short',
        text: 'A finished pod is counted and its tracking finalizer removed in one step; orphan pods are not adopted by a Job. Schedules are read by cron-parser with the browser’s time zones: no @every, and impossible dates such as 0 0 31 2 * are refused.',
      },
      {
        id: 'quota-limits',
        title: 'LimitRange and ResourceQuota, in part',
        text: 'Container and Pod limits are enforced on new pods; PersistentVolumeClaim limits are stored but not enforced, and a LimitRange or quota is not checked for contradictions such as min above max. Quota scopes PriorityClass and CrossNamespacePodAffinity never match.',
      },
      {
        id: 'namespaces',
        title: 'Namespaces, in short',
        text: 'A real apiserver changes a namespace’s spec.finalizers only through its finalize subresource; kubesim lets an ordinary update change them. A deleted kube-node-lease comes back at once rather than within a minute.',
      },
      {
        id: 'storage',
        title: 'Storage, in short',
        text: 'The default class standard uses kind’s rancher.io/local-path provisioner, simulated without its pod: a volume is ready 4 s after the claim asks, and a failed attempt is retried only when the claim changes. A pod waiting for its volumes waits without a time limit (the real scheduler gives up after 10 minutes) and holds no node resources meanwhile. A claim’s “spec is immutable” error leaves out the diff a real cluster appends.',
      },
    ],
  },
  {
    heading: 'Networking and metrics',
    items: [
      {
        id: 'proxy-per-request',
        title: 'An endpoint per request',
        text: 'kube-proxy picks a pod for every request; real clients often keep one connection to a pod. Pods answer “Hello from <pod> (<image>)”.',
      },
      {
        id: 'simulated-edges',
        title: 'Ingress controller and cloud load balancer are simulated',
        text: 'No ingress-nginx pods are drawn; Ingresses get 172.18.255.100 and LoadBalancer Services addresses from 172.18.255.200.',
      },
      {
        id: 'dns-without-coredns',
        title: 'DNS does not go through CoreDNS',
        text: 'CoreDNS runs in kube-system behind kube-dns, but names resolve from the API directly: DNS keeps working even with CoreDNS scaled to 0.',
      },
      {
        id: 'cpu-model',
        title: 'CPU use is modelled',
        text: '1m idle plus a cost per request per second, capped at the CPU limit; nodes add 80m and 512Mi for the OS. A pod looping over wget or curl sends requests at its loop’s rate.',
      },
      {
        id: 'hpa-cpu-only',
        title: 'The autoscaler uses CPU only',
        text: 'HorizontalPodAutoscalers act on CPU utilization with the default behaviour: up to double or +4 per 15 s, down after a 5-minute window.',
      },
    ],
  },
  {
    heading: 'kubectl',
    items: [
      {
        id: 'hpa-v1',
        title: 'autoscaling/v1 keeps only the CPU target',
        text: 'A v1 HorizontalPodAutoscaler is stored as v2, as on a real cluster, but applying it again through v1 drops a v2 behavior or other metrics set in between; the real apiserver keeps them in an annotation.',
      },
      {
        id: 'yaml-depth',
        title: 'YAML nesting stops at about 900 levels',
        text: 'Deeper block nesting is refused by kubesim’s parser with its own message; kubectl’s parser follows up to 10,000 levels.',
      },
      {
        id: 'apply-lists',
        title: 'apply replaces lists whole',
        text: 'kubectl merges some lists by key (containers by name). kubesim replaces them whole, which differs only if someone else changed an element since your last apply.',
      },
      {
        id: 'apply-patch-error',
        title: 'Shorter apply errors on update',
        text: 'An error while updating says error when applying patch to "<file>" without kubectl’s full patch dump.',
      },
      {
        id: 'rollout-status',
        title: 'rollout status prints each message once',
        text: 'The real one repeats a line on every watch event. In a shell kubesim moves virtual time on while it waits; in the app it prints the current state, since the clock runs by itself.',
      },
      {
        id: 'no-pdb',
        title: 'drain evicts without disruption budgets',
        text: 'There are no PodDisruptionBudgets yet, so an eviction is never refused.',
      },
      {
        id: 'restarted-at-utc',
        title: 'rollout restart stamps UTC',
        text: 'restartedAt is written as …Z; kubectl writes local time with its offset.',
      },
      {
        id: 'node-memory',
        title: 'Round node memory',
        text: 'Nodes report 8Gi; a real kubelet reports what the machine has, in Ki.',
      },
      {
        id: 'cronjob-schedule-words',
        title: 'describe cronjob reads the schedule out',
        text: 'A kubesim line, Schedule In Words (“At 02:00 AM (UTC)”), follows Schedule. A refused Job template change shows core.PodTemplateSpec{...} instead of the full Go value.',
      },
      {
        id: 'strategy-pointer',
        title: 'A fixed address in an updateStrategy error',
        text: 'An unknown StatefulSet or DaemonSet updateStrategy is echoed in Go’s form, where a rollingUpdate block prints as a memory address; kubesim prints a fixed one.',
      },
      {
        id: 'generators',
        title: 'Generators, nearly byte for byte',
        text: 'kubectl create and kubectl run print kubectl’s objects exactly, except a suffix derived from the image (not random) on container names with . or _, and empty values for env-file lines without =. --append-hash, --save-config, create secret tls, template outputs and run -i/-t are not simulated.',
      },
      {
        id: 'terminal-edit-watch',
        title: 'kubectl edit opens the editor',
        text: 'In the terminal, kubectl edit opens the object in the editor panel and Apply saves it. get --watch streams tables only, and a running command hears only Ctrl+C.',
      },
      {
        id: 'strategic-merge',
        title: 'patch merges fewer lists by key',
        text: 'Strategic merge is a merge patch where only containers, env, volumes, imagePullSecrets (by name), volumeMounts (by mountPath) and ports merge by key, with $patch: delete|replace; other lists are replaced. patch -f, --local, --dry-run and -o are not simulated.',
      },
      {
        id: 'logs-output',
        title: 'logs shows what kubesim’s processes print',
        text: 'nginx start-up lines and one access line per request, and the echo/date output of shell scripts; other images print nothing. A container keeps 1000 lines, and logs -f prints new lines when the cluster next changes (at least every 10 s).',
      },
    ],
  },
  {
    heading: 'Pods, volumes and exec',
    items: [
      {
        id: 'projected-refresh',
        title: 'Mounted ConfigMaps and Secrets change at once',
        text: 'Files from a ConfigMap, Secret or the Downward API follow the object immediately; a real kubelet refreshes them about once a minute, and never a subPath mount. Environment variables keep their start-time values, as in a real cluster.',
      },
      {
        id: 'file-modes',
        title: 'Volume files have no modes or owners',
        text: 'defaultMode and items[].mode are stored but not shown, and the ..data symlinks of projected volumes are not modelled.',
      },
      {
        id: 'gitrepo-empty',
        title: 'gitRepo and plug-in volumes start empty',
        text: 'gitRepo is accepted with the deprecation warning but nothing is cloned; nfs, csi and other plug-ins act as an empty directory per pod. A hostPath type is not checked against the node.',
      },
      {
        id: 'mount-retry',
        title: 'Simpler retries for mounts and config errors',
        text: 'Failed mounts retry with one back-off, 0.5 s doubling to 2m2s; CreateContainerConfigError retries every 10 s.',
      },
      {
        id: 'exec-programs',
        title: 'kubectl exec runs a few programs',
        text: 'env, printenv, cat, ls, hostname, echo and sh -c over those, with the messages of busybox or GNU tools as the image has them. No interactive shells; env leaves out the ENV lines an image sets.',
      },
      {
        id: 'writing-apps',
        title: 'Only demo images and simple loops write files',
        text: 'kubesim/visit-counter and kubesim/logger write to their volume, and so do shell scripts that echo into a file at start or append with >> in a while loop with sleep.',
      },
    ],
  },
];

/** What only this app adds; not part of docs/SIMPLIFICATIONS.md because the core has no say in it. */
export const APP_SIMPLIFICATIONS: SimplificationGroup = {
  heading: 'In this app',
  items: [
    {
      id: 'sim-verbs',
      title: 'Power off and Power on are kubesim’s own commands',
      text: 'The node buttons run kubectl sim node-down / node-up, a kubesim plugin. On a real cluster a node fails by itself; cordon, uncordon and drain are real kubectl commands.',
    },
    {
      id: 'control-plane-power',
      title: 'The control plane cannot be powered off',
      text: 'kubesim keeps the API server, scheduler and controllers running whatever happens to the nodes.',
    },
    {
      id: 'drain-returns',
      title: 'drain returns at once',
      text: 'Real kubectl drain waits until every evicted pod is gone. Here it starts the evictions and returns; the cluster finishes them as time runs.',
    },
    {
      id: 'traffic-sample',
      title: 'Send traffic is kubesim’s own command, and the dots are a sample',
      text: 'The Send traffic buttons run kubectl sim traffic, a kubesim plugin; on a real cluster a client such as curl or a load generator sends the requests. At high rates the graph draws only some requests as dots; the counters count every one.',
    },
    {
      id: 'lesson-annotations',
      title: 'kubesim.io/ annotations script containers',
      text: 'Lessons use them to make a container crash, use memory or fail probes. A real cluster ignores them.',
    },
  ],
};

export function findSimplification(id: string): Simplification | undefined {
  for (const group of [...SIMPLIFICATIONS, APP_SIMPLIFICATIONS]) {
    const item = group.items.find((i) => i.id === id);
    if (item) return item;
  }
  return undefined;
}
