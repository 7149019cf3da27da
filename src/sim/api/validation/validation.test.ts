import { describe, expect, it } from 'vitest';
import { SimCluster } from '../../cluster';

const deployment = (patch: (lines: string) => string = (l) => l) =>
  patch(`apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 2
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
      - name: web
        image: nginx:1.27
`);

function applyOne(text: string, c = new SimCluster({ nodes: 1, seed: 1 })) {
  const [r] = c.apply(text);
  return r;
}

describe('apiserver validation messages (k8s-semantics §12, v1.32 wording)', () => {
  it('rejects an invalid name with the RFC 1123 message', () => {
    const r = applyOne(deployment((t) => t.replace('name: web\nspec', 'name: My_App\nspec')));
    expect(r.error!.message).toBe(
      `The Deployment "My_App" is invalid: metadata.name: Invalid value: "My_App": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')`,
    );
    expect(r.error!.line).toBe(4);
  });

  it('lists both errors of a missing selector', () => {
    const r = applyOne(deployment((t) => t.replace('  selector:\n    matchLabels:\n      app: web\n', '')));
    expect(r.error!.message).toBe(
      'The Deployment "web" is invalid: \n* spec.selector: Required value\n* spec.template.metadata.labels: Invalid value: map[string]string{"app":"web"}: `selector` does not match template `labels`',
    );
  });

  it('refuses a changed selector as immutable', () => {
    const c = new SimCluster({ nodes: 1, seed: 1 });
    applyOne(deployment(), c);
    const r = applyOne(deployment((t) => t.replace(/app: web/g, 'app: web2')), c);
    expect(r.error!.message).toBe(
      'The Deployment "web" is invalid: spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string{"app":"web2"}, MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: field is immutable',
    );
  });

  it('refuses a typo in a field name with the strict-decoding message', () => {
    const r = applyOne(deployment((t) => t.replace('        image: nginx:1.27', '        image: nginx:1.27\n        imagePullPolice: Always')));
    expect(r.error!.message).toBe(
      'Error from server (BadRequest): error when creating "STDIN": Deployment in version "v1" cannot be handled as a Deployment: strict decoding error: unknown field "spec.template.spec.containers[0].imagePullPolice"',
    );
    expect(r.error!.line).toBe(18);
  });

  it('refuses a string where an integer belongs', () => {
    const r = applyOne(deployment((t) => t.replace('replicas: 2', 'replicas: "3"')));
    expect(r.error!.message).toBe(
      'Error from server (BadRequest): error when creating "STDIN": Deployment in version "v1" cannot be handled as a Deployment: json: cannot unmarshal string into Go struct field DeploymentSpec.spec.replicas of type int32',
    );
  });

  it('requires restartPolicy Always in a Deployment template', () => {
    const r = applyOne(deployment((t) => t.replace('    spec:\n      containers:', '    spec:\n      restartPolicy: Never\n      containers:')));
    expect(r.error!.message).toBe('The Deployment "web" is invalid: spec.template.spec.restartPolicy: Unsupported value: "Never": supported values: "Always"');
  });

  it('requires a container image and a negative replica count is refused', () => {
    expect(applyOne(deployment((t) => t.replace('        image: nginx:1.27\n', ''))).error!.message).toBe(
      'The Deployment "web" is invalid: spec.template.spec.containers[0].image: Required value',
    );
    expect(applyOne(deployment((t) => t.replace('replicas: 2', 'replicas: -1'))).error!.message).toBe(
      'The Deployment "web" is invalid: spec.replicas: Invalid value: -1: must be greater than or equal to 0',
    );
  });

  it('refuses maxSurge and maxUnavailable both 0', () => {
    const r = applyOne(deployment((t) => t.replace('  selector:', '  strategy:\n    rollingUpdate:\n      maxSurge: 0\n      maxUnavailable: 0\n  selector:')));
    expect(r.error!.message).toBe(
      'The Deployment "web" is invalid: spec.strategy.rollingUpdate.maxUnavailable: Invalid value: intstr.IntOrString{Type:0, IntVal:0, StrVal:""}: may not be 0 when `maxSurge` is 0',
    );
  });

  it('refuses a pod whose request exceeds its limit', () => {
    const r = applyOne('apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n  - name: a\n    image: nginx\n    resources:\n      requests:\n        cpu: "2"\n      limits:\n        cpu: "1"\n');
    expect(r.error!.message).toBe('The Pod "p" is invalid: spec.containers[0].resources.requests: Invalid value: "2": must be less than or equal to cpu limit of 1');
  });

  it('leaves the cluster unchanged after a rejected update', () => {
    const c = new SimCluster({ nodes: 1, seed: 1 });
    applyOne(deployment(), c);
    c.advance(10_000);
    const before = JSON.stringify(c.snapshot());
    applyOne(deployment((t) => t.replace('replicas: 2', 'replicas: -1')), c);
    expect(JSON.stringify(c.snapshot())).toBe(before);
  });
});
