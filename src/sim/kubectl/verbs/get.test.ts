import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../api/object';
import { at, fixture, podFixture } from '../fixtures';
import { runKubectl } from '..';

const running = { phase: 'Running' as const, containerStatuses: [{ name: 'app', image: 'nginx:1.27', imageID: '', ready: true, restartCount: 0, state: { running: {} } }] };
const deployment: KubeObject = {
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'web', namespace: 'default', creationTimestamp: at(0), labels: { app: 'web' } },
  spec: { replicas: 2, selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'app', image: 'nginx:1.27' }] } } },
  status: { replicas: 2, updatedReplicas: 2, readyReplicas: 2, availableReplicas: 2 },
};
const objects = [
  podFixture('web-1', { status: running }),
  podFixture('web-2', { status: running, metadata: { labels: { app: 'web', tier: 'front' } } }),
  podFixture('dns-1', { status: running, metadata: { namespace: 'kube-system', labels: { k8s: 'dns' } } }),
  deployment,
  { apiVersion: 'v1', kind: 'Node', metadata: { name: 'node-1', creationTimestamp: at(0) }, status: { conditions: [{ type: 'Ready', status: 'True' }], nodeInfo: { kubeletVersion: 'v1.32.2' } } },
];
const kubectl = (line: string) => runKubectl(fixture(objects, 90).ctx, line);

describe('kubectl get', () => {
  it('prints a table of the namespace\'s objects', () => {
    expect(kubectl('kubectl get pods')).toEqual({
      stdout: 'NAME    READY   STATUS    RESTARTS   AGE\nweb-1   1/1     Running   0          90s\nweb-2   1/1     Running   0          90s\n',
      stderr: '',
      exitCode: 0,
    });
  });

  it('prints one table per kind with kind/ prefixes and a blank line between them', () => {
    expect(kubectl('get all').stdout).toBe(`NAME        READY   STATUS    RESTARTS   AGE
pod/web-1   1/1     Running   0          90s
pod/web-2   1/1     Running   0          90s

NAME                  READY   UP-TO-DATE   AVAILABLE   AGE
deployment.apps/web   2/2     2            2           90s
`);
  });

  it('prints no kind prefix when only one kind was found', () => {
    expect(kubectl('get pods,deploy -n kube-system').stdout).toBe('NAME    READY   STATUS    RESTARTS   AGE\ndns-1   1/1     Running   0          90s\n');
  });

  it('adds the NAMESPACE column with -A', () => {
    expect(kubectl('get po -A').stdout).toBe(`NAMESPACE     NAME    READY   STATUS    RESTARTS   AGE
default       web-1   1/1     Running   0          90s
default       web-2   1/1     Running   0          90s
kube-system   dns-1   1/1     Running   0          90s
`);
  });

  it('filters with -l and shows labels last with --show-labels', () => {
    expect(kubectl('get pods -l tier=front --show-labels').stdout).toBe('NAME    READY   STATUS    RESTARTS   AGE   LABELS\nweb-2   1/1     Running   0          90s   app=web,tier=front\n');
  });

  it('gets objects by name and TYPE/NAME, and cluster-scoped ones from any namespace', () => {
    expect(kubectl('get pod web-2').stdout).toBe('NAME    READY   STATUS    RESTARTS   AGE\nweb-2   1/1     Running   0          90s\n');
    expect(kubectl('get deploy/web node/node-1 -n default').stdout).toBe(`NAME                  READY   UP-TO-DATE   AVAILABLE   AGE
deployment.apps/web   2/2     2            2           90s

NAME          STATUS   ROLES    AGE   VERSION
node/node-1   Ready    <none>   90s   v1.32.2
`);
  });

  it('reports missing objects after printing the ones it found', () => {
    expect(kubectl('get pods web-1 nope')).toEqual({
      stdout: 'NAME    READY   STATUS    RESTARTS   AGE\nweb-1   1/1     Running   0          90s\n',
      stderr: 'Error from server (NotFound): pods "nope" not found\n',
      exitCode: 1,
    });
    expect(kubectl('get pods nope --ignore-not-found')).toEqual({ stdout: '', stderr: '', exitCode: 0 });
  });

  it('says "No resources found" on stderr', () => {
    expect(kubectl('get deploy -n kube-system')).toEqual({ stdout: '', stderr: 'No resources found in kube-system namespace.\n', exitCode: 0 });
    expect(kubectl('get deploy -l app=none -A')).toEqual({ stdout: '', stderr: 'No resources found\n', exitCode: 0 });
  });

  it('rejects unknown types and missing arguments as kubectl does', () => {
    expect(kubectl('get pdos')).toEqual({ stdout: '', stderr: 'error: the server doesn\'t have a resource type "pdos"\n', exitCode: 1 });
    expect(kubectl('get').stderr).toMatch(/^You must specify the type of resource to get\./);
  });

  it('prints -o name as kind/name', () => {
    expect(kubectl('get all -o name').stdout).toBe('pod/web-1\npod/web-2\ndeployment.apps/web\n');
  });

  it('prints one named object as itself and anything else as a List with -o yaml', () => {
    const single = kubectl('get node node-1 -o yaml').stdout;
    expect(single.startsWith('apiVersion: v1\nkind: Node\nmetadata:\n  creationTimestamp: "2026-01-01T09:00:00Z"\n  name: node-1\n')).toBe(true);
    expect(kubectl('get deploy -n kube-system -o yaml').stdout).toBe('apiVersion: v1\nitems: []\nkind: List\nmetadata:\n  resourceVersion: ""\n');
  });

  it('prints JSON with four-space indentation', () => {
    expect(kubectl('get deploy -n kube-system -o json').stdout).toBe('{\n    "apiVersion": "v1",\n    "items": [],\n    "kind": "List",\n    "metadata": {\n        "resourceVersion": ""\n    }\n}\n');
  });

  it('rejects output formats it cannot print', () => {
    expect(kubectl('get pods -o bogus').stderr).toBe(
      'error: unable to match a printer suitable for the output format "bogus", allowed formats are: custom-columns,custom-columns-file,go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,wide,yaml\n',
    );
    expect(kubectl('get pods -o jsonpath={.items}').stderr).toBe('error: kubesim does not support -o jsonpath yet; use -o wide, yaml, json or name\n');
  });

  it('says it cannot watch yet', () => {
    expect(kubectl('get pods -w').stderr).toBe('error: kubesim does not support --watch yet; run the command again to see changes\n');
  });

  it('rejects unknown flags with a pointer to the help', () => {
    expect(kubectl('get pods --foo')).toEqual({ stdout: '', stderr: "error: unknown flag: --foo\nSee 'kubectl get --help' for usage.\n", exitCode: 1 });
  });
});
