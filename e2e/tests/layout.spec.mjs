// Layout that holds whatever HR types and whatever width the screen is:
// long words wrap, filters never overlap, one status says one thing, and
// checkboxes keep their size. On the embedded demo backend (layout is the
// same on both), phone in Vietnamese and desktop in English.
import { expect } from '@playwright/test';
import { test, PERSONAS, signInAs, expectAccessible, snapshot, expectNoHorizontalScroll, t } from './helpers.mjs';

const langOf = (testInfo) => (testInfo.project.name.startsWith('phone') ? 'vi' : 'en');


/** Opens a product's page by searching the catalogue for `name`. */
async function openProduct(page, lang, name) {
  const l = (key) => t(lang, key);
  await page.goto('/store');
  await page.getByLabel(l('store.search_label')).fill(name);
  await page.getByTestId('product-list').getByRole('link', { name }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(name);
}

test('a product name with no spaces wraps everywhere it shows, and nothing scrolls sideways', async ({ page, backend }, testInfo) => {
  const lang = langOf(testInfo);
  const l = (key) => t(lang, key);
  const long = `Càphêsữađáđặcbiệtdànhchonhânviên${'XL'.repeat(20)}`;
  await signInAs(page, backend, PERSONAS.hoa, lang);
  await page.goto('/hr/store/products/new');
  await page.getByLabel(l('hr_store.name_vi')).fill(long);
  await page.getByLabel(l('hr_store.name_en')).fill(long);
  await page.getByLabel(l('hr_store.market_price')).fill('50000');
  await page.getByLabel(l('hr_store.internal_price')).fill('40000');
  await page.getByLabel(l('store.stock'), { exact: true }).fill('10');
  await page.getByLabel(l('hr_store.quota')).fill('3');
  await page.getByRole('button', { name: l('hr_store.save') }).click();
  await expect(page.getByText(l('hr_store.saved'))).toBeVisible();
  await expectNoHorizontalScroll(page);

  await page.goto('/store');
  await page.getByLabel(l('store.search_label')).fill('Càphêsữađá');
  await expect(page.getByTestId('product-list').getByRole('link', { name: long })).toBeVisible();
  await expectNoHorizontalScroll(page);
  await snapshot(page, testInfo, `layout-long-name-catalogue-${lang}`);

  await page.getByTestId('product-list').getByRole('link', { name: long }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(long);
  await expectNoHorizontalScroll(page);
  await page.getByRole('button', { name: l('store.add_to_cart') }).click();
  await page.getByRole('link', { name: l('store.go_to_cart') }).click();
  await expect(page.getByTestId('cart-line')).toContainText(long);
  await expectNoHorizontalScroll(page);
  await page.getByTestId('place-order').click();
  await expect(page.getByTestId('order-confirmation')).toBeVisible();
  await expectNoHorizontalScroll(page);

  await page.goto('/hr/store');
  await expect(page.getByTestId('queue-row').filter({ hasText: long })).toHaveCount(1);
  await expectNoHorizontalScroll(page);
  await expectAccessible(page);
  await snapshot(page, testInfo, `layout-long-name-queue-${lang}`);
});

test('the order queue filters and the export button never overlap, at 1024 and 1280 px', { tag: '@desktop' }, async ({ page, backend }, testInfo) => {
  const lang = langOf(testInfo);
  const l = (key) => t(lang, key);
  await signInAs(page, backend, PERSONAS.hoa, lang);
  for (const width of [1024, 1280]) {
    await page.setViewportSize({ width, height: 800 });
    await page.goto('/hr/store');
    const site = page.getByLabel(l('store.pickup_site'));
    const status = page.getByLabel(l('hr_store.status_filter'));
    const exportButton = page.getByRole('button', { name: l('hr_store.export_csv') });
    await expect(site).toBeVisible();
    const [a, b, c] = [await status.boundingBox(), await site.boundingBox(), await exportButton.boundingBox()];
    expect(a.x + a.width, `status ends before site begins at ${width} px`).toBeLessThanOrEqual(b.x);
    expect(b.x + b.width, `site ends before the button begins at ${width} px`).toBeLessThanOrEqual(c.x);
    await expectNoHorizontalScroll(page);
    await snapshot(page, testInfo, `layout-queue-filters-${width}-${lang}`);
  }
});

test('a sold-out product says so once, and a product that is not for you shows no monthly limit', async ({ page, backend }, testInfo) => {
  const lang = langOf(testInfo);
  const l = (key, params) => t(lang, key, params);
  await signInAs(page, backend, PERSONAS.an, lang);

  const gloves = lang === 'vi' ? 'Găng tay cao su gia dụng 3 đôi' : 'Household rubber gloves, 3 pairs';
  await page.goto('/store');
  await page.getByLabel(l('store.search_label')).fill(lang === 'vi' ? 'gang tay' : 'gloves');
  const card = page.getByTestId('product-list').locator('li', { hasText: gloves });
  await expect(card.getByTestId('availability')).toHaveText(l('store.sold_out'));
  await card.getByRole('link', { name: gloves }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(gloves);
  await expect(page.getByText(l('store.sold_out'), { exact: true })).toHaveCount(1);
  await expect(page.getByTestId('stock')).toHaveCount(0);

  // Cosmetics are not for partner suppliers: one badge on the card, and the
  // product page gives the reason instead of a monthly limit.
  const mask = lang === 'vi' ? 'Mặt nạ bùn khoáng 100g' : 'Mineral mud mask 100g';
  await page.goto('/store');
  await page.getByLabel(l('store.search_label')).fill(lang === 'vi' ? 'mat na' : 'mud mask');
  const maskCard = page.getByTestId('product-list').locator('li', { hasText: mask });
  await expect(maskCard.getByTestId('availability')).toHaveText(l('store.not_for_you'));
  await openProduct(page, lang, mask);
  await expect(page.getByRole('heading', { name: l('store.not_eligible_title') })).toBeVisible();
  await expect(page.getByTestId('quota-left')).toHaveCount(0);
  await expect(page.getByText(l('store.quota_left'))).toHaveCount(0);
  await expectAccessible(page);
  await snapshot(page, testInfo, `layout-not-for-you-${lang}`);
});

test('checkboxes on the HR product form keep their size when their label wraps', async ({ page, backend }, testInfo) => {
  const lang = langOf(testInfo);
  await signInAs(page, backend, PERSONAS.hoa, lang);
  await page.goto('/hr/store/products/new');
  const boxes = page.locator('form input[type="checkbox"]');
  await expect(boxes.first()).toBeVisible();
  const sizes = await boxes.evaluateAll((all) => all.map((box) => [box.getBoundingClientRect().width, box.getBoundingClientRect().height]));
  expect(sizes.length).toBeGreaterThan(3);
  for (const size of sizes) expect(size).toEqual([22, 22]);
  await expectNoHorizontalScroll(page);
  await snapshot(page, testInfo, `layout-product-form-${lang}`);
});
