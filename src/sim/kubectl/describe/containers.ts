/** describe.go's container, volume and pod-template sections, shared by pods and workloads. */
import type { ContainerState, TopologySpreadConstraint, Volume } from 'kubernetes-types/core/v1';
import type { Container, ContainerStatus, PodTemplateSpec, Probe } from '../../api/types';
import { rfc1123z } from '../duration';
import { formatLabelSelector } from '../format';
import { type DescribeWriter, writeLabels, writeAnnotations, writeTolerations } from './writer';

type ResourceList = Record<string, string | number>;

function describeResources(w: DescribeWriter, resources: { limits?: ResourceList; requests?: ResourceList } | undefined, level: number): void {
  if (!resources) return;
  for (const [title, list] of [['Limits', resources.limits], ['Requests', resources.requests]] as const) {
    const names = Object.keys(list ?? {}).sort();
    if (names.length) w.write(level, `${title}:\n`);
    for (const name of names) w.write(level + 1, `${name}:\t${list![name]}\n`);
  }
}

/** intstr's String(): the number, or the named port. */
const portText = (port: string | number | undefined) => (port === undefined ? '' : String(port));

/** DescribeProbe: "http-get http://:80/ delay=0s timeout=1s period=10s #success=1 #failure=3". */
export function probeText(probe: Probe): string {
  const attrs = `delay=${probe.initialDelaySeconds ?? 0}s timeout=${probe.timeoutSeconds ?? 0}s period=${probe.periodSeconds ?? 0}s #success=${probe.successThreshold ?? 0} #failure=${probe.failureThreshold ?? 0}`;
  if (probe.exec) return `exec [${(probe.exec.command ?? []).join(' ')}] ${attrs}`;
  if (probe.httpGet) {
    // The apiserver defaults the scheme to HTTP (SetDefaults_HTTPGetAction).
    const scheme = (probe.httpGet.scheme ?? 'HTTP').toLowerCase();
    const host = probe.httpGet.host ?? '';
    const port = portText(probe.httpGet.port);
    const hostPort = port ? (host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`) : host;
    const path = probe.httpGet.path ?? '';
    return `http-get ${scheme}://${hostPort}${path && !path.startsWith('/') ? '/' : ''}${path} ${attrs}`;
  }
  if (probe.tcpSocket) return `tcp-socket ${probe.tcpSocket.host ?? ''}:${portText(probe.tcpSocket.port)} ${attrs}`;
  if (probe.grpc) return `grpc <pod>:${probe.grpc.port} ${probe.grpc.service ?? ''} ${attrs}`;
  return `unknown ${attrs}`;
}

function describeState(w: DescribeWriter, title: string, state: ContainerState | undefined): void {
  if (state?.running) {
    w.write(2, `${title}:\tRunning\n`);
    w.write(3, `Started:\t${rfc1123z(state.running.startedAt)}\n`);
  } else if (state?.waiting) {
    w.write(2, `${title}:\tWaiting\n`);
    if (state.waiting.reason) w.write(3, `Reason:\t${state.waiting.reason}\n`);
  } else if (state?.terminated) {
    const t = state.terminated;
    w.write(2, `${title}:\tTerminated\n`);
    if (t.reason) w.write(3, `Reason:\t${t.reason}\n`);
    if (t.message) w.write(3, `Message:\t${t.message}\n`);
    w.write(3, `Exit Code:\t${t.exitCode}\n`);
    if ((t.signal ?? 0) > 0) w.write(3, `Signal:\t${t.signal}\n`);
    w.write(3, `Started:\t${rfc1123z(t.startedAt)}\n`);
    w.write(3, `Finished:\t${rfc1123z(t.finishedAt)}\n`);
  } else {
    w.write(2, `${title}:\tWaiting\n`);
  }
}

/** Resolves a downward-API field path of the pod being described (EnvValueRetriever); templates have none. */
export type FieldResolver = (fieldPath: string) => string;

function resourceFieldValue(container: Container, resource: string): string {
  const [kind, name] = resource.split('.') as ['limits' | 'requests', string];
  const value = container.resources?.[kind]?.[name];
  if (value !== undefined) return String(value);
  // An unset CPU or memory limit means the node's allocatable capacity.
  return kind === 'limits' && (name === 'cpu' || name === 'memory') ? 'node allocatable' : '0';
}

function describeEnv(w: DescribeWriter, container: Container, resolve: FieldResolver | undefined): void {
  if (container.envFrom?.length) {
    w.write(2, 'Environment Variables from:\n');
    for (const e of container.envFrom) {
      const [from, ref] = e.configMapRef ? ['ConfigMap', e.configMapRef] : e.secretRef ? ['Secret', e.secretRef] : ['', undefined];
      const optional = ref?.optional === true;
      if (e.prefix) w.write(3, `${ref?.name ?? ''}\t${from} with prefix '${e.prefix}'\tOptional: ${optional}\n`);
      else w.write(3, `${ref?.name ?? ''}\t${from}\tOptional: ${optional}\n`);
    }
  }
  const env = container.env ?? [];
  w.write(2, `Environment:${env.length ? '' : '\t<none>'}\n`);
  for (const e of env) {
    if (!e.valueFrom) {
      (e.value ?? '').split('\n').forEach((line, i) => w.write(3, i === 0 ? `${e.name}:\t${line}\n` : `\t${line}\n`));
    } else if (e.valueFrom.fieldRef) {
      const ref = e.valueFrom.fieldRef;
      w.write(3, `${e.name}:\t${resolve ? resolve(ref.fieldPath) : ''} (${ref.apiVersion ?? 'v1'}:${ref.fieldPath})\n`);
    } else if (e.valueFrom.resourceFieldRef) {
      const resource = e.valueFrom.resourceFieldRef.resource;
      w.write(3, `${e.name}:\t${resourceFieldValue(container, resource)} (${resource})\n`);
    } else if (e.valueFrom.secretKeyRef) {
      const ref = e.valueFrom.secretKeyRef;
      w.write(3, `${e.name}:\t<set to the key '${ref.key}' in secret '${ref.name ?? ''}'>\tOptional: ${ref.optional === true}\n`);
    } else if (e.valueFrom.configMapKeyRef) {
      const ref = e.valueFrom.configMapKeyRef;
      w.write(3, `${e.name}:\t<set to the key '${ref.key}' of config map '${ref.name ?? ''}'>\tOptional: ${ref.optional === true}\n`);
    }
  }
}

function describeMounts(w: DescribeWriter, container: Container): void {
  const mounts = [...(container.volumeMounts ?? [])].sort((a, b) => (a.mountPath < b.mountPath ? -1 : a.mountPath > b.mountPath ? 1 : 0));
  w.write(2, `Mounts:${mounts.length ? '' : '\t<none>'}\n`);
  for (const m of mounts) {
    const flags = [m.readOnly ? 'ro' : 'rw', ...(m.subPath ? [`path=${JSON.stringify(m.subPath)}`] : [])];
    w.write(3, `${m.mountPath} from ${m.name} (${flags.join(',')})\n`);
  }
}

/** describeContainers: one block per container, its status merged in when the pod has one. */
export function describeContainers(
  w: DescribeWriter,
  label: string,
  containers: readonly Container[],
  statuses: readonly ContainerStatus[] | undefined,
  space: string,
  resolve?: FieldResolver,
): void {
  const byName = new Map((statuses ?? []).map((s) => [s.name, s]));
  w.write(0, `${space}${label}:${containers.length ? '' : ' <none>'}\n`);
  for (const c of containers) {
    const status = byName.get(c.name);
    w.write(1, `${space ? ' ' : ''}${c.name}:\n`);
    if (status) w.write(2, `Container ID:\t${status.containerID ?? ''}\n`);
    w.write(2, `Image:\t${c.image ?? ''}\n`);
    if (status) w.write(2, `Image ID:\t${status.imageID}\n`);
    const ports = (c.ports ?? []).map((p) => `${p.containerPort}/${p.protocol ?? ''}`).join(', ');
    const hostPorts = (c.ports ?? []).map((p) => `${p.hostPort ?? 0}/${p.protocol ?? ''}`).join(', ');
    w.write(2, ports.includes(',') ? `Ports:\t${ports}\n` : `Port:\t${ports || '<none>'}\n`);
    w.write(2, hostPorts.includes(',') ? `Host Ports:\t${hostPorts}\n` : `Host Port:\t${hostPorts || '<none>'}\n`);
    if (c.command?.length) {
      w.write(2, 'Command:\n');
      for (const part of c.command) for (const line of part.split('\n')) w.write(3, `${line}\n`);
    }
    if (c.args?.length) {
      w.write(2, 'Args:\n');
      for (const part of c.args) for (const line of part.split('\n')) w.write(3, `${line}\n`);
    }
    if (status) {
      describeState(w, 'State', status.state);
      if (status.lastState?.terminated) describeState(w, 'Last State', status.lastState);
      w.write(2, `Ready:\t${status.ready ? 'True' : 'False'}\n`);
      w.write(2, `Restart Count:\t${status.restartCount}\n`);
    }
    describeResources(w, c.resources, 2);
    if (c.livenessProbe) w.write(2, `Liveness:\t${probeText(c.livenessProbe)}\n`);
    if (c.readinessProbe) w.write(2, `Readiness:\t${probeText(c.readinessProbe)}\n`);
    if (c.startupProbe) w.write(2, `Startup:\t${probeText(c.startupProbe)}\n`);
    describeEnv(w, c, resolve);
    describeMounts(w, c);
  }
}

/** describeVolumes for the volume sources a teaching cluster uses; others print "<unknown>". */
export function describeVolumes(w: DescribeWriter, volumes: readonly Volume[] | undefined, space: string): void {
  if (!volumes?.length) {
    w.write(0, `${space}Volumes:\t<none>\n`);
    return;
  }
  w.write(0, `${space}Volumes:\n`);
  for (const v of volumes) {
    w.write(1, `${space ? ' ' : ''}${v.name}:\n`);
    if (v.emptyDir) {
      w.write(2, `Type:\tEmptyDir (a temporary directory that shares a pod's lifetime)\n    Medium:\t${v.emptyDir.medium ?? ''}\n    SizeLimit:\t${v.emptyDir.sizeLimit ?? '<unset>'}\n`);
    } else if (v.hostPath) {
      w.write(2, `Type:\tHostPath (bare host directory volume)\n    Path:\t${v.hostPath.path}\n    HostPathType:\t${v.hostPath.type ?? '<none>'}\n`);
    } else if (v.configMap) {
      w.write(2, `Type:\tConfigMap (a volume populated by a ConfigMap)\n    Name:\t${v.configMap.name ?? ''}\n    Optional:\t${v.configMap.optional === true}\n`);
    } else if (v.secret) {
      w.write(2, `Type:\tSecret (a volume populated by a Secret)\n    SecretName:\t${v.secret.secretName ?? ''}\n    Optional:\t${v.secret.optional === true}\n`);
    } else if (v.persistentVolumeClaim) {
      w.write(2, `Type:\tPersistentVolumeClaim (a reference to a PersistentVolumeClaim in the same namespace)\n    ClaimName:\t${v.persistentVolumeClaim.claimName}\n    ReadOnly:\t${v.persistentVolumeClaim.readOnly === true}\n`);
    } else if (v.projected) {
      w.write(2, 'Type:\tProjected (a volume that contains injected data from multiple sources)\n');
      for (const source of v.projected.sources ?? []) {
        if (source.secret) w.write(2, `SecretName:\t${source.secret.name ?? ''}\n    Optional:\t${source.secret.optional === true}\n`);
        else if (source.downwardAPI) w.write(2, 'DownwardAPI:\ttrue\n');
        else if (source.configMap) w.write(2, `ConfigMapName:\t${source.configMap.name ?? ''}\n    Optional:\t${source.configMap.optional === true}\n`);
        else if (source.serviceAccountToken) w.write(2, `TokenExpirationSeconds:\t${source.serviceAccountToken.expirationSeconds ?? 0}\n`);
      }
    } else if (v.downwardAPI) {
      w.write(2, 'Type:\tDownwardAPI (a volume populated by information about the pod)\n    Items:\n');
      for (const item of v.downwardAPI.items ?? []) {
        if (item.fieldRef) w.write(3, `${item.fieldRef.fieldPath} -> ${item.path}\n`);
        if (item.resourceFieldRef) w.write(3, `${item.resourceFieldRef.resource} -> ${item.path}\n`);
      }
    } else if (v.gitRepo) {
      w.write(2, `Type:\tGitRepo (a volume that is pulled from git when the pod is created)\n    Repository:\t${v.gitRepo.repository}\n    Revision:\t${v.gitRepo.revision ?? ''}\n`);
    } else {
      w.write(1, '<unknown>\n');
    }
  }
}

/** DescribePodTemplate: the "Pod Template:" section of workloads. */
export function describePodTemplate(w: DescribeWriter, template: PodTemplateSpec | undefined): void {
  w.write(0, 'Pod Template:\n');
  if (!template) {
    w.write(1, '<unset>\n');
    return;
  }
  const spec = template.spec;
  writeLabels(w, '  Labels', template.metadata?.labels);
  if (Object.keys(template.metadata?.annotations ?? {}).length) writeAnnotations(w, '  Annotations', template.metadata?.annotations);
  if (spec?.serviceAccountName) w.write(1, `Service Account:\t${spec.serviceAccountName}\n`);
  if (spec?.initContainers?.length) describeContainers(w, 'Init Containers', spec.initContainers, undefined, '  ');
  describeContainers(w, 'Containers', spec?.containers ?? [], undefined, '  ');
  describeVolumes(w, spec?.volumes, '  ');
  describeTopologySpread(w, spec?.topologySpreadConstraints, '  ');
  if (spec?.priorityClassName) w.write(1, `Priority Class Name:\t${spec.priorityClassName}\n`);
  writeLabels(w, '  Node-Selectors', spec?.nodeSelector);
  writeTolerations(w, '  Tolerations', spec?.tolerations);
}

/** describeTopologySpreadConstraints: "zone:DoNotSchedule when max skew 1 is exceeded for selector app=web". */
export function describeTopologySpread(w: DescribeWriter, constraints: readonly TopologySpreadConstraint[] | undefined, space: string): void {
  if (!constraints?.length) return;
  const sorted = [...constraints].sort((a, b) => (a.topologyKey < b.topologyKey ? -1 : a.topologyKey > b.topologyKey ? 1 : 0));
  w.write(0, `${space}Topology Spread Constraints:\t`);
  sorted.forEach((c, i) => {
    if (i !== 0) w.write(0, `${space}\t`);
    const selector = c.labelSelector ? ` for selector ${formatLabelSelector(c.labelSelector)}` : '';
    w.write(0, `${c.topologyKey}:${c.whenUnsatisfiable} when max skew ${c.maxSkew} is exceeded${selector}\n`);
  });
}
