import { expect, test } from '@playwright/test';
import { apply, openApp, setSpeed, snap } from './helpers';

test('a learner follows the Pods lesson, switches to Korean, and finds both after a reload', async ({ page }) => {
  await openApp(page);
  await setSpeed(page, 10);
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');

  await page.getByRole('button', { name: 'Lessons', exact: true }).click();
  const panel = page.getByRole('region', { name: 'Lessons' });
  const list = panel.getByRole('list', { name: 'All lessons' });
  await expect(list.getByRole('listitem')).toHaveCount(18);
  await snap(page, 'lessons-list-en');

  await list.getByRole('button', { name: /^Pods/ }).click();
  await expect(panel.getByRole('heading', { name: 'Pods' })).toBeVisible();
  await expect(panel).toContainText('Create a Pod running nginx');
  const status = panel.getByRole('status');
  await expect(status).toContainText('Not done yet');
  await expect(panel.getByRole('button', { name: 'Next →' })).toBeDisabled();

  await panel.getByRole('button', { name: 'Load manifest' }).click();
  await expect(page.getByRole('textbox', { name: 'Manifest editor' })).toBeFocused();
  const results = await apply(page);
  await expect(results).toContainText('pod/web created');
  await expect(status).toHaveText('✓Done');
  await expect(panel.getByRole('button', { name: 'Step 1, Done' })).toBeVisible();
  await snap(page, 'lessons-pods-done-en');

  await panel.getByRole('button', { name: 'Next →' }).click();
  await expect(panel).toContainText('CrashLoopBackOff');
  await expect(panel.getByRole('heading', { name: 'Step 2 of 3' })).toBeFocused();

  await page.getByLabel('Language / 언어').selectOption('ko');
  await expect(page.locator('html')).toHaveAttribute('lang', 'ko');
  const koPanel = page.getByRole('region', { name: '레슨' });
  await expect(koPanel).toContainText('이 컨테이너는 5초 뒤 종료 코드 1로 끝납니다.');
  await expect(koPanel.getByRole('button', { name: '1단계, 완료' })).toBeVisible();
  await expect(page.getByRole('button', { name: '적용' })).toBeVisible();
  await snap(page, 'lessons-pods-ko');

  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('lang', 'ko');
  await expect(page.getByLabel('Language / 언어')).toHaveValue('ko');
  await expect(koPanel.getByRole('heading', { name: 'Pod', exact: true })).toBeVisible();
  await expect(koPanel).toContainText('CrashLoopBackOff');
  await expect(koPanel.getByRole('button', { name: '1단계, 완료' })).toBeVisible();
  await expect(page.getByRole('button', { name: '재생' }).or(page.getByRole('button', { name: '일시정지' }))).toBeVisible();

  await koPanel.getByRole('button', { name: '← 전체 레슨' }).click();
  await expect(koPanel.getByRole('list', { name: '전체 레슨' }).getByRole('listitem')).toHaveCount(18);
  await snap(page, 'lessons-list-ko');

  // Escape closes the sheet and gives the focus back to the button that opened it.
  await page.keyboard.press('Escape');
  await expect(koPanel).toHaveCount(0);
  await expect(page.getByRole('button', { name: '레슨', exact: true })).toBeFocused();
});
