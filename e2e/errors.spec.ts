import { expect, test } from '@playwright/test';
import { SAMPLE, apply, openApp, setManifest, snap } from './helpers';

const MISMATCH =
  'spec.template.metadata.labels: Invalid value: map[string]string{"app":"nginx"}: `selector` does not match template `labels`';

test('broken YAML gets a marker at its line and changes nothing', async ({ page }) => {
  await openApp(page);
  await setManifest(page, SAMPLE.replace('  replicas: 3', '  replicas: [3'));
  const results = await apply(page);
  await expect(results).toContainText(/error/i);
  await expect(results.getByRole('button', { name: /^line \d+$/ })).toBeVisible();
  await expect(page.locator('.monaco-editor .squiggly-error').first()).toBeAttached();
  await expect(page.getByRole('button', { name: 'Deployment nginx-deployment' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: /^Pod nginx-deployment-/ })).toHaveCount(0);
  await snap(page, '9-broken-yaml');
});

test("a selector that does not match the template's labels gets the apiserver's message at its line", async ({ page }) => {
  await openApp(page);
  await setManifest(page, SAMPLE.replace('    matchLabels:\n      app: nginx', '    matchLabels:\n      app: web'));
  const results = await apply(page);
  await expect(results).toContainText(MISMATCH);
  await expect(page.locator('.monaco-editor .squiggly-error').first()).toBeAttached();

  // F8 opens the editor's own view of the marker, which shows its message.
  await page.getByRole('textbox', { name: 'Manifest editor' }).focus();
  await page.keyboard.press('F8');
  await expect(page.locator('.marker-widget')).toContainText(MISMATCH);
  await snap(page, '10-selector-mismatch');

  await expect(page.getByRole('button', { name: 'Deployment nginx-deployment' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: /^ReplicaSet nginx-deployment-/ })).toHaveCount(0);
});
