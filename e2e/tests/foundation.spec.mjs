// The Foundation scenarios, phone and desktop, on the embedded demo backend
// and again on the HTTP backend against the reference server.
import { expect } from '@playwright/test';
import {
  test, PERSONAS, chooseAccount, signInAs, expectAccessible, snapshot, expectNoHorizontalScroll, tabTo, signOutFromProfile, t, pattern, tenure,
} from './helpers.mjs';

for (const [key, persona] of Object.entries(PERSONAS)) {
  // Lan signs in on both backends; the others on the demo.
  test(`${persona.name} signs in and sees their department and what they can use`, { tag: key === 'lan' ? '@journey' : [] }, async ({ page, backend }, testInfo) => {
    await signInAs(page, backend, persona);
    await expect(page.getByRole('heading', { level: 1 })).toContainText(persona.name.split(' ').pop());
    await expect(page.getByTestId('profile-card')).toContainText(persona.department);
    await expect(page.locator('[data-eligible="true"]')).toHaveCount(persona.usable);
    await expect(page.locator('[data-eligible="false"]')).toHaveCount(9 - persona.usable);
    await expect(page.getByRole('link', { name: t('vi', 'nav.hr') })).toHaveCount(persona.hr ? 1 : 0);
    await expectNoHorizontalScroll(page);
    await expectAccessible(page);
    await snapshot(page, testInfo, `home-${key}-vi`);
  });
}

test('an unavailable benefit says why', async ({ page, backend }) => {
  await signInAs(page, backend, PERSONAS.tuan);
  const leave = page.locator('[data-eligible="false"]', { hasText: 'Ngày nghỉ linh hoạt' });
  const types = [t('vi', 'employment_people.full_time'), t('vi', 'employment_people.part_time')].join(', ');
  await expect(leave).toContainText(t('vi', 'reason.employment_type', { types, actual: t('vi', 'employment.seasonal') }));
  await expect(leave).toContainText(pattern('vi', 'reason.min_tenure', { required: tenure('vi', 3), actual: /.+/ }));
});

test('the chosen language and the session both survive a reload', { tag: '@journey' }, async ({ page, backend }, testInfo) => {
  await signInAs(page, backend, PERSONAS.lan);
  await page.getByRole('button', { name: t('vi', 'lang.en') }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(t('en', 'home.greeting', { name: 'Lan' }));
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(t('en', 'home.greeting', { name: 'Lan' }));
  await expect(page.getByTestId('profile-card')).toContainText('Sales');
  await expect(page.getByRole('button', { name: t('en', 'lang.en') })).toHaveAttribute('aria-pressed', 'true');
  await expectAccessible(page);
  await snapshot(page, testInfo, 'home-lan-en');
});

test('signing out returns to sign-in, and a reload keeps you signed out', { tag: '@journey' }, async ({ page, backend }) => {
  await signInAs(page, backend, PERSONAS.minh);
  await page.getByRole('link', { name: t('vi', 'nav.profile') }).click();
  await signOutFromProfile(page, t('vi', 'action.sign_out'));
  await expect(page).toHaveURL(/\/sign-in$/);
  await page.reload();
  await expect(page.getByRole('heading', { name: t('vi', 'sign_in.title') })).toBeVisible();
  await page.goto('/');
  await expect(page).toHaveURL(/\/sign-in$/);
});

test('a deep link survives a refresh', async ({ page, backend }, testInfo) => {
  await signInAs(page, backend, PERSONAS.lan);
  await page.getByRole('link', { name: t('vi', 'nav.profile') }).click();
  await expect(page).toHaveURL(/\/profile$/);
  await page.reload();
  // innerText is what is rendered: an email must show exactly as it is.
  await expect(page.getByTestId('profile-details')).toContainText('lan.tran@noibo.example', { useInnerText: true });
  await expect(page.getByRole('link', { name: t('vi', 'nav.profile') })).toHaveAttribute('aria-current', 'page');
  await expectNoHorizontalScroll(page);
  await expectAccessible(page);
  await snapshot(page, testInfo, 'profile-lan-vi');
});

test('a deep link opened while signed out comes back after sign-in', { tag: '@journey' }, async ({ page, backend }) => {
  await page.goto('/profile');
  await expect(page).toHaveURL(/\/sign-in\?next=%2Fprofile$/);
  await chooseAccount(page, backend, PERSONAS.hoa);
  await expect(page).toHaveURL(/\/profile$/);
  await expect(page.getByTestId('profile-details')).toContainText('hoa.nguyen@noibo.example');
});

test('a corrupt stored state is reset with a notice, not a crash', async ({ page, backend }, testInfo) => {
  await page.addInitScript(() => {
    if (!sessionStorage.getItem('seeded')) {
      localStorage.setItem('noibo.demo', '{"version":1,"data":{"session":"not-an-id"');
      sessionStorage.setItem('seeded', '1');
    }
  });
  await page.goto('/');
  const notice = page.getByTestId('storage-notice');
  await expect(notice).toContainText(t('vi', 'notice.session_corrupt'));
  await expect(page.getByRole('heading', { name: t('vi', 'sign_in.title') })).toBeVisible();
  await expectAccessible(page);
  await snapshot(page, testInfo, 'corrupt-session-notice-vi');
  await notice.getByRole('button').click();
  await expect(notice).toHaveCount(0);
  await chooseAccount(page, backend, PERSONAS.lan);
  await expect(page.getByTestId('profile-card')).toBeVisible();
});

test('HR sees the workforce overview; a member is kept out of it', { tag: '@journey' }, async ({ page, backend }, testInfo) => {
  await signInAs(page, backend, PERSONAS.hoa);
  await page.getByRole('link', { name: t('vi', 'nav.hr') }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(t('vi', 'hr.title'));
  await expect(page.getByText(t('vi', 'hr.total', { n: 43 }))).toBeVisible();
  await expectNoHorizontalScroll(page);
  await expectAccessible(page);
  await snapshot(page, testInfo, 'hr-hoa-vi');
  await page.getByRole('button', { name: t('vi', 'lang.en') }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(t('en', 'hr.title'));
  await snapshot(page, testInfo, 'hr-hoa-en');

  await page.getByRole('link', { name: t('en', 'nav.profile') }).click();
  await signOutFromProfile(page, t('en', 'action.sign_out'));
  await chooseAccount(page, backend, PERSONAS.lan);
  await expect(page.getByTestId('profile-card')).toBeVisible();
  await page.goto('/hr');
  await expect(page.getByText(t('en', 'error.forbidden'))).toBeVisible();
});

test('the sign-in page is accessible in both languages', { tag: '@journey' }, async ({ page, backend }, testInfo) => {
  await page.goto('/sign-in');
  const ready = backend === 'demo' ? page.getByRole('button', { name: PERSONAS.lan.name }) : page.getByLabel(t('vi', 'sign_in.email'));
  await expect(ready).toBeVisible();
  await expectNoHorizontalScroll(page);
  await expectAccessible(page);
  await snapshot(page, testInfo, 'sign-in-vi');
  await page.getByRole('button', { name: t('vi', 'lang.en') }).click();
  await expect(page.getByRole('heading', { name: t('en', 'sign_in.title') })).toBeVisible();
  await expectAccessible(page);
  await snapshot(page, testInfo, 'sign-in-en');
});

test('an unknown address shows a page-not-found with a way home', { tag: '@phone' }, async ({ page, backend }, testInfo) => {
  await page.goto('/no/such/page');
  await expect(page.getByRole('heading', { name: t('vi', 'not_found.title') })).toBeVisible();
  await expectAccessible(page);
  await snapshot(page, testInfo, 'not-found-vi');
  await page.getByRole('link', { name: t('vi', 'not_found.home') }).click();
  await expect(page).toHaveURL(/\/sign-in$/);
});

test('an English browser gets English until told otherwise', async ({ browser }) => {
  const context = await browser.newContext({ locale: 'en-GB' });
  const page = await context.newPage();
  await page.goto('/sign-in');
  await expect(page.getByRole('heading', { name: t('en', 'sign_in.title') })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await context.close();
});

test('everything works by keyboard alone', { tag: '@journey' }, async ({ page, backend }) => {
  await page.goto('/sign-in');
  if (backend === 'demo') {
    const lan = page.getByRole('button', { name: PERSONAS.lan.name });
    await expect(lan).toBeVisible();
    await tabTo(page, lan);
  } else {
    await tabTo(page, page.getByLabel(t('vi', 'sign_in.email')));
    await page.keyboard.type(PERSONAS.lan.email);
    await page.keyboard.press('Tab');
    await page.keyboard.type('demo');
  }
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('profile-card')).toBeVisible();
  await tabTo(page, page.getByRole('link', { name: t('vi', 'nav.profile') }));
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/profile$/);
});

test('dark mode is readable and accessible', { tag: '@desktop' }, async ({ page, backend }, testInfo) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await signInAs(page, backend, PERSONAS.tuan);
  await expectAccessible(page);
  await snapshot(page, testInfo, 'home-tuan-dark-vi');
  await page.goto('/sign-in?next=%2F');
  await page.getByRole('link', { name: t('vi', 'nav.profile') }).click();
  // axe reads the page as it is: wait for the profile, not the page between.
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expectAccessible(page);
});

test('a locked email is told it tried too often, and when to try again', { tag: '@journey' }, async ({ page, backend }, testInfo) => {
  test.skip(backend !== 'http', 'the demo backend signs in by persona, with no password to guess');
  const lang = testInfo.project.name.startsWith('phone') ? 'vi' : 'en';
  await page.addInitScript((l) => localStorage.setItem('noibo.lang', l), lang);
  await page.goto('/sign-in');
  // An email of its own per project: the server and its counts are shared.
  await page.getByLabel(t(lang, 'sign_in.email')).fill(`locked.${testInfo.project.name}@noibo.example`);
  await page.getByLabel(t(lang, 'sign_in.password')).fill('guess');
  const submit = page.getByRole('button', { name: t(lang, 'sign_in.submit'), exact: true });
  for (let attempt = 1; attempt <= 5; attempt += 1) {
    await submit.click();
    await expect(page.getByRole('alert')).toContainText(t(lang, 'error.bad_credentials'));
    await expect(submit).toBeEnabled();
  }
  await submit.click();
  const alert = page.getByRole('alert').filter({ hasText: t(lang, 'error.too_many_attempts') });
  await expect(alert).toBeVisible();
  await expect(alert).toContainText(t(lang, 'error.try_again_in', { minutes: 15 }));
  await expect(alert).not.toContainText(t(lang, 'error.server'));
  await expectAccessible(page);
  await snapshot(page, testInfo, `sign-in-locked-${lang}`);
});

test('a direct link downloads each module once, and only the backend in use', { tag: '@journey' }, async ({ page, backend }) => {
  await signInAs(page, backend, PERSONAS.lan);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.clearBrowserCache');
  const fetched = [];
  page.on('request', (request) => fetched.push(new URL(request.url()).pathname.replace(/^.*\//, '').replace(/^noibo-[0-9a-f]+/, '')));
  await page.goto('/store');
  await expect(page.getByTestId('allowance')).toBeVisible();
  const modules = fetched.filter((name) => name.endsWith('.wasm') || name === 'config.json').sort();
  const expected = ['-split_store.wasm', '_bg.wasm', 'config.json'];
  if (backend === 'demo') expected.push('-split_demo.wasm');
  // The store's and the demo's shared code (-chunk_N.wasm) comes once too.
  expect(modules.filter((name) => !/^-chunk_\d+\.wasm$/.test(name))).toEqual(expected.sort());
  expect(new Set(modules).size, `each once: ${modules}`).toBe(modules.length);
});
