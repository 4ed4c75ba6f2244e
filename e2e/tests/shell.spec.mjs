// The shell's habits, which every portal inherits: finding HR's pages,
// offerings that lead somewhere, a summary of a form's errors, a skip link
// and focus that follows the page. On the embedded demo backend, phone in
// Vietnamese and desktop in English (the server's side of these is the
// same shell; store.spec runs the journeys on both backends).
import { expect } from '@playwright/test';
import {
  test, PERSONAS, signInAs, expectAccessible, snapshot, expectNoHorizontalScroll, tabTo, t, escapeRegExp,
} from './helpers.mjs';

const langOf = (testInfo) => (testInfo.project.name.startsWith('phone') ? 'vi' : 'en');
/** Money as `i18n::format::money` writes it: 8.000.000 ₫ (with a no-break space) in vi, ₫8,000,000 in en. */
/** A summary entry: the field's label, then its message. */
const entryFor = (label) => new RegExp(`^${escapeRegExp(label)}: `);
const money = (lang, n) => (lang === 'vi' ? `${n.toLocaleString('de-DE')}\u00a0₫` : `₫${n.toLocaleString('en-US')}`);


test('HR finds every HR page of every portal from the HR page, and the store pages have tabs to each other', async ({ page, backend }, testInfo) => {
  const lang = langOf(testInfo);
  const l = (key, params) => t(lang, key, params);
  await signInAs(page, backend, PERSONAS.hoa, lang);
  await page.getByRole('link', { name: l('nav.hr'), exact: true }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(l('hr.title'));
  const store = page.getByRole('navigation', { name: l('hr.tabs_label', { portal: l('nav.store') }) });
  await expect(store.getByRole('link')).toHaveText([l('hr_store.orders'), l('hr_store.products'), l('hr_store.policy')]);
  await expect(store).toContainText(l('hr_store.policy_summary'));
  await expectNoHorizontalScroll(page);
  await expectAccessible(page);
  await snapshot(page, testInfo, `hr-pages-${lang}`);

  await store.getByRole('link', { name: l('hr_store.products') }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(l('hr_store.products_title'));
  const tabs = page.getByRole('navigation', { name: l('hr.tabs_label', { portal: l('nav.store') }) });
  await expect(tabs.getByRole('link', { name: l('hr_store.products') })).toHaveAttribute('aria-current', 'page');
  await tabs.getByRole('link', { name: l('hr_store.policy') }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(l('hr_store.policy_title'));
});

test('each usable offering leads to where it is used, or says it is coming; the others are set apart with their reasons', { tag: '@desktop' }, async ({ page, backend }, testInfo) => {
  const lang = langOf(testInfo);
  const l = (key, params) => t(lang, key, params);
  await signInAs(page, backend, PERSONAS.lan, lang);
  const usable = page.getByRole('region', { name: l('home.usable_title') });
  const closed = page.getByRole('region', { name: l('home.closed_title') });
  await expect(usable.locator('[data-eligible="true"]')).toHaveCount(PERSONAS.lan.usable);
  await expect(usable.locator('[data-eligible="false"]')).toHaveCount(0);
  await expect(closed.locator('[data-eligible="false"]')).toHaveCount(9 - PERSONAS.lan.usable);

  // Amounts in offering texts are written like every other amount.
  const budget = page.locator('li', { hasText: lang === 'vi' ? 'Ngân sách đào tạo' : 'Training budget' });
  await expect(budget).toContainText(lang === 'vi' ? `Tối đa ${money(lang, 8_000_000)} mỗi năm` : `Up to ${money(lang, 8_000_000)} a year`);
  await expect(budget).toContainText(l('offering.coming'));

  await expectAccessible(page);
  await snapshot(page, testInfo, `home-offerings-${lang}`);
  const allowance = usable.locator('li', { hasText: lang === 'vi' ? 'Hạn mức mua hàng nội bộ' : 'Internal product allowance' });
  await allowance.getByRole('link', { name: l('offering.open', { portal: l('nav.store') }) }).click();
  await expect(page).toHaveURL(/\/store$/);
  await expect(page.getByTestId('product-list')).toBeVisible();
});

test('a partner supplier with almost nothing open sees no promise over the list of what is closed to him', { tag: '@phone' }, async ({ page, backend }, testInfo) => {
  const lang = langOf(testInfo);
  const l = (key) => t(lang, key);
  await signInAs(page, backend, PERSONAS.an, lang);
  await expect(page.getByRole('region', { name: l('home.usable_title') }).locator('li.offering')).toHaveCount(1);
  await expect(page.getByRole('region', { name: l('home.closed_title') }).locator('li.offering')).toHaveCount(8);
  await snapshot(page, testInfo, `home-an-${lang}`);
});

test('a form with errors off screen moves focus to a summary that leads to each field', { tag: '@phone' }, async ({ page, backend }, testInfo) => {
  const lang = langOf(testInfo);
  const l = (key, params) => t(lang, key, params);
  await signInAs(page, backend, PERSONAS.hoa, lang);
  await page.goto('/hr/store/products/new');
  await page.getByLabel(l('hr_store.name_vi')).fill('Bánh cốm');
  await page.getByLabel(l('hr_store.name_en')).fill('Green rice cake');
  await page.getByLabel(l('store.stock'), { exact: true }).fill('-4');
  await page.getByLabel(l('hr_store.quota')).fill('lots');
  await page.getByRole('button', { name: l('hr_store.save') }).click();

  const summary = page.locator('.error-summary');
  await expect(summary).toBeFocused();
  await expect(summary).toBeInViewport();
  await expect(summary).toContainText(l('form.error_count_many', { n: 4 }));
  await expect(summary.getByRole('link')).toHaveText([
    entryFor(l('hr_store.market_price')), entryFor(l('hr_store.internal_price')),
    entryFor(l('store.stock')), entryFor(l('hr_store.quota')),
  ]);
  await expectAccessible(page);
  await snapshot(page, testInfo, `hr-product-error-summary-${lang}`);
  await summary.getByRole('link', { name: entryFor(l('store.stock')) }).click();
  await expect(page.getByLabel(l('store.stock'), { exact: true })).toBeFocused();
  await expect(page.getByLabel(l('store.stock'), { exact: true })).toHaveValue('-4');

  // The allowance form has the same summary, naming the segment.
  await page.goto('/hr/store/allowance');
  await page.getByLabel(l('hr_store.default_limit')).fill('');
  await page.getByRole('button', { name: l('hr_store.save') }).click();
  await expect(page.locator('.error-summary')).toBeFocused();
  await expect(page.locator('.error-summary').getByRole('link')).toHaveText([entryFor(l('hr_store.default_limit'))]);
});

test('a keyboard user skips to the page, and focus moves to each new page\'s heading', { tag: '@desktop' }, async ({ page, backend }, testInfo) => {
  const lang = langOf(testInfo);
  const l = (key) => t(lang, key);
  await signInAs(page, backend, PERSONAS.lan, lang);
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: l('nav.skip') });
  await expect(skip).toBeFocused();
  await expect(skip).toBeInViewport();
  await page.keyboard.press('Enter');
  await expect(page.locator('#main')).toBeFocused();

  await tabTo(page, page.getByRole('link', { name: l('nav.store'), exact: true }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1 })).toBeFocused();
  // The navigation comes before the page.
  await tabTo(page, page.getByRole('link', { name: l('nav.profile') }), { back: true });
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(PERSONAS.lan.name);
  await expect(page.getByRole('heading', { level: 1 })).toBeFocused();
});

test('a purchase works by keyboard alone, from the catalogue to the placed order', { tag: '@desktop' }, async ({ page, backend }, testInfo) => {
  const lang = langOf(testInfo);
  const l = (key) => t(lang, key);
  const tea = lang === 'vi' ? 'Trà sen Tây Hồ hộp 200g' : 'West Lake lotus tea, 200g box';
  await signInAs(page, backend, PERSONAS.lan, lang);
  await tabTo(page, page.getByRole('link', { name: l('nav.store'), exact: true }));
  await page.keyboard.press('Enter');
  await tabTo(page, page.getByLabel(l('store.search_label')));
  await page.keyboard.type(lang === 'vi' ? 'tra sen' : 'lotus');
  await expect(page.getByTestId('product-list').locator('li')).toHaveCount(1);
  await tabTo(page, page.getByRole('link', { name: tea }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(tea);
  await tabTo(page, page.getByLabel(l('store.quantity')));
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type('2');
  await tabTo(page, page.getByRole('button', { name: l('store.add_to_cart') }));
  await page.keyboard.press('Enter');
  await tabTo(page, page.getByRole('link', { name: l('store.go_to_cart') }));
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('cart-line').getByLabel(l('store.quantity'))).toHaveValue('2');
  await tabTo(page, page.getByTestId('place-order'));
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('order-confirmation')).toContainText(l('store.order_placed'));
});

test('signed in, an address no page lives at says so inside the shell, in a portal or outside one, and a portal\'s pages follow the address', { tag: '@phone' }, async ({ page, backend }, testInfo) => {
  const lang = langOf(testInfo);
  const l = (key, params) => t(lang, key, params);
  await signInAs(page, backend, PERSONAS.lan, lang);
  for (const address of ['/store/nowhere', '/store/products/abc', '/benefits/requests/x', '/no/such/page']) {
    await page.goto(address);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(l('not_found.title'));
    await expect(page.getByRole('link', { name: l('nav.store') })).toBeVisible();
  }
  await page.goto('/store/products/1');
  await page.getByRole('link', { name: l('store.back_to_catalogue') }).click();
  await expect(page).toHaveURL(/\/store$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(l('store.title'));
  await page.goBack();
  await expect(page).toHaveURL(/\/store\/products\/1$/);
  await expect(page.getByTestId('stock')).toBeVisible();
});

test('at 360 px the tab bar shows the current entry, even HR\'s past the edge, and follows the page', { tag: '@phone' }, async ({ page, backend }, testInfo) => {
  const lang = langOf(testInfo);
  const l = (key, params) => t(lang, key, params);
  const nav = page.getByRole('navigation', { name: l('nav.label') });
  const current = nav.locator('[aria-current="page"]');
  const inView = async () => {
    const [bar, entry] = [await nav.boundingBox(), await current.boundingBox()];
    return entry.x >= bar.x - 1 && entry.x + entry.width <= bar.x + bar.width + 1;
  };
  await signInAs(page, backend, PERSONAS.hoa, lang);
  await page.goto('/hr');
  await expect(current).toHaveText(l('nav.hr'));
  // HR's seven entries are wider than the screen: the bar scrolls.
  expect(await nav.evaluate((bar) => bar.scrollWidth > bar.clientWidth)).toBe(true);
  await expect.poll(inView).toBe(true);
  await snapshot(page, testInfo, `nav-current-hr-${lang}`);
  await page.getByRole('link', { name: l('app.name'), exact: true }).click();
  await expect(current).toHaveText(l('nav.home'));
  await expect.poll(inView).toBe(true);
});

test('at 360 px no navigation label breaks inside a word, and HR reaches every entry of the bar', { tag: '@phone' }, async ({ page, backend }, testInfo) => {
  const lang = langOf(testInfo);
  const l = (key, params) => t(lang, key, params);
  await signInAs(page, backend, PERSONAS.hoa, lang);
  const nav = page.getByRole('navigation', { name: l('nav.label') });
  const labels = nav.locator('.nav-link span');
  await expect(labels).toHaveCount(7);
  for (const label of await labels.all()) {
    const lines = await label.evaluate((el) => Math.round(el.getBoundingClientRect().height / parseFloat(getComputedStyle(el).lineHeight)));
    expect(lines, await label.innerText()).toBe(1);
  }
  await nav.getByRole('link', { name: l('nav.hr'), exact: true }).click();
  await expect(page).toHaveURL(/\/hr$/);
  await nav.getByRole('link', { name: l('nav.training') }).click();
  await expect(page).toHaveURL(/\/training$/);
  await expectNoHorizontalScroll(page);
  await expectAccessible(page);
  await snapshot(page, testInfo, `nav-labels-${lang}`);
});
