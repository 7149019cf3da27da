import type { CronJob, Event, Node, Pod } from './api/types';
import { clone, keyOf, type KubeObject } from './api/object';
import { ApiServer } from './api/server';
import { Store, type WatchEvent } from './api/store';
import { applyYaml } from './apply';
import { AuditLog } from './audit';
import type { ApplyResult, AuditEntry, Cluster, ClusterEvent, ClusterOptions, ClusterSnapshot, KubectlResult, KubectlSession, NodeSpecOption } from './contract';
import type { Controller, ControllerContext } from './controllers/controller';
import { DeploymentController } from './controllers/deployment/controller';
import { GarbageCollector } from './controllers/garbagecollector';
import { NodeLifecycleController } from './controllers/nodelifecycle';
import { PodGarbageCollector } from './controllers/podgc';
import { EndpointsController } from './controllers/endpoints';
import { EndpointSliceController } from './controllers/endpointslice';
import { ServiceLoadBalancerController } from './controllers/servicelb';
import { INGRESS_CLASS, INGRESS_CONTROLLER, IngressController } from './controllers/ingress';
import { TrafficGenerator, type RequestRecord, type TrafficJob } from './network/traffic';
import type { Response } from './network/proxy';
import { lookup } from './network/dns';
import { HorizontalPodAutoscalerController } from './controllers/hpa';
import { NamespaceController } from './controllers/namespace';
import { ResourceQuotaController } from './controllers/resourcequota';
import { PersistentVolumeController } from './controllers/persistentvolume';
import { LOCAL_PATH_PROVISIONER, LocalPathProvisioner } from './controllers/provisioner';
import { PvcProtectionController } from './controllers/pvcprotection';
import { PvProtectionController } from './controllers/pvprotection';
import { podUsage, type PodUsage } from './metrics';
import { KUBERNETES_SERVICE_IP } from './api/service-alloc';
import { TaintEvictionController } from './controllers/tainteviction';
import { ReplicaSetController } from './controllers/replicaset';
import { StatefulSetController } from './controllers/statefulset';
import { DaemonSetController } from './controllers/daemonset';
import { JobController } from './controllers/job';
import { CronJobController, nextCronRun } from './controllers/cronjob';
import { TtlAfterFinishedController } from './controllers/ttlafterfinished';
import { EventRecorder } from './events';
import { Kubelet } from './kubelet/kubelet';
import { controlPlaneManifests } from './kubelet/static-pods';
import { kubeSystemAddons } from './bootstrap/kube-system';
import type { EnvList } from './kubelet/env';
import type { PodFile } from './kubelet/filesystem';
import { PodRuntime } from './kubelet/runtime';
import { VolumeStore } from './storage/volumes';
import { runKubectl, type KubectlContext } from './kubectl';
import type { KubectlStream } from './kubectl/command';
import { startSession } from './kubectl/session';
import { Rng } from './rng';
import { KUBERNETES_VERSION } from './version';
import { Scheduler } from './scheduler/scheduler';
import { bytes, formatBytes } from './api/quantity';
import { Clock, fromRfc3339, rfc3339 } from './time';

export { KUBERNETES_VERSION } from './version';
const SYSTEM_NAMESPACES = ['default', 'kube-node-lease', 'kube-public', 'kube-system'];
/** A runaway reconcile loop is a bug; stop it rather than hang the worker. */
const MAX_SETTLE_ROUNDS = 100_000;

interface SnapshotBody {
  version: 1;
  seed: number;
  now: number;
  rng: number;
  store: ReturnType<Store['snapshot']>;
  audit: AuditEntry[];
  events: number;
  nodesRegistered: number;
  components: Record<string, unknown>;
}

/** The simulated cluster: the API server and every component, driven by one virtual clock. */
export class SimCluster implements Cluster {
  private readonly clock = new Clock();
  private readonly rng: Rng;
  private readonly store = new Store();
  private readonly auditLog = new AuditLog();
  private readonly api: ApiServer;
  private readonly recorder: EventRecorder;
  private readonly ctx: ControllerContext;
  private readonly components: Controller[] = [];
  private readonly seed: number;
  private readonly traffic: TrafficGenerator;
  private readonly volumes: VolumeStore;
  private readonly runtime: PodRuntime;
  private readonly readFile?: (path: string) => string;
  private readonly kubectlWaits: boolean;

  constructor(options: ClusterOptions = {}) {
    this.seed = options.seed ?? 1;
    this.readFile = options.readFile;
    this.kubectlWaits = options.kubectlWaits ?? true;
    this.rng = new Rng(this.seed);
    this.api = new ApiServer(this.store, this.clock, this.rng, this.auditLog);
    this.recorder = new EventRecorder(this.api, this.clock);
    this.ctx = { api: this.api, clock: this.clock, rng: this.rng, recorder: this.recorder };
    this.volumes = new VolumeStore(this.ctx);
    this.runtime = new PodRuntime(
      this.api,
      this.volumes,
      (pod, container) => this.kubelet(pod.spec?.nodeName ?? '')?.containerEnv(keyOf(pod as KubeObject), container),
      (node) => this.kubelet(node),
    );
    this.traffic = new TrafficGenerator(this.ctx, this.runtime);
    this.components.push(
      new DeploymentController(this.ctx),
      new ReplicaSetController(this.ctx),
      new StatefulSetController(this.ctx),
      new DaemonSetController(this.ctx),
      new JobController(this.ctx),
      new CronJobController(this.ctx),
      new TtlAfterFinishedController(this.ctx),
      new GarbageCollector(this.ctx),
      new NodeLifecycleController(this.ctx),
      new TaintEvictionController(this.ctx),
      new PodGarbageCollector(this.ctx),
      new EndpointSliceController(this.ctx),
      new EndpointsController(this.ctx),
      new ServiceLoadBalancerController(this.ctx),
      new IngressController(this.ctx),
      new HorizontalPodAutoscalerController(this.ctx, (pod) => this.podUsage(pod)),
      new NamespaceController(this.ctx),
      new ResourceQuotaController(this.ctx),
      new PersistentVolumeController(this.ctx),
      new LocalPathProvisioner(this.ctx),
      new PvcProtectionController(this.ctx),
      new PvProtectionController(this.ctx),
      this.traffic,
      this.volumes,
      new Scheduler(this.ctx),
    );
    this.store.watch((event) => this.dispatch(event));
    for (const ns of SYSTEM_NAMESPACES) this.api.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: ns } }, 'kube-apiserver');
    this.createKubernetesService();
    this.api.create(
      {
        apiVersion: 'networking.k8s.io/v1',
        kind: 'IngressClass',
        metadata: { name: INGRESS_CLASS, annotations: { 'ingressclass.kubernetes.io/is-default-class': 'true' }, labels: { 'app.kubernetes.io/name': 'ingress-nginx' } },
        spec: { controller: INGRESS_CONTROLLER },
      },
      'kubectl',
    );
    // kind's default class: local-path volumes live on one node, so binding waits for the pod's node.
    this.api.create(
      {
        apiVersion: 'storage.k8s.io/v1',
        kind: 'StorageClass',
        metadata: { name: 'standard', annotations: { 'storageclass.kubernetes.io/is-default-class': 'true' } },
        provisioner: LOCAL_PATH_PROVISIONER,
        reclaimPolicy: 'Delete',
        volumeBindingMode: 'WaitForFirstConsumer',
      },
      'kubectl',
    );
    this.nodeSpecs(options.nodes ?? 3).forEach((spec) => this.registerNode(spec));
    for (const addon of kubeSystemAddons()) this.api.create(addon, 'kubeadm');
    this.settle();
  }

  private nodeSpecs(nodes: number | NodeSpecOption[]): NodeSpecOption[] {
    if (Array.isArray(nodes)) return nodes;
    const controlPlane: NodeSpecOption = {
      name: 'control-plane',
      labels: { 'node-role.kubernetes.io/control-plane': '', 'node.kubernetes.io/exclude-from-external-load-balancers': '' },
      taints: [{ key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' }],
    };
    return [controlPlane, ...Array.from({ length: nodes }, (_, i) => ({ name: `node-${i + 1}` }))];
  }

  /** The apiserver's own Service, `kubernetes.default`, at the first address of the range. */
  private createKubernetesService(): void {
    const apiserver = '172.18.0.2';
    const labels = { component: 'apiserver', provider: 'kubernetes' };
    const port = { name: 'https', port: 6443, protocol: 'TCP' };
    this.api.create(
      {
        apiVersion: 'v1',
        kind: 'Service',
        metadata: { name: 'kubernetes', namespace: 'default', labels },
        spec: { clusterIP: KUBERNETES_SERVICE_IP, ports: [{ name: 'https', port: 443, protocol: 'TCP', targetPort: 6443 }] },
      },
      'kube-apiserver',
    );
    this.api.create({ apiVersion: 'v1', kind: 'Endpoints', metadata: { name: 'kubernetes', namespace: 'default', labels: { 'endpointslice.kubernetes.io/skip-mirror': 'true' } }, subsets: [{ addresses: [{ ip: apiserver }], ports: [port] }] }, 'kube-apiserver');
    this.api.create(
      {
        apiVersion: 'discovery.k8s.io/v1',
        kind: 'EndpointSlice',
        metadata: { name: 'kubernetes', namespace: 'default', labels: { 'kubernetes.io/service-name': 'kubernetes' } },
        addressType: 'IPv4',
        endpoints: [{ addresses: [apiserver], conditions: { ready: true } }],
        ports: [port],
      },
      'kube-apiserver',
    );
  }

  /** Node CIDRs and addresses are handed out in order and never reused, like the IPAM controller's. */
  private nodesRegistered = 0;

  /** `kubectl sim add-node`: a new machine joins; its kubelet registers the Node. */
  addNode(spec: NodeSpecOption): void {
    this.registerNode(spec);
    this.settle();
  }

  /** `kubectl sim remove-node`: the machine is gone and its Node object deleted. */
  removeNode(name: string): boolean {
    const kubelet = this.kubelet(name);
    if (!kubelet || !this.api.get('Node', undefined, name)) return false;
    kubelet.setDown(true);
    this.components.splice(this.components.indexOf(kubelet), 1);
    this.api.delete('Node', undefined, name, 'kubectl');
    this.settle();
    return true;
  }

  /** The kubelet registers its Node, as on a kubeadm cluster. */
  private registerNode(spec: NodeSpecOption): void {
    const index = this.nodesRegistered;
    const cidr = `10.244.${index}`;
    const resources = { cpu: spec.cpu ?? '4', 'ephemeral-storage': '102175644Ki', 'hugepages-1Gi': '0', 'hugepages-2Mi': '0', memory: formatBytes(bytes(spec.memory ?? '8Gi')), pods: String(spec.pods ?? 110) };
    const now = rfc3339(this.clock.now());
    const condition = (type: string, status: string, reason: string, message: string) => ({ type, status, reason, message, lastHeartbeatTime: now, lastTransitionTime: now });
    const node: Node = {
      apiVersion: 'v1',
      kind: 'Node',
      metadata: {
        name: spec.name,
        labels: {
          'beta.kubernetes.io/arch': 'amd64',
          'beta.kubernetes.io/os': 'linux',
          'kubernetes.io/arch': 'amd64',
          'kubernetes.io/hostname': spec.name,
          'kubernetes.io/os': 'linux',
          ...(spec.labels ?? {}),
        },
        annotations: {
          'kubeadm.alpha.kubernetes.io/cri-socket': 'unix:///run/containerd/containerd.sock',
          'node.alpha.kubernetes.io/ttl': '0',
          'volumes.kubernetes.io/controller-managed-attach-detach': 'true',
        },
      },
      spec: { podCIDR: `${cidr}.0/24`, podCIDRs: [`${cidr}.0/24`], ...(spec.taints?.length ? { taints: spec.taints } : {}) },
      status: {
        capacity: resources,
        allocatable: resources,
        conditions: [
          condition('MemoryPressure', 'False', 'KubeletHasSufficientMemory', 'kubelet has sufficient memory available'),
          condition('DiskPressure', 'False', 'KubeletHasNoDiskPressure', 'kubelet has no disk pressure'),
          condition('PIDPressure', 'False', 'KubeletHasSufficientPID', 'kubelet has sufficient PID available'),
          condition('Ready', 'True', 'KubeletReady', 'kubelet is posting ready status'),
        ],
        addresses: [
          { type: 'InternalIP', address: `172.18.0.${index + 2}` },
          { type: 'Hostname', address: spec.name },
        ],
        daemonEndpoints: { kubeletEndpoint: { Port: 10250 } },
        nodeInfo: {
          architecture: 'amd64',
          bootID: this.rng.uuid(),
          containerRuntimeVersion: 'containerd://1.7.24',
          kernelVersion: '6.8.0-49-generic',
          kubeProxyVersion: KUBERNETES_VERSION,
          kubeletVersion: KUBERNETES_VERSION,
          machineID: this.rng.uuid().replace(/-/g, ''),
          operatingSystem: 'linux',
          osImage: 'Debian GNU/Linux 12 (bookworm)',
          systemUUID: this.rng.uuid(),
        },
      },
    };
    const kubelet = new Kubelet(this.ctx, spec.name, cidr, this.volumes);
    // The Node must be accepted (valid, unique name) before its kubelet joins the control loop.
    const created = this.api.create(node as KubeObject, kubelet.name);
    this.nodesRegistered += 1;
    this.components.push(kubelet);
    this.runStaticPods(kubelet, created as Node);
    kubelet.announceStart();
    this.recorder.record(created, 'Normal', 'RegisteredNode', `Node ${spec.name} event: Registered Node ${spec.name} in Controller`, { component: 'node-controller' });
  }

  /** After a restore, one kubelet per node of the snapshot, whatever nodes came and went since. */
  private matchKubeletsTo(names: string[]): void {
    const wanted = new Set(names.filter((n) => n.startsWith('kubelet/')));
    for (const k of this.components.filter((c): c is Kubelet => c instanceof Kubelet)) {
      if (!wanted.has(k.name)) this.components.splice(this.components.indexOf(k), 1);
    }
    for (const name of wanted) {
      const nodeName = name.slice('kubelet/'.length);
      if (this.kubelet(nodeName)) continue;
      const node = this.api.get('Node', undefined, nodeName) as Node | undefined;
      const cidr = (node?.spec?.podCIDR ?? '10.244.255.0/24').replace(/\.0\/24$/, '');
      const kubelet = new Kubelet(this.ctx, nodeName, cidr, this.volumes);
      this.components.push(kubelet);
      if (node) this.runStaticPods(kubelet, node);
    }
  }

  /** A control-plane node's kubelet runs kubeadm's control plane as static pods. */
  private runStaticPods(kubelet: Kubelet, node: Node): void {
    if (node.metadata?.labels?.['node-role.kubernetes.io/control-plane'] === undefined) return;
    const ip = node.status?.addresses?.find((a) => a.type === 'InternalIP')?.address ?? '';
    kubelet.runStaticPods(controlPlaneManifests(ip));
  }

  private listeners: ((event: WatchEvent) => void)[] = [];

  private dispatch(event: WatchEvent): void {
    for (const c of this.components) {
      // A kubelet only hears about its own node and the pods bound to it (its field-selector watch).
      if (c instanceof Kubelet && !this.concernsNode(event, c.nodeName)) continue;
      c.onEvent(event);
    }
    for (const l of this.listeners) l(event);
  }

  private concernsNode({ object, old }: WatchEvent, node: string): boolean {
    if (object.kind === 'Node') return object.metadata.name === node;
    if (object.kind !== 'Pod') return false;
    return (object as Pod).spec?.nodeName === node || (old as Pod | undefined)?.spec?.nodeName === node;
  }

  /** Runs every component until nothing is due at the current instant. */
  private settle(): void {
    for (let round = 0; round < MAX_SETTLE_ROUNDS; round++) {
      let worked = 0;
      for (const c of this.components) worked += c.process();
      if (worked === 0) return;
    }
    throw new Error('control plane did not settle: a controller keeps re-queueing itself');
  }

  advance(ms: number): void {
    const end = this.clock.now() + Math.max(0, ms);
    this.settle();
    for (;;) {
      let next: number | undefined;
      for (const c of this.components) {
        const due = c.nextDue();
        if (due !== undefined && (next === undefined || due < next)) next = due;
      }
      if (next === undefined || next > end) break;
      this.clock.set(next);
      this.settle();
    }
    this.clock.set(end);
  }

  private kubelet(name: string): Kubelet | undefined {
    return this.components.find((c): c is Kubelet => c instanceof Kubelet && c.nodeName === name);
  }

  /** `kubectl sim node-down`: the node loses power; its kubelet stops heartbeats and pod work. */
  nodeDown(name: string): boolean {
    const kubelet = this.kubelet(name);
    kubelet?.setDown(true);
    return kubelet !== undefined;
  }

  nodeUp(name: string): boolean {
    const kubelet = this.kubelet(name);
    kubelet?.setDown(false);
    this.settle();
    return kubelet !== undefined;
  }

  /** `kubectl sim curl URL`: one request from a machine next to the cluster. */
  curl(url: string): Response {
    const res = this.traffic.request(url);
    this.settle();
    return res;
  }

  /** `kubectl sim traffic`: requests at `rps` per virtual second until stopped or `durationMs` ends. */
  startTraffic(target: string, rps: number, durationMs?: number): TrafficJob {
    const job = this.traffic.start(target, rps, durationMs);
    this.settle();
    return job;
  }

  stopTraffic(id: number): boolean {
    return this.traffic.stop(id);
  }

  trafficJobs(): TrafficJob[] {
    return this.traffic.list();
  }

  /** The requests made after virtual time `since`, for drawing them. */
  requestsSince(since: number): RequestRecord[] {
    return this.traffic.requestsSince(since);
  }

  /** metrics-server's view of a pod (for kubectl top and the HPA); undefined before it runs. */
  podUsage(pod: Pod): PodUsage | undefined {
    return podUsage(pod, this.traffic.podRate(`${pod.metadata!.namespace}/${pod.metadata!.name}`));
  }

  now(): number {
    return this.clock.now();
  }

  /** When the CronJob next runs, in virtual ms (for "jump to the next run"); undefined if suspended or absent. */
  nextCronRun(namespace: string, name: string): number | undefined {
    const cj = this.api.get('CronJob', namespace, name) as CronJob | undefined;
    return cj && nextCronRun(cj, this.clock.now());
  }

  /** The files in a pod's volumes, where its containers see them (for the inspector). */
  podFiles(namespace: string, name: string): PodFile[] {
    const pod = this.api.get('Pod', namespace, name) as Pod | undefined;
    return pod ? this.runtime.podFiles(pod) : [];
  }

  /** The environment a container's process was started with, as `env` prints it; undefined before it starts. */
  containerEnv(namespace: string, name: string, container: string): EnvList | undefined {
    const pod = this.api.get('Pod', namespace, name) as Pod | undefined;
    return pod && this.runtime.processEnv(pod, container);
  }

  apply(yamlText: string): ApplyResult[] {
    const results = applyYaml(this.api, yamlText, 'kubectl');
    this.settle();
    return results;
  }

  kubectl(commandLine: string, stdin?: string, stream?: KubectlStream): KubectlResult {
    const ctx: KubectlContext = {
      api: this.api,
      clock: this.clock,
      stream,
      apply: (text, source) => applyYaml(this.api, text, 'kubectl', source),
      readFile: this.readFile,
      serverVersion: KUBERNETES_VERSION,
      containers: this.runtime,
      advance: this.kubectlWaits ? (ms) => this.advance(ms) : undefined,
      jump: (ms) => this.advance(ms),
      sim: {
        nodeDown: (name) => this.nodeDown(name),
        nodeUp: (name) => this.nodeUp(name),
        addNode: (spec) => this.addNode(spec),
        removeNode: (name) => this.removeNode(name),
        curl: (url) => this.curl(url),
        lookup: (name, namespace) => lookup(this.api, name, namespace),
        startTraffic: (target, rps, durationMs) => this.startTraffic(target, rps, durationMs),
        trafficJobs: () => this.trafficJobs(),
        stopTraffic: (id) => this.stopTraffic(id),
        podUsage: (pod) => this.podUsage(pod),
      },
    };
    const result = runKubectl(ctx, commandLine, stdin);
    this.settle();
    return result;
  }

  kubectlStream(commandLine: string, onOutput: (stdout: string) => void, stdin?: string): KubectlSession {
    const session = startSession((listener) => this.watch(listener), onOutput);
    return session.finish(this.kubectl(commandLine, stdin, session.stream));
  }

  get(kind: string, name: string, namespace?: string): KubeObject | undefined {
    const obj = this.api.get(kind, namespace, name);
    return obj && clone(obj);
  }

  list(kind: string, namespace?: string): KubeObject[] {
    return this.api.list(kind, namespace).map(clone);
  }

  objects(): KubeObject[] {
    return this.store.snapshot().objects;
  }

  watch(listener: (event: WatchEvent) => void): () => void {
    this.listeners.push(listener);
    return () => {
      this.listeners = this.listeners.filter((l) => l !== listener);
    };
  }

  events(): ClusterEvent[] {
    return (this.api.list('Event') as Event[])
      .map((e) => ({
        type: e.type as 'Normal' | 'Warning',
        reason: e.reason ?? '',
        message: e.message ?? '',
        involvedObject: { kind: e.involvedObject.kind ?? '', namespace: e.involvedObject.namespace, name: e.involvedObject.name ?? '', uid: e.involvedObject.uid },
        source: e.source?.host ? `${e.source.component}, ${e.source.host}` : (e.source?.component ?? ''),
        count: e.count ?? 1,
        firstTimestamp: e.firstTimestamp ?? '',
        lastTimestamp: e.lastTimestamp ?? '',
      }))
      .sort((a, b) => fromRfc3339(a.lastTimestamp) - fromRfc3339(b.lastTimestamp));
  }

  audit(): AuditEntry[] {
    return this.auditLog.all();
  }

  snapshot(): ClusterSnapshot {
    const body: SnapshotBody = {
      version: 1,
      seed: this.seed,
      now: this.clock.now(),
      rng: this.rng.getState(),
      store: this.store.snapshot(),
      audit: this.auditLog.save(),
      events: this.recorder.save(),
      nodesRegistered: this.nodesRegistered,
      components: Object.fromEntries(this.components.map((c) => [c.name, c.save()])),
    };
    return clone(body) as unknown as ClusterSnapshot;
  }

  restore(snapshot: ClusterSnapshot): void {
    const body = clone(snapshot) as unknown as SnapshotBody;
    this.clock.restore(body.now);
    this.rng.setState(body.rng);
    this.store.load(body.store);
    this.auditLog.load(body.audit);
    this.recorder.load(body.events);
    this.nodesRegistered = body.nodesRegistered;
    this.matchKubeletsTo(Object.keys(body.components));
    for (const c of this.components) if (body.components[c.name] !== undefined) c.load(body.components[c.name]);
  }
}

export function createCluster(options: ClusterOptions = {}): Cluster {
  return new SimCluster(options);
}
