import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../../api/object';
import { admitted, at, DEFAULT_NAMESPACE, fixture, podFixture } from '../../fixtures';
import { runKubectl } from '../..';

const deployment: KubeObject = {
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'web', namespace: 'default', creationTimestamp: at(0) },
  spec: {
    replicas: 2,
    selector: { matchLabels: { app: 'web' } },
    template: { metadata: { labels: { app: 'web' } }, spec: { initContainers: [{ name: 'init', image: 'busybox:1.36' }], containers: [{ name: 'nginx', image: 'nginx:1.14.2' }, { name: 'sidecar', image: 'busybox:1.36' }] } },
  },
};

function setup() {
  const f = fixture([DEFAULT_NAMESPACE, { apiVersion: 'v1', kind: 'Node', metadata: { name: 'node-1' } }], 10);
  admitted(f, [deployment, podFixture('web-1')]);
  const images = (kind: string, name: string) => {
    const obj = f.ctx.api.get(kind, 'default', name)!;
    const spec = (kind === 'Pod' ? obj.spec : (obj.spec as { template: { spec: unknown } }).template.spec) as { initContainers?: { image: string }[]; containers: { image: string }[] };
    return [...(spec.initContainers ?? []), ...spec.containers].map((c) => c.image);
  };
  return { ...f, images, kubectl: (line: string) => runKubectl(f.ctx, line) };
}

describe('kubectl set image', () => {
  it('sets the named container\'s image in the pod template', () => {
    const { kubectl, images } = setup();
    expect(kubectl('set image deployment/web nginx=nginx:1.16.1')).toEqual({ stdout: 'deployment.apps/web image updated\n', stderr: '', exitCode: 0 });
    expect(images('Deployment', 'web')).toEqual(['busybox:1.36', 'nginx:1.16.1', 'busybox:1.36']);
  });

  it('sets every container, init containers too, for "*"', () => {
    const { kubectl, images } = setup();
    expect(kubectl('set image deploy web *=alpine:3.20').stdout).toBe('deployment.apps/web image updated\n');
    expect(images('Deployment', 'web')).toEqual(['alpine:3.20', 'alpine:3.20', 'alpine:3.20']);
  });

  it('sets a pod\'s image', () => {
    const { kubectl, images } = setup();
    expect(kubectl('set image pod/web-1 app=nginx:1.27.1').stdout).toBe('pod/web-1 image updated\n');
    expect(images('Pod', 'web-1')).toEqual(['nginx:1.27.1']);
  });

  it('prints nothing when the image is already set', () => {
    expect(setup().kubectl('set image deployment/web nginx=nginx:1.14.2')).toEqual({ stdout: '', stderr: '', exitCode: 0 });
  });

  it('updates the containers it finds and reports the ones it does not', () => {
    const { kubectl, images } = setup();
    expect(kubectl('set image deployment/web nginx=nginx:1.16.1 web=nginx:1.16.1')).toEqual({
      stdout: 'deployment.apps/web image updated\n',
      stderr: 'error: unable to find container named "web"\n',
      exitCode: 1,
    });
    expect(images('Deployment', 'web')[1]).toBe('nginx:1.16.1');
  });

  it.each([
    ['set image deployment/web', 'error: at least one image update is required\n'],
    ['set image deployment/web nginx-', 'error: invalid image format: nginx-\n'],
    ['set image deployment/web nginx=a deployment/other', 'error: all resources must be specified before image changes: deployment/other\n'],
    ['set image deployment/web *=a nginx=b', 'error: all containers are already specified by *, but saw more than one container_name=container_image pairs\n'],
    ['set image deployment/nope nginx=a', 'Error from server (NotFound): deployments.apps "nope" not found\n'],
    ['set image node/node-1 nginx=a', 'error: nodes/node-1 the object is not a pod or does not have a pod template: *v1.Node\n'],
    ['set image deployment/web nginx=', 'error: failed to patch image update to pod template: Deployment.apps "web" is invalid: spec.template.spec.containers[0].image: Required value\n'],
  ])('%s fails as kubectl does', (line, stderr) => {
    expect(setup().kubectl(line)).toEqual({ stdout: '', stderr, exitCode: 1 });
  });

  it('is one of the `kubectl set` subcommands kubesim runs', () => {
    const { kubectl } = setup();
    expect(kubectl('set resources deployment/web --limits=cpu=1').stderr).toBe('error: kubesim does not simulate "kubectl set resources" yet; it runs: set env, set image\n');
    expect(kubectl('set --help').stdout).toContain(
      'Available Commands:\n  env              Update environment variables on a pod template\n  image            Update the image of a pod template\n\nUsage:\n  kubectl set SUBCOMMAND [options]\n',
    );
  });
});
