/**
 * The generators against the real kubectl v1.32: each line runs through the binary (offline:
 * client dry runs need no server) and through kubesim, and stdout, stderr and the exit code must
 * match byte for byte. Skipped, with a notice, where the binary is not installed.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createCluster } from '../index';
import { tokenize } from './tokenize';

const KUBECTL = '/usr/lib/google-cloud-sdk/bin/kubectl.1.32';
const present = existsSync(KUBECTL);
if (!present) console.warn(`generators.test.ts: SKIPPED — ${KUBECTL} is not installed, so the generators are not compared with kubectl`);

const DIR = join(tmpdir(), 'kubesim-generators');
const FILES: Record<string, string> = {
  'nginx.conf': 'server {\n  listen 80;\n}\n',
  'app.env': '# settings\nMODE=prod\n  LEVEL=debug\n\nEMPTY=\n',
  'token.txt': 's3cr3t',
  'bad.env': '1BAD=x\n',
};

const DRY = '--dry-run=client -o yaml';
const JSON_OUT = '--dry-run=client -o json';

const LINES = [
  `create deployment web --image=nginx ${DRY}`,
  `create deployment web --image=nginx --replicas=3 --port=8080 ${DRY}`,
  `create deployment web --image=nginx ${JSON_OUT}`,
  `create deploy multi --image=nginx:1.25 --image=registry.k8s.io/busybox@sha256:0123456789abcdef0123456789abcdef ${DRY}`,
  `create deployment cmd --image=busybox -n team ${DRY} -- sleep 3600`,
  `create deployment web --image=nginx --dry-run=client -o name`,
  `create deployment web --image=nginx --dry-run=client`,
  `create deployment web ${DRY}`,
  `create deployment web --image=a --image=b ${DRY} -- date`,
  `create deployment web --image=nginx --replicas=abc ${DRY}`,
  `create deployment web --image=nginx --bogus ${DRY}`,
  `create deployment --image=nginx ${DRY}`,
  `create deployment web --image=nginx --dry-run=maybe`,
  `create deployment web --image=nginx --dry-run=client -o wat`,
  `create service clusterip web --tcp=80:8080 ${DRY}`,
  `create service clusterip web --tcp=80:8080,443:https ${JSON_OUT}`,
  `create service clusterip headless --clusterip=None ${DRY}`,
  `create service clusterip web ${DRY}`,
  `create service clusterip web --tcp=abc ${DRY}`,
  `create service clusterip web --tcp=80:99999 ${DRY}`,
  `create service clusterip web --tcp=80:Bad_Name ${DRY}`,
  `create service nodeport web --tcp=80:8080 --node-port=30080 ${DRY}`,
  `create svc nodeport web --tcp=80 ${JSON_OUT}`,
  `create service loadbalancer lb --tcp=5678:8080 ${DRY}`,
  `create service externalname ext --external-name=db.example.com ${DRY}`,
  `create service externalname ext --external-name=Not_Valid ${DRY}`,
  `create service externalname ext ${DRY}`,
  `create job once --image=busybox ${DRY} -- echo hello`,
  `create job once --image=busybox ${JSON_OUT}`,
  `create job once ${DRY}`,
  `create cronjob tick --image=busybox --schedule="*/1 * * * *" ${DRY} -- date`,
  `create cj tick --image=busybox --schedule="0 3 * * *" --restart=Never -n batch ${JSON_OUT}`,
  `create cronjob tick --image=busybox ${DRY}`,
  `create configmap settings --from-literal=mode=prod --from-literal=level=debug ${DRY}`,
  `create cm settings --from-literal="greeting=hello, world" --from-literal=empty= ${JSON_OUT}`,
  `create configmap files --from-file=${DIR}/nginx.conf --from-file=alias=${DIR}/token.txt ${DRY}`,
  `create configmap envs --from-env-file=${DIR}/app.env ${DRY}`,
  `create configmap envs --from-env-file=${DIR}/bad.env ${DRY}`,
  `create configmap x --from-literal=a ${DRY}`,
  `create configmap x --from-literal=a=1 --from-literal=a=2 ${DRY}`,
  `create configmap x --from-literal="b@d=1" ${DRY}`,
  `create configmap x --from-file=${DIR}/missing.txt ${DRY}`,
  `create configmap x --from-file==${DIR}/token.txt ${DRY}`,
  `create configmap x --from-env-file=${DIR}/app.env --from-literal=a=b ${DRY}`,
  `create configmap a b ${DRY}`,
  `create secret generic creds --from-literal=user=admin --from-literal=password=p4ss ${DRY}`,
  `create secret generic creds --from-literal=user=admin --type=kubernetes.io/basic-auth ${JSON_OUT}`,
  `create secret generic tok --from-file=${DIR}/token.txt ${DRY}`,
  `create secret generic x --from-literal=a=1 --from-literal=a=2 ${DRY}`,
  `create secret docker-registry regcred --docker-server=registry.example.com --docker-username=me --docker-password=pw --docker-email=me@example.com ${DRY}`,
  `create secret docker-registry regcred --docker-username=me --docker-password=pw ${JSON_OUT}`,
  `create secret docker-registry regcred ${DRY}`,
  `create namespace team ${DRY}`,
  `create ns team ${JSON_OUT}`,
  `create namespace ${DRY}`,
  `create quota small --hard=cpu=1,memory=1024Mi,pods=10,requests.storage=0.5Gi,limits.cpu=1500m ${DRY}`,
  `create quota be --hard=pods=2 --scopes=BestEffort,NotTerminating ${JSON_OUT}`,
  `create quota q --hard=memory=2048,cpu=0.25,count/jobs.batch=1e3 ${DRY}`,
  `create quota q --hard=cpu ${DRY}`,
  `create quota q --hard=cpu=lots ${DRY}`,
  `create serviceaccount robot ${DRY}`,
  `create sa robot -n team ${JSON_OUT}`,
  `create ingress web --rule="shop.example.com/=web:80" ${DRY}`,
  `create ingress web --class=nginx --rule="shop.example.com/api*=api:http,tls=shop-tls" --rule="shop.example.com/=web:80" --annotation=a=b ${DRY}`,
  `create ingress catch --default-backend=web:80 ${JSON_OUT}`,
  `create ingress multi --rule="a.com/*=a:80,tls" --rule="b.com/x=b:8080,tls" --rule="c.com/*=c:80,tls=other" ${DRY}`,
  `create ingress bad --rule=nope ${DRY}`,
  `create ingress empty ${DRY}`,
  `create ingress bad --default-backend=web ${DRY}`,
];

function kubesim(line: string) {
  const cluster = createCluster({ nodes: 1, readFile: (path) => readFileSync(path, 'utf8') });
  return cluster.kubectl(line);
}

function real(line: string) {
  const result = spawnSync(KUBECTL, tokenize(line), { encoding: 'utf8', env: { ...process.env, KUBECONFIG: join(DIR, 'no-kubeconfig') } });
  return { stdout: result.stdout, stderr: result.stderr, exitCode: result.status };
}

describe.skipIf(!present)('kubectl create generators match kubectl v1.32 byte for byte', () => {
  beforeAll(() => {
    mkdirSync(DIR, { recursive: true });
    for (const [name, text] of Object.entries(FILES)) writeFileSync(join(DIR, name), text);
  });

  it('has at least 30 lines to compare', () => {
    expect(LINES.length).toBeGreaterThanOrEqual(30);
  });

  it.each(LINES)('kubectl %s', (line) => {
    expect(kubesim(line)).toEqual(real(line));
  });
});
