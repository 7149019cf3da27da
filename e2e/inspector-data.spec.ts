import { expect, test, type Page } from '@playwright/test';
import { apply, openApp, setManifest, setSpeed, snap } from './helpers';

const inspector = (page: Page) => page.getByRole('complementary', { name: 'Inspector' });
const step = (page: Page, n: number, title: string, state: string) => inspector(page).getByRole('listitem', { name: `Step ${n}: ${title}, ${state}` });

const pv = (name: string, size: string, storageClass: string) => `apiVersion: v1
kind: PersistentVolume
metadata:
  name: ${name}
spec:
  capacity:
    storage: ${size}
  accessModes:
  - ReadWriteOnce
  storageClassName: "${storageClass}"
  hostPath:
    path: /mnt/${name}
---
`;

const claim = (name: string, size: string, storageClass?: string) => `apiVersion: v1
kind: PersistentVolumeClaim
metadata:
  name: ${name}
spec:
${storageClass ? `  storageClassName: ${storageClass}\n` : ''}  accessModes:
  - ReadWriteOnce
  resources:
    requests:
      storage: ${size}
---
`;

const counter = (name: string, claimName: string) => `apiVersion: v1
kind: Pod
metadata:
  name: ${name}
  labels:
    app: ${name}
spec:
  containers:
  - name: counter
    image: kubesim/visit-counter:1.0
    env:
    - name: GREETING
      value: hello
    - name: DB_PASSWORD
      valueFrom:
        secretKeyRef:
          name: db
          key: password
    volumeMounts:
    - name: data
      mountPath: /data
    - name: site
      mountPath: /etc/site
  volumes:
  - name: data
    persistentVolumeClaim:
      claimName: ${claimName}
  - name: site
    configMap:
      name: site
---
`;

const SERVICE = `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  selector:
    app: web
  ports:
  - port: 8080
---
`;

const CONFIG = `apiVersion: v1
kind: ConfigMap
metadata:
  name: site
data:
  motd: welcome aboard
---
apiVersion: v1
kind: Secret
metadata:
  name: db
stringData:
  password: s3cr3t-pw
---
`;

test('a pod shows its volume files and environment, with Secret values masked until revealed', async ({ page }) => {
  await openApp(page);
  await setSpeed(page, 10);
  await setManifest(page, CONFIG + pv('pv-fit', '2Gi', 'manual') + claim('web-data', '1Gi', 'manual') + counter('web', 'web-data') + SERVICE);
  await expect(await apply(page)).toContainText('pod/web created');

  await page.getByRole('button', { name: 'Pod web', exact: true }).click();
  const site = inspector(page).getByLabel('Content of /etc/site/motd');
  await expect(site).toHaveText('welcome aboard');
  const env = inspector(page).getByRole('listitem', { name: 'Environment of counter' });
  await expect(env).toContainText('GREETING');
  await expect(env).toContainText('hello');
  await expect(env).toContainText('HOSTNAME');
  await expect(env).not.toContainText('s3cr3t-pw');
  await env.getByRole('button', { name: 'Reveal Secret values' }).click();
  await expect(env).toContainText('s3cr3t-pw');

  // The counter writes its count into the claim's volume on each visit; the view follows it.
  await page.getByRole('button', { name: 'Terminal', exact: true }).click();
  await expect(page.locator('#terminal-panel .xterm-rows')).toContainText('$');
  await page.keyboard.type('kubectl sim curl http://web:8080');
  await page.keyboard.press('Enter');
  await expect(page.locator('#terminal-panel .xterm-rows')).toContainText('Visit number 1, served by web');
  await expect(inspector(page).getByLabel('Content of /data/count')).toHaveText('1');
  await snap(page, 'inspector-pod-files');
});

test('a statically bound claim plays its binding flow: the search with every volume and why, then the bind and the pod', async ({ page }) => {
  await openApp(page);
  await setSpeed(page, 10);
  await setManifest(page, CONFIG + pv('pv-small', '1Gi', 'manual') + pv('pv-mid', '5Gi', 'manual') + pv('pv-big', '10Gi', 'manual') + pv('pv-fast', '5Gi', 'fast') + claim('data', '3Gi', 'manual') + counter('user', 'data'));
  await expect(await apply(page)).toContainText('persistentvolumeclaim/data created');

  await page.getByRole('button', { name: 'PersistentVolumeClaim data', exact: true }).click();
  await expect(step(page, 1, 'Claim created: Pending', 'done')).toContainText('kubectl created PersistentVolumeClaim data');
  const search = step(page, 2, "The binder's search", 'done');
  await expect(search).toContainText('binds to volume pv-mid');
  const table = search.getByRole('table', { name: 'Candidate volumes' });
  await expect(table.getByRole('row', { name: /pv-mid chosen/ })).toBeVisible();
  await expect(table.getByRole('row', { name: /pv-small no capacity 1Gi is less than the requested 3Gi/ })).toBeVisible();
  await expect(table.getByRole('row', { name: /pv-fast no storageClassName "fast" differs from the claim's "manual"/ })).toBeVisible();
  await expect(table.getByRole('row', { name: /pv-big yes/ })).toBeVisible();
  await expect(step(page, 3, 'Bound', 'done')).toContainText("persistentvolume-controller set PersistentVolume pv-mid's claimRef to this claim");
  const mount = step(page, 4, 'Mounted by a pod', 'done');
  await expect(mount).toContainText('default-scheduler bound pod user to node-');
  await expect(mount).toContainText('mounted the volume and started pod user');
  await mount.scrollIntoViewIfNeeded();
  await snap(page, 'inspector-binding-static');
});

test('a dynamically provisioned claim waits for its first consumer, then shows the provisioner at work', async ({ page }) => {
  await openApp(page);
  await setSpeed(page, 5);
  await setManifest(page, claim('cache', '1Gi'));
  await expect(await apply(page)).toContainText('persistentvolumeclaim/cache created');
  await page.getByRole('button', { name: 'PersistentVolumeClaim cache', exact: true }).click();
  await expect(step(page, 2, "The binder's search", 'waiting')).toContainText('class standard binds WaitForFirstConsumer');
  await expect(step(page, 2, "The binder's search", 'waiting')).toContainText('WaitForFirstConsumer: waiting for first consumer to be created before binding');
  await expect(step(page, 3, 'Bind or provision', 'waiting')).toBeVisible();
  await expect(step(page, 4, 'Mounted by a pod', 'waiting')).toContainText('No pod uses this claim yet.');
  await snap(page, 'inspector-binding-dynamic-waiting');

  await setManifest(page, CONFIG + counter('consumer', 'cache'));
  await expect(await apply(page)).toContainText('pod/consumer created');
  const provisioned = step(page, 3, 'Provisioned and bound', 'done');
  await expect(provisioned).toContainText('ExternalProvisioning');
  await expect(provisioned).toContainText('Provisioning: External provisioner is provisioning volume for claim "default/cache"');
  await expect(provisioned).toContainText(/ProvisioningSucceeded: Successfully provisioned volume pvc-[0-9a-f-]{36}/);
  await expect(provisioned).toContainText(/local-path-provisioner created PersistentVolume pvc-/);
  await expect(step(page, 2, "The binder's search", 'done')).toContainText('no volume fits: rancher.io/local-path is asked to provision one');
  const mounted = step(page, 4, 'Mounted by a pod', 'done');
  await expect(mounted).toContainText('mounted the volume and started pod consumer');
  await mounted.scrollIntoViewIfNeeded();
  await snap(page, 'inspector-binding-dynamic');
});
