import { describe, expect, it } from 'vitest';
import { applyDefaults } from '../defaults';
import type { KubeObject } from '../object';
import type { DaemonSet, StatefulSet } from '../types';
import { validateObject } from '.';

const template = { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'app', image: 'nginx' }] } };
const statefulSet = (spec: Partial<NonNullable<StatefulSet['spec']>> = {}, name = 'web'): KubeObject => {
  const obj = { apiVersion: 'apps/v1', kind: 'StatefulSet', metadata: { name }, spec: { serviceName: 'web', selector: { matchLabels: { app: 'web' } }, template, ...spec } };
  applyDefaults(obj);
  return obj;
};
const daemonSet = (spec: Partial<NonNullable<DaemonSet['spec']>> = {}): KubeObject => {
  const obj = { apiVersion: 'apps/v1', kind: 'DaemonSet', metadata: { name: 'agent' }, spec: { selector: { matchLabels: { app: 'web' } }, template, ...spec } };
  applyDefaults(obj);
  return obj;
};
const errors = (obj: KubeObject, old?: KubeObject) => validateObject(obj, old).map((e) => `${e.field}: ${e.message}`);

describe('StatefulSet validation (k8s-semantics §7.5, §12.2)', () => {
  it('accepts a defaulted StatefulSet', () => {
    expect(errors(statefulSet())).toEqual([]);
  });

  it('names must be DNS-1123 labels', () => {
    expect(errors(statefulSet({}, 'Web'))).toEqual([
      `metadata.name: Invalid value: "Web": a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')`,
    ]);
  });

  it('checks the update strategy and the partition', () => {
    expect(errors(statefulSet({ updateStrategy: { type: 'Sometimes' } }))).toEqual([
      `spec.updateStrategy: Invalid value: apps.StatefulSetUpdateStrategy{Type:"Sometimes", RollingUpdate:(*apps.RollingUpdateStatefulSetStrategy)(nil)}: must be 'RollingUpdate' or 'OnDelete'`,
    ]);
    expect(errors(statefulSet({ updateStrategy: { type: 'OnDelete', rollingUpdate: { partition: 1 } } }))).toEqual([
      `spec.updateStrategy.rollingUpdate: Invalid value: apps.RollingUpdateStatefulSetStrategy{Partition:1, MaxUnavailable:(*intstr.IntOrString)(nil)}: only allowed for updateStrategy 'RollingUpdate'`,
    ]);
    expect(errors(statefulSet({ updateStrategy: { type: 'RollingUpdate', rollingUpdate: { partition: -1 } } }))).toEqual([
      'spec.updateStrategy.rollingUpdate.partition: Invalid value: -1: must be greater than or equal to 0',
    ]);
  });

  it('checks the claim retention policy', () => {
    expect(errors(statefulSet({ persistentVolumeClaimRetentionPolicy: { whenDeleted: 'Keep', whenScaled: 'Delete' } }))).toEqual([
      'spec.persistentVolumeClaimRetentionPolicy.whenDeleted: Unsupported value: "Keep": supported values: "Delete", "Retain"',
    ]);
  });

  it('lets replicas, template, updateStrategy, retention and minReadySeconds change, and nothing else', () => {
    const old = statefulSet();
    const changed = statefulSet({ replicas: 5, minReadySeconds: 3, template: { ...template, spec: { containers: [{ name: 'app', image: 'nginx:2' }] } }, updateStrategy: { type: 'OnDelete' } });
    expect(errors(changed, old)).toEqual([]);
    expect(errors(statefulSet({ podManagementPolicy: 'Parallel' }), old)).toEqual([
      "spec: Forbidden: updates to statefulset spec for fields other than 'replicas', 'ordinals', 'template', 'updateStrategy', 'persistentVolumeClaimRetentionPolicy' and 'minReadySeconds' are forbidden",
    ]);
  });

  it('forbids activeDeadlineSeconds in the template', () => {
    expect(errors(statefulSet({ template: { ...template, spec: { ...template.spec, activeDeadlineSeconds: 30 } } }))).toEqual([
      'spec.template.spec.activeDeadlineSeconds: Forbidden: activeDeadlineSeconds in StatefulSet is not Supported',
    ]);
  });
});

describe('DaemonSet validation (k8s-semantics §8, §12.3)', () => {
  it('accepts a defaulted DaemonSet', () => {
    expect(errors(daemonSet())).toEqual([]);
  });

  it('validates the template as a pod template, with restartPolicy Always and no deadline', () => {
    const bad = daemonSet({ template: { ...template, spec: { restartPolicy: 'OnFailure', activeDeadlineSeconds: 30, containers: [{ name: 'app' }] } } });
    expect(errors(bad)).toEqual([
      'spec.template.spec.containers[0].image: Required value',
      'spec.template.spec.restartPolicy: Unsupported value: "OnFailure": supported values: "Always"',
      'spec.template.spec.activeDeadlineSeconds: Invalid value: 30: activeDeadlineSeconds must be nil for DaemonSets',
    ]);
  });

  it('rejects an unknown strategy and percentages over 100%', () => {
    expect(errors(daemonSet({ updateStrategy: { type: 'Sometimes' } }))).toEqual([
      'spec.updateStrategy: Unsupported value: apps.DaemonSetUpdateStrategy{Type:"Sometimes", RollingUpdate:(*apps.RollingUpdateDaemonSet)(nil)}: supported values: "RollingUpdate", "OnDelete"',
    ]);
    expect(errors(daemonSet({ updateStrategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: '150%' } } }))).toEqual([
      'spec.updateStrategy.rollingUpdate.maxUnavailable: Invalid value: intstr.IntOrString{Type:1, IntVal:0, StrVal:"150%"}: must not be greater than 100%',
    ]);
  });

  it('keeps the selector immutable', () => {
    const moved = daemonSet({ selector: { matchLabels: { app: 'web', tier: 'x' } }, template: { ...template, metadata: { labels: { app: 'web', tier: 'x' } } } });
    expect(errors(moved, daemonSet())).toEqual([
      'spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string{"app":"web", "tier":"x"}, MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: field is immutable',
    ]);
  });
});
