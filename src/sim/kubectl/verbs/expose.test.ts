import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../api/object';
import type { Service } from '../../api/types';
import { at, DEFAULT_NAMESPACE, fixture, podFixture } from '../fixtures';
import { runKubectl } from '..';

/*
 * The expected Services and messages are what kubectl v1.32.5 sent and printed against a stub API
 * server holding the same objects.
 */

const template = (ports: { containerPort: number; protocol?: string; name?: string }[]) => ({
  metadata: { labels: { app: 'web' } },
  spec: { containers: [{ name: 'nginx', image: 'nginx:1.27', ports }] },
});

const web: KubeObject = {
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'web', namespace: 'default', labels: { app: 'web' }, creationTimestamp: at(0) },
  spec: { replicas: 3, selector: { matchLabels: { app: 'web' } }, template: template([{ containerPort: 80 }]) },
};

const multi: KubeObject = {
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'multi', namespace: 'default', creationTimestamp: at(0) },
  spec: {
    selector: { matchLabels: { app: 'm' } },
    template: template([{ containerPort: 8080, name: 'http' }, { containerPort: 9090, protocol: 'UDP' }, { containerPort: 53, protocol: 'UDP', name: 'dns' }]),
  },
};

const expressions: KubeObject = {
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'expr', namespace: 'default', creationTimestamp: at(0) },
  spec: { selector: { matchLabels: { app: 'x' }, matchExpressions: [{ key: 'tier', operator: 'In', values: ['a'] }] }, template: template([{ containerPort: 80 }]) },
};

const noPorts: KubeObject = {
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'noports', namespace: 'default', creationTimestamp: at(0) },
  spec: { selector: { matchLabels: { app: 'np' } }, template: { metadata: { labels: { app: 'np' } }, spec: { containers: [{ name: 'c', image: 'busybox' }] } } },
};

const dualStackPod = podFixture('lab', {
  metadata: { labels: { app: 'lab', x: 'y' } },
  spec: { containers: [{ name: 'c', image: 'x', ports: [{ containerPort: 80 }, { containerPort: 80, protocol: 'UDP' }] }] },
});
const barePod = podFixture('bare', { metadata: { labels: {} } });

function setup() {
  const f = fixture([DEFAULT_NAMESPACE, web, multi, expressions, noPorts, dualStackPod, barePod], 90);
  const service = (name: string) => f.ctx.api.get('Service', 'default', name) as Service | undefined;
  return { kubectl: (line: string) => runKubectl(f.ctx, line), service };
}

describe('kubectl expose', () => {
  it('creates a Service from the Deployment selector and labels, targetPort = port, and prints service/NAME exposed', () => {
    const { kubectl, service } = setup();
    expect(kubectl('expose deployment web --port=80')).toEqual({ stdout: 'service/web exposed\n', stderr: '', exitCode: 0 });
    const created = service('web');
    expect(created?.metadata?.labels).toEqual({ app: 'web' });
    expect(created?.spec?.selector).toEqual({ app: 'web' });
    expect(created?.spec?.ports).toMatchObject([{ port: 80, protocol: 'TCP', targetPort: 80 }]);
    expect(created?.spec?.type).toBe('ClusterIP');
  });

  it('takes --target-port, --type and --name', () => {
    const { kubectl, service } = setup();
    expect(kubectl('expose deployment web --port=80 --target-port=8080 --type=NodePort --name=web2').stdout).toBe('service/web2 exposed\n');
    expect(service('web2')?.spec).toMatchObject({ type: 'NodePort', selector: { app: 'web' }, ports: [{ port: 80, targetPort: 8080, protocol: 'TCP' }] });
    expect(service('web2')?.spec?.ports?.[0].nodePort).toBeGreaterThanOrEqual(30000);
  });

  it('keeps a named --target-port as a name', () => {
    const { kubectl, service } = setup();
    kubectl('expose deploy/web --port=80 --target-port=http');
    expect(service('web')?.spec?.ports?.[0].targetPort).toBe('http');
  });

  it('copies the container port when --port is not given', () => {
    const { kubectl, service } = setup();
    expect(kubectl('expose deployment web').stdout).toBe('service/web exposed\n');
    expect(service('web')?.spec?.ports).toMatchObject([{ port: 80, targetPort: 80, protocol: 'TCP' }]);
  });

  it('names several copied ports port-1, port-2… with each container port protocol', () => {
    const { kubectl, service } = setup();
    kubectl('expose deployment multi');
    expect(service('multi')?.spec?.ports).toMatchObject([
      { name: 'port-1', port: 8080, protocol: 'TCP', targetPort: 8080 },
      { name: 'port-2', port: 9090, protocol: 'UDP', targetPort: 9090 },
      { name: 'port-3', port: 53, protocol: 'UDP', targetPort: 53 },
    ]);
    expect(service('multi')?.metadata?.labels).toBeUndefined();
  });

  it('makes one port per protocol when a container serves a port over both, and uses a pod labels as the selector', () => {
    const { kubectl, service } = setup();
    kubectl('expose pod lab');
    expect(service('lab')?.spec?.selector).toEqual({ app: 'lab', x: 'y' });
    expect(service('lab')?.spec?.ports).toMatchObject([
      { name: 'port-1-tcp', port: 80, protocol: 'TCP' },
      { name: 'port-1-udp', port: 80, protocol: 'UDP' },
    ]);
  });

  it('exposes a Service again under another name, with its ports and selector', () => {
    const { kubectl, service } = setup();
    kubectl('expose deployment web --port=80 --target-port=8080');
    expect(kubectl('expose svc web --port=443 --target-port=8443 --name=web-https').stdout).toBe('service/web-https exposed\n');
    expect(service('web-https')?.spec).toMatchObject({ selector: { app: 'web' }, ports: [{ port: 443, targetPort: 8443 }] });
  });

  it('takes --selector, --labels, --protocol, --session-affinity, --cluster-ip and --external-ip', () => {
    const { kubectl, service } = setup();
    kubectl('expose deployment web --port=53 --selector=app=dns,tier=x -l a=b --protocol=UDP --session-affinity=ClientIP --cluster-ip=None --external-ip=1.2.3.4');
    expect(service('web')?.metadata?.labels).toEqual({ a: 'b' });
    expect(service('web')?.spec).toMatchObject({
      selector: { app: 'dns', tier: 'x' },
      ports: [{ port: 53, protocol: 'UDP', targetPort: 53 }],
      sessionAffinity: 'ClientIP',
      clusterIP: 'None',
      externalIPs: ['1.2.3.4'],
    });
  });

  it('prints the Service it would send with --dry-run=client -o yaml, and creates nothing', () => {
    const { kubectl, service } = setup();
    expect(kubectl('expose deployment web --port=80 --dry-run=client -o yaml').stdout).toBe(`apiVersion: v1
kind: Service
metadata:
  creationTimestamp: null
  labels:
    app: web
  name: web
spec:
  ports:
  - port: 80
    protocol: TCP
    targetPort: 80
  selector:
    app: web
status:
  loadBalancer: {}
`);
    expect(kubectl('expose deployment web --port=80 --dry-run=server').stdout).toBe('service/web exposed (server dry run)\n');
    expect(kubectl('expose deployment web --port=80 --dry-run=client').stdout).toBe('service/web exposed (dry run)\n');
    expect(service('web')).toBeUndefined();
  });

  it('prints service/NAME with -o name', () => {
    expect(setup().kubectl('expose deployment web --port=80 -o name').stdout).toBe('service/web\n');
  });

  it('passes the apiserver validation errors through', () => {
    const { kubectl } = setup();
    expect(kubectl('expose deployment web --port=80 --type=Foo').stderr).toBe(
      'The Service "web" is invalid: spec.type: Unsupported value: "Foo": supported values: "ClusterIP", "ExternalName", "LoadBalancer", "NodePort"\n',
    );
    kubectl('expose deployment web --port=80');
    expect(kubectl('expose deployment web --port=80')).toEqual({ stdout: '', stderr: 'Error from server (AlreadyExists): services "web" already exists\n', exitCode: 1 });
  });

  it.each([
    ['expose deployment noports', "error: couldn't find port via --port flag or introspection\n"],
    [
      'expose deployment expr',
      `error: couldn't retrieve selectors via --selector flag or introspection: couldn't convert expressions - "[{Key:tier Operator:In Values:[a]}]" to map-based selector format\n`,
    ],
    ['expose pod bare --port=80', "error: couldn't retrieve selectors via --selector flag or introspection: the pod has no labels and cannot be exposed\n"],
    ['expose deployment nope --port=80', 'Error from server (NotFound): deployments.apps "nope" not found\n'],
    ['expose deployment', 'error: resource(s) were provided, but no name was specified\n'],
    ['expose deploy/web --port=abc', 'error: strconv.Atoi: parsing "abc": invalid syntax\n'],
    ['expose deployment web --port=80 --session-affinity=Foo', 'error: unknown session affinity: Foo\n'],
    ['expose deployment web --port=80 --selector=app', 'error: unexpected label spec: app\n'],
    ['expose deployment web --port=80 -l =b', 'error: unexpected empty label key\n'],
    ['expose deployment web --port=80 --dry-run=foo', 'error: Invalid dry-run value (foo). Must be "none", "server", or "client".\n'],
    ['expose ns default --port=80', 'error: cannot expose a Namespace\n'],
  ])('%s fails as kubectl does', (line, stderr) => {
    expect(setup().kubectl(line)).toEqual({ stdout: '', stderr, exitCode: 1 });
  });

  it('says what kubectl says with no arguments', () => {
    expect(setup().kubectl('expose').stderr).toBe(`error: You must provide one or more resources by argument or filename.
Example resource specifications include:
   '-f rsrc.yaml'
   '--filename=rsrc.json'
   '<resource> <name>'
   '<resource>'
`);
  });
});
