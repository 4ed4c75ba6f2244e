import { test as base, expect } from '@playwright/test';

/**
 * `backend` is 'demo' (embedded) or 'http' (the reference server), per
 * project. Every page's clock reads `E2E_NOW`, as the server's does; timers
 * run as usual.
 */
export const test = base.extend({
  backend: ['demo', { option: true }],
  page: async ({ page }, use) => {
    await page.clock.setFixedTime(new Date(E2E_NOW));
    await use(page);
  },
});
import AxeBuilder from '@axe-core/playwright';
import { mkdirSync } from 'node:fs';
import { E2E_NOW } from '../playwright.config.mjs';

export const PERSONAS = {
  lan: { email: 'lan.tran@noibo.example', name: 'Trần Thị Lan', department: 'Kinh doanh', usable: 7, hr: false },
  minh: { email: 'minh.le@noibo.example', name: 'Lê Văn Minh', department: 'Kinh doanh', usable: 6, hr: false },
  hoa: { email: 'hoa.nguyen@noibo.example', name: 'Nguyễn Thị Hoa', department: 'Nhân sự', usable: 7, hr: true },
  tuan: { email: 'tuan.pham@noibo.example', name: 'Phạm Văn Tuấn', department: 'Sản xuất', usable: 5, hr: false },
  an: { email: 'an.vo@noibo.example', name: 'Võ Thành An', department: 'Cung ứng & đối tác', usable: 1, hr: false },
};

/** On the sign-in page: picks the persona (demo) or types their email and password (http). */
export async function chooseAccount(page, backend, persona) {
  if (backend === 'demo') {
    await page.getByRole('button', { name: persona.name }).click();
  } else {
    await page.getByLabel(/Email công ty|Work email/).fill(persona.email);
    await page.getByLabel(/Mật khẩu|Password/).fill('demo');
    await page.getByRole('button', { name: /^(Đăng nhập|Sign in)$/ }).click();
  }
}

/**
 * On the profile page: signs out once the page has loaded. The details
 * arrive above the button and push it down; a click during that shift can
 * press on the button and release off it, which is no click at all.
 */
export async function signOutFromProfile(page, label) {
  await expect(page.getByTestId('profile-details')).toBeVisible();
  await page.getByRole('button', { name: label }).click();
}

/** Opens the sign-in page and signs in as `persona`. */
export async function signInAs(page, backend, persona) {
  await page.goto('/sign-in');
  await chooseAccount(page, backend, persona);
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
  // A full-page capture is taller than the viewport: draw what
  // `content-visibility: auto` leaves undrawn off screen, then restore it.
  // Through the CSSOM: the reference server's CSP refuses inline styles.
  const unskip = (on) => page.evaluate((on) => {
    for (const element of document.querySelectorAll('*')) {
      if (on && getComputedStyle(element).contentVisibility === 'auto') element.style.contentVisibility = 'visible';
      else if (!on && element.style.contentVisibility === 'visible') element.style.contentVisibility = '';
    }
  }, on);
  await unskip(true);
  await page.screenshot({ path: `artifacts/${testInfo.project.name}-${name}.png`, fullPage: true });
  await unskip(false);
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
