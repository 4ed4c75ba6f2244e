// The REST client against a scripted backend: how statuses reach the member.
// (The reference server and the shared contract suite come with the contract issue.)
import { test, expect } from '@playwright/test';
import { expectAccessible, snapshot, t, tenure } from './helpers.mjs';

const lan = {
  id: 1, email: 'lan.tran@noibo.example', full_name: 'Trần Thị Lan', department_id: 1, site_id: 1,
  employment_type: 'full_time', role: 'member', hired_on: '2022-08-15', tags: [],
};
const profile = {
  member: lan,
  department: { id: 1, name: { vi: 'Kinh doanh', en: 'Sales' } },
  site: { id: 1, name: { vi: 'Trụ sở Hà Nội', en: 'Hanoi head office' }, city: 'Hà Nội' },
  tenure_months: 51, segments: [], manager_name: 'Lê Văn Minh', team: [],
};
const offerings = [{
  offering: { id: 3, kind: 'benefit', title: { vi: 'Ngân sách đào tạo', en: 'Training budget' },
    summary: { vi: 'Khóa học, chứng chỉ.', en: 'Courses and certificates.' }, audience: { all_of: [] }, portal: 'benefits' },
  eligibility: { eligible: false, checks: [{ requirement: { min_tenure: { months: 60, actual: 51 } }, met: false }] },
}];

const json = (body, status = 200) => ({ status, contentType: 'application/json', body: JSON.stringify(body) });
const problem = (status, extra = {}) => ({ status, contentType: 'application/problem+json', body: JSON.stringify({ title: 'problem', status, ...extra }) });

/** Points the app at a scripted HTTP backend; `routes` maps "METHOD /path" to a list of answers, used in turn. */
async function scriptedBackend(page, routes) {
  await page.route('**/config.json', (route) => route.fulfill(json({ backend: 'http', base_url: '' })));
  const seen = [];
  await page.route('**/api/v1/**', (route) => {
    const request = route.request();
    const key = `${request.method()} ${new URL(request.url()).pathname}`;
    seen.push(key);
    const answers = routes[key];
    if (!answers) return route.fulfill(problem(404));
    return route.fulfill(answers.length > 1 ? answers.shift() : answers[0]);
  });
  return seen;
}

test('a wrong password says so; the right one signs in', { tag: '@phone' }, async ({ page }) => {
  const seen = await scriptedBackend(page, {
    'GET /api/v1/session': [problem(401), json(lan)],
    'POST /api/v1/session': [problem(401), json(lan)],
    'GET /api/v1/me': [json(profile)],
    'GET /api/v1/me/offerings': [json(offerings)],
  });
  await page.goto('/sign-in');
  await page.getByLabel(t('vi', 'sign_in.email')).fill('lan.tran@noibo.example');
  await page.getByLabel(t('vi', 'sign_in.password')).fill('wrong');
  await page.getByRole('button', { name: t('vi', 'sign_in.submit') }).click();
  await expect(page.getByText(t('vi', 'error.bad_credentials'))).toBeVisible();
  await page.getByLabel(t('vi', 'sign_in.password')).fill('demo');
  await page.getByRole('button', { name: t('vi', 'sign_in.submit') }).click();
  await expect(page.getByRole('heading', { name: t('vi', 'home.greeting', { name: 'Lan' }) })).toBeVisible();
  await expect(page.locator('[data-eligible="false"]')).toContainText(t('vi', 'reason.min_tenure', { required: tenure('vi', 60), actual: tenure('vi', 51) }));
  expect(seen.filter((s) => s === 'POST /api/v1/session')).toHaveLength(2);
});

test('a failed load shows a retry that recovers, keeping the rest of the page', { tag: '@desktop' }, async ({ page }, testInfo) => {
  await scriptedBackend(page, {
    'GET /api/v1/session': [json(lan)],
    'GET /api/v1/me': [json(profile)],
    'GET /api/v1/me/offerings': [problem(503), json(offerings)],
  });
  await page.goto('/');
  await expect(page.getByRole('heading', { name: t('vi', 'home.greeting', { name: 'Lan' }) })).toBeVisible();
  const failure = page.getByText(t('vi', 'error.server'));
  await expect(failure).toBeVisible();
  await expectAccessible(page);
  await snapshot(page, testInfo, 'home-retry-vi');
  await page.getByRole('button', { name: t('vi', 'action.retry') }).click();
  await expect(failure).toHaveCount(0);
  await expect(page.getByText('Ngân sách đào tạo')).toBeVisible();
});

test('with the server down, home keeps its heading and says so once, promising nothing about typed input', { tag: '@phone' }, async ({ page }, testInfo) => {
  await scriptedBackend(page, { 'GET /api/v1/session': [json(lan)] });
  await page.route('**/api/v1/me**', (route) => route.abort('connectionrefused'));
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(t('vi', 'home.greeting', { name: 'Lan' }));
  await expect(page.getByText(t('vi', 'error.network'))).toHaveCount(1);
  await expect(page.getByText(t('vi', 'form.kept'))).toHaveCount(0);
  await expect(page.getByRole('button', { name: t('vi', 'action.retry') })).toHaveCount(1);
  await expectAccessible(page);
  await snapshot(page, testInfo, 'home-server-down-vi');
});

test('an expired session sends the member to sign-in and back to the same page', { tag: '@desktop' }, async ({ page }) => {
  await scriptedBackend(page, {
    'GET /api/v1/session': [json(lan)],
    'GET /api/v1/me': [problem(401)],
    'GET /api/v1/me/offerings': [problem(401)],
  });
  await page.goto('/profile');
  await expect(page).toHaveURL(/\/sign-in\?next=%2Fprofile$/);
  await expect(page.getByLabel(t('vi', 'sign_in.email'))).toBeVisible();
});

test('fields the server rejects are marked next to the field', { tag: '@phone' }, async ({ page }) => {
  await scriptedBackend(page, {
    'GET /api/v1/session': [problem(401)],
    'POST /api/v1/session': [problem(422, { errors: [{ field: 'email', message: 'email must not be empty' }] })],
  });
  await page.goto('/sign-in');
  await page.getByLabel(t('vi', 'sign_in.email')).fill('lan@noibo.example');
  await page.getByLabel(t('vi', 'sign_in.password')).fill('demo');
  await page.getByRole('button', { name: t('vi', 'sign_in.submit') }).click();
  await expect(page.getByText(t('vi', 'field.rejected'))).toBeVisible();
  await expect(page.getByLabel(t('vi', 'sign_in.email'))).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByLabel(t('vi', 'sign_in.password'))).toHaveAttribute('aria-invalid', 'false');
  await expect(page.getByLabel(t('vi', 'sign_in.email'))).toHaveValue('lan@noibo.example');
});
