/**
 * The Kubernetes object types of kubernetes-types, made writable: controllers build and edit
 * copies of objects before writing them back, which the library's readonly fields forbid.
 */
import type * as apps from 'kubernetes-types/apps/v1';
import type * as autoscaling from 'kubernetes-types/autoscaling/v2';
import type * as batch from 'kubernetes-types/batch/v1';
import type * as core from 'kubernetes-types/core/v1';
import type * as discovery from 'kubernetes-types/discovery/v1';
import type * as networking from 'kubernetes-types/networking/v1';
import type * as meta from 'kubernetes-types/meta/v1';
import type * as storage from 'kubernetes-types/storage/v1';

export type Mutable<T> = T extends (infer U)[] | readonly (infer U)[]
  ? Mutable<U>[]
  : T extends object
    ? { -readonly [K in keyof T]: Mutable<T[K]> }
    : T;

export type ObjectMeta = Mutable<meta.ObjectMeta>;
export type OwnerReference = Mutable<meta.OwnerReference>;
export type LabelSelector = Mutable<meta.LabelSelector>;
export type LabelSelectorRequirement = Mutable<meta.LabelSelectorRequirement>;

export type Pod = Mutable<core.Pod>;
export type PodSpec = Mutable<core.PodSpec>;
export type PodStatus = Mutable<core.PodStatus>;
export type PodCondition = Mutable<core.PodCondition>;
export type PodTemplateSpec = Mutable<core.PodTemplateSpec>;
export type Container = Mutable<core.Container>;
export type ContainerStatus = Mutable<core.ContainerStatus>;
export type Probe = Mutable<core.Probe>;
export type Toleration = Mutable<core.Toleration>;
export type Taint = Mutable<core.Taint>;
export type Node = Mutable<core.Node>;
export type NodeSelectorTerm = Mutable<core.NodeSelectorTerm>;
export type NodeCondition = Mutable<core.NodeCondition>;
export type NodeSelectorRequirement = Mutable<core.NodeSelectorRequirement>;
export type Namespace = Mutable<core.Namespace>;
export type Event = Mutable<core.Event>;
export type Service = Mutable<core.Service>;
export type ServicePort = Mutable<core.ServicePort>;
export type Endpoints = Mutable<core.Endpoints>;
export type EndpointAddress = Mutable<core.EndpointAddress>;
export type EndpointSlice = Mutable<discovery.EndpointSlice>;
export type Endpoint = Mutable<discovery.Endpoint>;
export type EndpointPort = Mutable<discovery.EndpointPort>;
export type Ingress = Mutable<networking.Ingress>;
export type IngressBackend = Mutable<networking.IngressBackend>;
export type IngressClass = Mutable<networking.IngressClass>;
export type HorizontalPodAutoscaler = Mutable<autoscaling.HorizontalPodAutoscaler>;
export type HorizontalPodAutoscalerCondition = Mutable<autoscaling.HorizontalPodAutoscalerCondition>;

export type Deployment = Mutable<apps.Deployment>;
export type DeploymentStatus = Mutable<apps.DeploymentStatus>;
export type DeploymentCondition = Mutable<apps.DeploymentCondition>;
export type DeploymentStrategy = Mutable<apps.DeploymentStrategy>;
export type ReplicaSet = Mutable<apps.ReplicaSet>;
export type ReplicaSetCondition = Mutable<apps.ReplicaSetCondition>;
export type StatefulSet = Mutable<apps.StatefulSet>;
export type StatefulSetCondition = Mutable<apps.StatefulSetCondition>;
export type DaemonSet = Mutable<apps.DaemonSet>;
export type DaemonSetCondition = Mutable<apps.DaemonSetCondition>;
export type StatefulSetStatus = Mutable<apps.StatefulSetStatus>;
export type DaemonSetStatus = Mutable<apps.DaemonSetStatus>;
export type ControllerRevision = Mutable<apps.ControllerRevision>;

export type Job = Mutable<batch.Job>;
export type JobCondition = Mutable<batch.JobCondition>;
export type CronJob = Mutable<batch.CronJob>;
export type JobSpec = Mutable<batch.JobSpec>;

export type ConfigMap = Mutable<core.ConfigMap>;
export type Secret = Mutable<core.Secret>;
export type ServiceAccount = Mutable<core.ServiceAccount>;
export type Volume = Mutable<core.Volume>;
export type Affinity = Mutable<core.Affinity>;
export type VolumeMount = Mutable<core.VolumeMount>;
export type EnvVar = Mutable<core.EnvVar>;
export type PersistentVolume = Mutable<core.PersistentVolume>;
export type PersistentVolumeClaim = Mutable<core.PersistentVolumeClaim>;
export type LimitRange = Mutable<core.LimitRange>;
export type ResourceQuota = Mutable<core.ResourceQuota>;
export type StorageClass = Mutable<storage.StorageClass>;
