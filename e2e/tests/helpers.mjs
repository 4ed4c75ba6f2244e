import { expect } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { mkdirSync } from 'node:fs';

export const PERSONAS = {
  lan: { name: 'Trần Thị Lan', department: 'Kinh doanh', usable: 7, hr: false },
  minh: { name: 'Lê Văn Minh', department: 'Kinh doanh', usable: 6, hr: false },
  hoa: { name: 'Nguyễn Thị Hoa', department: 'Nhân sự', usable: 7, hr: true },
  tuan: { name: 'Phạm Văn Tuấn', department: 'Sản xuất', usable: 5, hr: false },
  an: { name: 'Võ Thành An', department: 'Cung ứng & đối tác', usable: 1, hr: false },
};

/** Opens the sign-in page and picks a demo persona. */
export async function signInAs(page, persona, path = '/sign-in') {
  await page.goto(path);
  await page.getByRole('button', { name: persona.name }).click();
  await expect(page.getByTestId('profile-card')).toBeVisible();
}

/** Fails on any axe-core violation, listing them. */
export async function expectAccessible(page) {
  const results = await new AxeBuilder({ page }).analyze();
  const summary = results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(summary, 'axe-core violations').toEqual([]);
}

/** Saves a full-page screenshot as a test artifact, to be looked at. */
export async function snapshot(page, testInfo, name) {
  mkdirSync('artifacts', { recursive: true });
  await page.screenshot({ path: `artifacts/${testInfo.project.name}-${name}.png`, fullPage: true });
}

/** Nothing may stick out sideways on a narrow phone. */
export async function expectNoHorizontalScroll(page) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, 'page is wider than the viewport').toBeLessThanOrEqual(0);
}

/** Presses Tab until `target` has focus (at most 15 times), as a keyboard user would. */
export async function tabTo(page, target) {
  for (let i = 0; i < 15 && !(await target.evaluate((el) => el === document.activeElement)); i++) {
    await page.keyboard.press('Tab');
  }
  await expect(target).toBeFocused();
}
