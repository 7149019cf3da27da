import { expect, test } from '@playwright/test';
import { apply, expectAllRunning, nginxPods, openApp, setSpeed, snap } from './helpers';

test('deleting a pod shows it Terminating and the ReplicaSet replaces it', async ({ page }) => {
  await openApp(page);
  await setSpeed(page, 30);
  await apply(page);
  await expectAllRunning(nginxPods(page), 3);

  // Slow down so the 30 s grace period can be watched.
  await setSpeed(page, 1);
  const victim = nginxPods(page).first();
  const victimName = (await victim.getAttribute('aria-label'))!;
  await victim.click();
  const inspector = page.getByRole('complementary', { name: 'Inspector' });
  await expect(inspector).toContainText(victimName.slice('Pod '.length));
  await expect(inspector).toContainText('Conditions');
  await expect(inspector).toContainText('Scheduled');
  await expect(inspector).toContainText('kind: Pod');
  await snap(page, '4-inspector');

  await inspector.getByRole('button', { name: 'Delete' }).click();
  const deleted = page.getByRole('button', { name: victimName, exact: true });
  await expect(deleted).toContainText('Terminating');
  await expect(nginxPods(page)).toHaveCount(4);
  await snap(page, '5-terminating');

  await setSpeed(page, 30);
  await expect(deleted).toHaveCount(0);
  await expectAllRunning(nginxPods(page), 3);
  await snap(page, '6-healed');
});
