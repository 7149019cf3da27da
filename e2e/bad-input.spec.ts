import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { apply, openApp, setManifest, snap } from './helpers';

/** A sample of the hostile-input corpus (test/bad-input/), through the editor as a person pastes it. */
const DIR = new URL('../test/bad-input/', import.meta.url);
const EXPECTED = JSON.parse(readFileSync(new URL('expected.json', DIR), 'utf8')) as Record<string, { message: string; line: number }>;
const SAMPLE = [
  'yaml-tab-indent.yaml',
  'yaml-template-placeholder.yaml',
  'type-replicas-string.yaml',
  'unknown-spec-replica.yaml',
  'selector-value-differs.yaml',
  'nodeport-too-high.yaml',
  'alias-bomb.yaml',
  'binary-garbage.yaml',
];

for (const file of SAMPLE) {
  test(`the editor refuses ${file} with kubectl's words and changes nothing`, async ({ page }) => {
    await openApp(page);
    const objects = page.getByRole('button', { name: /^(Deployment|Pod|Service|ConfigMap) / });
    const before = await objects.count();
    await setManifest(page, new TextDecoder().decode(readFileSync(new URL(file, DIR))));
    const results = await apply(page);
    // The first line of the expected message: results show it, the page and the worker live on.
    await expect(results).toContainText(EXPECTED[file].message.split('\n')[0]);
    await expect(results.getByRole('button', { name: `line ${EXPECTED[file].line}` })).toBeVisible();
    await expect(objects).toHaveCount(before);
    await expect(page.getByRole('group', { name: 'Node node-1', exact: true })).toBeVisible();
    if (file === 'alias-bomb.yaml') await snap(page, 'bad-input-alias-bomb');
  });
}
