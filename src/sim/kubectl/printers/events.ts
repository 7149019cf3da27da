/**
 * `kubectl get events` (printEvent): LAST SEEN, TYPE, REASON, OBJECT ("pod/web-1"), MESSAGE;
 * -o wide adds SUBOBJECT, SOURCE ("kubelet, node-1"), FIRST SEEN, COUNT and the Event's NAME.
 */
import type { KubeObject } from '../../api/object';
import type { Event } from '../../api/types';
import { age } from '../duration';
import type { Cell, TablePrinter } from './table';

/** formatEventSource: "component, host", or "<unknown>" without a component. */
export function eventSource(event: Event): string {
  const component = event.source?.component || event.reportingComponent || '';
  const host = event.source?.host || event.reportingInstance || '';
  if (!component) return '<unknown>';
  return host ? `${component}, ${host}` : component;
}

export const eventPrinter: TablePrinter = {
  kind: 'Event',
  columns: [
    { name: 'Last Seen', priority: 0 },
    { name: 'Type', priority: 0 },
    { name: 'Reason', priority: 0 },
    { name: 'Object', priority: 0 },
    { name: 'Subobject', priority: 1 },
    { name: 'Source', priority: 1 },
    { name: 'Message', priority: 0 },
    { name: 'First Seen', priority: 1 },
    { name: 'Count', priority: 1 },
    { name: 'Name', priority: 1, isName: true },
  ],
  row(obj: KubeObject, now: number): Cell[] {
    const e = obj as Event;
    const firstSeen = e.firstTimestamp ? age(e.firstTimestamp, now) : age(e.eventTime, now);
    const lastSeen = e.lastTimestamp ? age(e.lastTimestamp, now) : firstSeen;
    const involved = e.involvedObject;
    const target = involved.name ? `${(involved.kind ?? '').toLowerCase()}/${involved.name}` : (involved.kind ?? '').toLowerCase();
    return [lastSeen, e.type ?? '', e.reason ?? '', target, involved.fieldPath ?? '', eventSource(e), (e.message ?? '').trim(), firstSeen, e.count || 1, e.metadata?.name ?? ''];
  },
};
