import { expect, test, type Page } from '@playwright/test';
import { apply, nodeBox, openApp, podsDrawnIn, setManifest, setSpeed, snap } from './helpers';

/** The Kubernetes docs' StatefulSet (tutorials/stateful-application/basic-stateful-set), without volumes. */
const STATEFUL_SET = `apiVersion: v1
kind: Service
metadata:
  name: nginx
  labels:
    app: nginx
spec:
  ports:
  - port: 80
    name: web
  clusterIP: None
  selector:
    app: nginx
---
apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: web
spec:
  serviceName: nginx
  replicas: 3
  selector:
    matchLabels:
      app: nginx
  template:
    metadata:
      labels:
        app: nginx
    spec:
      containers:
      - name: nginx
        image: registry.k8s.io/nginx-slim:0.24
        ports:
        - containerPort: 80
          name: web
`;

const DAEMON_SET = `apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: node-agent
spec:
  selector:
    matchLabels:
      name: node-agent
  template:
    metadata:
      labels:
        name: node-agent
    spec:
      containers:
      - name: agent
        image: nginx:1.14.2
`;

/** A Job whose one pod works for 5 min (10 s at 30×) and succeeds, and one whose pods fail until backoffLimit gives up. */
const JOBS = `apiVersion: batch/v1
kind: Job
metadata:
  name: sleeper
spec:
  template:
    spec:
      containers:
      - name: work
        image: busybox:1.28
        command: ["sh", "-c", "sleep 300"]
      restartPolicy: Never
---
apiVersion: batch/v1
kind: Job
metadata:
  name: broken
spec:
  backoffLimit: 1
  template:
    spec:
      containers:
      - name: work
        image: busybox:1.28
        command: ["sh", "-c", "exit 1"]
      restartPolicy: Never
`;

const card = (page: Page, kind: string, name: string) => page.getByRole('button', { name: `${kind} ${name}`, exact: true });
const pod = (page: Page, name: string) => page.getByRole('button', { name: `Pod ${name}`, exact: true });
const inspector = (page: Page) => page.getByRole('complementary', { name: 'Inspector' });

test('a StatefulSet is drawn with its pods by ordinal, and each pod has a stable DNS name behind the headless Service', async ({ page }) => {
  await openApp(page);
  await setSpeed(page, 30);
  await setManifest(page, STATEFUL_SET);
  const results = await apply(page);
  await expect(results).toContainText('statefulset.apps/web created');

  const set = card(page, 'StatefulSet', 'web');
  await expect(set).toBeVisible();
  await expect(set).toContainText('3/3', { timeout: 30_000 });
  const ordinals = set.getByRole('list', { name: 'Pods by ordinal' }).getByRole('listitem');
  await expect(ordinals).toHaveText(['0', '1', '2']);
  await expect(ordinals.nth(2)).toHaveAttribute('aria-label', 'web-2: Running');
  for (const name of ['web-0', 'web-1', 'web-2']) {
    await expect(pod(page, name)).toContainText('Running');
    await expect(page.locator(`.react-flow__edge[data-id="StatefulSet/default/web->Pod/default/${name}"]`)).toHaveCount(1);
  }
  await snap(page, '60-statefulset');

  await pod(page, 'web-1').click();
  await expect(inspector(page)).toContainText('web-1.nginx.default.svc.cluster.local');
  await set.click();
  await expect(inspector(page)).toContainText('OrderedReady');
  await expect(inspector(page).getByRole('list', { name: 'Pods by ordinal' }).getByRole('listitem')).toHaveCount(3);
  await snap(page, '61-statefulset-inspector');
});

test('a DaemonSet runs one pod on every worker node and none on the tainted control plane', async ({ page }) => {
  await openApp(page);
  await setSpeed(page, 30);
  await setManifest(page, DAEMON_SET);
  await apply(page);

  const set = card(page, 'DaemonSet', 'node-agent');
  await expect(set).toBeVisible();
  const pods = page.getByRole('button', { name: /^Pod node-agent-[a-z0-9]{5}$/ });
  await expect(pods).toHaveCount(3);
  for (const p of await pods.all()) await expect(p).toContainText('Running', { timeout: 30_000 });
  await expect(set).toContainText(/3desired3current3ready/i);
  for (const node of ['node-1', 'node-2', 'node-3']) expect(await podsDrawnIn(page, node, pods)).toHaveLength(1);
  expect(await podsDrawnIn(page, 'control-plane', pods)).toHaveLength(0);
  await expect(nodeBox(page, 'control-plane')).toBeVisible();
  await expect(page.locator('.react-flow__edge[data-id^="DaemonSet/default/node-agent->Pod/"]')).toHaveCount(3);
  await snap(page, '62-daemonset');
});

test('a Job that succeeds shows Complete 1/1 with its pod Completed; one that keeps failing shows Failed with Error pods', async ({ page }) => {
  test.setTimeout(90_000);
  await openApp(page);
  await setSpeed(page, 30);
  await setManifest(page, JOBS);
  await apply(page);

  const sleeper = card(page, 'Job', 'sleeper');
  await expect(sleeper).toContainText('Running');
  await expect(sleeper).toContainText('0/1');
  await expect(sleeper).toContainText('Complete', { timeout: 45_000 });
  await expect(sleeper).toContainText('1/1');
  const done = page.getByRole('button', { name: /^Pod sleeper-[a-z0-9]{5}$/ });
  await expect(done).toHaveCount(1);
  await expect(done).toContainText('Completed');

  // backoffLimit 1: the second failed pod ends the Job.
  const broken = card(page, 'Job', 'broken');
  await expect(broken).toContainText('Failed', { timeout: 30_000 });
  const failed = page.getByRole('button', { name: /^Pod broken-[a-z0-9]{5}$/ });
  await expect(failed).toHaveCount(2);
  for (const p of await failed.all()) await expect(p).toContainText('Error');
  await snap(page, '63-jobs');

  await broken.click();
  await expect(page.getByRole('note', { name: 'Why' })).toContainText('more than backoffLimit (1) allows; its pods ended in Error');
  await expect(inspector(page)).toContainText('BackoffLimitExceeded');
  await snap(page, '64-job-failed-inspector');
});

test("a Secret a pod uses opens from the pod, its values masked until revealed", async ({ page }) => {
  await openApp(page);
  await setSpeed(page, 30);
  await setManifest(
    page,
    `apiVersion: v1
kind: Secret
metadata:
  name: db
data:
  password: czNjcjN0
---
apiVersion: v1
kind: Pod
metadata:
  name: client
spec:
  containers:
  - name: app
    image: nginx:1.14.2
    env:
    - name: PASSWORD
      valueFrom:
        secretKeyRef:
          name: db
          key: password
`,
  );
  await apply(page);
  await pod(page, 'client').click();
  await inspector(page).getByRole('button', { name: 'db', exact: true }).click();
  const data = inspector(page).getByRole('definition').filter({ hasText: 'bytes' }).first();
  await expect(data).toContainText('••••••••');
  await expect(inspector(page)).toContainText('Base64 is an encoding, not encryption');
  await expect(inspector(page)).not.toContainText('czNjcjN0');
  await inspector(page).getByRole('button', { name: 'Reveal values' }).click();
  await expect(inspector(page)).toContainText('s3cr3t');
  await snap(page, '65-secret-revealed');
});

test('a StatefulSet with volumeClaimTemplates gets a claim per pod, each bound to its own volume, hung below the nodes', async ({ page }) => {
  await openApp(page);
  await setSpeed(page, 30);
  await setManifest(
    page,
    `${STATEFUL_SET.replace('replicas: 3', 'replicas: 2')}        volumeMounts:
        - name: www
          mountPath: /usr/share/nginx/html
  volumeClaimTemplates:
  - metadata:
      name: www
    spec:
      accessModes: ["ReadWriteOnce"]
      resources:
        requests:
          storage: 1Gi
`,
  );
  await apply(page);
  await expect(card(page, 'StatefulSet', 'web')).toContainText('2/2', { timeout: 30_000 });
  for (const ordinal of [0, 1]) {
    const claim = card(page, 'PersistentVolumeClaim', `www-web-${ordinal}`);
    await expect(claim).toContainText('Bound');
    await expect(claim).toContainText('1Gi');
    await expect(claim).toContainText('RWO');
    await expect(claim).toContainText('standard');
    await expect(page.locator(`.react-flow__edge.volume-edge[data-id="Pod/default/web-${ordinal}->PersistentVolumeClaim/default/www-web-${ordinal}"]`)).toHaveCount(1);
  }
  const volumes = page.getByRole('button', { name: /^PersistentVolume pvc-/ });
  await expect(volumes).toHaveCount(2);
  for (const volume of await volumes.all()) await expect(volume).toContainText('Bound');
  await expect(page.locator('.react-flow__edge.binding-edge')).toHaveCount(2);

  // The volumes hang below every node box.
  const nodeBottom = Math.max(...(await Promise.all(['node-1', 'node-2', 'node-3'].map(async (n) => {
    const box = await nodeBox(page, n).boundingBox();
    return box ? box.y + box.height : 0;
  }))));
  const claimBox = await card(page, 'PersistentVolumeClaim', 'www-web-0').boundingBox();
  expect(claimBox && claimBox.y > nodeBottom).toBe(true);
  await snap(page, '66-statefulset-volumes');

  await card(page, 'PersistentVolumeClaim', 'www-web-0').click();
  await expect(inspector(page)).toContainText('Bound to a volume');
  await expect(inspector(page).getByRole('button', { name: 'web-0', exact: true })).toBeVisible();
});
