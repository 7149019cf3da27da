/** API defaulting (SetDefaults_*), run on every create and update before validation. */
import type { Container, Deployment, HorizontalPodAutoscaler, Pod, PodSpec, PodTemplateSpec, Probe, ReplicaSet, Service } from './types';
import type { KubeObject } from './object';
import { defaultPodVolumes } from './volume-defaults';
import type { Secret } from './types';
import { defaultSecret } from './config-defaults';
import type { CronJob, Job } from './types';
import { defaultCronJob, defaultJob } from './batch-defaults';
import type { DaemonSet, StatefulSet } from './types';
import { defaultDaemonSet, defaultStatefulSet } from './workload-defaults';
import type { LimitRange, Namespace } from './types';
import { defaultLimitRange } from './limitrange';
import { defaultNamespace } from './namespace';
import type { PersistentVolume, PersistentVolumeClaim, StorageClass } from './types';
import { defaultPersistentVolume, defaultPersistentVolumeClaim, defaultStorageClass } from './storage-defaults';

function defaultProbe(probe: Probe | undefined): void {
  if (!probe) return;
  probe.timeoutSeconds ??= 1;
  probe.periodSeconds ??= 10;
  probe.successThreshold ??= 1;
  probe.failureThreshold ??= 3;
  if (probe.httpGet) {
    probe.httpGet.path ||= '/';
    probe.httpGet.scheme ||= 'HTTP';
  }
}

/** k8s-semantics §4.1: no tag or ":latest" pulls Always, anything else IfNotPresent. */
export function defaultPullPolicy(image: string): 'Always' | 'IfNotPresent' {
  if (image.includes('@')) return 'IfNotPresent';
  const lastSegment = image.slice(image.lastIndexOf('/') + 1);
  const colon = lastSegment.lastIndexOf(':');
  const tag = colon >= 0 ? lastSegment.slice(colon + 1) : '';
  return tag === '' || tag === 'latest' ? 'Always' : 'IfNotPresent';
}

function defaultContainer(c: Container): void {
  c.imagePullPolicy ??= defaultPullPolicy(c.image ?? '');
  c.terminationMessagePath ??= '/dev/termination-log';
  c.terminationMessagePolicy ??= 'File';
  c.resources ??= {};
  for (const port of c.ports ?? []) port.protocol ??= 'TCP';
  for (const env of c.env ?? []) if (env.valueFrom?.fieldRef) env.valueFrom.fieldRef.apiVersion ||= 'v1';
  defaultProbe(c.livenessProbe);
  defaultProbe(c.readinessProbe);
  defaultProbe(c.startupProbe);
}

function defaultPodSpec(spec: PodSpec): void {
  spec.restartPolicy ??= 'Always';
  spec.dnsPolicy ??= 'ClusterFirst';
  spec.schedulerName ??= 'default-scheduler';
  spec.terminationGracePeriodSeconds ??= 30;
  spec.securityContext ??= {};
  for (const c of spec.containers ?? []) defaultContainer(c);
  for (const c of spec.initContainers ?? []) defaultContainer(c);
  defaultPodVolumes(spec);
}

function defaultTemplate(template: PodTemplateSpec | undefined): void {
  if (template?.spec) defaultPodSpec(template.spec);
}

/** SetDefaults_Pod: on pods only (not templates), a limit with no request sets the request. */
function defaultPod(pod: Pod): void {
  if (!pod.spec) return;
  defaultPodSpec(pod.spec);
  for (const c of [...(pod.spec.containers ?? []), ...(pod.spec.initContainers ?? [])]) {
    const limits = c.resources?.limits;
    if (!limits) continue;
    c.resources!.requests ??= {};
    for (const [res, q] of Object.entries(limits)) c.resources!.requests[res] ??= q;
  }
  pod.spec.enableServiceLinks ??= true;
}

function defaultDeployment(d: Deployment): void {
  if (!d.spec) return;
  d.spec.replicas ??= 1;
  d.spec.strategy ??= {};
  d.spec.strategy.type ??= 'RollingUpdate';
  if (d.spec.strategy.type === 'RollingUpdate') {
    d.spec.strategy.rollingUpdate ??= {};
    d.spec.strategy.rollingUpdate.maxUnavailable ??= '25%';
    d.spec.strategy.rollingUpdate.maxSurge ??= '25%';
  }
  d.spec.revisionHistoryLimit ??= 10;
  d.spec.progressDeadlineSeconds ??= 600;
  defaultTemplate(d.spec.template);
}

/** SetDefaults_Service (k8s-semantics §6.1). */
function defaultService(svc: Service): void {
  const spec = (svc.spec ??= {});
  spec.type ??= 'ClusterIP';
  spec.sessionAffinity ??= 'None';
  if (spec.sessionAffinity === 'ClientIP') {
    spec.sessionAffinityConfig ??= {};
    spec.sessionAffinityConfig.clientIP ??= {};
    spec.sessionAffinityConfig.clientIP.timeoutSeconds ??= 10800;
  }
  for (const port of spec.ports ?? []) {
    port.protocol ??= 'TCP';
    // SetDefaults_Service: an unset (0 or "") targetPort is the port, which is 0 if that is missing too.
    if (!port.targetPort) port.targetPort = port.port ?? 0;
  }
  if (spec.type === 'NodePort' || spec.type === 'LoadBalancer') spec.externalTrafficPolicy ??= 'Cluster';
  if (spec.type === 'LoadBalancer') spec.allocateLoadBalancerNodePorts ??= true;
  if (spec.type !== 'ExternalName') {
    spec.internalTrafficPolicy ??= 'Cluster';
    spec.ipFamilyPolicy ??= 'SingleStack';
    spec.ipFamilies ??= ['IPv4'];
  }
}

/** SetDefaults_HorizontalPodAutoscaler (autoscaling/v2): 80 % CPU, min 1, and the default behavior. */
function defaultHpa(hpa: HorizontalPodAutoscaler): void {
  const spec = hpa.spec;
  if (!spec) return;
  spec.minReplicas ??= 1;
  if (!spec.metrics?.length) spec.metrics = [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 80 } } }];
  spec.behavior ??= {};
  spec.behavior.scaleUp ??= {};
  spec.behavior.scaleUp.stabilizationWindowSeconds ??= 0;
  spec.behavior.scaleUp.selectPolicy ??= 'Max';
  spec.behavior.scaleUp.policies ??= [
    { type: 'Pods', value: 4, periodSeconds: 15 },
    { type: 'Percent', value: 100, periodSeconds: 15 },
  ];
  spec.behavior.scaleDown ??= {};
  spec.behavior.scaleDown.selectPolicy ??= 'Max';
  spec.behavior.scaleDown.policies ??= [{ type: 'Percent', value: 100, periodSeconds: 15 }];
}

function defaultReplicaSet(rs: ReplicaSet): void {
  if (!rs.spec) return;
  rs.spec.replicas ??= 1;
  defaultTemplate(rs.spec.template);
}

export function applyDefaults(obj: KubeObject): void {
  switch (obj.kind) {
    case 'Secret':
      defaultSecret(obj as Secret);
      break;
    case 'Pod':
      defaultPod(obj as Pod);
      break;
    case 'Deployment':
      defaultDeployment(obj as Deployment);
      break;
    case 'ReplicaSet':
      defaultReplicaSet(obj as ReplicaSet);
      break;
    case 'Service':
      defaultService(obj as Service);
      break;
    case 'HorizontalPodAutoscaler':
      defaultHpa(obj as HorizontalPodAutoscaler);
      break;
    case 'Job':
      defaultJob(obj as Job);
      defaultTemplate((obj as Job).spec?.template);
      break;
    case 'CronJob':
      defaultCronJob(obj as CronJob);
      defaultTemplate((obj as CronJob).spec?.jobTemplate.spec?.template);
      break;
    case 'LimitRange':
      defaultLimitRange(obj as LimitRange);
      break;
    case 'Namespace':
      defaultNamespace(obj as Namespace);
      break;
    case 'StatefulSet':
      defaultStatefulSet(obj as StatefulSet);
      defaultTemplate((obj as StatefulSet).spec?.template);
      break;
    case 'PersistentVolume':
      defaultPersistentVolume(obj as PersistentVolume);
      break;
    case 'PersistentVolumeClaim':
      defaultPersistentVolumeClaim(obj as PersistentVolumeClaim);
      break;
    case 'StorageClass':
      defaultStorageClass(obj as StorageClass);
      break;
    case 'DaemonSet':
      defaultDaemonSet(obj as DaemonSet);
      defaultTemplate((obj as DaemonSet).spec?.template);
      break;
  }
}
