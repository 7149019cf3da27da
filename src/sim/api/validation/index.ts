import { clone } from '../object';
import type { Deployment, Ingress, Pod, ReplicaSet, Service } from '../types';
import type { FieldError } from '../errors';
import type { KubeObject } from '../object';
import type { ConfigMap, Secret } from '../types';
import { validateConfigMap, validateSecret } from './config';
import { deepEqual } from '../../util/equal';
import { validateDeployment, validateReplicaSet } from './apps';
import { validateObjectMeta } from './meta';
import { validatePodSpec } from './pod';
import { validateIngress } from './ingress';
import { validateService } from './service';
import type { NameFormat } from './names';
import type { PersistentVolume, PersistentVolumeClaim, StorageClass } from '../types';
import { validatePersistentVolume, validatePersistentVolumeClaim, validateStorageClass } from './storage';
import type { CronJob, Job } from '../types';
import { validateCronJob, validateJob } from './batch';
import type { DaemonSet, StatefulSet } from '../types';
import { validateDaemonSet, validateStatefulSet } from './apps-workloads';
import type { ResourceQuota } from '../types';
import { validateResourceQuota } from './quota';

const NAME_FORMAT: Record<string, NameFormat> = { Namespace: 'label', Service: 'dns1035', StatefulSet: 'label' };

// k8s-semantics §12.3: the only pod spec fields an update may change (v1.32).
const POD_UPDATE_FORBIDDEN =
  'Forbidden: pod updates may not change fields other than `spec.containers[*].image`,`spec.initContainers[*].image`,`spec.activeDeadlineSeconds`,`spec.tolerations` (only additions to existing tolerations),`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)';

function mutablePodFieldsCleared(pod: Pod): unknown {
  const spec = clone(pod.spec ?? { containers: [] });
  for (const c of spec.containers ?? []) c.image = '';
  for (const c of spec.initContainers ?? []) c.image = '';
  delete spec.activeDeadlineSeconds;
  delete spec.tolerations;
  delete spec.terminationGracePeriodSeconds;
  return spec;
}

function validatePod(pod: Pod, old: Pod | undefined, errors: FieldError[]): void {
  validatePodSpec(pod.spec, 'spec', errors);
  if (old && !deepEqual(mutablePodFieldsCleared(pod), mutablePodFieldsCleared(old))) {
    errors.push({ field: 'spec', message: POD_UPDATE_FORBIDDEN });
  }
}

/** The apiserver's semantic validation (after schema decoding) for a create or an update. */
export function validateObject(obj: KubeObject, old: KubeObject | undefined): FieldError[] {
  const errors: FieldError[] = [];
  validateObjectMeta(obj.metadata, NAME_FORMAT[obj.kind] ?? 'subdomain', errors);
  switch (obj.kind) {
    case 'ConfigMap':
      validateConfigMap(obj as ConfigMap, old as ConfigMap | undefined, errors);
      break;
    case 'Secret':
      validateSecret(obj as Secret, old as Secret | undefined, errors);
      break;
    case 'Pod':
      validatePod(obj as Pod, old as Pod | undefined, errors);
      break;
    case 'Deployment':
      validateDeployment(obj as Deployment, old as Deployment | undefined, errors);
      break;
    case 'ReplicaSet':
      validateReplicaSet(obj as ReplicaSet, old as ReplicaSet | undefined, errors);
      break;
    case 'Service':
      validateService(obj as Service, errors);
      break;
    case 'Ingress':
      validateIngress(obj as Ingress, errors);
      break;
    case 'Job':
      validateJob(obj as Job, old as Job | undefined, errors);
      break;
    case 'CronJob':
      validateCronJob(obj as CronJob, old as CronJob | undefined, errors);
      break;
    case 'StatefulSet':
      validateStatefulSet(obj as StatefulSet, old as StatefulSet | undefined, errors);
      break;
    case 'DaemonSet':
      validateDaemonSet(obj as DaemonSet, old as DaemonSet | undefined, errors);
      break;
    case 'PersistentVolume':
      validatePersistentVolume(obj as PersistentVolume, old as PersistentVolume | undefined, errors);
      break;
    case 'PersistentVolumeClaim':
      validatePersistentVolumeClaim(obj as PersistentVolumeClaim, old as PersistentVolumeClaim | undefined, errors);
      break;
    case 'StorageClass':
      validateStorageClass(obj as StorageClass, old as StorageClass | undefined, errors);
      break;
    case 'ResourceQuota':
      validateResourceQuota(obj as ResourceQuota, errors);
      break;
  }
  return errors;
}
