/**
 * The building blocks of `kubectl describe` (k8s.io/kubectl/pkg/describe/describe.go): a prefix
 * writer over describe's tabwriter, and the sections several describers share — labels,
 * annotations, taints, tolerations and the Events table.
 */
import type { KubeObject } from '../../api/object';
import type { ApiServer } from '../../api/server';
import type { Event, Taint, Toleration } from '../../api/types';
import { fromRfc3339 } from '../../time';
import { age } from '../duration';
import { DESCRIBE_TABWRITER, TabWriter } from '../tabwriter';

/** kubectl's LAST_APPLIED annotation, which describe never shows. */
const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';
const MAX_ANNOTATION_LENGTH = 140;

/** PrefixWriter: each level indents two spaces; cells are tab-separated for the tabwriter. */
export class DescribeWriter {
  private readonly tw?: TabWriter;
  private plain = '';

  /**
   * `aligned: false` is a PrefixWriter straight over a buffer, as `kubectl rollout history
   * --revision` prints a pod template: the tabs stay tabs.
   */
  constructor(options: { aligned?: boolean } = {}) {
    if (options.aligned !== false) this.tw = new TabWriter(DESCRIBE_TABWRITER);
  }

  write(level: number, text: string): void {
    const line = '  '.repeat(level) + text;
    if (this.tw) this.tw.write(line);
    else this.plain += line;
  }

  /** Ends the aligned block, as PrefixWriter.Flush before the Events table. */
  flush(): void {
    this.tw?.flush();
  }

  toString(): string {
    return this.tw ? this.tw.toString() : this.plain;
  }
}

/** printLabelsMultiline: "Title:\tk=v" then one "\tk=v" line per further label, sorted; "<none>" when empty. */
export function writeLabels(w: DescribeWriter, title: string, labels: Record<string, string> | undefined): void {
  w.write(0, `${title}:\t`);
  const keys = Object.keys(labels ?? {}).sort();
  if (keys.length === 0) {
    w.write(0, '<none>\n');
    return;
  }
  keys.forEach((key, i) => {
    if (i !== 0) w.write(0, '\t');
    w.write(0, `${key}=${labels![key]}\n`);
  });
}

/** printAnnotationsMultiline: "k: v", long or multi-line values on their own lines, cut at 140 characters. */
export function writeAnnotations(w: DescribeWriter, title: string, annotations: Record<string, string> | undefined): void {
  w.write(0, `${title}:\t`);
  const keys = Object.keys(annotations ?? {})
    .filter((k) => k !== LAST_APPLIED)
    .sort();
  if (keys.length === 0) {
    w.write(0, '<none>\n');
    return;
  }
  keys.forEach((key, i) => {
    if (i !== 0) w.write(0, '\t');
    const value = annotations![key].replace(/\n$/, '');
    if (value.length + key.length + 2 > MAX_ANNOTATION_LENGTH || value.includes('\n')) {
      w.write(0, `${key}:\n`);
      for (const line of value.split('\n')) {
        const short = line.length > MAX_ANNOTATION_LENGTH - 2 ? `${line.slice(0, MAX_ANNOTATION_LENGTH - 2)}...` : line;
        w.write(0, `\t  ${short}\n`);
      }
    } else {
      w.write(0, `${key}: ${value}\n`);
    }
  });
}

/** Taint.ToString: key[=value][:effect]. */
export function taintString(t: Taint): string {
  const base = t.value ? `${t.key}=${t.value}` : t.key;
  return t.effect ? `${base}:${t.effect}` : base;
}

/** printNodeTaintsMultiline: sorted by effect, then key. */
export function writeTaints(w: DescribeWriter, title: string, taints: readonly Taint[] | undefined): void {
  w.write(0, `${title}:\t`);
  const list = [...(taints ?? [])].sort((a, b) => {
    const ka = `${a.effect},${a.key}`;
    const kb = `${b.effect},${b.key}`;
    return ka < kb ? -1 : ka > kb ? 1 : 0;
  });
  if (list.length === 0) {
    w.write(0, '<none>\n');
    return;
  }
  list.forEach((t, i) => {
    if (i !== 0) w.write(0, '\t');
    w.write(0, `${taintString(t)}\n`);
  });
}

/** printPodTolerationsMultiline: "key=value:Effect op=Exists for 300s", sorted by key. */
export function writeTolerations(w: DescribeWriter, title: string, tolerations: readonly Toleration[] | undefined): void {
  w.write(0, `${title}:\t`);
  const list = [...(tolerations ?? [])].sort((a, b) => ((a.key ?? '') < (b.key ?? '') ? -1 : (a.key ?? '') > (b.key ?? '') ? 1 : 0));
  if (list.length === 0) {
    w.write(0, '<none>\n');
    return;
  }
  list.forEach((t, i) => {
    if (i !== 0) w.write(0, '\t');
    let text = t.key ?? '';
    if (t.value) text += `=${t.value}`;
    if (t.effect) text += `:${t.effect}`;
    // An Exists toleration with no value tolerates every value (and every key when the key is empty).
    if (t.operator === 'Exists' && !t.value) text += t.key || t.effect ? ' op=Exists' : 'op=Exists';
    if (t.tolerationSeconds !== undefined && t.tolerationSeconds !== null) text += ` for ${t.tolerationSeconds}s`;
    w.write(0, `${text}\n`);
  });
}

/**
 * searchEvents: the Events whose involvedObject is this object — by name and namespace, and by
 * uid and kind when the reference carries them (a pod's reference drops its kind; a node's
 * events are found by uid and again by name, which the kubelet uses as the uid).
 */
export function eventsFor(api: ApiServer, obj: KubeObject, options: { matchKind: boolean; uids?: string[] }): Event[] {
  const uids = options.uids ?? [obj.metadata.uid ?? ''];
  return (api.list('Event') as Event[]).filter((e) => {
    const ref = e.involvedObject;
    return (
      ref.name === obj.metadata.name &&
      (ref.namespace ?? '') === (obj.metadata.namespace ?? '') &&
      (!options.matchKind || ref.kind === obj.kind) &&
      uids.some((uid) => !uid || ref.uid === uid)
    );
  });
}

/** DescribeEvents: "Events:\t<none>", or a Type/Reason/Age/From/Message table sorted by last timestamp. */
export function writeEvents(w: DescribeWriter, events: readonly Event[], now: number): void {
  if (events.length === 0) {
    w.write(0, 'Events:\t<none>\n');
    return;
  }
  w.flush();
  const last = (e: Event) => (e.lastTimestamp ? fromRfc3339(e.lastTimestamp) : -Infinity);
  const sorted = [...events].sort((a, b) => last(a) - last(b));
  w.write(0, 'Events:\n  Type\tReason\tAge\tFrom\tMessage\n');
  w.write(1, '----\t------\t----\t----\t-------\n');
  for (const e of sorted) {
    const first = e.eventTime ? age(e.eventTime, now) : age(e.firstTimestamp, now);
    const interval = (e.count ?? 0) > 1 ? `${age(e.lastTimestamp, now)} (x${e.count} over ${first})` : first;
    const source = e.source?.component || e.reportingComponent || '';
    w.write(1, `${e.type ?? ''}\t${e.reason ?? ''}\t${interval}\t${source}\t${(e.message ?? '').trim()}\n`);
  }
}

/** printController: "Kind/name" of the controlling owner. */
export function controllerText(obj: KubeObject): string {
  const ref = obj.metadata.ownerReferences?.find((r) => r.controller);
  return ref ? `${ref.kind}/${ref.name}` : '';
}
