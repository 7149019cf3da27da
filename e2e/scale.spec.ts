import { expect, test } from '@playwright/test';
import { SAMPLE, apply, expectAllRunning, nginxPods, openApp, setManifest, setSpeed, snap } from './helpers';

test('replicas 5 scales up to five pods, replicas 0 removes them all', async ({ page }) => {
  await openApp(page);
  await setSpeed(page, 30);
  await apply(page);
  await expectAllRunning(nginxPods(page), 3);

  await setManifest(page, SAMPLE.replace('replicas: 3', 'replicas: 5'));
  const results = await apply(page);
  await expect(results).toContainText('deployment.apps/nginx-deployment configured');
  await expectAllRunning(nginxPods(page), 5);
  await snap(page, '7-scaled-5');

  await setManifest(page, SAMPLE.replace('replicas: 3', 'replicas: 0'));
  await apply(page);
  await expect(nginxPods(page)).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Deployment nginx-deployment', exact: true })).toContainText('0/0');
  await snap(page, '8-scaled-0');
});
