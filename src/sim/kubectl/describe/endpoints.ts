/** `kubectl describe endpoints` (describeEndpoints) and `kubectl describe endpointslice` (describeEndpointSliceV1). */
import type { KubeObject } from '../../api/object';
import type { ApiServer } from '../../api/server';
import type { EndpointSlice, Endpoints } from '../../api/types';
import { DescribeWriter, eventsFor, writeAnnotations, writeEvents, writeLabels } from './writer';

export function describeEndpoints(api: ApiServer, obj: KubeObject, now: number): string {
  const endpoints = obj as Endpoints;
  const w = new DescribeWriter();
  w.write(0, `Name:\t${endpoints.metadata?.name ?? ''}\n`);
  w.write(0, `Namespace:\t${endpoints.metadata?.namespace ?? ''}\n`);
  writeLabels(w, 'Labels', endpoints.metadata?.labels);
  writeAnnotations(w, 'Annotations', endpoints.metadata?.annotations);
  w.write(0, 'Subsets:\n');
  for (const subset of endpoints.subsets ?? []) {
    w.write(1, `Addresses:\t${(subset.addresses ?? []).map((a) => a.ip).join(',') || '<none>'}\n`);
    w.write(1, `NotReadyAddresses:\t${(subset.notReadyAddresses ?? []).map((a) => a.ip).join(',') || '<none>'}\n`);
    if (subset.ports?.length) {
      w.write(1, 'Ports:\n');
      w.write(2, 'Name\tPort\tProtocol\n');
      w.write(2, '----\t----\t--------\n');
      for (const port of subset.ports) w.write(2, `${port.name || '<unset>'}\t${port.port}\t${port.protocol ?? ''}\n`);
    }
    w.write(0, '\n');
  }
  writeEvents(w, eventsFor(api, obj, { matchKind: true }), now);
  return w.toString();
}

/** Go's %s of an optional field: "<unset>" when nil. */
const orUnset = (value: string | number | boolean | undefined | null): string => (value === undefined || value === null ? '<unset>' : String(value));

export function describeEndpointSlice(api: ApiServer, obj: KubeObject, now: number): string {
  const slice = obj as EndpointSlice;
  const w = new DescribeWriter();
  w.write(0, `Name:\t${slice.metadata?.name ?? ''}\n`);
  w.write(0, `Namespace:\t${slice.metadata?.namespace ?? ''}\n`);
  writeLabels(w, 'Labels', slice.metadata?.labels);
  writeAnnotations(w, 'Annotations', slice.metadata?.annotations);
  w.write(0, `AddressType:\t${slice.addressType}\n`);
  if (!slice.ports?.length) {
    w.write(0, 'Ports: <unset>\n');
  } else {
    w.write(0, 'Ports:\n');
    w.write(1, 'Name\tPort\tProtocol\n');
    w.write(1, '----\t----\t--------\n');
    for (const port of slice.ports) w.write(1, `${port.name || '<unset>'}\t${orUnset(port.port)}\t${port.protocol ?? ''}\n`);
  }
  if (!slice.endpoints?.length) {
    w.write(0, 'Endpoints: <none>\n');
  } else {
    w.write(0, 'Endpoints:\n');
    for (const endpoint of slice.endpoints) {
      w.write(1, `- Addresses:\t${endpoint.addresses.join(', ') || '<none>'}\n`);
      w.write(2, 'Conditions:\n');
      w.write(3, `Ready:\t${orUnset(endpoint.conditions?.ready)}\n`);
      w.write(2, `Hostname:\t${orUnset(endpoint.hostname)}\n`);
      if (endpoint.targetRef) w.write(2, `TargetRef:\t${endpoint.targetRef.kind ?? ''}/${endpoint.targetRef.name ?? ''}\n`);
      w.write(2, `NodeName:\t${orUnset(endpoint.nodeName)}\n`);
      w.write(2, `Zone:\t${orUnset(endpoint.zone)}\n`);
    }
  }
  writeEvents(w, eventsFor(api, obj, { matchKind: true }), now);
  return w.toString();
}
