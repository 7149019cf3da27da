import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../../api/object';
import { at, fixture, podFixture } from '../../fixtures';
import { runKubectl } from '../..';

const template = (image: string, hash?: string) => ({
  metadata: { labels: { app: 'web', ...(hash ? { 'pod-template-hash': hash } : {}) } },
  spec: { containers: [{ name: 'app', image, ports: [{ containerPort: 80, protocol: 'TCP' }] }] },
});

const deployment = (extra: { paused?: boolean; image?: string } = {}): KubeObject => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: {
    name: 'web',
    namespace: 'default',
    uid: 'uid-web',
    generation: 2,
    creationTimestamp: at(0),
    annotations: { 'deployment.kubernetes.io/revision': '2', 'kubectl.kubernetes.io/last-applied-configuration': '{}', owner: 'team-a' },
  },
  spec: { replicas: 3, paused: extra.paused, selector: { matchLabels: { app: 'web' } }, template: template(extra.image ?? 'nginx:1.16.1') },
  status: { observedGeneration: 2, replicas: 3, updatedReplicas: 3, availableReplicas: 3 },
});

const replicaSet = (hash: string, revision: string, image: string, annotations: Record<string, string> = {}): KubeObject => ({
  apiVersion: 'apps/v1',
  kind: 'ReplicaSet',
  metadata: {
    name: `web-${hash}`,
    namespace: 'default',
    uid: `uid-${hash}`,
    creationTimestamp: at(Number(revision)),
    annotations: { 'deployment.kubernetes.io/revision': revision, ...annotations },
    ownerReferences: [{ apiVersion: 'apps/v1', kind: 'Deployment', name: 'web', uid: 'uid-web', controller: true }],
  },
  spec: { replicas: 0, selector: { matchLabels: { app: 'web', 'pod-template-hash': hash } }, template: template(image, hash) },
});

const history = [
  replicaSet('5d59d67564', '1', 'nginx:1.14.2', { 'kubernetes.io/change-cause': 'kubectl apply --filename=web.yaml' }),
  replicaSet('c8f7f4c8c', '2', 'nginx:1.16.1'),
];

function setup(objects: KubeObject[] = [deployment(), ...history]) {
  const f = fixture(objects, 60);
  return { ...f, kubectl: (line: string) => runKubectl(f.ctx, line) };
}

describe('kubectl rollout history', () => {
  it('lists the revisions under a "kind/name " header, with a blank line after the table', () => {
    expect(setup().kubectl('rollout history deployment/web')).toEqual({
      stdout: 'deployment.apps/web \nREVISION  CHANGE-CAUSE\n1         kubectl apply --filename=web.yaml\n2         <none>\n\n',
      stderr: '',
      exitCode: 0,
    });
  });

  it('prints one revision\'s pod template with the unaligned tabs of kubectl\'s bare PrefixWriter', () => {
    expect(setup().kubectl('rollout history deploy web --revision=1').stdout).toBe(`deployment.apps/web with revision #1
Pod Template:
  Labels:\tapp=web
\tpod-template-hash=5d59d67564
  Containers:
   app:
    Image:\tnginx:1.14.2
    Port:\t80/TCP
    Host Port:\t0/TCP
    Environment:\t<none>
    Mounts:\t<none>
  Volumes:\t<none>
  Node-Selectors:\t<none>
  Tolerations:\t<none>

`);
  });

  it.each([
    ['rollout history deployment/web --revision=7', 'error: unable to find the specified revision\n'],
    ['rollout history deployment/web --revision=-1', 'error: revision must be a positive integer: -1\n'],
    ['rollout history', 'error: required resource not specified\n'],
    ['rollout history pod/web-1', 'error: no history viewer has been implemented for "Pod"\n'],
    ['rollout history deployment/nope', 'Error from server (NotFound): deployments.apps "nope" not found\n'],
  ])('%s fails as kubectl does', (line, stderr) => {
    const { kubectl } = setup([deployment(), ...history, podFixture('web-1')]);
    expect(kubectl(line)).toEqual({ stdout: '', stderr, exitCode: 1 });
  });

  it('says when a Deployment has no ReplicaSets yet', () => {
    expect(setup([deployment()]).kubectl('rollout history deployment/web').stdout).toBe('deployment.apps/web \nNo rollout history found.\n');
  });
});

describe('kubectl rollout undo (k8s-semantics §1.12)', () => {
  it('copies the previous revision\'s template, without its hash, and its annotations into the Deployment', () => {
    const { kubectl, ctx } = setup();
    expect(kubectl('rollout undo deployment/web')).toEqual({ stdout: 'deployment.apps/web rolled back\n', stderr: '', exitCode: 0 });
    const d = ctx.api.get('Deployment', 'default', 'web')!;
    const restored = (d.spec as { template: ReturnType<typeof template> }).template;
    expect(restored.metadata).toEqual({ labels: { app: 'web' } });
    expect(restored.spec.containers[0].image).toBe('nginx:1.14.2');
    // The skip list keeps the Deployment's own revision and last-applied; the rest comes from the ReplicaSet.
    expect(d.metadata.annotations).toEqual({
      'deployment.kubernetes.io/revision': '2',
      'kubectl.kubernetes.io/last-applied-configuration': '{}',
      'kubernetes.io/change-cause': 'kubectl apply --filename=web.yaml',
    });
  });

  it('skips a revision whose template is already the current one', () => {
    expect(setup().kubectl('rollout undo deployment/web --to-revision=2').stdout).toBe('deployment.apps/web skipped rollback (current template already matches revision 2)\n');
  });

  it.each([
    ['rollout undo deployment/web --to-revision=5', 'error: unable to find specified revision 5 in history\n'],
    ['rollout undo deployment/web --to-revision=-1', 'error: unable to find specified revision -1 in history\n'],
    ['rollout undo pod/web-1', 'error: no rollbacker has been implemented for "Pod"\n'],
    ['rollout undo', 'error: required resource not specified\n'],
  ])('%s fails as kubectl does', (line, stderr) => {
    const { kubectl } = setup([deployment(), ...history, podFixture('web-1')]);
    expect(kubectl(line)).toEqual({ stdout: '', stderr, exitCode: 1 });
  });

  it('needs a second revision to go back to', () => {
    expect(setup([deployment(), history[1]]).kubectl('rollout undo deployment/web').stderr).toBe('error: no rollout history found for deployment "web"\n');
  });

  it('refuses a paused Deployment', () => {
    expect(setup([deployment({ paused: true }), ...history]).kubectl('rollout undo deployment/web').stderr).toBe(
      "error: you cannot rollback a paused deployment; resume it first with 'kubectl rollout resume' and try again\n",
    );
  });
});

describe('kubectl rollout pause, resume and restart (k8s-semantics §1.10)', () => {
  it('pauses and resumes, refusing to do either twice', () => {
    const { kubectl, ctx } = setup();
    expect(kubectl('rollout pause deployment/web')).toEqual({ stdout: 'deployment.apps/web paused\n', stderr: '', exitCode: 0 });
    expect((ctx.api.get('Deployment', 'default', 'web')!.spec as { paused?: boolean }).paused).toBe(true);
    expect(kubectl('rollout pause deployment/web')).toEqual({ stdout: '', stderr: 'error: deployments.apps "web" is already paused\n', exitCode: 1 });
    expect(kubectl('rollout restart deployment/web').stderr).toBe('error: deployments.apps "web" can\'t restart paused deployment (run rollout resume first)\n');
    expect(kubectl('rollout resume deploy/web').stdout).toBe('deployment.apps/web resumed\n');
    expect((ctx.api.get('Deployment', 'default', 'web')!.spec as { paused?: boolean }).paused).toBeUndefined();
    expect(kubectl('rollout resume deploy/web').stderr).toBe('error: deployments.apps "web" is not paused\n');
  });

  it('stamps restartedAt with the virtual clock, and refuses a second restart in the same second', () => {
    const { kubectl, ctx, clock } = setup();
    expect(kubectl('rollout restart deployment web').stdout).toBe('deployment.apps/web restarted\n');
    const annotations = (ctx.api.get('Deployment', 'default', 'web')!.spec as { template: { metadata: { annotations: Record<string, string> } } }).template.metadata.annotations;
    expect(annotations).toEqual({ 'kubectl.kubernetes.io/restartedAt': '2026-01-01T09:01:00Z' });
    expect(kubectl('rollout restart deployment web').stderr).toBe(
      'error: failed to create patch for web: if restart has already been triggered within the past second, please wait before attempting to trigger another\n',
    );
    clock.set(61_000);
    expect(kubectl('rollout restart deployment web').stdout).toBe('deployment.apps/web restarted\n');
  });

  it('only supports Deployments', () => {
    const { kubectl } = setup([deployment(), podFixture('web-1')]);
    expect(kubectl('rollout pause pod/web-1').stderr).toBe('error: pods "web-1" pausing is not supported\n');
    expect(kubectl('rollout resume pod/web-1').stderr).toBe('error: pods "web-1" resuming is not supported\n');
    expect(kubectl('rollout restart pod/web-1').stderr).toBe('error: pods "web-1" restarting is not supported\n');
  });

  it('says when a type names nothing', () => {
    expect(setup([]).kubectl('rollout restart deployment')).toEqual({ stdout: '', stderr: 'No resources found in default namespace.\n', exitCode: 0 });
  });
});

describe('kubectl rollout status without a clock to move', () => {
  it('prints the status once', () => {
    expect(setup().kubectl('rollout status deployment/web')).toEqual({ stdout: 'deployment "web" successfully rolled out\n', stderr: '', exitCode: 0 });
  });

  it.each([
    ['rollout status', 'error: required resource not specified\n'],
    ['rollout status deployment', 'error: rollout status is only supported on individual resources and resource collections - 2 resources were found\n'],
    ['rollout status rs/web-c8f7f4c8c', 'error: no status viewer has been implemented for ReplicaSet.apps\n'],
    ['rollout status deployment/web --revision=1', 'error: desired revision (1) is different from the running revision (2)\n'],
    ['rollout status deployment/web --timeout=soon', `error: invalid argument "soon" for "--timeout" flag: time: invalid duration "soon"\nSee 'kubectl rollout status --help' for usage.\n`],
  ])('%s fails as kubectl does', (line, stderr) => {
    const second: KubeObject = { ...deployment(), metadata: { ...deployment().metadata, name: 'api', uid: 'uid-api' } };
    expect(setup([deployment(), second, ...history]).kubectl(line)).toEqual({ stdout: '', stderr, exitCode: 1 });
  });
});

describe('kubectl rollout', () => {
  it('prints its help and fails without a subcommand, as cobra does', () => {
    const { kubectl } = setup();
    const alone = kubectl('rollout');
    expect(alone.exitCode).toBe(1);
    expect(alone.stdout).toContain('\nAvailable Commands:\n  history       View rollout history\n  pause         Mark the provided resource as paused\n');
    expect(kubectl('rollout --help')).toEqual({ ...alone, exitCode: 0 });
    expect(kubectl('rollout statu deploy/web')).toEqual({ stdout: '', stderr: `error: unknown command "statu"\nSee 'kubectl rollout -h' for help and examples\n`, exitCode: 1 });
  });
});
