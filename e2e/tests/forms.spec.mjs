// Forms that must never save what was not typed, nor save twice: HR's
// product and allowance forms and the member's cart, on the embedded demo
// backend (each test has the shop to itself), phone in one language and
// desktop in the other. The server refuses the same values
// (server/tests/input.rs, store.rs).
import { expect } from '@playwright/test';
import { test, PERSONAS, signInAs, expectAccessible, snapshot, t } from './helpers.mjs';

const langOf = (testInfo) => (testInfo.project.name.startsWith('phone') ? 'vi' : 'en');
const grouped = (lang, n) => n.toLocaleString(lang === 'vi' ? 'de-DE' : 'en-US');

async function fillProduct(page, lang, name) {
  const l = (key) => t(lang, key);
  await page.getByLabel(l('hr_store.name_vi')).fill(`${name} (vi)`);
  await page.getByLabel(l('hr_store.name_en')).fill(`${name} (en)`);
  await page.getByLabel(l('hr_store.market_price')).fill('50000');
  await page.getByLabel(l('hr_store.internal_price')).fill('40000');
  await page.getByLabel(l('store.stock'), { exact: true }).fill('10');
  await page.getByLabel(l('hr_store.quota')).fill('3');
}


test('saving a new product twice keeps one product, and the page becomes its edit page', async ({ page, backend }, testInfo) => {
  const lang = langOf(testInfo);
  const l = (key) => t(lang, key);
  await signInAs(page, backend, PERSONAS.hoa, lang);
  await page.goto('/hr/store/products/new');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(l('hr_store.new_product'));
  await fillProduct(page, lang, 'Kẹo gừng');
  await page.getByRole('button', { name: l('hr_store.save') }).click();
  await expect(page.getByText(l('hr_store.saved'))).toBeVisible();
  await expect(page).toHaveURL(/\/hr\/store\/products\/\d+$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(l('hr_store.edit_product'));

  // A typo corrected and saved again edits the product just made.
  await page.getByLabel(l('hr_store.name_en')).fill('Ginger candy');
  await page.getByRole('button', { name: l('hr_store.save') }).click();
  await expect(page.getByText(l('hr_store.saved'))).toBeVisible();
  await page.goto('/hr/store/products');
  const rows = page.getByRole('table').locator('tbody tr');
  await expect(rows).toHaveCount(25, { timeout: 10_000 });
  await expect(rows.filter({ hasText: 'Kẹo gừng' }).or(rows.filter({ hasText: 'Ginger candy' }))).toHaveCount(1);
});

test('a number out of range is refused next to its field and nothing is saved', { tag: '@phone' }, async ({ page, backend }, testInfo) => {
  const lang = langOf(testInfo);
  const l = (key, params) => t(lang, key, params);
  await signInAs(page, backend, PERSONAS.hoa, lang);
  await page.goto('/hr/store/products/new');
  await fillProduct(page, lang, 'Bánh pía');
  await page.getByLabel(l('store.stock'), { exact: true }).fill('99999999999');
  await page.getByRole('button', { name: l('hr_store.save') }).click();
  await expect(page.locator('#product-stock-error')).toHaveText(l('store.rule.range', { min: '0', limit: grouped(lang, 1_000_000) }));
  await expect(page.getByLabel(l('store.stock'), { exact: true })).toHaveValue('99999999999');
  await expect(page.getByLabel(l('store.stock'), { exact: true })).toHaveAttribute('aria-invalid', 'true');
  await expect(page).toHaveURL(/\/hr\/store\/products\/new$/);
  await expect(page.getByText(l('hr_store.saved'))).toHaveCount(0);
  await expectAccessible(page);
  await snapshot(page, testInfo, `forms-product-stock-out-of-range-${lang}`);

  await page.goto('/hr/store/allowance');
  const field = page.getByLabel(l('hr_store.default_limit'));
  await expect(field).not.toHaveValue('');
  const seeded = await field.inputValue();
  for (const [typed, message] of [
    ['-1000000', l('store.rule.range', { min: '0', limit: grouped(lang, 1_000_000_000) })],
    ['', l('store.rule.required')],
    ['99999999999999999999', l('store.rule.range', { min: '0', limit: grouped(lang, 1_000_000_000) })],
    ['abc', l('store.rule.range', { min: '0', limit: grouped(lang, 1_000_000_000) })],
  ]) {
    await field.fill(typed);
    await page.getByRole('button', { name: l('hr_store.save') }).click();
    await expect(page.locator('#policy-default-error')).toHaveText(message);
    await expect(field).toHaveValue(typed);
  }
  await page.reload();
  await expect(page.getByLabel(l('hr_store.default_limit'))).toHaveValue(seeded);
});

test('the cart shows what it will order and says the monthly quota on the line at once', { tag: '@desktop' }, async ({ page, backend }, testInfo) => {
  const lang = langOf(testInfo);
  const l = (key, params) => t(lang, key, params);
  const coffee = lang === 'vi' ? 'Cà phê rang xay Sen Vàng 500g' : 'Sen Vang ground coffee 500g';
  await signInAs(page, backend, PERSONAS.lan, lang);
  await page.goto('/store/products/1');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(coffee);
  await page.getByRole('button', { name: l('store.add_to_cart') }).click();
  await page.getByRole('link', { name: l('store.go_to_cart') }).click();
  const quantity = page.getByTestId('cart-line').getByLabel(l('store.quantity'));
  const total = page.getByTestId('cart-total');
  await quantity.fill('3');
  await quantity.press('Tab');
  await expect(total).toContainText(grouped(lang, 3 * 129_000));

  // Nothing the field cannot order stays in it: it shows what will be ordered.
  for (const typed of ['0', '', '-2']) {
    await quantity.fill(typed);
    await quantity.press('Tab');
    await expect(quantity).toHaveValue('3');
    await expect(total).toContainText(grouped(lang, 3 * 129_000));
  }

  // Lan bought none this month, and the quota is 4.
  await quantity.fill('5');
  await quantity.press('Tab');
  await expect(page.getByTestId('cart-line')).toContainText(l('store.rule.quota', { limit: 4 }));
  await expect(page.getByTestId('place-order')).toBeDisabled();
  await expectAccessible(page);
  await snapshot(page, testInfo, `forms-cart-over-quota-${lang}`);
  await quantity.fill('4');
  await quantity.press('Tab');
  await expect(page.getByTestId('cart-line')).not.toContainText(l('store.rule.quota', { limit: 4 }));
  await expect(page.getByTestId('place-order')).toBeEnabled();
});

test('the order-placed banner goes when the order is cancelled, and a reload does not bring it back', { tag: '@phone' }, async ({ page, backend }, testInfo) => {
  const lang = langOf(testInfo);
  const l = (key, params) => t(lang, key, params);
  await signInAs(page, backend, PERSONAS.lan, lang);
  await page.goto('/store/products/3');
  await page.getByRole('button', { name: l('store.add_to_cart') }).click();
  await page.getByRole('link', { name: l('store.go_to_cart') }).click();
  await page.getByTestId('place-order').click();
  const banner = page.getByTestId('order-confirmation');
  await expect(banner).toContainText(l('store.order_placed'));
  await expect(page).toHaveURL(/\/store\/orders\/\d+$/);
  await page.getByRole('button', { name: l('store.cancel_order') }).click();
  await page.getByRole('button', { name: l('store.cancel_confirm') }).click();
  await expect(page.getByTestId('order-status')).toHaveText(l('store.status.cancelled'));
  await expect(banner).toHaveCount(0);
  await page.reload();
  await expect(page.getByTestId('order-status')).toHaveText(l('store.status.cancelled'));
  await expect(banner).toHaveCount(0);
  // One unit is one item, not "1 items".
  await page.goto('/store/orders');
  await expect(page.getByTestId('order-list').locator('li').first()).toContainText(l('store.units_one'));
});
