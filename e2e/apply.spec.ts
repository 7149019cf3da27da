import { expect, test } from '@playwright/test';
import { apply, expectAllRunning, nginxPods, openApp, setSpeed, snap } from './helpers';

test('applying the sample creates a Deployment, its ReplicaSet and three Running pods', async ({ page }) => {
  await openApp(page);
  const results = await apply(page);
  await expect(results).toContainText('deployment.apps/nginx-deployment created');

  await expect(page.getByRole('button', { name: 'Deployment nginx-deployment', exact: true })).toBeVisible();
  const replicaSet = page.getByRole('button', { name: /^ReplicaSet nginx-deployment-[a-z0-9]{6,10}$/ });
  await expect(replicaSet).toHaveCount(1);
  await expect(nginxPods(page)).toHaveCount(3);
  await snap(page, '2-applied');

  await setSpeed(page, 30);
  await expectAllRunning(nginxPods(page), 3);
  const rsName = (await replicaSet.getAttribute('aria-label'))!.slice('ReplicaSet '.length);
  for (const pod of await nginxPods(page).all()) {
    expect(await pod.getAttribute('aria-label')).toMatch(new RegExp(`^Pod ${rsName}-[a-z0-9]{5}$`));
  }
  await expect(replicaSet).toContainText(/3\s*desired\s*3\s*current\s*3\s*ready/);
  await snap(page, '3-running');
});
