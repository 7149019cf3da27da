import { expect, test } from '@playwright/test';
import { apply, clockSeconds, commandLog, expectAllRunning, nginxPods, nodeBox, openApp, podsDrawnIn, setSpeed, snap } from './helpers';

test('a powered-off node turns NotReady, its pods are evicted and replaced elsewhere, and Power on clears it', async ({ page }) => {
  await openApp(page);
  await setSpeed(page, 30);
  await apply(page);
  await expectAllRunning(nginxPods(page), 3);

  // The least-allocated scheduler spreads three pods over three workers; take a node that has one.
  let victimNode = '';
  let victims: string[] = [];
  for (const name of ['node-1', 'node-2', 'node-3']) {
    victims = await podsDrawnIn(page, name, nginxPods(page));
    if (victims.length > 0) {
      victimNode = name;
      break;
    }
  }
  expect(victims.length).toBeGreaterThan(0);
  const node = nodeBox(page, victimNode);

  // Paused, so we can check that nothing changes on screen before the control plane notices.
  await page.getByRole('button', { name: 'Pause' }).click();
  await page.getByRole('button', { name: `Power off ${victimNode}`, exact: true }).click();
  await expect(commandLog(page)).toContainText(`kubectl sim node-down ${victimNode}`);
  await expect(page.getByRole('button', { name: `Power on ${victimNode}`, exact: true })).toBeVisible();
  await expect(node).toHaveAttribute('aria-description', 'STATUS Ready');
  const poweredOffAt = await clockSeconds(page);
  await page.getByRole('button', { name: 'Play' }).click();

  // §5.2: Ready turns Unknown 50 s after the last heartbeat, with the unreachable taints.
  await expect(node).toHaveAttribute('aria-description', 'STATUS NotReady', { timeout: 20_000 });
  const notReadyAfter = (await clockSeconds(page)) - poweredOffAt;
  expect(notReadyAfter).toBeGreaterThanOrEqual(40);
  expect(notReadyAfter).toBeLessThanOrEqual(75);
  await expect(node).toContainText('NotReady');
  await expect(node).toContainText('Kubelet stopped posting node status');
  await expect(node.getByRole('listitem', { name: 'Taint node.kubernetes.io/unreachable:NoExecute' })).toBeVisible();
  await expect(node.getByRole('listitem', { name: 'Taint node.kubernetes.io/unreachable:NoSchedule' })).toBeVisible();

  // 300 s later the taint manager evicts them: Terminating for as long as the node is down.
  for (const name of victims) {
    await expect(page.getByRole('button', { name: `Pod ${name}`, exact: true })).toContainText('Terminating', { timeout: 30_000 });
  }
  const terminatingAfter = (await clockSeconds(page)) - poweredOffAt;
  expect(terminatingAfter).toBeGreaterThanOrEqual(330);
  const running = nginxPods(page).filter({ hasText: 'Running' });
  await expectAllRunning(running, 3);
  expect(await podsDrawnIn(page, victimNode, running)).toEqual([]);
  await snap(page, '11-node-down');

  await page.getByRole('button', { name: `Pod ${victims[0]}`, exact: true }).click();
  await expect(page.getByRole('note', { name: 'Why' })).toContainText(`stays Terminating until ${victimNode} returns`);

  await page.getByRole('button', { name: `Power on ${victimNode}`, exact: true }).click();
  await expect(commandLog(page)).toContainText(`kubectl sim node-up ${victimNode}`);
  await expect(node).toHaveAttribute('aria-description', 'STATUS Ready');
  await expect(node).not.toContainText('NotReady');
  await expect(node.getByRole('listitem', { name: /^Taint node\.kubernetes\.io\/unreachable/ })).toHaveCount(0);
  for (const name of victims) await expect(page.getByRole('button', { name: `Pod ${name}`, exact: true })).toHaveCount(0);
  await expectAllRunning(nginxPods(page), 3);
  await expect(page.getByRole('button', { name: `Power off ${victimNode}`, exact: true })).toBeVisible();
});
