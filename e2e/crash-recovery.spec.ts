import { expect, test } from '@playwright/test';
import { SAMPLE, apply, expectAllRunning, nginxPods, openApp, setManifest, setSpeed, snap } from './helpers';

test('a worker killed mid-rollout is restarted and restored, and the rollout finishes', async ({ page }) => {
  await openApp(page);
  await setSpeed(page, 10);
  await setManifest(page, SAMPLE);
  await expect(await apply(page)).toContainText('deployment.apps/nginx-deployment created');
  await expectAllRunning(nginxPods(page), 3);
  // The supervisor asks for a snapshot every 10 s of wall time: let one be taken.
  await page.waitForTimeout(11_000);

  await setManifest(page, SAMPLE.replace('nginx:1.14.2', 'nginx:1.16.1'));
  await expect(await apply(page)).toContainText('deployment.apps/nginx-deployment configured');
  await page.evaluate(() => (window as unknown as { __kubesimWorker: { terminate(): void } }).__kubesimWorker.terminate());

  const banner = page.getByRole('alert', { name: 'Simulation restarted' });
  await expect(banner).toContainText('The simulation stopped answering for 5 s.', { timeout: 15_000 });
  await expect(banner).toContainText('restored from its last snapshot plus everything you did since');
  await snap(page, 'crash-recovery-banner');

  // The apply made before the crash survived: the rollout goes on to three new pods.
  await expect(nginxPods(page).filter({ hasText: '1.14.2' })).toHaveCount(0, { timeout: 45_000 });
  await expectAllRunning(nginxPods(page), 3);
  for (const pod of await nginxPods(page).all()) await expect(pod).toHaveAttribute('title', /nginx:1\.16\.1/);
  await snap(page, 'crash-recovery-restored');
});
