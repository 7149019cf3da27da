import { readFileSync } from 'node:fs';
import { expect, type Locator, type Page } from '@playwright/test';

/** The editor's sample: the Kubernetes docs' Deployment, kept once in examples/. */
export const SAMPLE = readFileSync(new URL('../examples/nginx-deployment.yaml', import.meta.url), 'utf8');

/** Opens the app and waits until the cluster and the editor are there. */
export async function openApp(page: Page): Promise<void> {
  await page.goto('/');
  await expect(page.getByRole('group', { name: 'Node node-1', exact: true })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Apply' })).toBeEnabled();
}

export async function setSpeed(page: Page, speed: 1 | 2 | 5 | 10 | 30): Promise<void> {
  await page.getByLabel('Speed').selectOption(String(speed));
}

/**
 * Replaces the editor's text the way a person would: select all, then paste. Typing it would let
 * the editor's auto-indent shift every line.
 */
export async function setManifest(page: Page, text: string): Promise<void> {
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.evaluate((value) => navigator.clipboard.writeText(value), text);
  const editor = page.getByRole('textbox', { name: 'Manifest editor' });
  await editor.focus();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('ControlOrMeta+V');
}

export async function apply(page: Page): Promise<Locator> {
  await page.getByRole('button', { name: 'Apply' }).click();
  return page.getByRole('status', { name: 'Apply results' });
}

/** The pod chips of the sample Deployment. */
export function nginxPods(page: Page): Locator {
  return page.getByRole('button', { name: /^Pod nginx-deployment-[a-z0-9]+-[a-z0-9]{5}$/ });
}

export async function expectAllRunning(pods: Locator, count: number): Promise<void> {
  await expect(pods).toHaveCount(count);
  for (const pod of await pods.all()) {
    await expect(pod).toContainText('Running');
    await expect(pod).toContainText('1/1');
  }
}

/** Screenshots go to test-results/, for people to look at each step. */
export async function snap(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `test-results/screens/${name}.png` });
}

export function nodeBox(page: Page, name: string): Locator {
  return page.getByRole('group', { name: `Node ${name}`, exact: true });
}

/**
 * The names of the given pod chips drawn inside a node's box. React Flow renders a child beside its
 * parent in the DOM, so containment is read from where they are drawn.
 */
export async function podsDrawnIn(page: Page, node: string, pods: Locator): Promise<string[]> {
  const box = await nodeBox(page, node).boundingBox();
  if (!box) return [];
  const inside: string[] = [];
  for (const pod of await pods.all()) {
    const chip = await pod.boundingBox();
    if (!chip) continue;
    const cx = chip.x + chip.width / 2;
    const cy = chip.y + chip.height / 2;
    if (cx > box.x && cx < box.x + box.width && cy > box.y && cy < box.y + box.height) {
      inside.push((await pod.getAttribute('aria-label'))!.slice('Pod '.length));
    }
  }
  return inside;
}

/** Virtual seconds on the cluster clock (hh:mm:ss). */
export async function clockSeconds(page: Page): Promise<number> {
  const text = (await page.getByLabel('Cluster clock').textContent()) ?? '';
  const [h, m, s] = text.split(':').map(Number);
  return h * 3600 + m * 60 + s;
}

/** The kubectl lines the app ran and kubectl's answers. */
export function commandLog(page: Page): Locator {
  return page.getByRole('log', { name: 'kubectl output' });
}
