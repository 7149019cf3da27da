import { expect, test, type Locator, type Page } from '@playwright/test';
import { SAMPLE, apply, commandLog, expectAllRunning, nginxPods, openApp, setManifest, setSpeed, snap } from './helpers';

const WEB = `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  selector:
    app: nginx
  ports:
  - port: 80
`;

function inspector(page: Page): Locator {
  return page.getByRole('complementary', { name: 'Inspector' });
}

/** Requests per pod as the Service inspector lists them: full pod name → count. */
async function requestsPerPod(page: Page): Promise<Map<string, number>> {
  const rows = inspector(page).getByRole('table', { name: 'Requests per pod' }).locator('tbody tr');
  const counts = new Map<string, number>();
  for (const row of await rows.all()) {
    const name = await row.locator('td').first().locator('[title]').first().getAttribute('title');
    const count = Number(await row.locator('td').nth(1).textContent());
    counts.set((name ?? '').replace(/ \(deleted\)$/, ''), count);
  }
  return counts;
}

async function podNames(page: Page): Promise<string[]> {
  const labels = await nginxPods(page).evaluateAll((chips) => chips.map((c) => c.getAttribute('aria-label') ?? ''));
  return labels.map((label) => label.slice('Pod '.length));
}

test('traffic to a Service reaches every ready pod, and moves to a deleted pod’s replacement without a failed request', async ({ page }) => {
  await openApp(page);
  await setSpeed(page, 5);
  await setManifest(page, `${SAMPLE}---\n${WEB}`);
  await apply(page);
  await expectAllRunning(nginxPods(page), 3);
  const service = page.getByRole('button', { name: 'Service web', exact: true });
  await expect(service).toContainText('3 endpoints');
  await expect(service).toContainText('No traffic');

  await page.getByRole('button', { name: 'Send traffic to web', exact: true }).click();
  await expect(commandLog(page)).toContainText('kubectl sim traffic svc/web --rps 10 --duration 5m');
  await expect(commandLog(page)).toContainText('sending 10 requests/s to http://web.default.svc.cluster.local for 5m (traffic 1)');
  await expect(page.getByRole('button', { name: 'Stop traffic to web', exact: true })).toBeVisible();

  // Every pod answers and shows its rate; the Service shows its rate and the split by version.
  for (const pod of await nginxPods(page).all()) await expect(pod).toContainText(/\d(\.\d)?\/s/);
  await expect(service).toContainText(/\d+(\.\d)? req\/s/);
  await expect(service).toContainText('1.14.2 100%');
  await expect.poll(() => page.locator('.traffic-dot').count()).toBeGreaterThan(0);
  await snap(page, '30-traffic-flowing');

  await service.click();
  await expect(inspector(page).getByLabel('Traffic totals')).toContainText(/sent \d+ · failed 0/);
  await expect(inspector(page).getByRole('table', { name: 'Requests per pod' }).locator('tbody tr')).toHaveCount(3);
  const before = await requestsPerPod(page);
  expect([...before.keys()].sort()).toEqual((await podNames(page)).sort());
  // The counts rise on all three pods.
  await expect
    .poll(async () => {
      const now = await requestsPerPod(page);
      return [...before].every(([pod, n]) => (now.get(pod) ?? 0) > n);
    })
    .toBe(true);
  await snap(page, '31-traffic-service-inspector');

  // Delete one pod mid-stream.
  const original = await podNames(page);
  const victim = original[0];
  await page.getByRole('button', { name: `Pod ${victim}`, exact: true }).click();
  await inspector(page).getByRole('button', { name: 'Delete' }).click();
  await expect(page.getByRole('button', { name: `Pod ${victim}`, exact: true })).toHaveCount(0);
  await expectAllRunning(nginxPods(page), 3);
  const replacement = (await podNames(page)).find((name) => !original.includes(name));
  expect(replacement).toBeDefined();

  // The replacement gets requests, and no request failed on the way.
  await service.click();
  await expect.poll(async () => (await requestsPerPod(page)).get(replacement!) ?? 0).toBeGreaterThan(0);
  const chip = page.getByRole('button', { name: `Pod ${replacement}`, exact: true });
  await expect(chip).toContainText(/\d(\.\d)?\/s/);
  await expect(inspector(page).getByLabel('Traffic totals')).toContainText(/sent \d+ · failed 0/);
  await expect(inspector(page).getByRole('table', { name: 'Requests per pod' })).toContainText('(deleted)');
  await snap(page, '32-traffic-after-replacement');

  await inspector(page).getByRole('button', { name: 'Stop traffic to web', exact: true }).click();
  await expect(commandLog(page)).toContainText('kubectl sim stop-traffic 1');
  await expect(commandLog(page)).toContainText('traffic 1 stopped');
  await expect(page.getByRole('button', { name: 'Send traffic to web', exact: true })).toHaveCount(2);
  await expect(service).toContainText('No traffic');
  await expect(inspector(page).getByLabel('Traffic totals')).toContainText(/sent \d+ · failed 0/);
});

test('traffic to a Service whose selector matches nothing fails as connection refused, in red', async ({ page }) => {
  await openApp(page);
  await setSpeed(page, 5);
  await setManifest(page, `${SAMPLE}---\n${WEB.replace('name: web', 'name: nowhere').replace('app: nginx', 'app: nothing')}`);
  await apply(page);
  await expectAllRunning(nginxPods(page), 3);
  const service = page.getByRole('button', { name: 'Service nowhere', exact: true });
  await expect(service).toContainText('0 endpoints');

  await page.getByRole('button', { name: 'Send traffic to nowhere', exact: true }).click();
  await expect(service).toContainText(/\d+(\.\d)?\/s connection refused/);
  await expect(service).not.toContainText('answered');
  await expect.poll(() => page.locator('.traffic-burst').count()).toBeGreaterThan(0);
  await snap(page, '33-traffic-refused');

  await service.click();
  await expect(inspector(page).getByLabel('Traffic totals')).toContainText(/sent (\d+) · failed [1-9]\d*/);
  await expect(inspector(page)).toContainText('curl: (7) Failed to connect to nowhere.default.svc.cluster.local port 80');
  await expect(page.getByRole('note', { name: 'Why' })).toContainText('connections to it are refused');
  // No pod answered, so no pod counts anything.
  for (const pod of await nginxPods(page).all()) await expect(pod).not.toContainText('/s');
  await snap(page, '34-traffic-refused-inspector');
});

test('with reduced motion no dots move, and the counters still tell the story', async ({ page }) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await openApp(page);
  await setSpeed(page, 10);
  await setManifest(page, `${SAMPLE}---\n${WEB}`);
  await apply(page);
  await expectAllRunning(nginxPods(page), 3);
  await page.getByRole('button', { name: 'Send traffic to web', exact: true }).click();
  const service = page.getByRole('button', { name: 'Service web', exact: true });
  await expect(service).toContainText(/\d+(\.\d)? req\/s/);
  for (const pod of await nginxPods(page).all()) await expect(pod).toContainText(/\d(\.\d)?\/s/);
  expect(await page.locator('.traffic-dot, .traffic-burst').count()).toBe(0);
});
