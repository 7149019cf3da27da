import type { ContainerStatus, Node, Pod, PodCondition, PodStatus } from '../api/types';
import { clone, keyOf, objectKey, parseKey, type KubeObject } from '../api/object';
import type { WatchEvent } from '../api/store';
import { Controller, type ControllerContext } from '../controllers/controller';
import { rfc3339 } from '../time';
import { disks, type VolumeStore } from '../storage/volumes';
import { appPlan } from './apps';
import { behaviourOf, runProbe } from './behaviour';
import { containerEnv, type EnvList, type EnvResult } from './env';
import { PodFilesystem, podHostname } from './filesystem';
import { imageExists, imageInfo, parseImage, planProcess } from './images';
import { appendLines, linesBetween, outputPlan, type ContainerLogs, type LogLine, type LogResult } from './logs';
import { mountFailures } from './volume-sources';
import { manifestHash, mirrorPod, type StaticPodManifest } from './static-pods';

/** Sandbox creation: network namespace, pause container, CNI (a real kubelet takes about this). */
const SANDBOX_MS = 1000;
/** Pull bandwidth for the image-size model. */
const PULL_MB_PER_S = 30;
/** PLEG relist: an exit is noticed, and a restart decided, about a second later. */
const RELIST_MS = 1000;
const BACKOFF_INITIAL_MS = 10_000;
const BACKOFF_MAX_MS = 300_000;
const LEASE_KEY = 'lease';
const LEASE_RENEW_MS = 10_000;
/** The pod worker's retry after a sync error (a missing ConfigMap or Secret for the env). */
const CONFIG_RETRY_MS = 10_000;
/** Volume operations retry with exponential back-off: 500 ms doubling to 2m2s (nestedpendingoperations). */
const MOUNT_RETRY_INITIAL_MS = 500;
const MOUNT_RETRY_MAX_MS = 122_000;

interface Termination {
  exitCode: number;
  reason: string;
  startedAt: number;
  finishedAt: number;
}

interface ContainerRun {
  name: string;
  image: string;
  state: 'waiting' | 'running' | 'terminated';
  waitingReason: string;
  waitingMessage?: string;
  startedAt?: number;
  exitAt?: number;
  exitCode: number;
  exitReason?: string;
  /** Readiness as the prober last judged it; without a readiness probe a started container is ready. */
  ready: boolean;
  readinessNextAt?: number;
  readinessSuccesses: number;
  readinessFailures: number;
  livenessNextAt?: number;
  livenessFailures: number;
  terminated?: Termination;
  lastTerminated?: Termination;
  restartCount: number;
  /** CrashLoopBackOff entry (§4.5): current back-off and when it was last bumped. */
  backoffMs?: number;
  backoffUpdated?: number;
  restartAt?: number;
  /** Set when termination will need SIGKILL: the process ignores SIGTERM or outlasts the grace period. */
  sigkill?: boolean;
  /** The environment this instance was started with (a later ConfigMap change does not reach it). */
  env?: EnvList;
  /** An appending app's next line and how many it has written. */
  appendNextAt?: number;
  lines?: number;
  /** What this instance printed, and the instance's before it (`kubectl logs --previous`). */
  log?: LogLine[];
  previousLog?: LogLine[];
  /** The instant up to which the process's scheduled output is in `log`. */
  loggedTo?: number;
}

interface PodRun {
  uid: string;
  stage: 'sandbox' | 'containers' | 'killing' | 'done';
  sandboxAt: number;
  startTime: number;
  podIP?: string;
  /** Index of the container being pulled or started; containers start in order (serial pulls). */
  next: number;
  pullDoneAt?: number;
  pullStartedAt?: number;
  /** Image pull back-off (§4.4): 10 s doubling to 300 s between failed pulls. */
  pullBackoffMs?: number;
  pullFailedAt?: number;
  pullRetryAt?: number;
  /** Volumes are mounted before the sandbox; failed mounts retry with back-off. */
  mounted?: boolean;
  mountRetryAt?: number;
  mountBackoffMs?: number;
  /** After a CreateContainerConfigError, when the kubelet tries the container again. */
  configRetryAt?: number;
  killAt?: number;
  containers: ContainerRun[];
}

interface KubeletState {
  down: boolean;
  queue: [string, number][];
  pods: [string, PodRun][];
  images: string[];
  lastIp: number;
}

/**
 * One node's kubelet: admits pods bound to it, creates the sandbox, pulls images (serially, with
 * a per-node cache), starts containers, restarts them with the CrashLoopBackOff back-off, and
 * terminates pods gracefully. It reports through the pod status, as the real one does (§4).
 */
export class Kubelet extends Controller implements ContainerLogs {
  private pods = new Map<string, PodRun>();
  private images = new Set<string>();
  private lastIp = 1;
  /** A powered-off node: no heartbeats, no pod work, until it comes back. */
  private down = false;
  private readonly fs: PodFilesystem;
  /** Static pods from the node's manifest directory, which the kubelet keeps mirrored in the API. */
  private staticPods: StaticPodManifest[] = [];

  constructor(
    ctx: ControllerContext,
    readonly nodeName: string,
    private readonly podCidrPrefix: string,
    private readonly volumes: VolumeStore,
  ) {
    super(`kubelet/${nodeName}`, ctx);
    this.fs = new PodFilesystem(ctx.api, volumes);
    this.enqueue(LEASE_KEY);
  }

  /** The environment a running (or last started) container of a pod on this node was given. */
  containerEnv(podKey: string, container: string): EnvList | undefined {
    return this.pods.get(podKey)?.containers.find((c) => c.name === container)?.env;
  }

  /**
   * The kubelet's container log endpoint (validateContainerLogStatus): a running or exited
   * instance's log; a waiting container's last terminated one; with `previous`, the last
   * terminated instance's.
   */
  logs(podKey: string, container: string, previous: boolean): LogResult {
    const pod = this.ctx.api.get('Pod', parseKey(podKey).namespace, parseKey(podKey).name) as Pod | undefined;
    const c = this.pods.get(podKey)?.containers.find((r) => r.name === container);
    const podName = parseKey(podKey).name;
    if (previous) {
      if (!c?.lastTerminated) return { error: `previous terminated container "${container}" in pod "${podName}" not found` };
      return { lines: [...((c.state === 'waiting' ? c.log : c.previousLog) ?? [])] };
    }
    if (!c || !pod || (c.state === 'waiting' && !c.lastTerminated)) {
      const reason = c?.waitingReason ?? 'ContainerCreating';
      const why = reason === 'ErrImagePull' ? "image can't be pulled" : reason === 'ImagePullBackOff' ? 'trying and failing to pull image' : reason;
      return { error: `container "${container}" in pod "${podName}" is waiting to start: ${why}` };
    }
    this.flushLog(pod, c, this.ctx.clock.now());
    return { lines: [...(c.log ?? [])] };
  }

  write(podKey: string, container: string, text: string): void {
    const pod = this.ctx.api.get('Pod', parseKey(podKey).namespace, parseKey(podKey).name) as Pod | undefined;
    const c = this.pods.get(podKey)?.containers.find((r) => r.name === container);
    if (!pod || c?.state !== 'running') return;
    const now = this.ctx.clock.now();
    this.flushLog(pod, c, now);
    appendLines((c.log ??= []), [{ at: now, text }]);
  }

  /** Brings an instance's log up to `until` (at most its exit) with what its process has printed since. */
  private flushLog(pod: Pod, c: ContainerRun, until: number): void {
    if (c.startedAt === undefined || c.loggedTo === undefined) return;
    const end = Math.min(until, c.exitAt ?? Infinity);
    const spec = pod.spec?.containers.find((s) => s.name === c.name);
    if (end <= c.loggedTo || !spec) return;
    const plan = outputPlan(spec, c.env ?? [], podHostname(pod));
    appendLines((c.log ??= []), linesBetween(plan, c.startedAt, c.loggedTo + 1, end));
    c.loggedTo = end;
  }

  get isDown(): boolean {
    return this.down;
  }

  /** Power the node off or on. Back up, it posts Ready and resyncs every pod bound to it. */
  setDown(down: boolean): void {
    if (this.down === down) return;
    this.down = down;
    if (down) return;
    this.enqueue(LEASE_KEY);
    this.postReady();
    for (const pod of this.ctx.api.list('Pod')) if ((pod as Pod).spec?.nodeName === this.nodeName) this.enqueue(keyOf(pod));
  }

  override process(): number {
    return this.down ? 0 : super.process();
  }

  override nextDue(): number | undefined {
    return this.down ? undefined : super.nextDue();
  }

  /** The kubelet's node status: the four kubelet conditions, healthy. */
  private postReady(): void {
    const node = this.ctx.api.get('Node', undefined, this.nodeName) as Node | undefined;
    if (!node) return;
    const now = rfc3339(this.ctx.clock.now());
    const healthy: Record<string, [string, string, string]> = {
      MemoryPressure: ['False', 'KubeletHasSufficientMemory', 'kubelet has sufficient memory available'],
      DiskPressure: ['False', 'KubeletHasNoDiskPressure', 'kubelet has no disk pressure'],
      PIDPressure: ['False', 'KubeletHasSufficientPID', 'kubelet has sufficient PID available'],
      Ready: ['True', 'KubeletReady', 'kubelet is posting ready status'],
    };
    const next = clone(node);
    next.status!.conditions = (node.status?.conditions ?? []).map((c) => {
      const want = healthy[c.type];
      if (!want) return c;
      const [status, reason, message] = want;
      return { ...c, status, reason, message, lastHeartbeatTime: now, lastTransitionTime: c.status === status ? c.lastTransitionTime : now };
    });
    this.ctx.api.updateStatus(next as KubeObject, this.name);
    this.ctx.recorder.record(node as KubeObject, 'Normal', 'NodeReady', `Node ${this.nodeName} status is now: NodeReady`, { component: 'kubelet', host: this.nodeName });
  }

  /** The events a kubelet records when it starts and registers its node. */
  /**
   * kubeadm's control plane: the images come preloaded (as in kind's node image) and each static
   * pod is mirrored into the API, again whenever its mirror pod is deleted.
   */
  runStaticPods(manifests: StaticPodManifest[]): void {
    this.staticPods = manifests;
    for (const m of manifests) {
      this.images.add(m.image);
      this.enqueue(objectKey('Pod', 'kube-system', `${m.name}-${this.nodeName}`));
    }
  }

  private mirrorStaticPod(name: string): void {
    const manifest = this.staticPods.find((m) => `${m.name}-${this.nodeName}` === name);
    const node = this.ctx.api.get('Node', undefined, this.nodeName);
    if (!manifest || !node || this.down) return;
    const mirror = mirrorPod(manifest, { name: this.nodeName, uid: node.metadata.uid! }, rfc3339(this.ctx.clock.now()), manifestHash(manifest));
    this.ctx.api.create(mirror as KubeObject, this.name);
  }

  announceStart(): void {
    const node = this.ctx.api.get('Node', undefined, this.nodeName);
    if (!node) return;
    const record = (reason: string, message: string) => this.ctx.recorder.record(node, 'Normal', reason, message, { component: 'kubelet', host: this.nodeName });
    record('Starting', 'Starting kubelet.');
    for (const condition of ['NodeHasSufficientMemory', 'NodeHasNoDiskPressure', 'NodeHasSufficientPID']) record(condition, `Node ${this.nodeName} status is now: ${condition}`);
    record('NodeAllocatableEnforced', 'Updated Node Allocatable limit across pods');
    record('NodeReady', `Node ${this.nodeName} status is now: NodeReady`);
  }

  onEvent({ type, object, old }: WatchEvent): void {
    if (object.kind === 'Node' && object.metadata.name === this.nodeName && old && !this.down) {
      // The kubelet reports cordon and uncordon of its own node.
      const was = !!(old as Node).spec?.unschedulable;
      const now = !!(object as Node).spec?.unschedulable;
      if (was !== now) {
        const status = now ? 'NodeNotSchedulable' : 'NodeSchedulable';
        this.ctx.recorder.record(object, 'Normal', status, `Node ${this.nodeName} status is now: ${status}`, { component: 'kubelet', host: this.nodeName });
      }
      return;
    }
    if (object.kind !== 'Pod') return;
    const pod = object as Pod;
    const key = keyOf(object);
    if (pod.spec?.nodeName === this.nodeName || this.pods.has(key)) {
      if (type === 'DELETED' || !this.pods.has(key) || pod.metadata?.deletionTimestamp) this.enqueue(key);
    }
  }

  protected sync(key: string): void {
    if (key === LEASE_KEY) {
      this.renewLease();
      return;
    }
    const { namespace, name } = parseKey(key);
    const pod = this.ctx.api.get('Pod', namespace, name) as Pod | undefined;
    const run = this.pods.get(key);
    if (!pod || pod.spec?.nodeName !== this.nodeName || (run && run.uid !== pod.metadata!.uid)) {
      this.pods.delete(key);
      if (!pod && namespace === 'kube-system') this.mirrorStaticPod(name);
      if (!pod || pod.spec?.nodeName !== this.nodeName) return;
    }
    const current = this.pods.get(key) ?? this.admit(pod);
    this.step(pod, current);
    if (current.stage === 'done') {
      this.pods.delete(key);
      this.ctx.api.finishPodDeletion(pod as KubeObject, this.name);
      return;
    }
    this.writeStatus(pod, current);
    const wake = this.nextWake(current);
    if (wake !== undefined) this.queue.add(key, Math.max(wake, this.ctx.clock.now()));
  }

  private admit(pod: Pod): PodRun {
    const now = this.ctx.clock.now();
    const run: PodRun = {
      uid: pod.metadata!.uid!,
      stage: 'sandbox',
      sandboxAt: now + SANDBOX_MS,
      startTime: now,
      next: 0,
      containers: (pod.spec?.containers ?? []).map((c) => ({
        name: c.name,
        image: c.image ?? '',
        state: 'waiting',
        waitingReason: 'ContainerCreating',
        exitCode: 0,
        ready: false,
        readinessSuccesses: 0,
        readinessFailures: 0,
        livenessFailures: 0,
        restartCount: 0,
      })),
    };
    this.pods.set(keyOf(pod as KubeObject), run);
    return run;
  }

  /** Advances the pod's run through every transition that is due now. */
  private step(pod: Pod, run: PodRun): void {
    const now = this.ctx.clock.now();
    if (pod.metadata!.deletionTimestamp && run.stage !== 'killing' && run.stage !== 'done') this.startKilling(pod, run);
    if (run.stage === 'killing') {
      if (run.killAt !== undefined && run.killAt <= now) this.finishKilling(run);
      return;
    }
    if (run.stage === 'sandbox') {
      if (!run.mounted && !this.mountVolumes(pod, run)) return;
      if (run.sandboxAt > now) return;
      // A hostNetwork pod shares the node's network namespace, and so its address.
      run.podIP = pod.spec?.hostNetwork ? this.nodeIP() : this.allocateIp();
      run.stage = 'containers';
    }
    while (run.next < run.containers.length) {
      if (!this.pullAndStart(pod, run)) break;
    }
    run.containers.forEach((c, i) => {
      this.advanceContainer(pod, run, c, i);
      this.probe(pod, run, c, i);
      this.noticeExit(pod, c);
      this.appendLines(pod, c);
    });
  }

  /**
   * WaitForAttachAndMount: every volume a container mounts must be set up before the sandbox.
   * Failures are the kubelet's FailedMount events; the volume manager retries with back-off.
   */
  private mountVolumes(pod: Pod, run: PodRun): boolean {
    const now = this.ctx.clock.now();
    if (run.mountRetryAt !== undefined && now < run.mountRetryAt) return false;
    const failures = mountFailures(this.ctx.api, pod);
    if (failures.length === 0) {
      run.mounted = true;
      if (run.mountRetryAt !== undefined) run.sandboxAt = now + SANDBOX_MS;
      run.mountRetryAt = undefined;
      return true;
    }
    for (const f of failures) this.event(pod, 'Warning', f.reason, f.message);
    run.mountBackoffMs = run.mountBackoffMs === undefined ? MOUNT_RETRY_INITIAL_MS : Math.min(2 * run.mountBackoffMs, MOUNT_RETRY_MAX_MS);
    run.mountRetryAt = now + run.mountBackoffMs;
    return false;
  }

  /** The container's environment now, from the API (makeEnvironmentVariables). */
  private environment(pod: Pod, run: PodRun, index: number): EnvResult {
    const node = this.ctx.api.get('Node', undefined, this.nodeName) as Node | undefined;
    const hostIP = node?.status?.addresses?.find((a) => a.type === 'InternalIP')?.address;
    return containerEnv(this.ctx.api, pod, pod.spec!.containers[index], node, { podIP: run.podIP, hostIP });
  }

  /** CreateContainerConfigError: the container stays Waiting and the pod worker tries again later. */
  private configError(pod: Pod, c: ContainerRun, message: string): void {
    c.state = 'waiting';
    c.waitingReason = 'CreateContainerConfigError';
    c.waitingMessage = message;
    this.event(pod, 'Warning', 'Failed', `Error: ${message}`);
  }

  /** An appending app writes its lines as virtual time passes, while it runs. */
  private appendLines(pod: Pod, c: ContainerRun): void {
    if (c.state !== 'running' || c.appendNextAt === undefined) return;
    const appender = appPlan(pod.spec!.containers.find((s) => s.name === c.name)!, c.env ?? [], podHostname(pod)).appender;
    if (!appender) return;
    const now = this.ctx.clock.now();
    while (c.appendNextAt <= now && (c.exitAt === undefined || c.appendNextAt < c.exitAt)) {
      c.lines = (c.lines ?? 0) + 1;
      this.fs.write(pod, c.name, appender.file, appender.line(c.lines, c.appendNextAt), true);
      c.appendNextAt += appender.everyMs;
    }
  }

  /** Serial pulls: pull the next container's image, then create and start it. False while waiting. */
  private pullAndStart(pod: Pod, run: PodRun): boolean {
    const now = this.ctx.clock.now();
    const container = pod.spec!.containers[run.next];
    const c = run.containers[run.next];
    const image = container.image ?? '';
    if (run.configRetryAt !== undefined) {
      if (now < run.configRetryAt) return false;
      run.configRetryAt = undefined;
    }
    if (run.pullDoneAt === undefined && run.pullRetryAt !== undefined && now < run.pullRetryAt) {
      // The next sync after a failed pull finds the image in back-off.
      if (c.waitingReason === 'ErrImagePull' && now >= run.pullFailedAt! + RELIST_MS) {
        c.waitingReason = 'ImagePullBackOff';
        c.waitingMessage = `Back-off pulling image "${image}"`;
        this.event(pod, 'Normal', 'BackOff', `Back-off pulling image "${image}"`);
        this.event(pod, 'Warning', 'Failed', 'Error: ImagePullBackOff');
      }
      return false;
    }
    if (run.pullDoneAt === undefined) {
      const cached = this.images.has(image) && container.imagePullPolicy !== 'Always';
      if (cached) {
        this.event(pod, 'Normal', 'Pulled', `Container image "${image}" already present on machine`);
        run.pullDoneAt = now;
        run.pullStartedAt = now;
      } else {
        this.event(pod, 'Normal', 'Pulling', `Pulling image "${image}"`);
        run.pullRetryAt = undefined;
        run.pullStartedAt = now;
        run.pullDoneAt = now + this.pullDuration(image);
        return false;
      }
    }
    if (run.pullDoneAt > now) return false;
    if (!imageExists(image)) {
      this.failPull(pod, run, c, image);
      return false;
    }
    run.pullBackoffMs = undefined;
    run.pullRetryAt = undefined;
    run.pullFailedAt = undefined;
    if (!this.images.has(image) || container.imagePullPolicy === 'Always') {
      const secs = ((run.pullDoneAt - (run.pullStartedAt ?? run.pullDoneAt)) / 1000).toFixed(3);
      this.event(pod, 'Normal', 'Pulled', `Successfully pulled image "${image}" in ${secs}s (${secs}s including waiting)`);
    }
    this.images.add(image);
    const env = this.environment(pod, run, run.next);
    run.pullDoneAt = undefined;
    run.pullStartedAt = undefined;
    if ('error' in env) {
      this.configError(pod, c, env.error);
      run.configRetryAt = now + CONFIG_RETRY_MS;
      return false;
    }
    this.startContainer(pod, run, run.next, env.env);
    run.next += 1;
    return true;
  }

  /** A pull that the registry refuses: ErrImagePull now, ImagePullBackOff from the next sync, retry after the back-off. */
  private failPull(pod: Pod, run: PodRun, c: ContainerRun, image: string): void {
    const now = this.ctx.clock.now();
    const ref = parseImage(image).fullName;
    const error = `rpc error: code = NotFound desc = failed to pull and unpack image "${ref}": failed to resolve reference "${ref}": ${ref}: not found`;
    this.event(pod, 'Warning', 'Failed', `Failed to pull image "${image}": ${error}`);
    this.event(pod, 'Warning', 'Failed', 'Error: ErrImagePull');
    c.waitingReason = 'ErrImagePull';
    c.waitingMessage = error;
    run.pullBackoffMs = run.pullBackoffMs === undefined ? BACKOFF_INITIAL_MS : Math.min(2 * run.pullBackoffMs, BACKOFF_MAX_MS);
    run.pullFailedAt = now;
    run.pullRetryAt = now + run.pullBackoffMs;
    run.pullDoneAt = undefined;
    run.pullStartedAt = undefined;
  }

  private pullDuration(image: string): number {
    const cachedLayers = this.images.has(image);
    // A missing tag fails at the manifest lookup, before any layer is fetched.
    const base = !imageExists(image) ? 800 : cachedLayers ? 300 : 500 + (imageInfo(image).sizeMB / PULL_MB_PER_S) * 1000;
    return Math.round(base * (0.8 + 0.4 * this.ctx.rng.next()));
  }

  private startContainer(pod: Pod, run: PodRun, index: number, env: EnvList): void {
    const now = this.ctx.clock.now();
    const spec = pod.spec!.containers[index];
    const c = run.containers[index];
    // A new container instance starts from its image: the old writable layer is gone.
    this.volumes.drop(disks.layer(run.uid, c.name));
    // The runtime keeps the last dead instance's log for --previous.
    if (c.startedAt !== undefined) this.flushLog(pod, c, now);
    c.previousLog = c.log;
    c.log = [];
    c.loggedTo = now - 1;
    c.env = env;
    const app = appPlan(spec, env, podHostname(pod), now);
    for (const w of app.startWrites) this.fs.write(pod, c.name, w.file, w.content, w.append);
    c.lines = 0;
    c.appendNextAt = app.appender ? now : undefined;
    this.event(pod, 'Normal', 'Created', `Created container ${c.name}`);
    this.event(pod, 'Normal', 'Started', `Started container ${c.name}`);
    const behaviour = behaviourOf(spec, pod.metadata!.annotations);
    c.state = 'running';
    c.startedAt = now;
    c.exitAt = behaviour.exitAfterMs === undefined ? undefined : now + behaviour.exitAfterMs;
    c.exitCode = behaviour.exitCode;
    c.exitReason = behaviour.exitReason;
    c.terminated = undefined;
    c.restartAt = undefined;
    c.ready = !spec.readinessProbe;
    c.readinessNextAt = spec.readinessProbe ? now + (spec.readinessProbe.initialDelaySeconds ?? 0) * 1000 : undefined;
    c.readinessSuccesses = 0;
    c.readinessFailures = 0;
    c.livenessNextAt = spec.livenessProbe ? now + (spec.livenessProbe.initialDelaySeconds ?? 0) * 1000 : undefined;
    c.livenessFailures = 0;
  }

  /** The prober (§4.7): every periodSeconds, flipping after successThreshold / failureThreshold results. */
  private probe(pod: Pod, run: PodRun, c: ContainerRun, index: number): void {
    const now = this.ctx.clock.now();
    const spec = pod.spec!.containers[index];
    const behaviour = behaviourOf(spec, pod.metadata!.annotations);
    const readiness = spec.readinessProbe;
    while (readiness && c.state === 'running' && c.readinessNextAt !== undefined && c.readinessNextAt <= now) {
      const at = c.readinessNextAt;
      const outcome = runProbe(readiness, behaviour, at - c.startedAt!, run.podIP ?? '', 'readiness');
      if (outcome.ok) {
        c.readinessSuccesses += 1;
        c.readinessFailures = 0;
        if (c.readinessSuccesses >= (readiness.successThreshold ?? 1)) c.ready = true;
      } else {
        c.readinessFailures += 1;
        c.readinessSuccesses = 0;
        this.event(pod, 'Warning', 'Unhealthy', `Readiness probe failed: ${outcome.output}`);
        if (c.readinessFailures >= (readiness.failureThreshold ?? 3)) c.ready = false;
      }
      c.readinessNextAt = at + (readiness.periodSeconds ?? 10) * 1000;
    }
    const liveness = spec.livenessProbe;
    while (liveness && c.state === 'running' && c.livenessNextAt !== undefined && c.livenessNextAt <= now) {
      const at = c.livenessNextAt;
      c.livenessNextAt = at + (liveness.periodSeconds ?? 10) * 1000;
      const outcome = runProbe(liveness, behaviour, at - c.startedAt!, run.podIP ?? '', 'liveness');
      if (outcome.ok) {
        c.livenessFailures = 0;
        continue;
      }
      c.livenessFailures += 1;
      this.event(pod, 'Warning', 'Unhealthy', `Liveness probe failed: ${outcome.output}`);
      if (c.livenessFailures < (liveness.failureThreshold ?? 3)) continue;
      // The kubelet kills the container (SIGTERM, SIGKILL after the grace period) and restarts it.
      this.event(pod, 'Normal', 'Killing', `Container ${c.name} failed liveness probe, will be restarted`);
      const grace = (pod.spec?.terminationGracePeriodSeconds ?? 30) * 1000;
      const stopMs = imageInfo(spec.image ?? '').stopMs;
      const ignoresTerm = stopMs === undefined || behaviour.exitAfterMs !== undefined;
      c.exitAt = at + (ignoresTerm ? grace : Math.min(stopMs!, grace));
      c.exitCode = ignoresTerm ? 137 : 0;
      c.exitReason = undefined;
      c.livenessNextAt = undefined;
      c.readinessNextAt = undefined;
    }
  }

  /** Exits, and restarts under restartPolicy with the §4.5 back-off. */
  private advanceContainer(pod: Pod, run: PodRun, c: ContainerRun, index: number): void {
    const now = this.ctx.clock.now();
    this.noticeExit(pod, c);
    if (c.restartAt === undefined || c.restartAt > now) return;
    const finished = c.terminated ?? c.lastTerminated!;
    const expired = c.backoffUpdated !== undefined && finished.finishedAt - c.backoffUpdated > 2 * BACKOFF_MAX_MS;
    const inBackoff = c.backoffMs !== undefined && !expired && now - finished.finishedAt < c.backoffMs;
    if (inBackoff) {
      if (c.state !== 'waiting' || c.waitingReason !== 'CrashLoopBackOff') {
        c.lastTerminated = finished;
        c.terminated = undefined;
        c.state = 'waiting';
        c.waitingReason = 'CrashLoopBackOff';
        const podRef = `${pod.metadata!.name}_${pod.metadata!.namespace}(${pod.metadata!.uid})`;
        c.waitingMessage = `back-off ${formatDuration(c.backoffMs!)} restarting failed container=${c.name} pod=${podRef}`;
        this.event(pod, 'Warning', 'BackOff', `Back-off restarting failed container ${c.name} in pod ${podRef}`);
      }
      c.restartAt = finished.finishedAt + c.backoffMs!;
      return;
    }
    const env = this.environment(pod, run, index);
    if ('error' in env) {
      c.lastTerminated = finished;
      c.terminated = undefined;
      this.configError(pod, c, env.error);
      c.restartAt = now + CONFIG_RETRY_MS;
      return;
    }
    c.backoffMs = c.backoffMs === undefined || expired ? BACKOFF_INITIAL_MS : Math.min(2 * c.backoffMs, BACKOFF_MAX_MS);
    c.backoffUpdated = now;
    c.lastTerminated = finished;
    c.restartCount += 1;
    c.waitingMessage = undefined;
    const spec = pod.spec!.containers[index];
    if (spec.imagePullPolicy === 'Always') {
      this.event(pod, 'Normal', 'Pulling', `Pulling image "${c.image}"`);
      this.event(pod, 'Normal', 'Pulled', `Successfully pulled image "${c.image}" in 0.312s (0.312s including waiting)`);
    } else {
      this.event(pod, 'Normal', 'Pulled', `Container image "${c.image}" already present on machine`);
    }
    this.startContainer(pod, run, index, env.env);
    this.noticeExit(pod, c);
  }

  /** A process that has ended by now is terminated; the kubelet decides on a restart a relist later. */
  private noticeExit(pod: Pod, c: ContainerRun): void {
    if (c.state !== 'running' || c.exitAt === undefined || c.exitAt > this.ctx.clock.now()) return;
    this.flushLog(pod, c, c.exitAt);
    c.state = 'terminated';
    c.terminated = { exitCode: c.exitCode, reason: c.exitReason ?? (c.exitCode === 0 ? 'Completed' : 'Error'), startedAt: c.startedAt!, finishedAt: c.exitAt };
    c.ready = false;
    c.restartAt = this.restartWanted(pod, c) ? c.exitAt + RELIST_MS : undefined;
  }

  private restartWanted(pod: Pod, c: ContainerRun): boolean {
    const policy = pod.spec?.restartPolicy ?? 'Always';
    return policy === 'Always' || (policy === 'OnFailure' && c.exitCode !== 0);
  }

  private startKilling(pod: Pod, run: PodRun): void {
    const now = this.ctx.clock.now();
    const grace = (pod.metadata!.deletionGracePeriodSeconds ?? pod.spec?.terminationGracePeriodSeconds ?? 30) * 1000;
    let slowest = 0;
    for (const [i, c] of run.containers.entries()) {
      if (c.state !== 'running') continue;
      this.event(pod, 'Normal', 'Killing', `Stopping container ${c.name}`);
      const spec = pod.spec!.containers[i];
      const stopMs = imageInfo(spec.image ?? '').stopMs;
      // A shell running a script as PID 1 ignores SIGTERM and is killed when the grace period ends.
      const ignoresTerm = stopMs === undefined || planProcess(spec).runsForMs !== undefined;
      c.sigkill = ignoresTerm || stopMs! > grace;
      slowest = Math.max(slowest, c.sigkill ? grace : stopMs!);
    }
    run.stage = 'killing';
    run.killAt = now + slowest;
  }

  private finishKilling(run: PodRun): void {
    const now = this.ctx.clock.now();
    for (const c of run.containers) {
      if (c.state !== 'running') continue;
      c.state = 'terminated';
      c.terminated = { exitCode: c.sigkill ? 137 : 0, reason: c.sigkill ? 'Error' : 'Completed', startedAt: c.startedAt!, finishedAt: now };
    }
    run.stage = 'done';
  }

  private nextWake(run: PodRun): number | undefined {
    const times: (number | undefined)[] = [];
    if (run.stage === 'sandbox') times.push(run.mounted ? run.sandboxAt : run.mountRetryAt);
    if (run.stage === 'killing') times.push(run.killAt);
    if (run.stage === 'containers') {
      times.push(run.pullDoneAt, run.pullRetryAt, run.configRetryAt);
      if (run.pullFailedAt !== undefined && run.containers[run.next]?.waitingReason === 'ErrImagePull') times.push(run.pullFailedAt + RELIST_MS);
      for (const c of run.containers) {
        if (c.state === 'running') times.push(c.exitAt, c.readinessNextAt, c.livenessNextAt, c.appendNextAt);
        times.push(c.restartAt);
      }
    }
    // step() has done everything due by now; only later transitions wake the pod again.
    const now = this.ctx.clock.now();
    const due = times.filter((t): t is number => t !== undefined && t > now);
    return due.length ? Math.min(...due) : undefined;
  }

  private writeStatus(pod: Pod, run: PodRun): void {
    const status = this.buildStatus(pod, run);
    this.ctx.api.updateStatus({ ...(pod as KubeObject), status }, this.name);
  }

  private buildStatus(pod: Pod, run: PodRun): PodStatus {
    const now = this.ctx.clock.now();
    const node = this.ctx.api.get('Node', undefined, this.nodeName) as Node | undefined;
    const hostIP = node?.status?.addresses?.find((a) => a.type === 'InternalIP')?.address;
    const containerStatuses: ContainerStatus[] = run.containers.map((c) => {
      const ready = c.state === 'running' && c.ready;
      const state: ContainerStatus['state'] =
        c.state === 'running'
          ? { running: { startedAt: rfc3339(c.startedAt!) } }
          : c.state === 'terminated'
            ? { terminated: termination(c.terminated!) }
            : { waiting: { reason: c.waitingReason, ...(c.waitingMessage ? { message: c.waitingMessage } : {}) } };
      return {
        name: c.name,
        image: c.image,
        imageID: c.state === 'waiting' && !c.lastTerminated ? '' : `${parseImage(c.image).fullName.replace(/:[^:/]*$/, '')}@sha256:${digest(c.image)}`,
        ...(c.startedAt !== undefined ? { containerID: `containerd://${digest(`${run.uid}/${c.name}/${c.restartCount}`)}` } : {}),
        ready,
        restartCount: c.restartCount,
        started: c.state === 'running',
        state,
        lastState: c.lastTerminated ? { terminated: termination(c.lastTerminated) } : {},
      };
    });
    const allReady = containerStatuses.every((c) => c.ready);
    const unready = containerStatuses.filter((c) => !c.ready).map((c) => c.name);
    const notReadyMessage = `containers with unready status: [${unready.join(' ')}]`;
    const old = pod.status?.conditions ?? [];
    const cond = (type: string, ok: boolean, reason?: string, message?: string): PodCondition => {
      const previous = old.find((c) => c.type === type);
      const status = ok ? 'True' : 'False';
      return {
        type,
        status,
        lastTransitionTime: previous && previous.status === status ? previous.lastTransitionTime : rfc3339(now),
        ...(ok ? {} : { reason, message }),
      };
    };
    const conditions: PodCondition[] = [
      cond('PodReadyToStartContainers', run.podIP !== undefined),
      cond('Initialized', true),
      cond('Ready', allReady, 'ContainersNotReady', notReadyMessage),
      cond('ContainersReady', allReady, 'ContainersNotReady', notReadyMessage),
      ...old.filter((c) => c.type === 'PodScheduled'),
    ];
    for (const c of conditions) if (c.status === 'True' || c.reason === undefined) delete c.reason;
    return {
      ...(pod.status ?? {}),
      phase: this.phase(pod, run),
      conditions,
      hostIP,
      hostIPs: hostIP ? [{ ip: hostIP }] : undefined,
      podIP: run.podIP,
      podIPs: run.podIP ? [{ ip: run.podIP }] : undefined,
      startTime: rfc3339(run.startTime),
      containerStatuses,
    };
  }

  /** getPhase (§4.2) for regular containers. */
  private phase(pod: Pod, run: PodRun): PodStatus['phase'] {
    let running = 0;
    let waiting = 0;
    let stopped = 0;
    let succeeded = 0;
    for (const c of run.containers) {
      if (c.state === 'running') running++;
      else if (c.state === 'waiting' && !c.lastTerminated) waiting++;
      else {
        stopped++;
        const t = c.terminated ?? c.lastTerminated;
        if (t?.exitCode === 0) succeeded++;
      }
    }
    if (waiting > 0) return 'Pending';
    if (running > 0) return 'Running';
    if (stopped > 0) {
      const policy = pod.spec?.restartPolicy ?? 'Always';
      if (run.stage === 'killing' || run.stage === 'done') return stopped === succeeded ? 'Succeeded' : 'Failed';
      if (policy === 'Always') return 'Running';
      if (stopped === succeeded) return 'Succeeded';
      return policy === 'Never' ? 'Failed' : 'Running';
    }
    return 'Pending';
  }

  private nodeIP(): string | undefined {
    const node = this.ctx.api.get('Node', undefined, this.nodeName) as Node | undefined;
    return node?.status?.addresses?.find((a) => a.type === 'InternalIP')?.address;
  }

  /** host-local IPAM: the next free address after the last one given, so a new pod gets a new IP. */
  private allocateIp(): string {
    const used = new Set([...this.pods.values()].map((p) => p.podIP).filter(Boolean));
    for (let i = 0; i < 253; i++) {
      this.lastIp = this.lastIp >= 254 ? 2 : this.lastIp + 1;
      const ip = `${this.podCidrPrefix}.${this.lastIp}`;
      if (!used.has(ip)) return ip;
    }
    return `${this.podCidrPrefix}.${this.lastIp}`;
  }

  private renewLease(): void {
    const renewTime = rfc3339(this.ctx.clock.now()).replace('Z', '.000000Z');
    const existing = this.ctx.api.get('Lease', 'kube-node-lease', this.nodeName);
    if (existing) {
      this.ctx.api.update({ ...existing, spec: { ...(existing.spec as object), renewTime } }, this.name);
    } else {
      const node = this.ctx.api.get('Node', undefined, this.nodeName);
      this.ctx.api.create(
        {
          apiVersion: 'coordination.k8s.io/v1',
          kind: 'Lease',
          metadata: {
            name: this.nodeName,
            namespace: 'kube-node-lease',
            ownerReferences: node ? [{ apiVersion: 'v1', kind: 'Node', name: this.nodeName, uid: node.metadata.uid! }] : undefined,
          },
          spec: { holderIdentity: this.nodeName, leaseDurationSeconds: 40, renewTime },
        },
        this.name,
      );
    }
    this.enqueue(LEASE_KEY, LEASE_RENEW_MS);
  }

  private event(pod: Pod, type: 'Normal' | 'Warning', reason: string, message: string): void {
    this.ctx.recorder.record(pod as KubeObject, type, reason, message, { component: 'kubelet', host: this.nodeName });
  }

  override save(): KubeletState {
    return { down: this.down, queue: this.queue.save(), pods: [...this.pods].map(([k, v]) => [k, clone(v)]), images: [...this.images], lastIp: this.lastIp };
  }

  override load(state: unknown): void {
    const s = state as KubeletState;
    this.queue.load(s.queue);
    this.pods = new Map(s.pods.map(([k, v]) => [k, clone(v)]));
    this.images = new Set(s.images);
    this.lastIp = s.lastIp;
    this.down = s.down;
  }
}

function termination(t: Termination) {
  return { exitCode: t.exitCode, reason: t.reason, startedAt: rfc3339(t.startedAt), finishedAt: rfc3339(t.finishedAt) };
}

/** A stable fake digest for an image or container id: 64 hex chars from an FNV walk. */
export function digest(text: string): string {
  let out = '';
  let h = 0x811c9dc5;
  for (let round = 0; out.length < 64; round++) {
    for (const ch of `${text}#${round}`) h = Math.imul(h ^ ch.charCodeAt(0), 0x01000193) >>> 0;
    out += h.toString(16).padStart(8, '0');
  }
  return out.slice(0, 64);
}

/** Go's time.Duration String for whole seconds and minutes ("10s", "2m40s", "5m0s"). */
function formatDuration(ms: number): string {
  const s = Math.round(ms / 1000);
  if (s < 60) return `${s}s`;
  return `${Math.floor(s / 60)}m${s % 60}s`;
}
