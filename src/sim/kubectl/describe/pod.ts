/** `kubectl describe pod` (describePod). */
import { qosClass } from '../../api/admission';
import type { KubeObject } from '../../api/object';
import type { ApiServer } from '../../api/server';
import type { Pod } from '../../api/types';
import { age, rfc1123z } from '../duration';
import { describeContainers, describeTopologySpread, describeVolumes, type FieldResolver } from './containers';
import { controllerText, DescribeWriter, eventsFor, writeAnnotations, writeEvents, writeLabels, writeTolerations } from './writer';

/** The downward-API fields describe resolves for env values. */
function fieldResolver(pod: Pod): FieldResolver {
  const fields: Record<string, string | undefined> = {
    'metadata.name': pod.metadata?.name,
    'metadata.namespace': pod.metadata?.namespace,
    'metadata.uid': pod.metadata?.uid,
    'spec.nodeName': pod.spec?.nodeName,
    'spec.serviceAccountName': pod.spec?.serviceAccountName,
    'status.hostIP': pod.status?.hostIP,
    'status.podIP': pod.status?.podIP,
  };
  return (path) => fields[path] ?? '';
}

export function describePod(api: ApiServer, obj: KubeObject, now: number): string {
  const pod = obj as Pod;
  const spec = pod.spec;
  const status = pod.status ?? {};
  const w = new DescribeWriter();
  w.write(0, `Name:\t${pod.metadata?.name ?? ''}\n`);
  w.write(0, `Namespace:\t${pod.metadata?.namespace ?? ''}\n`);
  if (spec?.priority !== undefined && spec.priority !== null) w.write(0, `Priority:\t${spec.priority}\n`);
  if (spec?.priorityClassName) w.write(0, `Priority Class Name:\t${spec.priorityClassName}\n`);
  if (spec?.runtimeClassName) w.write(0, `Runtime Class Name:\t${spec.runtimeClassName}\n`);
  if (spec?.serviceAccountName) w.write(0, `Service Account:\t${spec.serviceAccountName}\n`);
  w.write(0, spec?.nodeName ? `Node:\t${spec.nodeName}/${status.hostIP ?? ''}\n` : 'Node:\t<none>\n');
  if (status.startTime) w.write(0, `Start Time:\t${rfc1123z(status.startTime)}\n`);
  writeLabels(w, 'Labels', pod.metadata?.labels);
  writeAnnotations(w, 'Annotations', pod.metadata?.annotations);
  if (pod.metadata?.deletionTimestamp && status.phase !== 'Failed' && status.phase !== 'Succeeded') {
    // The deletion timestamp lies in the future during the grace period, so real kubectl prints
    // "Terminating (lasts <invalid>)" until it passes; so do we.
    w.write(0, `Status:\tTerminating (lasts ${age(pod.metadata.deletionTimestamp, now)})\n`);
    w.write(0, `Termination Grace Period:\t${pod.metadata.deletionGracePeriodSeconds ?? 0}s\n`);
  } else {
    w.write(0, `Status:\t${status.phase ?? ''}\n`);
  }
  if (status.reason) w.write(0, `Reason:\t${status.reason}\n`);
  if (status.message) w.write(0, `Message:\t${status.message}\n`);
  const seccomp = spec?.securityContext?.seccompProfile;
  if (seccomp) {
    w.write(0, `SeccompProfile:\t${seccomp.type}\n`);
    if (seccomp.type === 'Localhost') w.write(0, `LocalhostProfile:\t${seccomp.localhostProfile ?? ''}\n`);
  }
  w.write(0, `IP:\t${status.podIP ?? ''}\n`);
  if (status.podIPs?.length) {
    w.write(0, 'IPs:\n');
    for (const ip of status.podIPs) w.write(1, `IP:\t${ip.ip}\n`);
  } else {
    w.write(0, 'IPs:\t<none>\n');
  }
  const controller = controllerText(obj);
  if (controller) w.write(0, `Controlled By:\t${controller}\n`);
  if (status.nominatedNodeName) w.write(0, `NominatedNodeName:\t${status.nominatedNodeName}\n`);
  const resolve = fieldResolver(pod);
  if (spec?.initContainers?.length) describeContainers(w, 'Init Containers', spec.initContainers, status.initContainerStatuses, '', resolve);
  describeContainers(w, 'Containers', spec?.containers ?? [], status.containerStatuses, '', resolve);
  if (spec?.readinessGates?.length) {
    w.write(0, 'Readiness Gates:\n  Type\tStatus\n');
    for (const g of spec.readinessGates) {
      const condition = status.conditions?.find((c) => c.type === g.conditionType);
      w.write(1, `${g.conditionType} \t${condition ? condition.status : '<none>'} \n`);
    }
  }
  if (status.conditions?.length) {
    w.write(0, 'Conditions:\n  Type\tStatus\n');
    for (const c of status.conditions) w.write(1, `${c.type} \t${c.status} \n`);
  }
  describeVolumes(w, spec?.volumes, '');
  w.write(0, `QoS Class:\t${status.qosClass || qosClass(pod)}\n`);
  writeLabels(w, 'Node-Selectors', spec?.nodeSelector);
  writeTolerations(w, 'Tolerations', spec?.tolerations);
  describeTopologySpread(w, spec?.topologySpreadConstraints, '');
  writeEvents(w, eventsFor(api, obj, { matchKind: false }), now);
  return w.toString();
}
