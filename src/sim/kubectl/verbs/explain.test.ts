import { describe, expect, it } from 'vitest';
import { fixture } from '../fixtures';
import { runKubectl } from '..';

const { ctx } = fixture([], 0);
const kubectl = (line: string) => runKubectl(ctx, line);

describe('kubectl explain', () => {
  it('explains a resource from the schema: group, kind, version, description and fields', () => {
    const out = kubectl('explain deployments').stdout;
    expect(out).toMatch(/^GROUP: {6}apps\nKIND: {7}Deployment\nVERSION: {4}v1\n\nDESCRIPTION:\n {4}Deployment enables declarative updates for Pods and ReplicaSets\.\n\nFIELDS:\n/);
    expect(out).toContain(`  apiVersion\t<string>
    APIVersion defines the versioned schema of this representation of an
    object. Servers should convert recognized schemas to the latest internal
    value, and may reject unrecognized values. More info:
    https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#resources

`);
    expect(out).toContain('  metadata\t<ObjectMeta>\n');
    expect(out).toContain('  spec\t<DeploymentSpec>\n    Specification of the desired behavior of the Deployment.\n\n');
  });

  it('explains a field path, through lists, with types and required markers', () => {
    const out = kubectl('explain pods.spec.containers').stdout;
    expect(out).toMatch(/^KIND: {7}Pod\nVERSION: {4}v1\n\nFIELD: containers <\[\]Container>\n\nDESCRIPTION:\n {4}List of containers belonging to the pod\./);
    expect(out).toContain('  name\t<string> -required-\n');
    expect(out).toContain('  ports\t<[]ContainerPort>\n');
    expect(kubectl('explain po.spec.containers.resources.limits').stdout).toContain('FIELD: limits <map[string]Quantity>\n');
    expect(kubectl('explain pod.spec.containers.livenessProbe.httpGet.port').stdout).toContain('FIELD: port <IntOrString>\n');
    expect(kubectl('explain pod.metadata.creationTimestamp').stdout).toContain('FIELD: creationTimestamp <string>\n');
    expect(kubectl('explain deploy.spec.replicas').stdout).toBe(`GROUP:      apps
KIND:       Deployment
VERSION:    v1

FIELD: replicas <integer>

DESCRIPTION:
    Number of desired pods. This is a pointer to distinguish between explicit
    zero and not specified. Defaults to 1.
`);
  });

  it.each([
    ['explain pods.spec.nope', 'error: field "nope" does not exist\n'],
    ['explain pdos', 'error: the server doesn\'t have a resource type "pdos"\n'],
    ['explain', 'error: You must specify the type of resource to explain. Use "kubectl api-resources" for a complete list of supported resources.\n'],
  ])('%s fails as kubectl does', (line, stderr) => {
    expect(kubectl(line)).toEqual({ stdout: '', stderr, exitCode: 1 });
  });
});
