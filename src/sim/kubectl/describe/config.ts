/**
 * `kubectl describe configmap` and `kubectl describe secret` (describeConfigMap, describeSecret):
 * a ConfigMap shows its values, a Secret only each value's size in bytes, never the value.
 */
import type { KubeObject } from '../../api/object';
import type { ApiServer } from '../../api/server';
import type { ConfigMap, Secret } from '../../api/types';
import { decodeBase64Bytes } from '../../util/base64';
import { DescribeWriter, eventsFor, writeAnnotations, writeEvents, writeLabels } from './writer';

const sorted = (map: Record<string, string> | undefined) => Object.keys(map ?? {}).sort();

export function describeConfigMap(api: ApiServer, obj: KubeObject, now: number): string {
  const cm = obj as ConfigMap;
  const w = new DescribeWriter();
  w.write(0, `Name:\t${cm.metadata?.name ?? ''}\n`);
  w.write(0, `Namespace:\t${cm.metadata?.namespace ?? ''}\n`);
  writeLabels(w, 'Labels', cm.metadata?.labels);
  writeAnnotations(w, 'Annotations', cm.metadata?.annotations);
  w.write(0, '\nData\n====\n');
  for (const key of sorted(cm.data)) {
    w.write(0, `${key}:\n----\n`);
    w.write(0, `${cm.data![key]}\n`);
    w.write(0, '\n');
  }
  w.write(0, '\nBinaryData\n====\n');
  for (const key of sorted(cm.binaryData)) w.write(0, `${key}: ${decodeBase64Bytes(cm.binaryData![key]).length} bytes\n`);
  w.write(0, '\n');
  writeEvents(w, eventsFor(api, obj, { matchKind: true }), now);
  return w.toString();
}

export function describeSecret(_api: ApiServer, obj: KubeObject): string {
  const secret = obj as Secret;
  const w = new DescribeWriter();
  w.write(0, `Name:\t${secret.metadata?.name ?? ''}\n`);
  w.write(0, `Namespace:\t${secret.metadata?.namespace ?? ''}\n`);
  writeLabels(w, 'Labels', secret.metadata?.labels);
  writeAnnotations(w, 'Annotations', secret.metadata?.annotations);
  w.write(0, `\nType:\t${secret.type ?? ''}\n`);
  w.write(0, '\nData\n====\n');
  for (const key of sorted(secret.data)) {
    const bytes = decodeBase64Bytes(secret.data![key]);
    // A service account token is printed in full (describeSecret's one exception).
    if (key === 'token' && secret.type === 'kubernetes.io/service-account-token') w.write(0, `${key}:\t${String.fromCharCode(...bytes)}\n`);
    else w.write(0, `${key}:\t${bytes.length} bytes\n`);
  }
  return w.toString();
}
