import type { Event } from './api/types';
import { ApiError } from './api/errors';
import type { ApiServer } from './api/server';
import type { KubeObject } from './api/object';
import { EPOCH_MS, rfc3339, type Clock } from './time';

export interface EventSource {
  component: string;
  host?: string;
}

/**
 * client-go's event recorder: writes core/v1 Events about an object, aggregating repeats of the
 * same reason and message into one Event with a count, as the EventCorrelator does.
 */
export class EventRecorder {
  private sequence = 0;
  /** Correlation key → Event name, so repeats find their Event without a scan. */
  private byCorrelation = new Map<string, string>();

  constructor(
    private readonly api: ApiServer,
    private readonly clock: Clock,
  ) {}

  record(involved: KubeObject, type: 'Normal' | 'Warning', reason: string, message: string, source: EventSource): void {
    const namespace = involved.metadata.namespace ?? 'default';
    const now = rfc3339(this.clock.now());
    const actor = source.host ? `${source.component}/${source.host}` : source.component;
    const correlation = correlationKey(involved.metadata.uid, involved.metadata.name, type, reason, message, source.component);
    const existingName = this.byCorrelation.get(correlation);
    const existing = existingName ? (this.api.get('Event', namespace, existingName) as Event | undefined) : undefined;
    if (existing) {
      this.api.update({ ...(existing as KubeObject), count: (existing.count ?? 1) + 1, lastTimestamp: now }, actor, 'patch');
      return;
    }
    this.sequence += 1;
    const stamp = (BigInt(EPOCH_MS + this.clock.now()) * 1000000n + BigInt(this.sequence)).toString(16);
    const event: Event = {
      apiVersion: 'v1',
      kind: 'Event',
      metadata: { name: `${involved.metadata.name}.${stamp}`, namespace },
      involvedObject: {
        apiVersion: involved.apiVersion,
        kind: involved.kind,
        name: involved.metadata.name,
        namespace: involved.metadata.namespace,
        uid: involved.metadata.uid,
        resourceVersion: involved.metadata.resourceVersion,
      },
      reason,
      message,
      type,
      source: source.host ? { component: source.component, host: source.host } : { component: source.component },
      firstTimestamp: now,
      lastTimestamp: now,
      count: 1,
      reportingComponent: source.component,
      reportingInstance: source.host ?? '',
    };
    try {
      this.api.create(event as KubeObject, actor);
    } catch (err) {
      // The broadcaster drops an event the apiserver refuses (a namespace being terminated) and carries on.
      if (err instanceof ApiError) return;
      throw err;
    }
    this.byCorrelation.set(correlation, event.metadata.name!);
  }

  save(): number {
    return this.sequence;
  }

  /** Restores the counter and rebuilds the correlation index from the stored Events. */
  load(sequence: number): void {
    this.sequence = sequence;
    this.byCorrelation.clear();
    for (const obj of this.api.list('Event')) {
      const ev = obj as Event;
      const key = correlationKey(ev.involvedObject.uid, ev.involvedObject.name, ev.type, ev.reason, ev.message, ev.source?.component);
      this.byCorrelation.set(key, ev.metadata.name!);
    }
  }
}

function correlationKey(...parts: (string | undefined)[]): string {
  return parts.map((p) => p ?? '').join('\u0000');
}
