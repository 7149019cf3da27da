import { describe, expect, it } from 'vitest';
import { fixture } from '../fixtures';
import { runKubectl } from '..';

const { ctx } = fixture([], 0);
const kubectl = (line: string) => runKubectl(ctx, line);

describe('kubectl config', () => {
  it('views the kind kubeconfig with certificate data omitted', () => {
    expect(kubectl('config view').stdout).toBe(`apiVersion: v1
clusters:
- cluster:
    certificate-authority-data: DATA+OMITTED
    server: https://127.0.0.1:6443
  name: kind-kubesim
contexts:
- context:
    cluster: kind-kubesim
    user: kind-kubesim
  name: kind-kubesim
current-context: kind-kubesim
kind: Config
preferences: {}
users:
- name: kind-kubesim
  user:
    client-certificate-data: DATA+OMITTED
    client-key-data: DATA+OMITTED
`);
    expect(JSON.parse(kubectl('config view -o json').stdout)['current-context']).toBe('kind-kubesim');
    expect(kubectl('config view -o json').stdout).toMatch(/^\{\n {4}"kind": "Config",\n {4}"apiVersion": "v1",\n {4}"preferences": \{\},\n/);
  });

  it('prints the current context and the contexts table as kubectl does', () => {
    expect(kubectl('config current-context').stdout).toBe('kind-kubesim\n');
    expect(kubectl('config get-contexts').stdout).toBe('CURRENT   NAME           CLUSTER        AUTHINFO       NAMESPACE\n*         kind-kubesim   kind-kubesim   kind-kubesim   \n');
    expect(kubectl('config get-contexts -o name').stdout).toBe('kind-kubesim\n');
    expect(kubectl('config get-clusters').stdout).toBe('NAME\nkind-kubesim\n');
    expect(kubectl('config get-contexts nope')).toEqual({ stdout: 'CURRENT   NAME   CLUSTER   AUTHINFO   NAMESPACE\n', stderr: 'error: context nope not found\n', exitCode: 1 });
  });

  it('says which config subcommands it does not simulate', () => {
    expect(kubectl('config use-context other').stderr).toMatch(/^error: kubesim does not simulate "kubectl config use-context" yet/);
  });
});
