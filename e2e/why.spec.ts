import { expect, test } from '@playwright/test';
import { SAMPLE, apply, expectAllRunning, nginxPods, openApp, setManifest, setSpeed, snap } from './helpers';

test("an image tag that doesn't exist gets a why-sentence on the pod and on the stalled Deployment", async ({ page }) => {
  await openApp(page);
  await setSpeed(page, 30);
  await apply(page);
  await expectAllRunning(nginxPods(page), 3);

  await setManifest(page, SAMPLE.replace('image: nginx:1.14.2', 'image: nginx:1.161'));
  const results = await apply(page);
  await expect(results).toContainText('deployment.apps/nginx-deployment configured');

  const stuck = nginxPods(page).filter({ hasText: /ImagePullBackOff|ErrImagePull/ });
  await expect(stuck).toHaveCount(1);
  await stuck.click();
  const why = page.getByRole('note', { name: 'Why' });
  await expect(why).toContainText('The kubelet cannot pull nginx:1.161');
  await expect(why).toContainText("that image reference doesn't exist; fix image");
  await snap(page, '14-image-pull-why');

  // The rollout stalls as the Deployment docs describe: 3 old pods keep serving, 1 new pod fails.
  await expect(nginxPods(page).filter({ hasText: 'Running' })).toHaveCount(3);
  await page.getByRole('button', { name: 'Deployment nginx-deployment', exact: true }).click();
  await expect(why).toContainText('1 is ImagePullBackOff');
  await expect(why).toContainText('kubectl rollout undo deployment/nginx-deployment');
});
