// What operators do: host under a sub-path, and edit config.json.
import { test, expect } from '@playwright/test';
import { PERSONAS, expectAccessible, snapshot, t, pattern } from './helpers.mjs';
import { SUBPATH_PORT } from '../playwright.config.mjs';

test('the app works under a sub-path, deep links included', async ({ page }) => {
  const base = `http://127.0.0.1:${SUBPATH_PORT}/noibo`;
  await page.goto(`${base}/profile`);
  await expect(page).toHaveURL(`${base}/sign-in?next=%2Fprofile`);
  await page.getByRole('button', { name: PERSONAS.lan.name }).click();
  await expect(page).toHaveURL(`${base}/profile`);
  await page.reload();
  await expect(page.getByTestId('profile-details')).toContainText('lan.tran@noibo.example');
  await page.getByRole('link', { name: t('vi', 'nav.home') }).click();
  await expect(page).toHaveURL(`${base}/`);
  await expect(page.getByTestId('profile-card')).toContainText('Kinh doanh');
});

// Each on one device: the screen is the same for all three.
for (const [problem, fulfil, expected, tag] of [
  ['missing', { status: 404, body: 'not found' }, t('vi', 'config.missing', { status: 404 }), '@phone'],
  ['malformed', { status: 200, body: '{"backend": "demo",' }, pattern('vi', 'config.invalid', { detail: /.+/ }), '@desktop'],
  ['an unknown backend', { status: 200, body: '{"backend":"graphql"}' }, pattern('vi', 'config.invalid', { detail: /.+/ }), '@phone'],
]) {
  test(`a ${problem} config.json shows what is wrong and how to fix it`, { tag }, async ({ page }, testInfo) => {
    await page.route('**/config.json', (route) => route.fulfill(fulfil));
    await page.goto('/');
    const screen = page.getByTestId('config-error');
    await expect(screen.getByRole('heading', { level: 1 })).toHaveText(t('vi', 'config.title'));
    await expect(screen).toContainText(expected);
    await expect(screen).toContainText('{"backend":"demo"}');
    await expect(screen).toContainText(t('vi', 'config.example_http'));
    await expectAccessible(page);
    await snapshot(page, testInfo, `config-error-${problem.replaceAll(' ', '-')}-vi`);
  });
}

test('with an HTTP backend that is down, the sign-in form keeps what was typed and offers a retry', async ({ page }, testInfo) => {
  await page.route('**/config.json', (route) => route.fulfill({ status: 200, body: '{"backend":"http","base_url":"http://127.0.0.1:9"}' }));
  await page.goto('/sign-in');
  const email = page.getByLabel(t('vi', 'sign_in.email'));
  const password = page.getByLabel(t('vi', 'sign_in.password'));
  // The backend is down, so the session check fails; the sign-in page still works.
  await page.getByRole('button', { name: t('vi', 'sign_in.submit') }).click();
  await expect(page.getByText(t('vi', 'sign_in.email_required'))).toBeVisible();
  await expect(email).toHaveAttribute('aria-invalid', 'true');
  await email.fill('lan.tran@noibo.example');
  await password.fill('demo');
  await page.getByRole('button', { name: t('vi', 'sign_in.submit') }).click();
  await expect(page.getByText(t('vi', 'error.network'))).toBeVisible();
  await expect(email).toHaveValue('lan.tran@noibo.example');
  await expect(password).toHaveValue('demo');
  await expectAccessible(page);
  await snapshot(page, testInfo, 'sign-in-http-down-vi');
});
