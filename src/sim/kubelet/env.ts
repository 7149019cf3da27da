/**
 * A container's environment as the kubelet builds it at container start (makeEnvironmentVariables,
 * k8s-semantics §4.3): envFrom, then env with `$(VAR)` expansion and valueFrom sources, then the
 * Service link variables. A missing ConfigMap, Secret or key is the CreateContainerConfigError text.
 */
import type { ApiServer } from '../api/server';
import type { ConfigMap, Container, Node, Pod, Secret, Service } from '../api/types';
import { decodeBase64 } from '../util/base64';
import { fieldRefValue, resourceFieldValue, type PodRuntimeFacts } from './downward';

export type EnvList = [name: string, value: string][];

export type EnvResult = { env: EnvList } | { error: string };

/** Services whose variables every pod gets, from the default namespace (kubelet masterServices). */
const MASTER_SERVICES = new Set(['kubernetes']);

const envName = (name: string) => name.replace(/-/g, '_').toUpperCase();

function isServiceIPSet(svc: Service): boolean {
  const ip = svc.spec?.clusterIP;
  return !!ip && ip !== 'None';
}

/** envvars.FromServices: host, port, named ports and the Docker link variables. */
function serviceEnv(services: readonly Service[]): EnvList {
  const out: EnvList = [];
  for (const svc of services) {
    if (!isServiceIPSet(svc) || !svc.spec?.ports?.length) continue;
    const ip = svc.spec.clusterIP!;
    const prefix = envName(svc.metadata!.name!);
    out.push([`${prefix}_SERVICE_HOST`, ip], [`${prefix}_SERVICE_PORT`, String(svc.spec.ports[0].port)]);
    for (const p of svc.spec.ports) if (p.name) out.push([`${prefix}_SERVICE_PORT_${envName(p.name)}`, String(p.port)]);
    svc.spec.ports.forEach((p, i) => {
      const proto = (p.protocol ?? 'TCP').toLowerCase();
      const url = `${proto}://${ip}:${p.port}`;
      if (i === 0) out.push([`${prefix}_PORT`, url]);
      const portPrefix = `${prefix}_PORT_${p.port}_${proto.toUpperCase()}`;
      out.push([portPrefix, url], [`${portPrefix}_PROTO`, proto], [`${portPrefix}_PORT`, String(p.port)], [`${portPrefix}_ADDR`, ip]);
    });
  }
  return out;
}

/** getServiceEnvVarMap: the master services always, the pod's namespace's Services with enableServiceLinks. */
function serviceVariables(api: ApiServer, namespace: string, links: boolean): EnvList {
  const chosen = new Map<string, Service>();
  for (const svc of api.list('Service') as Service[]) {
    if (!isServiceIPSet(svc)) continue;
    const name = svc.metadata!.name!;
    if (svc.metadata!.namespace === 'default' && MASTER_SERVICES.has(name)) {
      if (!chosen.has(name)) chosen.set(name, svc);
    } else if (svc.metadata!.namespace === namespace && links) {
      chosen.set(name, svc);
    }
  }
  const sorted = [...chosen.keys()].sort().map((n) => chosen.get(n)!);
  return serviceEnv(sorted).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

/**
 * expansion.Expand (third_party/forked/golang/expansion): `$(VAR)` from the mapping, `$$` for a
 * literal `$`, an unknown or unterminated reference left as written.
 */
export function expand(input: string, lookup: (name: string) => string | undefined): string {
  let out = '';
  let checkpoint = 0;
  for (let cursor = 0; cursor < input.length; cursor++) {
    if (input[cursor] !== '$' || cursor + 1 >= input.length) continue;
    out += input.slice(checkpoint, cursor);
    const rest = input.slice(cursor + 1);
    let advance = 1;
    if (rest[0] === '$') out += '$';
    else if (rest[0] === '(') {
      const close = rest.indexOf(')');
      if (close < 0) out += '$(';
      else {
        const name = rest.slice(1, close);
        out += lookup(name) ?? `$(${name})`;
        advance = close + 1;
      }
    } else out += `$${rest[0]}`;
    cursor += advance;
    checkpoint = cursor + 1;
  }
  return out + input.slice(checkpoint);
}

function configMapData(cm: ConfigMap): Record<string, string> {
  return { ...(cm.data ?? {}) };
}

function secretData(secret: Secret): Record<string, string> {
  return Object.fromEntries(Object.entries(secret.data ?? {}).map(([k, v]) => [k, decodeBase64(v)]));
}

/** The environment of `container` in `pod`, or the kubelet's error for what is missing. */
export function containerEnv(api: ApiServer, pod: Pod, container: Container, node: Node | undefined, facts: PodRuntimeFacts): EnvResult {
  const namespace = pod.metadata!.namespace!;
  const configMap = (name: string) => api.get('ConfigMap', namespace, name) as ConfigMap | undefined;
  const secret = (name: string) => api.get('Secret', namespace, name) as Secret | undefined;
  const services = serviceVariables(api, namespace, pod.spec?.enableServiceLinks ?? true);
  const serviceMap = new Map(services);
  const env = new Map<string, string>();
  const lookup = (name: string) => env.get(name) ?? serviceMap.get(name);
  try {
    for (const from of container.envFrom ?? []) {
      const prefix = from.prefix ?? '';
      let data: Record<string, string> | undefined;
      if (from.configMapRef) {
        const cm = configMap(from.configMapRef.name ?? '');
        if (!cm && !from.configMapRef.optional) throw new Error(`configmap "${from.configMapRef.name}" not found`);
        data = cm && configMapData(cm);
      } else if (from.secretRef) {
        const s = secret(from.secretRef.name ?? '');
        if (!s && !from.secretRef.optional) throw new Error(`secret "${from.secretRef.name}" not found`);
        data = s && secretData(s);
      }
      for (const key of Object.keys(data ?? {}).sort()) env.set(prefix + key, data![key]);
    }
    for (const e of container.env ?? []) {
      let value = e.value ?? '';
      if (value !== '') value = expand(value, lookup);
      else if (e.valueFrom) {
        const from = e.valueFrom;
        if (from.fieldRef) value = fieldRefValue(pod, from.fieldRef, facts);
        else if (from.resourceFieldRef) value = resourceFieldValue(pod, from.resourceFieldRef, container.name, node);
        else if (from.configMapKeyRef) {
          const ref = from.configMapKeyRef;
          const cm = configMap(ref.name ?? '');
          if (!cm) {
            if (ref.optional) continue;
            throw new Error(`configmap "${ref.name}" not found`);
          }
          const found = configMapData(cm)[ref.key];
          if (found === undefined) {
            if (ref.optional) continue;
            throw new Error(`couldn't find key ${ref.key} in ConfigMap ${namespace}/${ref.name}`);
          }
          value = found;
        } else if (from.secretKeyRef) {
          const ref = from.secretKeyRef;
          const s = secret(ref.name ?? '');
          if (!s) {
            if (ref.optional) continue;
            throw new Error(`secret "${ref.name}" not found`);
          }
          const found = secretData(s)[ref.key];
          if (found === undefined) {
            if (ref.optional) continue;
            throw new Error(`couldn't find key ${ref.key} in Secret ${namespace}/${ref.name}`);
          }
          value = found;
        }
      }
      env.set(e.name, value);
    }
  } catch (err) {
    if (err instanceof Error) return { error: err.message };
    throw err;
  }
  const out: EnvList = [...env];
  for (const [k, v] of services) if (!env.has(k)) out.push([k, v]);
  return { env: out };
}

/** command and args with `$(VAR)` references replaced from the container's final environment. */
export function expandArgs(words: readonly string[] | undefined, env: EnvList): string[] {
  const map = new Map(env);
  return (words ?? []).map((w) => expand(w, (name) => map.get(name)));
}
