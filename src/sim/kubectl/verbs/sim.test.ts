import { describe, expect, it } from 'vitest';
import type { NodeSpecOption } from '../../contract';
import { fixture } from '../fixtures';
import { runKubectl } from '..';
import { parseTaint } from './sim';

/** The machine-room controls these tests never reach. */
function unused(): never {
  throw new Error('not used by the node tests');
}

function setup() {
  const f = fixture([{ apiVersion: 'v1', kind: 'Node', metadata: { name: 'node-1' } }], 0);
  const calls: string[] = [];
  const added: NodeSpecOption[] = [];
  const known = (name: string) => name === 'node-1';
  f.ctx.sim = {
    nodeDown: (name) => (calls.push(`down ${name}`), known(name)),
    nodeUp: (name) => (calls.push(`up ${name}`), known(name)),
    addNode: (spec) => void added.push(spec),
    removeNode: (name) => (calls.push(`remove ${name}`), known(name)),
    curl: () => unused(),
    lookup: () => unused(),
    startTraffic: () => unused(),
    trafficJobs: () => unused(),
    stopTraffic: () => unused(),
    podUsage: () => unused(),
  };
  return { ...f, calls, added, kubectl: (line: string) => runKubectl(f.ctx, line) };
}

describe('kubectl sim', () => {
  it('powers nodes off and on, and removes them', () => {
    const { kubectl, calls } = setup();
    expect(kubectl('sim node-down node-1')).toEqual({ stdout: 'node/node-1 powered off (simulated: the kubelet stops; expect NotReady after 50s)\n', stderr: '', exitCode: 0 });
    expect(kubectl('sim node-up node-1').stdout).toBe('node/node-1 powered on\n');
    expect(kubectl('sim remove-node node-1').stdout).toBe('node/node-1 removed\n');
    expect(calls).toEqual(['down node-1', 'up node-1', 'remove node-1']);
  });

  it.each(['node-down', 'node-up', 'remove-node'])('%s of an unknown node is the apiserver\'s NotFound', (sub) => {
    expect(setup().kubectl(`sim ${sub} node-9`)).toEqual({ stdout: '', stderr: 'Error from server (NotFound): nodes "node-9" not found\n', exitCode: 1 });
  });

  it('adds a node with its capacity, labels and taints', () => {
    const { kubectl, added } = setup();
    expect(kubectl('sim add-node gpu-1 --cpu 16 --memory=64Gi --pods 50 --label accelerator=gpu --label zone=a --taint dedicated=gpu:NoSchedule --taint spot:NoExecute').stdout).toBe('node/gpu-1 added\n');
    expect(added).toEqual([
      {
        name: 'gpu-1',
        cpu: '16',
        memory: '64Gi',
        pods: 50,
        labels: { accelerator: 'gpu', zone: 'a' },
        taints: [{ key: 'dedicated', value: 'gpu', effect: 'NoSchedule' }, { key: 'spot', effect: 'NoExecute' }],
      },
    ]);
    expect(kubectl('sim add-node node-4').stdout).toBe('node/node-4 added\n');
    expect(added[1]).toEqual({ name: 'node-4', cpu: '4', memory: '8Gi', pods: 110, labels: {}, taints: [] });
  });

  it.each([
    ['sim add-node node-1', 'Error from server (AlreadyExists): nodes "node-1" already exists\n'],
    [
      'sim add-node Node_4',
      `The Node "Node_4" is invalid: metadata.name: Invalid value: "Node_4": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')\n`,
    ],
    ['sim add-node node-4 --taint gpu=yes:Never', "error: invalid taint effect: Never, unsupported taint effect\nSee 'kubectl sim add-node -h' for help and examples\n"],
    ['sim add-node node-4 --taint gpu', "error: invalid taint spec: gpu\nSee 'kubectl sim add-node -h' for help and examples\n"],
    ['sim add-node node-4 --taint a=b:NoSchedule --taint a=c:NoSchedule', "error: duplicated taints with the same key and effect: {a c NoSchedule <nil>}\nSee 'kubectl sim add-node -h' for help and examples\n"],
    [
      'sim add-node node-4 --cpu lots',
      `error: invalid argument "lots" for "--cpu" flag: quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'\nSee 'kubectl sim add-node --help' for usage.\n`,
    ],
    ['sim node-down', "error: USAGE: sim node-down NODE [flags]\nSee 'kubectl sim node-down -h' for help and examples\n"],
  ])('%s fails, adding nothing', (line, stderr) => {
    const { kubectl, added } = setup();
    expect(kubectl(line)).toEqual({ stdout: '', stderr, exitCode: 1 });
    expect(added).toEqual([]);
  });

  it('lists its subcommands in kubectl\'s help layout', () => {
    const { stdout } = setup().kubectl('sim --help');
    expect(stdout).toContain(
      'Available Commands:\n  add-node       Add a worker node\n  curl           Send one HTTP request into the cluster and print the answer\n  next-cron      Move the clock on to the next run of a CronJob\n  node-down      Power a node off: its kubelet stops\n  node-up        Power a node back on\n  nslookup       Look a name up in the cluster DNS, as busybox nslookup in a pod would\n  remove-node    Remove a node: the machine and its Node object are gone\n  stop-traffic   Stop a stream of requests started with kubectl sim traffic\n  traffic        Send a steady stream of requests and count who answers\n\nUsage:\n  kubectl sim SUBCOMMAND [options]\n',
    );
  });
});

describe('parseTaint (kubectl taint\'s texts)', () => {
  it.each([
    ['a=b=c:NoSchedule', 'invalid taint spec: a=b=c:NoSchedule'],
    ['a:b:NoSchedule', 'invalid taint spec: a:b:NoSchedule'],
    [
      'a=b!:NoSchedule',
      "invalid taint spec: a=b!:NoSchedule, a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')",
    ],
    [
      'a=b',
      "invalid taint spec: a=b, name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')",
    ],
  ])('%s', (spec, message) => {
    expect(() => parseTaint(spec)).toThrow(message);
  });
});
