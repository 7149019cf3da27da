import { expect, test } from '@playwright/test';
import { apply, commandLog, expectAllRunning, nginxPods, nodeBox, openApp, podsDrawnIn, setSpeed, snap } from './helpers';

test('Cordon marks the node SchedulingDisabled with its taint, new pods go elsewhere, Uncordon clears it', async ({ page }) => {
  await openApp(page);
  const node = nodeBox(page, 'node-2');

  // Keyboard first: the buttons are ordinary buttons in the tab order.
  await page.getByRole('button', { name: 'Cordon node-2', exact: true }).focus();
  await page.keyboard.press('Enter');
  await expect(commandLog(page)).toContainText('kubectl cordon node-2');
  await expect(commandLog(page)).toContainText('node/node-2 cordoned');
  await expect(node).toHaveAttribute('aria-description', 'STATUS Ready,SchedulingDisabled');
  await expect(node).toContainText('SchedulingDisabled');
  await expect(node.getByRole('listitem', { name: 'Taint node.kubernetes.io/unschedulable:NoSchedule' })).toBeVisible();

  await setSpeed(page, 30);
  await apply(page);
  await expectAllRunning(nginxPods(page), 3);
  expect(await podsDrawnIn(page, 'node-2', nginxPods(page))).toEqual([]);
  await snap(page, '12-cordoned');

  await page.getByRole('button', { name: 'node-2', exact: true }).click();
  await expect(page.getByRole('note', { name: 'Why' })).toContainText('kubectl uncordon node-2');

  await page.getByRole('button', { name: 'Uncordon node-2', exact: true }).first().click();
  await expect(commandLog(page)).toContainText('node/node-2 uncordoned');
  await expect(node).toHaveAttribute('aria-description', 'STATUS Ready');
  await expect(node).not.toContainText('SchedulingDisabled');
  await expect(node.getByRole('listitem', { name: /unschedulable/ })).toHaveCount(0);
});

test('the About panel lists what kubesim simplifies', async ({ page }) => {
  await openApp(page);
  await page.getByRole('button', { name: 'About this simulation' }).click();
  const about = page.getByRole('dialog', { name: 'About this simulation' });
  await expect(about).toBeVisible();
  await expect(about).toContainText('Scheduling takes one virtual second');
  await expect(about).toContainText('Power off and Power on are kubesim’s own commands');
  await snap(page, '13-about');
  await page.keyboard.press('Escape');
  await expect(about).toBeHidden();
});
