import { expect, test } from '@playwright/test';
import { openApp, snap } from './helpers';

test('opens on three worker nodes and a control plane, with the clock running', async ({ page }) => {
  await openApp(page);
  for (const name of ['node-1', 'node-2', 'node-3', 'control-plane']) {
    await expect(page.getByRole('group', { name: `Node ${name}`, exact: true })).toBeVisible();
  }
  await expect(page.getByRole('group', { name: 'Node control-plane', exact: true })).toContainText('control plane');
  // Every node runs kube-proxy from the start, as on a kind cluster; the control plane its static pods.
  await expect(page.getByRole('group', { name: 'Node node-1', exact: true })).toContainText(/Pods[12] \/ 110/);
  // kube-system is left out until asked for, as `kubectl get pods` lists only its own namespace.
  await expect(page.getByRole('button', { name: 'Pod kube-apiserver-control-plane' })).toHaveCount(0);
  await page.getByLabel('Show kube-system').check();
  await expect(page.getByRole('button', { name: 'Pod kube-apiserver-control-plane' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'DaemonSet kube-proxy' })).toBeVisible();
  await page.getByLabel('Show kube-system').uncheck();

  const clock = page.getByLabel('Cluster clock');
  const start = await clock.textContent();
  await expect(clock).not.toHaveText(start ?? '');
  await expect(clock).toHaveText(/^\d\d:\d\d:\d\d$/);
  await expect(page.getByRole('textbox', { name: 'Manifest editor' })).toBeAttached();
  await expect(page.getByLabel('Speed')).toHaveValue('1');
  await snap(page, '1-open');
});

test('Pause stops the clock and Play starts it again', async ({ page }) => {
  await openApp(page);
  const clock = page.getByLabel('Cluster clock');
  await page.getByRole('button', { name: 'Pause' }).click();
  const paused = await clock.textContent();
  await page.waitForTimeout(1500);
  await expect(clock).toHaveText(paused ?? '');
  await page.getByRole('button', { name: 'Play' }).click();
  await expect(clock).not.toHaveText(paused ?? '');
  await expect(page.getByRole('button', { name: 'Pause' })).toBeVisible();
});
