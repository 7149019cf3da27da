/**
 * `kubectl create ingress` (create_ingress.go): each --rule `host/path=service:port[,tls[=secret]]`
 * becomes a path under its host's rule (`*` at the end makes it a Prefix path, else Exact), and
 * rules with tls gather their hosts under one TLS entry per secret.
 */
import type { Invocation } from '../command';
import { KubectlError } from '../errors';
import { createGenerated, dryRunStrategy, generatorVerb, nameArg, objectMeta, outputFormat, type GoObject } from './create-common';

// Go's \w is ASCII only: [0-9A-Za-z_].
const RULE = /^[\w*\-.]*\/.*=[\w-]+:[\w-]+(,tls=?[\w-]*)?$/;

/** parseServiceBackendPort: a number, else a port name (intstr.Parse). */
function backendPort(port: string): GoObject {
  return /^[+-]?\d+$/.test(port) && Number.isSafeInteger(Number(port)) ? { number: Number(port) } : { name: port };
}

function backend(service: string): GoObject {
  const [name, port] = service.split(':');
  return { service: { name, port: backendPort(port) } };
}

/** buildHTTPIngressPath: the part after the host's "/", up to "=", then the backend. */
function httpPath(pathData: string): GoObject {
  const parts = pathData.split('=');
  let path = `/${parts[0]}`;
  let pathType = 'Exact';
  if (path.endsWith('*')) {
    pathType = 'Prefix';
    path = path.slice(0, -1);
  }
  return { path, pathType, backend: backend(parts[1]) };
}

/** Splits at the first "/", as strings.SplitN(s, "/", 2). */
function splitHost(rule: string): [string, string] {
  const slash = rule.indexOf('/');
  return slash < 0 ? [rule, ''] : [rule.slice(0, slash), rule.slice(slash + 1)];
}

function rulesOf(rules: readonly string[]): GoObject[] {
  const built: { host: string; paths: GoObject[] }[] = [];
  for (const rule of rules) {
    const [host, pathData] = splitHost(rule.split(',')[0]);
    const existing = built.find((r) => r.host === host);
    if (existing) existing.paths.push(httpPath(pathData));
    else built.push({ host, paths: [httpPath(pathData)] });
  }
  return built.map(({ host, paths }): GoObject => (host ? { host, http: { paths } } : { http: { paths } }));
}

/** buildTLSRules: a host is listed once; rules naming the same secret share its entry. */
function tlsOf(rules: readonly string[]): GoObject[] {
  const entries: { hosts: string[]; secretName: string }[] = [];
  const seen = new Set<string>();
  for (const rule of rules) {
    const parts = rule.split(',');
    if (parts.length !== 2) continue;
    const host = splitHost(rule)[0];
    const secretParts = parts[1].split('=');
    const secret = secretParts.length > 1 ? secretParts[1] : '';
    if (seen.has(host)) continue;
    const same = entries.find((e) => e.secretName === secret);
    if (same) {
      same.hosts.push(host);
      seen.add(host);
      continue;
    }
    const entry = { hosts: [] as string[], secretName: secret };
    if (host) {
      entry.hosts.push(host);
      seen.add(host);
    }
    if (entry.secretName || entry.hosts.length) entries.push(entry);
  }
  return entries.map(({ hosts, secretName }) => {
    const tls: GoObject = {};
    if (hosts.length) tls.hosts = hosts;
    if (secretName) tls.secretName = secretName;
    return tls;
  });
}

function runIngress(inv: Invocation): number {
  const name = nameArg(inv);
  const format = outputFormat(inv);
  const dryRun = dryRunStrategy(inv);
  const rules = inv.flags.strings('rule');
  const annotations = inv.flags.strings('annotation');
  const defaultBackend = inv.flags.string('default-backend');
  if (!defaultBackend && rules.length === 0) {
    throw new KubectlError(
      'not enough information provided: every ingress has to either specify a default-backend (which catches all traffic) or a list of rules (which catch specific paths)',
    );
  }
  for (const rule of rules) {
    if (!RULE.test(rule)) throw new KubectlError(`rule ${rule} is invalid and should be in format host/path=svcname:svcport[,tls[=secret]]`);
  }
  const annotationMap: Record<string, string> = {};
  for (const annotation of annotations) {
    const eq = annotation.indexOf('=');
    if (eq < 0) throw new KubectlError(`annotation ${annotation} is invalid and should be in format key=[value]`);
    annotationMap[annotation.slice(0, eq)] = annotation.slice(eq + 1);
  }
  if (defaultBackend && defaultBackend.split(':').length !== 2) throw new KubectlError('default-backend should be in format servicename:serviceport');
  const spec: GoObject = {};
  if (inv.flags.string('class')) spec.ingressClassName = inv.flags.string('class');
  if (defaultBackend) spec.defaultBackend = backend(defaultBackend);
  const tls = tlsOf(rules);
  if (tls.length) spec.tls = tls;
  if (rules.length) spec.rules = rulesOf(rules);
  const ingress: GoObject = {
    kind: 'Ingress',
    apiVersion: 'networking.k8s.io/v1',
    metadata: objectMeta(inv, { name, annotations: annotationMap }),
    spec,
    status: { loadBalancer: {} },
  };
  createGenerated(inv, ingress, format, dryRun, { failurePrefix: 'failed to create ingress: ' });
  return 0;
}

export const createIngressVerb = generatorVerb(
  'create ingress',
  [
    { name: 'annotation', type: 'stringArray', default: [], usage: '' },
    { name: 'class', type: 'string', default: '', usage: '' },
    { name: 'default-backend', type: 'string', default: '', usage: '' },
    { name: 'rule', type: 'stringArray', default: [], usage: '' },
  ],
  runIngress,
  { aliases: ['ing'] },
);
