// What each person is told about themself: which rule set their allowance,
// which contract they are on, the team a manager manages, the words for
// roles, and HR's export in HR's language. On both backends (the server
// answers these from the same domain rules), phone in Vietnamese and
// desktop in English.
import { readFileSync } from 'node:fs';
import { expect } from '@playwright/test';
import { test, PERSONAS, signInAs, signOutFromProfile, expectAccessible, snapshot, t } from './helpers.mjs';

const langOf = (testInfo) => (testInfo.project.name.startsWith('phone') ? 'vi' : 'en');
const money = (lang, n) => (lang === 'vi' ? `${n.toLocaleString('de-DE')}\u00a0₫` : `₫${n.toLocaleString('en-US')}`);

test('a new hire reads that the new-hire limit set his allowance, and how much it is', async ({ page, backend }, testInfo) => {
  const lang = langOf(testInfo);
  const l = (key, params) => t(lang, key, params);
  await signInAs(page, backend, PERSONAS.tuan, lang);
  await page.goto('/store');
  const newHires = lang === 'vi' ? 'Nhân sự mới (dưới 12 tháng)' : 'New hires (under 12 months)';
  await expect(page.getByTestId('allowance-basis')).toHaveText(l('store.allowance_basis_segment', { name: newHires, amount: money(lang, 1_500_000) }));
  await expectAccessible(page);
  await snapshot(page, testInfo, `people-allowance-basis-${lang}`);
});

test('a partner supplier is told which contracts a product is for, and that his is a partner supplier\'s', { tag: '@desktop' }, async ({ page, backend }, testInfo) => {
  const lang = langOf(testInfo);
  const l = (key, params) => t(lang, key, params);
  await signInAs(page, backend, PERSONAS.an, lang);
  await page.goto('/store');
  await expect(page.getByTestId('allowance-basis')).toHaveText(l('store.allowance_basis_default', { amount: money(lang, 3_000_000) }));
  const mask = lang === 'vi' ? 'Mặt nạ bùn khoáng 100g' : 'Mineral mud mask 100g';
  await page.getByLabel(l('store.search_label')).fill(lang === 'vi' ? 'mat na' : 'mud mask');
  await page.getByTestId('product-list').getByRole('link', { name: mask }).click();
  const staff = ['full_time', 'part_time', 'seasonal', 'collaborator'].map((kind) => l(`employment_people.${kind}`)).join(', ');
  await expect(page.locator('.reasons li')).toHaveText([l('reason.employment_type', { types: staff, actual: l('employment.partner_supplier') })]);
});

test('a manager sees his team on his profile; a member sees none and reads her role as an employee', { tag: '@journey' }, async ({ page, backend }, testInfo) => {
  const lang = langOf(testInfo);
  const l = (key, params) => t(lang, key, params);
  await signInAs(page, backend, PERSONAS.minh, lang);
  await page.goto('/profile');
  const team = page.getByRole('region', { name: l('profile.team') });
  await expect(team).toContainText(l('profile.team_intro', { count: 6 }));
  await expect(team.locator('li')).toHaveCount(6);
  await expect(team.locator('li', { hasText: PERSONAS.lan.name })).toContainText(PERSONAS.lan.email);
  await expectAccessible(page);
  await snapshot(page, testInfo, `people-manager-team-${lang}`);

  await signOutFromProfile(page, l('action.sign_out'));
  await signInAs(page, backend, PERSONAS.lan, lang);
  await page.goto('/profile');
  await expect(page.getByTestId('profile-details')).toContainText(l('role.member'));
  await expect(page.getByRole('region', { name: l('profile.team') })).toHaveCount(0);
});

test('HR\'s order export has its column names and statuses in the interface language', { tag: '@journey' }, async ({ page, backend }, testInfo) => {
  const lang = langOf(testInfo);
  const l = (key) => t(lang, key);
  await signInAs(page, backend, PERSONAS.hoa, lang);
  await page.goto('/hr/store');
  await page.getByLabel(l('hr_store.status_filter')).selectOption({ label: l('hr_store.all') });
  await expect(page.getByTestId('queue-row').first()).toBeVisible();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: l('hr_store.export_csv') }).click(),
  ]);
  expect(download.suggestedFilename()).toBe('orders.csv');
  const bytes = readFileSync(await download.path());
  expect([...bytes.subarray(0, 3)], 'one byte order mark, for Excel').toEqual([0xef, 0xbb, 0xbf]);
  const text = bytes.subarray(3).toString('utf8');
  expect(text.startsWith('\ufeff'), 'not two').toBe(false);
  const [header, ...rows] = text.split('\r\n');
  expect(header).toBe(lang === 'vi'
    ? 'Mã đơn,Thời điểm đặt,Người mua,Nơi nhận,Trạng thái,Mã sản phẩm,Sản phẩm,Số lượng,Đơn giá (₫),Thành tiền (₫),Tổng đơn (₫)'
    : 'Order,Placed at,Buyer,Pickup site,Status,Product ID,Product,Quantity,Unit price (₫),Line total (₫),Order total (₫)');
  expect(rows.some((row) => row.split(',')[4] === l('store.status.collected'))).toBe(true);
});

test('the sign-in form hints at the company\'s email domain', { tag: '@journey' }, async ({ page, backend }, testInfo) => {
  test.skip(backend !== 'http', 'the demo signs in by picking a person');
  const lang = langOf(testInfo);
  const l = (key, params) => t(lang, key, params);
  await page.addInitScript((l) => localStorage.setItem('noibo.lang', l), lang);
  await page.goto('/sign-in');
  await page.getByLabel(l('sign_in.email')).fill('lan.tran');
  await page.getByLabel(l('sign_in.password')).fill('demo');
  await page.getByRole('button', { name: l('sign_in.submit') }).click();
  await expect(page.locator('#email-error')).toHaveText(l('sign_in.email_invalid', { domain: 'noibo.example' }));
});
