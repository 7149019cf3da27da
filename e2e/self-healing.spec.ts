import { expect, test } from '@playwright/test';
import { apply, expectAllRunning, nginxPods, openApp, setSpeed, snap } from './helpers';

test('deleting a pod shows it Terminating and the ReplicaSet replaces it', async ({ page }) => {
  await openApp(page);
  await setSpeed(page, 30);
  await apply(page);
  await expectAllRunning(nginxPods(page), 3);

  // Hold the clock so the moment after Delete can be looked at: nginx exits on SIGTERM within a second.
  await page.getByRole('button', { name: 'Pause' }).click();
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

  await page.getByRole('button', { name: 'Play' }).click();
  await expect(deleted).toHaveCount(0);
  await expectAllRunning(nginxPods(page), 3);
  await snap(page, '6-healed');
});
