/**
 * The control plane as kubeadm (and kind) runs it: static pods the control-plane node's kubelet
 * reads from /etc/kubernetes/manifests and mirrors into the API, so `kubectl get pods -n
 * kube-system` lists them like any pod.
 */
import type { Pod } from '../api/types';
import { KUBERNETES_VERSION } from '../version';

/** Pods from the manifest directory, before the kubelet names them after its node. */
export interface StaticPodManifest {
  name: string;
  component: string;
  image: string;
  command: string[];
  requests: Record<string, string>;
}

const PKI = '/etc/kubernetes/pki';

export function controlPlaneManifests(nodeIP: string): StaticPodManifest[] {
  return [
    {
      name: 'etcd',
      component: 'etcd',
      image: 'registry.k8s.io/etcd:3.5.16-0',
      command: ['etcd', `--advertise-client-urls=https://${nodeIP}:2379`, '--data-dir=/var/lib/etcd', `--listen-client-urls=https://127.0.0.1:2379,https://${nodeIP}:2379`, '--name=control-plane', `--cert-file=${PKI}/etcd/server.crt`, `--key-file=${PKI}/etcd/server.key`],
      requests: { cpu: '100m', memory: '100Mi' },
    },
    {
      name: 'kube-apiserver',
      component: 'kube-apiserver',
      image: `registry.k8s.io/kube-apiserver:${KUBERNETES_VERSION}`,
      command: ['kube-apiserver', `--advertise-address=${nodeIP}`, '--allow-privileged=true', '--authorization-mode=Node,RBAC', `--client-ca-file=${PKI}/ca.crt`, '--enable-admission-plugins=NodeRestriction', '--etcd-servers=https://127.0.0.1:2379', '--secure-port=6443', '--service-cluster-ip-range=10.96.0.0/16'],
      requests: { cpu: '250m' },
    },
    {
      name: 'kube-controller-manager',
      component: 'kube-controller-manager',
      image: `registry.k8s.io/kube-controller-manager:${KUBERNETES_VERSION}`,
      command: ['kube-controller-manager', '--allocate-node-cidrs=true', '--cluster-cidr=10.244.0.0/16', '--controllers=*,bootstrapsigner,tokencleaner', '--kubeconfig=/etc/kubernetes/controller-manager.conf', '--leader-elect=true', '--service-cluster-ip-range=10.96.0.0/16', '--use-service-account-credentials=true'],
      requests: { cpu: '200m' },
    },
    {
      name: 'kube-scheduler',
      component: 'kube-scheduler',
      image: `registry.k8s.io/kube-scheduler:${KUBERNETES_VERSION}`,
      command: ['kube-scheduler', '--authentication-kubeconfig=/etc/kubernetes/scheduler.conf', '--bind-address=127.0.0.1', '--kubeconfig=/etc/kubernetes/scheduler.conf', '--leader-elect=true'],
      requests: { cpu: '100m' },
    },
  ];
}

/** The mirror pod the kubelet writes for a static pod: named after the node, owned by the Node. */
export function mirrorPod(manifest: StaticPodManifest, node: { name: string; uid: string }, seen: string, hash: string): Pod {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name: `${manifest.name}-${node.name}`,
      namespace: 'kube-system',
      labels: { component: manifest.component, tier: 'control-plane' },
      annotations: {
        'kubernetes.io/config.hash': hash,
        'kubernetes.io/config.mirror': hash,
        'kubernetes.io/config.seen': seen,
        'kubernetes.io/config.source': 'file',
      },
      ownerReferences: [{ apiVersion: 'v1', kind: 'Node', name: node.name, uid: node.uid, controller: true }],
    },
    spec: {
      nodeName: node.name,
      hostNetwork: true,
      priorityClassName: 'system-node-critical',
      containers: [{ name: manifest.name, image: manifest.image, command: manifest.command, resources: { requests: manifest.requests } }],
      tolerations: [{ operator: 'Exists', effect: 'NoExecute' }],
    },
  };
}

/** kubernetes.io/config.hash: 32 hex digits derived from the manifest (the kubelet's is an MD5). */
export function manifestHash(manifest: StaticPodManifest): string {
  const text = JSON.stringify(manifest);
  let out = '';
  for (let round = 0; round < 4; round++) {
    let hash = 0x811c9dc5 ^ round;
    for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193) >>> 0;
    out += hash.toString(16).padStart(8, '0');
  }
  return out;
}
