import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateSchemas, SCHEMA_DIR } from '../../../scripts/gen-k8s-schema';
import { decodeError, decodeProblems, schemaFieldErrors } from './schema';

type Obj = Record<string, unknown>;

function deployment(container: Obj = {}, spec: Obj = {}): Obj {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'web', labels: { app: 'web' } },
    spec: {
      replicas: 3,
      selector: { matchLabels: { app: 'web' } },
      strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%', maxUnavailable: 1 } },
      template: {
        metadata: { labels: { app: 'web' } },
        spec: { containers: [{ name: 'nginx', image: 'nginx:1.27', ports: [{ containerPort: 80 }], ...container }] },
      },
      ...spec,
    },
  };
}

const pod: Obj = {
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name: 'p', namespace: 'default', creationTimestamp: null },
  spec: {
    containers: [{
      name: 'app',
      image: 'busybox',
      command: ['sh', '-c', 'sleep 3600'],
      env: [{ name: 'MODE', value: 'prod' }],
      resources: { requests: { cpu: '250m', memory: '64Mi' }, limits: { cpu: 1, memory: '128Mi' } },
      readinessProbe: { httpGet: { path: '/', port: 'http' }, periodSeconds: 5 },
    }],
    terminationGracePeriodSeconds: 30,
    tolerations: [{ key: 'k', operator: 'Exists', effect: 'NoSchedule' }],
  },
  status: { phase: 'Running', conditions: [{ type: 'Ready', status: 'True' }] },
};

const service: Obj = {
  apiVersion: 'v1',
  kind: 'Service',
  metadata: { name: 'web' },
  spec: { type: 'NodePort', selector: { app: 'web' }, ports: [{ port: 80, targetPort: 8080, nodePort: 30080 }] },
};

const prefix = 'Deployment in version "v1" cannot be handled as a Deployment: ';

describe('decodeError: wrong JSON types', () => {
  it('names the Go struct field and type for a string where an int32 is wanted', () => {
    expect(decodeError(deployment({}, { replicas: '3' }))).toBe(
      `${prefix}json: cannot unmarshal string into Go struct field DeploymentSpec.spec.replicas of type int32`,
    );
  });

  it('paths the field from the root without array indexes', () => {
    expect(decodeError(deployment({ ports: [{ containerPort: '80' }] }))).toBe(
      `${prefix}json: cannot unmarshal string into Go struct field ContainerPort.spec.template.spec.containers.ports.containerPort of type int32`,
    );
  });

  it('names the number when a fraction is given for an int', () => {
    expect(decodeError(deployment({}, { replicas: 1.5 }))).toBe(
      `${prefix}json: cannot unmarshal number 1.5 into Go struct field DeploymentSpec.spec.replicas of type int32`,
    );
  });

  it('uses int64 for the *Seconds fields that are int64 in Go', () => {
    const p = { ...pod, spec: { ...(pod.spec as Obj), terminationGracePeriodSeconds: '30' } };
    expect(decodeError(p)).toBe(
      'Pod in version "v1" cannot be handled as a Pod: json: cannot unmarshal string into Go struct field PodSpec.spec.terminationGracePeriodSeconds of type int64',
    );
  });

  it('reports an unquoted number in an env value as Go does', () => {
    expect(decodeError(deployment({ env: [{ name: 'PORT', value: 8080 }] }))).toBe(
      `${prefix}json: cannot unmarshal number into Go struct field EnvVar.spec.template.spec.containers.env.value of type string`,
    );
  });

  it('reports a number label value in the map field\'s context', () => {
    const d = deployment();
    d.metadata = { name: 'web', labels: { version: 1 } };
    expect(decodeError(d)).toBe(`${prefix}json: cannot unmarshal number into Go struct field ObjectMeta.metadata.labels of type string`);
  });

  it('prints Go type names for structs, slices and named types', () => {
    expect(decodeError(deployment({}, { template: 'x' }))).toBe(
      `${prefix}json: cannot unmarshal string into Go struct field DeploymentSpec.spec.template of type v1.PodTemplateSpec`,
    );
    expect(decodeError(deployment({ args: '--verbose' }))).toBe(
      `${prefix}json: cannot unmarshal string into Go struct field Container.spec.template.spec.containers.args of type []string`,
    );
    const pvc = { apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata: { name: 'c' }, spec: { accessModes: 'ReadWriteOnce' } };
    expect(decodeError(pvc)).toBe(
      'PersistentVolumeClaim in version "v1" cannot be handled as a PersistentVolumeClaim: json: cannot unmarshal string into Go struct field PersistentVolumeClaimSpec.spec.accessModes of type []v1.PersistentVolumeAccessMode',
    );
  });

  it('says "bool", "array" and "object" as Go does', () => {
    expect(decodeError(deployment({}, { replicas: true }))).toContain('cannot unmarshal bool into Go struct field DeploymentSpec.spec.replicas');
    expect(decodeError(deployment({}, { replicas: [3] }))).toContain('cannot unmarshal array into Go struct field DeploymentSpec.spec.replicas');
    expect(decodeError(deployment({ image: { name: 'x' } }))).toContain('cannot unmarshal object into Go struct field Container.spec.template.spec.containers.image of type string');
  });

  it('takes the version part of apiVersion and keeps core kinds bare', () => {
    expect(decodeError({ ...service, spec: { ports: [{ port: '80' }] } })).toBe(
      'Service in version "v1" cannot be handled as a Service: json: cannot unmarshal string into Go struct field ServicePort.spec.ports.port of type int32',
    );
    const job = { apiVersion: 'batch/v1', kind: 'Job', metadata: { name: 'j' }, spec: { backoffLimit: 'six' } };
    expect(decodeError(job)).toBe(
      'Job in version "v1" cannot be handled as a Job: json: cannot unmarshal string into Go struct field JobSpec.spec.backoffLimit of type int32',
    );
  });
});

describe('decodeError: unknown fields (strict decoding)', () => {
  it('reports an unknown field with its indexed path', () => {
    expect(decodeError(deployment({ imagePullPolice: 'Always' }))).toBe(
      `${prefix}strict decoding error: unknown field "spec.template.spec.containers[0].imagePullPolice"`,
    );
  });

  it('joins several unknown fields with ", " in the order the apiserver meets them (sorted JSON keys)', () => {
    const d = { ...deployment({ imagePullPolice: 'Always' }, { foo: 1 }), bar: true };
    expect(decodeError(d)).toBe(
      `${prefix}strict decoding error: unknown field "bar", unknown field "spec.foo", unknown field "spec.template.spec.containers[0].imagePullPolice"`,
    );
  });

  it('lets the type error win over unknown fields', () => {
    expect(decodeError(deployment({ imagePullPolice: 'Always' }, { replicas: '3' }))).toBe(
      `${prefix}json: cannot unmarshal string into Go struct field DeploymentSpec.spec.replicas of type int32`,
    );
  });

  it('is case-sensitive, as the apiserver is', () => {
    expect(decodeError(deployment({}, { Replicas: 3 }))).toBe(`${prefix}strict decoding error: unknown field "spec.Replicas"`);
  });

  it('lists the problems with their paths for editors and --validate=warn', () => {
    expect(decodeProblems(deployment({ imagePullPolice: 'Always' }))).toEqual([
      { path: 'spec.template.spec.containers[0].imagePullPolice', message: 'unknown field "spec.template.spec.containers[0].imagePullPolice"' },
    ]);
    expect(decodeProblems(deployment({ ports: [{ containerPort: '80' }] }))[0].path).toBe('spec.template.spec.containers[0].ports[0].containerPort');
  });
});

describe('decodeError: valid objects and Kubernetes scalar types', () => {
  it('accepts a valid Deployment, Pod and Service', () => {
    for (const obj of [deployment(), pod, service]) {
      expect(decodeError(obj)).toBeUndefined();
      expect(schemaFieldErrors(obj)).toEqual([]);
    }
  });

  it('accepts IntOrString as a number or a string', () => {
    expect(decodeError({ ...service, spec: { ports: [{ port: 80, targetPort: 'http' }] } })).toBeUndefined();
    expect(decodeError(deployment({}, { strategy: { rollingUpdate: { maxSurge: 1, maxUnavailable: '0%' } } }))).toBeUndefined();
  });

  it('refuses a fraction or a bool in an IntOrString as IntOrString.UnmarshalJSON does', () => {
    expect(decodeError(deployment({}, { strategy: { rollingUpdate: { maxSurge: 1.5 } } }))).toBe(
      `${prefix}json: cannot unmarshal number 1.5 into Go value of type int32`,
    );
    expect(decodeError({ ...service, spec: { ports: [{ port: 80, targetPort: true }] } })).toBe(
      'Service in version "v1" cannot be handled as a Service: json: cannot unmarshal bool into Go value of type int32',
    );
  });

  it('accepts a Quantity as a number or a string', () => {
    const resources = { requests: { cpu: 0.5, memory: 134217728 }, limits: { cpu: '2', memory: '1Gi', 'ephemeral-storage': '1e9' } };
    expect(decodeError(deployment({ resources }))).toBeUndefined();
  });

  it('refuses a malformed Quantity with resource.ParseQuantity\'s words', () => {
    expect(decodeError(deployment({ resources: { limits: { memory: '1Gb' } } }))).toBe(
      `${prefix}quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'`,
    );
    expect(decodeError(deployment({ resources: { limits: { memory: '192i' } } }))).toBe(`${prefix}unable to parse quantity's suffix`);
  });

  it('never flags map keys (labels, annotations, nodeSelector)', () => {
    const d = deployment();
    d.metadata = {
      name: 'web',
      labels: { 'app.kubernetes.io/name': 'web', anything: 'goes', Foo_Bar: '' },
      annotations: { 'kubectl.kubernetes.io/last-applied-configuration': '{}', note: 'x' },
    };
    expect(decodeError(d)).toBeUndefined();
    expect(decodeError(deployment({}, { template: { metadata: { labels: { tier: 'a' } }, spec: { nodeSelector: { disk: 'ssd' }, containers: [] } } }))).toBeUndefined();
  });

  it('accepts null anywhere, as Go does', () => {
    expect(decodeError(deployment({ ports: null }, { replicas: null, strategy: null }))).toBeUndefined();
  });

  it('checks Secret data as base64, and not stringData', () => {
    const secret = { apiVersion: 'v1', kind: 'Secret', metadata: { name: 's' }, data: { ok: 'aGVsbG8=', cert: 'REPLACE_WITH_BASE64_CERT' } };
    expect(decodeError(secret)).toBe('Secret in version "v1" cannot be handled as a Secret: illegal base64 data at input byte 7');
    expect(decodeError({ ...secret, data: { short: 'abc' } })).toContain('illegal base64 data at input byte 0');
    expect(decodeError({ ...secret, data: { wrapped: 'aGVs\nbG8=' }, stringData: { any: 'text!' } })).toBeUndefined();
  });

  it('refuses a non-string time', () => {
    expect(decodeError({ ...pod, metadata: { name: 'p', creationTimestamp: 5 } })).toBe(
      'Pod in version "v1" cannot be handled as a Pod: json: cannot unmarshal number into Go value of type string',
    );
  });

  it('leaves kinds it does not know to the caller', () => {
    expect(decodeError({ apiVersion: 'argoproj.io/v1alpha1', kind: 'Rollout', spec: { foo: 1 } })).toBeUndefined();
    expect(decodeError({ apiVersion: 'apps/v1beta1', kind: 'Deployment', spec: { foo: 1 } })).toBeUndefined();
  });
});

describe('schemaFieldErrors', () => {
  it('reports a container without a name as Required value', () => {
    expect(schemaFieldErrors(deployment({ name: undefined }))).toEqual([
      { field: 'spec.template.spec.containers[0].name', message: 'Required value' },
    ]);
  });

  it('treats empty values as missing, as Go validation does', () => {
    const d = deployment({ name: '', ports: [{ containerPort: 0 }] }, { selector: null });
    expect(schemaFieldErrors(d)).toEqual([
      { field: 'spec.selector', message: 'Required value' },
      { field: 'spec.template.spec.containers[0].name', message: 'Required value' },
      { field: 'spec.template.spec.containers[0].ports[0].containerPort', message: 'Required value' },
    ]);
    expect(schemaFieldErrors({ ...pod, spec: { containers: [] } })).toEqual([{ field: 'spec.containers', message: 'Required value' }]);
  });

  it('leaves required fields the apiserver words differently to semantic validation', () => {
    expect(schemaFieldErrors({ ...service, spec: { ports: [{ targetPort: 80 }] } })).toEqual([]);
    expect(schemaFieldErrors(deployment({}, { template: undefined }))).toEqual([]);
  });

  it('ignores status', () => {
    expect(schemaFieldErrors({ ...pod, status: { conditions: [{ reason: 'x' }] } })).toEqual([]);
  });
});

describe('generated schema files', () => {
  it('regenerate to identical bytes', () => {
    const { schema, structure } = generateSchemas();
    expect(schema).toBe(readFileSync(join(SCHEMA_DIR, 'kubernetes.schema.json'), 'utf8'));
    expect(structure).toBe(readFileSync(join(SCHEMA_DIR, 'kubernetes.structure.json'), 'utf8'));
  }, 60_000);
});
