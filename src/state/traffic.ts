/**
 * The traffic the worker reports: every stream with its counts, and the requests of the last few
 * virtual seconds summed per Service, Ingress, pod and image version, so the graph can show who
 * answers right now. Pure functions produce each next state; a summary that did not change keeps
 * its identity, so a Service node re-renders only when its own numbers move.
 */
import { create } from 'zustand';
import type { WireRequest, WireTrafficDelta, WireTrafficJob } from '../protocol/messages';
import { imageTag, objectKey } from './objects';

/** How far back "right now" reaches, in virtual ms: long enough for a steady rate, short enough to follow a rollout. */
export const WINDOW_MS = 3000;

/** A stream and what it goes through, as far as its target and requests tell. */
export interface Stream extends WireTrafficJob {
  /** "Service/ns/name" its requests reach. */
  service?: string;
  /** "Ingress/ns/name" its requests go through. */
  ingress?: string;
}

/** Requests of the last WINDOW_MS through one Service or Ingress. */
export interface RecentTraffic {
  /** Answered, and failed, requests per virtual second. */
  rps: number;
  failedRps: number;
  /** Answers per pod key ("Pod/ns/name") and per image. */
  byPod: Readonly<Record<string, number>>;
  byVersion: Readonly<Record<string, number>>;
  /** How the latest failure failed: "connection refused", or "HTTP 503". */
  failure?: string;
}

export interface TrafficState {
  /** Virtual ms of the latest report. */
  time: number;
  streams: ReadonlyMap<number, Stream>;
  /** Keyed "Service/ns/name". */
  services: ReadonlyMap<string, RecentTraffic>;
  /** Keyed "Ingress/ns/name". */
  ingresses: ReadonlyMap<string, RecentTraffic>;
  /** Answers per virtual second per pod key, for the pods that answered within the window. */
  podRates: ReadonlyMap<string, number>;
  /** Image → colour index, in the order first seen, so a version keeps its colour. */
  versions: ReadonlyMap<string, number>;
  /** The window's requests, oldest first. It changes every frame: not for selectors. */
  recent: readonly WireRequest[];
}

export function emptyTraffic(): TrafficState {
  return { time: 0, streams: new Map(), services: new Map(), ingresses: new Map(), podRates: new Map(), versions: new Map(), recent: [] };
}

/** "ns/name" as the traffic generator names pods and Services, into the mirror's keys. */
export function trafficKey(kind: string, ref: string): string {
  const slash = ref.indexOf('/');
  return objectKey(kind, ref.slice(0, slash), ref.slice(slash + 1));
}

/** The Service a target URL names by its DNS name ("http://web.default.svc.cluster.local:8080/"). */
export function serviceOfTarget(target: string): string | undefined {
  const m = /^(?:https?:\/\/)?([a-z0-9-]+)\.([a-z0-9-]+)\.svc(?:\.cluster\.local)?(?::\d+)?(?:\/.*)?$/.exec(target);
  return m ? objectKey('Service', m[2], m[1]) : undefined;
}

/** A failed request in the words a client would use. */
export function failureText(request: Pick<WireRequest, 'status'>): string {
  return request.status === undefined ? 'connection refused' : `HTTP ${request.status}`;
}

export function isRunning(stream: WireTrafficJob, time: number): boolean {
  return stream.endsAt === undefined || stream.endsAt > time;
}

function sameRecord(a: Readonly<Record<string, number>>, b: Readonly<Record<string, number>>): boolean {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((k) => a[k] === b[k]);
}

function sameRecent(a: RecentTraffic, b: RecentTraffic): boolean {
  return a.rps === b.rps && a.failedRps === b.failedRps && a.failure === b.failure && sameRecord(a.byPod, b.byPod) && sameRecord(a.byVersion, b.byVersion);
}

/** One decimal: enough for a counter, and steady enough that a summary keeps its identity. */
const perSecond = (count: number, spanMs: number) => Math.round((count * 10_000) / spanMs) / 10;

interface Tally {
  ok: number;
  failed: number;
  byPod: Record<string, number>;
  byVersion: Record<string, number>;
  failure?: string;
}

function tally(map: Map<string, Tally>, key: string, request: WireRequest, pod: string | undefined): void {
  let t = map.get(key);
  if (!t) map.set(key, (t = { ok: 0, failed: 0, byPod: {}, byVersion: {} }));
  if (request.ok) {
    t.ok++;
    if (pod) t.byPod[pod] = (t.byPod[pod] ?? 0) + 1;
    if (request.version) t.byVersion[request.version] = (t.byVersion[request.version] ?? 0) + 1;
  } else {
    t.failed++;
    t.failure = failureText(request);
  }
}

function summaries(
  tallies: Map<string, Tally>,
  spanMs: number,
  previous: ReadonlyMap<string, RecentTraffic>,
): ReadonlyMap<string, RecentTraffic> {
  const next = new Map<string, RecentTraffic>();
  let changed = tallies.size !== previous.size;
  for (const [key, t] of tallies) {
    const summary: RecentTraffic = { rps: perSecond(t.ok, spanMs), failedRps: perSecond(t.failed, spanMs), byPod: t.byPod, byVersion: t.byVersion };
    if (t.failure) summary.failure = t.failure;
    const old = previous.get(key);
    if (old && sameRecent(old, summary)) next.set(key, old);
    else {
      next.set(key, summary);
      changed = true;
    }
  }
  return changed ? next : previous;
}

/**
 * The span the window's rates are measured over: the whole window, or, for streams younger than
 * it, how long they have run (at least a second), so a new stream shows its rate at once.
 */
function rateSpan(streams: ReadonlyMap<number, Stream>, recent: readonly WireRequest[], time: number): number {
  let oldestStart = Infinity;
  for (const r of recent) oldestStart = Math.min(oldestStart, streams.get(r.job)?.startedAt ?? -Infinity);
  return Math.min(WINDOW_MS, Math.max(1000, time - oldestStart));
}

/** Recomputes the window's sums; summaries that did not change keep their identity. */
function summarise(state: TrafficState): TrafficState {
  const services = new Map<string, Tally>();
  const ingresses = new Map<string, Tally>();
  const pods = new Map<string, number>();
  for (const request of state.recent) {
    const pod = request.pod ? trafficKey('Pod', request.pod) : undefined;
    if (request.service) tally(services, trafficKey('Service', request.service), request, pod);
    if (request.ingress) tally(ingresses, trafficKey('Ingress', request.ingress), request, pod);
    if (request.ok && pod) pods.set(pod, (pods.get(pod) ?? 0) + 1);
  }
  const span = rateSpan(state.streams, state.recent, state.time);
  const podRates = new Map([...pods].map(([key, n]) => [key, perSecond(n, span)]));
  const samePods = podRates.size === state.podRates.size && [...podRates].every(([k, v]) => state.podRates.get(k) === v);
  return {
    ...state,
    services: summaries(services, span, state.services),
    ingresses: summaries(ingresses, span, state.ingresses),
    podRates: samePods ? state.podRates : podRates,
  };
}

function withVersions(versions: ReadonlyMap<string, number>, images: Iterable<string>): ReadonlyMap<string, number> {
  let next: Map<string, number> | undefined;
  for (const image of images) {
    if ((next ?? versions).has(image)) continue;
    next ??= new Map(versions);
    next.set(image, next.size);
  }
  return next ?? versions;
}

function stream(job: WireTrafficJob, previous: Stream | undefined, requests: readonly WireRequest[]): Stream {
  const mine = requests.filter((r) => r.job === job.id);
  const service = previous?.service ?? serviceOfTarget(job.target) ?? mine.find((r) => r.service)?.service;
  const ingress = previous?.ingress ?? mine.find((r) => r.ingress)?.ingress;
  const next: Stream = { ...job };
  if (service) next.service = service.startsWith('Service/') ? service : trafficKey('Service', service);
  if (ingress) next.ingress = ingress.startsWith('Ingress/') ? ingress : trafficKey('Ingress', ingress);
  return next;
}

/** The streams as a (re)connected worker reports them; the window starts empty. */
export function trafficFromSnapshot(jobs: readonly WireTrafficJob[], time: number): TrafficState {
  const state = emptyTraffic();
  return {
    ...state,
    time,
    streams: new Map(jobs.map((job) => [job.id, stream(job, undefined, [])])),
    versions: withVersions(state.versions, jobs.flatMap((j) => Object.keys(j.byVersion))),
  };
}

/** The next state after a patch's traffic: new counts, new requests in the window, old ones out. */
export function ingestTraffic(state: TrafficState, delta: WireTrafficDelta, time: number): TrafficState {
  const streams = new Map(state.streams);
  for (const job of delta.jobs) streams.set(job.id, stream(job, streams.get(job.id), delta.requests));
  const cutoff = time - WINDOW_MS;
  const recent = [...state.recent.filter((r) => r.time > cutoff), ...delta.requests.filter((r) => r.time > cutoff)];
  const images = [...delta.requests.flatMap((r) => (r.version ? [r.version] : [])), ...delta.jobs.flatMap((j) => Object.keys(j.byVersion))];
  return summarise({ ...state, time, streams, recent, versions: withVersions(state.versions, images) });
}

/** Time moved on with no new requests: the window lets the oldest go. */
export function advanceTraffic(state: TrafficState, time: number): TrafficState {
  if (state.recent.length === 0) return state.time === time ? state : { ...state, time };
  const cutoff = time - WINDOW_MS;
  const recent = state.recent[0].time > cutoff ? state.recent : state.recent.filter((r) => r.time > cutoff);
  return summarise({ ...state, time, recent });
}

/** The streams that reach a Service or go through an Ingress, newest first. */
export function streamsThrough(streams: ReadonlyMap<number, Stream>, key: string): Stream[] {
  return [...streams.values()].filter((s) => s.service === key || s.ingress === key).sort((a, b) => b.id - a.id);
}

export interface VersionShare {
  image: string;
  /** The image tag, or the whole image when two images share a tag. */
  label: string;
  count: number;
  /** Whole percent of the answers. */
  percent: number;
}

/** Shares of the answers per image, in the order the versions were first seen. */
export function versionSplit(byVersion: Readonly<Record<string, number>>, versions: ReadonlyMap<string, number>): VersionShare[] {
  const entries = Object.entries(byVersion).filter(([, n]) => n > 0);
  const total = entries.reduce((sum, [, n]) => sum + n, 0);
  const tags = entries.map(([image]) => imageTag(image));
  return entries
    .map(([image, count]) => {
      const tag = imageTag(image);
      const label = tags.filter((t) => t === tag).length > 1 ? image : tag;
      return { image, label, count, percent: total ? Math.round((100 * count) / total) : 0 };
    })
    .sort((a, b) => (versions.get(a.image) ?? Infinity) - (versions.get(b.image) ?? Infinity) || a.image.localeCompare(b.image));
}

/** "1.14.2 75% · 1.16.1 25%". */
export function splitText(split: readonly VersionShare[]): string {
  return split.map((s) => `${s.label} ${s.percent}%`).join(' · ');
}

export const useTraffic = create<TrafficState>(() => emptyTraffic());

/**
 * Counters redraw at most this often (wall ms): at 50 requests a second they would otherwise
 * change every frame, faster than anyone reads them. The dots still follow every batch.
 */
export const PUBLISH_MS = 100;

/** The newest state, not yet handed to the store; undefined when the store is current. */
let unpublished: TrafficState | undefined;
let timer: ReturnType<typeof setTimeout> | undefined;
let lastPublished = -Infinity;

function flush(): void {
  timer = undefined;
  if (!unpublished) return;
  lastPublished = performance.now();
  useTraffic.setState(unpublished, true);
  unpublished = undefined;
}

function publish(next: TrafficState): void {
  if (next === (unpublished ?? useTraffic.getState())) return;
  unpublished = next;
  if (timer !== undefined) return;
  const wait = lastPublished + PUBLISH_MS - performance.now();
  if (wait <= 0) flush();
  else timer = setTimeout(flush, wait);
}

const latest = () => unpublished ?? useTraffic.getState();

type RequestListener = (requests: readonly WireRequest[]) => void;
const listeners = new Set<RequestListener>();

/** Calls `listener` with each batch of new requests (the graph draws them); returns unsubscribe. */
export function onRequests(listener: RequestListener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** A (re)connect: the streams as the worker has them, at once. */
export function resetTraffic(jobs: readonly WireTrafficJob[], time: number): void {
  clearTimeout(timer);
  timer = undefined;
  unpublished = undefined;
  useTraffic.setState(trafficFromSnapshot(jobs, time), true);
}

/** A patch's traffic: into the store for the counters, and to the listeners for the dots. */
export function receiveTraffic(delta: WireTrafficDelta, time: number): void {
  publish(ingestTraffic(latest(), delta, time));
  if (delta.requests.length > 0) for (const listener of listeners) listener(delta.requests);
}

/** The clock moved with no new requests. */
export function receiveTime(time: number): void {
  publish(advanceTraffic(latest(), time));
}
