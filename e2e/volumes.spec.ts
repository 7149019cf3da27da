import { expect, test, type Page } from '@playwright/test';
import { apply, openApp, setManifest, setSpeed, snap } from './helpers';

/** The terminal's screen text, row by row as xterm draws it. */
const screen = (page: Page) => page.locator('#terminal-panel .xterm-rows');

async function run(page: Page, line: string) {
  await page.keyboard.type(line);
  await page.keyboard.press('Enter');
}

/** Runs `line` until the screen shows `text`, as a person retries while a pod comes up. */
async function runUntil(page: Page, line: string, text: string | RegExp) {
  await expect(async () => {
    await run(page, line);
    await expect(screen(page)).toContainText(text, { timeout: 1500 });
  }).toPass({ timeout: 45_000 });
}

const counter = (name: string, volume: string) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${name}
spec:
  selector:
    matchLabels:
      app: ${name}
  template:
    metadata:
      labels:
        app: ${name}
    spec:
      containers:
      - name: counter
        image: kubesim/visit-counter:1.0
        ports:
        - containerPort: 8080
        volumeMounts:
        - name: data
          mountPath: /data
      volumes:
      - name: data
${volume}---
apiVersion: v1
kind: Service
metadata:
  name: ${name}
spec:
  selector:
    app: ${name}
  ports:
  - port: 8080
`;

const CLAIM = `---
apiVersion: v1
kind: PersistentVolumeClaim
metadata:
  name: keeper-data
spec:
  accessModes:
  - ReadWriteOnce
  resources:
    requests:
      storage: 1Gi
`;

test('a visit counter forgets with emptyDir and remembers with a PersistentVolumeClaim', async ({ page }) => {
  await openApp(page);
  await setSpeed(page, 30);
  await setManifest(page, counter('scratch', '        emptyDir: {}\n') + '---\n' + counter('keeper', '        persistentVolumeClaim:\n          claimName: keeper-data\n') + CLAIM);
  await expect(await apply(page)).toContainText('persistentvolumeclaim/keeper-data created');
  await page.getByRole('button', { name: 'Terminal', exact: true }).click();
  await expect(screen(page)).toContainText('$');

  await runUntil(page, 'kubectl sim curl http://scratch:8080', 'Visit number 1, served by scratch-');
  await run(page, 'kubectl sim curl http://scratch:8080');
  await expect(screen(page)).toContainText('Visit number 2, served by scratch-');
  await runUntil(page, 'kubectl sim curl http://keeper:8080', 'Visit number 1, served by keeper-');
  await run(page, 'kubectl sim curl http://keeper:8080');
  await run(page, 'kubectl sim curl http://keeper:8080');
  await expect(screen(page)).toContainText('Visit number 3, served by keeper-');

  // The ReplicaSets replace both pods; only the claim's data outlives them.
  await run(page, 'clear');
  await run(page, 'kubectl delete pod -l app=scratch');
  await run(page, 'kubectl delete pod -l app=keeper');
  await runUntil(page, 'kubectl sim curl http://scratch:8080', 'Visit number 1, served by scratch-');
  await runUntil(page, 'kubectl sim curl http://keeper:8080', 'Visit number 4, served by keeper-');
  await snap(page, 'volumes-counter');
});
