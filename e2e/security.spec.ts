import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { apply, openApp, setManifest, snap } from './helpers';

/** Markup and script in every free-text field a student (or a shared link) can fill. */
const HOSTILE = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: xss
  annotations:
    note: '<img src=x onerror="window.__xss=1"><script>window.__xss=2</script>'
spec:
  replicas: 1
  selector:
    matchLabels:
      app: xss
  template:
    metadata:
      labels:
        app: xss
      annotations:
        kubesim.io/crash-after: '<b id="injected">bold</b>'
    spec:
      containers:
      - name: web
        image: '<img/src=x/onerror=window.__xss=3>'
        env:
        - name: PAYLOAD
          value: '"><svg onload="window.__xss=4">'
`;

test.beforeEach(async ({ page }) => {
  await page.addInitScript(() => {
    const w = window as unknown as { __csp: string[] };
    w.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => w.__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
});

test('the built page carries a strict Content-Security-Policy and breaks none of it', async ({ page }) => {
  await openApp(page);
  const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  expect(csp).toContain("script-src 'self'");
  expect(csp).not.toContain('unsafe-eval');
  expect(csp).toContain("worker-src 'self'");
  // The editor (Monaco and the YAML worker) and the simulation worker all load under it.
  await expect(page.getByRole('textbox', { name: 'Manifest editor' })).toBeVisible();
  expect(await page.evaluate(() => (window as unknown as { __csp: string[] }).__csp)).toEqual([]);
});

test('markup in names, annotations, images and env values renders as text', async ({ page }) => {
  await openApp(page);
  await setManifest(page, HOSTILE);
  const results = await apply(page);
  await expect(results).toContainText('deployment.apps/xss created');
  const pod = page.getByRole('button', { name: /^Pod xss-/ });
  await expect(pod).toBeVisible();
  await pod.click();
  // The failed pull names the image in the pod's events, which the inspector lists.
  await expect(page.getByRole('complementary').getByText('<img/src=x/onerror=window.__xss=3>', { exact: false }).first()).toBeVisible();
  await snap(page, 'security-xss');
  expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
  await expect(page.locator('#injected')).toHaveCount(0);
  await expect(page.locator('img[src="x"], svg[onload]')).toHaveCount(0);
  expect(await page.evaluate(() => (window as unknown as { __csp: string[] }).__csp)).toEqual([]);
});

test('no serious or critical accessibility violations on the main view', async ({ page }) => {
  await openApp(page);
  await apply(page);
  await expect(page.getByRole('button', { name: /^Pod nginx-deployment-/ }).first()).toBeVisible();
  // axe's experimental label-content-name-mismatch reads a whole graph card (title plus counts) as
  // its label; the card's name is its title ("Deployment web"), which the visible title matches.
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).disableRules(['label-content-name-mismatch']).analyze();
  const serious = results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} (${v.nodes.length}) ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
  expect(serious).toEqual([]);
});

test('no serious or critical accessibility violations with the lessons and the terminal open', async ({ page }) => {
  await openApp(page);
  await page.getByRole('button', { name: 'Lessons' }).click();
  await page.getByRole('button', { name: /Pods/ }).first().click();
  await expect(page.getByRole('heading', { name: 'Pods', exact: true })).toBeVisible();
  await page.getByRole('button', { name: 'Terminal' }).click();
  await expect(page.locator('#terminal-panel .xterm-rows')).toBeVisible();
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).disableRules(['label-content-name-mismatch']).analyze();
  const serious = results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} (${v.nodes.length}) ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
  expect(serious).toEqual([]);
});
