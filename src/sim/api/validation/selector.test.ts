import { describe, expect, it } from 'vitest';
import { SimCluster } from '../../cluster';

const deployment = (selector: string, labels: string) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 2
  selector:
${selector}
  template:
    metadata:
      labels:
${labels}
    spec:
      containers:
      - name: nginx
        image: nginx:1.27
`;

const create = (yaml: string) => {
  const c = new SimCluster({ nodes: 1, seed: 4 });
  return c.kubectl('apply -f -', yaml);
};

describe('LabelSelector validation (apimachinery, v1.32 messages)', () => {
  it('accepts matchLabels with In, NotIn, Exists and DoesNotExist expressions, and selects by them', () => {
    const c = new SimCluster({ nodes: 2, seed: 4 });
    const res = c.kubectl(
      'apply -f -',
      deployment(
        '    matchLabels:\n      app: web\n    matchExpressions:\n    - {key: tier, operator: In, values: [fe, be]}\n    - {key: env, operator: NotIn, values: [dev]}\n    - {key: track, operator: Exists}\n    - {key: legacy, operator: DoesNotExist}',
        '        app: web\n        tier: fe\n        track: stable',
      ),
    );
    expect(res.stderr).toBe('');
    c.advance(20_000);
    expect(c.list('Pod', 'default')).toHaveLength(2);
  });

  it('In and NotIn need values', () => {
    const lines = create(deployment('    matchExpressions:\n    - {key: tier, operator: In}', '        tier: fe')).stderr.split('\n');
    expect(lines[0]).toMatch(/^The Deployment "web" is invalid:/);
    // LabelSelectorAsSelector fails too, so the template is not compared with the selector.
    expect(lines.slice(1)).toEqual([
      "* spec.selector.matchExpressions[0].values: Required value: must be specified when `operator` is 'In' or 'NotIn'",
      '* spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string(nil), MatchExpressions:[]v1.LabelSelectorRequirement{v1.LabelSelectorRequirement{Key:"tier", Operator:"In", Values:[]string(nil)}}}: invalid label selector',
      '',
    ]);
  });

  it('Exists and DoesNotExist must not have values; unknown operators are refused', () => {
    const out = create(deployment('    matchExpressions:\n    - {key: tier, operator: Exists, values: [fe]}\n    - {key: env, operator: Equals, values: [a]}', '        tier: fe')).stderr;
    expect(out).toContain("* spec.selector.matchExpressions[0].values: Forbidden: may not be specified when `operator` is 'Exists' or 'DoesNotExist'\n");
    expect(out).toContain('* spec.selector.matchExpressions[1].operator: Invalid value: "Equals": not a valid selector operator\n');
    expect(out).toContain(': invalid label selector\n');
  });

  it('mistake 1: a selector key missing from the template labels', () => {
    expect(create(deployment('    matchLabels:\n      app: web\n      tier: frontend', '        app: web')).stderr).toBe(
      'The Deployment "web" is invalid: spec.template.metadata.labels: Invalid value: map[string]string{"app":"web"}: `selector` does not match template `labels`\n',
    );
  });

  it('mistake 2: a selector value that differs from the template label', () => {
    expect(create(deployment('    matchLabels:\n      app: web', '        app: nginx')).stderr).toBe(
      'The Deployment "web" is invalid: spec.template.metadata.labels: Invalid value: map[string]string{"app":"nginx"}: `selector` does not match template `labels`\n',
    );
  });
});
