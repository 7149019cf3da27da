import { expect, test, type Page } from '@playwright/test';
import { openApp, setSpeed, snap } from './helpers';

/** The terminal's screen text, row by row as xterm draws it. */
const screen = (page: Page) => page.locator('#terminal-panel .xterm-rows');

async function openTerminal(page: Page) {
  await page.getByRole('button', { name: 'Terminal', exact: true }).click();
  await expect(screen(page)).toContainText('$');
}

test('a person creates a Deployment in the terminal, watches it come up, and reuses history and Tab', async ({ page }) => {
  await page.addInitScript(() => localStorage.removeItem('kubesim.terminal.history'));
  await openApp(page);
  await setSpeed(page, 30);
  // Closed at first: the graph keeps the room.
  await expect(page.getByRole('region', { name: 'Terminal' })).toHaveCount(0);
  await openTerminal(page);

  await page.keyboard.type('kubectl create deployment web --image=nginx --replicas=2');
  await page.keyboard.press('Enter');
  await expect(screen(page)).toContainText('deployment.apps/web created');

  await page.keyboard.type('kubectl get deploy');
  await page.keyboard.press('Enter');
  await expect(screen(page)).toContainText(/NAME\s+READY\s+UP-TO-DATE\s+AVAILABLE\s+AGE/);

  // ↑ recalls the last line; run it until the Deployment is ready, as a person would.
  await expect(async () => {
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('Enter');
    await expect(screen(page)).toContainText(/web\s+2\/2\s/, { timeout: 1000 });
  }).toPass({ timeout: 30_000 });

  // Tab completes the verb, and the Deployment's name from the cluster after its type.
  await page.keyboard.type('kubectl sc');
  await page.keyboard.press('Tab');
  await page.keyboard.type('deployment/w');
  await page.keyboard.press('Tab');
  await page.keyboard.type('--replicas=3');
  await expect(screen(page)).toContainText('$ kubectl scale deployment/web --replicas=3');
  await page.keyboard.press('Enter');
  await expect(screen(page)).toContainText('deployment.apps/web scaled');

  // --watch streams rows until Ctrl+C.
  await page.keyboard.type('kubectl get deploy web -w');
  await page.keyboard.press('Enter');
  await expect(screen(page)).toContainText(/web\s+3\/3\s/);
  await page.keyboard.press('Control+C');
  await expect(screen(page)).toContainText('^C');
  await snap(page, 'terminal');
});
