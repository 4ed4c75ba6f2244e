// Leave, as Lan, Minh, a delegate and HR use it: a request that costs the
// working days the law says, held as pending; a decision with a comment and
// its timeline; a manager's own request going up; HR's export; Tết skipped.
// The main journeys run on both backends; the rest on the demo, spread over
// phone (Vietnamese) and desktop (English).
import { readFileSync } from 'node:fs';
import { expect } from '@playwright/test';
import { test, PERSONAS, signInAs, signOutFromProfile, expectAccessible, snapshot, t, expectNoHorizontalScroll } from './helpers.mjs';

const langOf = (testInfo) => (testInfo.project.name.startsWith('phone') ? 'vi' : 'en');
const days = (lang, n) => t(lang, n === 1 ? 'leave.days_one' : 'leave.days_many', { n: lang === 'vi' ? String(n).replace('.', ',') : n });

/** Asks for full days from `from` to `to` (ISO) and waits for the request page. */
async function ask(page, l, { type, from, to, reason = '' }) {
  await page.goto('/benefits/new');
  await page.getByLabel(l('leave.type')).selectOption({ label: type });
  await page.getByLabel(l('leave.from'), { exact: true }).fill(from);
  await page.getByLabel(l('leave.to'), { exact: true }).fill(to);
  if (reason) await page.getByLabel(l('leave.reason')).fill(reason);
}

async function signOut(page, l) {
  await page.goto('/profile');
  await signOutFromProfile(page, l('action.sign_out'));
}

test('Lan asks for Friday to Monday, it costs 2 working days held as pending, Minh approves with a comment and Lan reads the timeline', { tag: '@journey' }, async ({ page, backend }, testInfo) => {
  const lang = langOf(testInfo);
  const l = (key, params) => t(lang, key, params);
  const annual = lang === 'vi' ? 'Phép năm' : 'Annual leave';
  // The server projects share one database: each asks for its own weekend.
  const [from, to] = testInfo.project.name.startsWith('phone') ? ['2026-11-27', '2026-11-30'] : ['2026-12-04', '2026-12-07'];
  // On the server, the other device's journey spends Lan's days too: exact numbers on the demo only.
  const alone = backend === 'demo';
  await signInAs(page, backend, PERSONAS.lan, lang);
  await page.goto('/benefits');
  const available = page.getByTestId('balances').locator('li', { hasText: annual }).getByTestId('available');
  if (alone) await expect(available).toHaveText(l('leave.available', { days: days(lang, 7) }));

  await ask(page, l, { type: annual, from, to, reason: lang === 'vi' ? 'Về quê' : 'Family visit' });
  await expect(page.getByTestId('leave-cost')).toContainText(l('leave.costs', { days: days(lang, 2) }));
  await expect(page.getByTestId('skipped-days').locator('li')).toHaveCount(2);
  await expect(page.getByTestId('skipped-days')).toContainText(l('leave.weekly_rest'));
  await expectAccessible(page);
  await snapshot(page, testInfo, `leave-ask-${lang}`);
  await page.getByRole('button', { name: l('leave.send') }).click();
  await expect(page.getByTestId('request-sent')).toBeVisible();
  await expect(page.getByTestId('request-status')).toHaveText(l('leave.status.pending'));
  await expect(page.getByTestId('leave-timeline')).toContainText(l('leave.waiting_for', { name: PERSONAS.minh.name }));
  const requestUrl = page.url();

  await page.goto('/benefits');
  const card = page.getByTestId('balances').locator('li', { hasText: annual });
  if (alone) {
    await expect(card.getByTestId('pending').locator('dd')).toHaveText(days(lang, 2));
    await expect(card.getByTestId('available')).toHaveText(l('leave.available', { days: days(lang, 5) }));
  } else {
    await expect(card.getByTestId('pending').locator('dd')).not.toHaveText(days(lang, 0));
  }
  await expectAccessible(page);
  await snapshot(page, testInfo, `leave-balances-${lang}`);

  await signOut(page, l);
  await signInAs(page, backend, PERSONAS.minh, lang);
  await expect(page.getByTestId('leave-waiting')).toBeVisible();
  await page.getByTestId('leave-waiting').click();
  const mine = page.getByTestId('approval').filter({ hasText: PERSONAS.lan.name }).filter({ hasText: days(lang, 2) });
  await expect(mine).toHaveCount(1);
  await expect(mine.getByTestId('team-off')).toBeVisible();
  await expectAccessible(page);
  await snapshot(page, testInfo, `leave-approvals-${lang}`);
  await mine.getByLabel(l('leave.comment')).fill(lang === 'vi' ? 'Nghỉ vui nhé' : 'Enjoy it');
  await mine.getByRole('button', { name: l('leave.approve'), exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: l('leave.decided_approved', { name: PERSONAS.lan.name }) })).toBeVisible();

  await signOut(page, l);
  await signInAs(page, backend, PERSONAS.lan, lang);
  await page.goto(requestUrl);
  await expect(page.getByTestId('request-status')).toHaveText(l('leave.status.approved'));
  const timeline = page.getByTestId('leave-timeline');
  await expect(timeline).toContainText(l('leave.approved_by', { name: PERSONAS.minh.name }));
  await expect(timeline).toContainText(lang === 'vi' ? 'Nghỉ vui nhé' : 'Enjoy it');
  await expectAccessible(page);
  await snapshot(page, testInfo, `leave-timeline-${lang}`);
});

test('Minh\'s own request goes to the director above him, never to himself', { tag: '@desktop' }, async ({ page, backend }, testInfo) => {
  const lang = langOf(testInfo);
  const l = (key, params) => t(lang, key, params);
  const day = testInfo.project.name.startsWith('phone') ? '2026-12-14' : '2026-12-15';
  await signInAs(page, backend, PERSONAS.minh, lang);
  await ask(page, l, { type: lang === 'vi' ? 'Phép năm' : 'Annual leave', from: day, to: day });
  await expect(page.getByTestId('leave-cost')).toContainText(l('leave.costs', { days: days(lang, 1) }));
  await page.getByRole('button', { name: l('leave.send') }).click();
  await expect(page.getByTestId('leave-timeline')).toContainText(l('leave.waiting_for', { name: 'Nguyễn Hữu Thành' }));
  await page.goto('/benefits/approvals');
  await expect(page.getByTestId('approval').filter({ hasText: PERSONAS.minh.name })).toHaveCount(0);
});

test('a delegate approves while Minh is away, and the timeline says on whose behalf', { tag: '@phone' }, async ({ page, backend }, testInfo) => {
  const lang = langOf(testInfo);
  const l = (key, params) => t(lang, key, params);
  await signInAs(page, backend, PERSONAS.minh, lang);
  await page.goto('/benefits/delegations');
  await page.getByLabel(l('leave.delegate'), { exact: true }).selectOption({ label: PERSONAS.lan.name });
  await page.getByLabel(l('leave.to'), { exact: true }).fill('2026-11-27');
  await page.getByRole('button', { name: l('leave.delegate_save') }).click();
  await expect(page.getByTestId('delegations')).toContainText(PERSONAS.lan.name);
  await expectAccessible(page);
  await snapshot(page, testInfo, `leave-delegations-${lang}`);

  await signOut(page, l);
  await signInAs(page, backend, PERSONAS.lan, lang);
  await page.goto('/benefits/approvals');
  const quangs = page.getByTestId('approval').filter({ hasText: 'Đỗ Nhật Quang' });
  await quangs.getByRole('button', { name: l('leave.approve'), exact: true }).click();
  await expect(page.getByTestId('approval')).toHaveCount(0);
  await page.goto('/benefits/requests/3');
  await expect(page.getByTestId('leave-timeline')).toContainText(
    l('leave.on_behalf_of', { who: l('leave.approved_by', { name: PERSONAS.lan.name }), name: PERSONAS.minh.name }),
  );
});

test('a rejection needs a reason, said at the comment field', { tag: '@desktop' }, async ({ page, backend }, testInfo) => {
  const lang = langOf(testInfo);
  const l = (key, params) => t(lang, key, params);
  await signInAs(page, backend, PERSONAS.minh, lang);
  await page.goto('/benefits/approvals');
  const quangs = page.getByTestId('approval').filter({ hasText: 'Đỗ Nhật Quang' });
  await quangs.getByRole('button', { name: l('leave.reject'), exact: true }).click();
  await expect(quangs.locator('.field-error, [id^=comment-][id$=-error]')).toContainText(l('store.rule.required'));
});

test('a request over Tết 2027 skips the holidays and the days in lieu, and says which', async ({ page, backend }, testInfo) => {
  const lang = langOf(testInfo);
  const l = (key, params) => t(lang, key, params);
  await signInAs(page, backend, PERSONAS.lan, lang);
  await ask(page, l, { type: lang === 'vi' ? 'Phép năm' : 'Annual leave', from: '2027-02-01', to: '2027-02-12' });
  // 10 weekdays; Tết takes Fri 5, Mon 8 and Tue 9, and its weekend days give Wed 10 and Thu 11 in lieu.
  await expect(page.getByTestId('leave-cost')).toContainText(l('leave.costs', { days: days(lang, 5) }));
  const skipped = page.getByTestId('skipped-days');
  // Five Tết days (Fri 5 to Tue 9, the weekend included), then two in lieu: all seven name Tết.
  await expect(skipped.locator('li')).toHaveCount(7);
  await expect(skipped.locator('li', { hasText: lang === 'vi' ? 'Tết Nguyên đán' : 'Lunar New Year (Tết)' })).toHaveCount(7);
  await expect(skipped.locator('li', { hasText: l('leave.in_lieu', { holiday: lang === 'vi' ? 'Tết Nguyên đán' : 'Lunar New Year (Tết)' }) })).toHaveCount(2);
  await snapshot(page, testInfo, `leave-tet-${lang}`);
});

test('HR exports every request for payroll, in the interface language', { tag: '@journey' }, async ({ page, backend }, testInfo) => {
  const lang = langOf(testInfo);
  const l = (key, params) => t(lang, key, params);
  await signInAs(page, backend, PERSONAS.hoa, lang);
  await page.goto('/hr/benefits');
  await expect(page.getByTestId('hr-leave-requests').locator('li').first()).toBeVisible();
  await expectAccessible(page);
  await snapshot(page, testInfo, `leave-hr-requests-${lang}`);
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('leave-csv').click()]);
  const text = readFileSync(await download.path()).subarray(3).toString('utf8');
  const [header, ...rows] = text.split('\r\n');
  expect(header).toBe(lang === 'vi'
    ? 'Mã đơn,Nhân viên,Phòng ban,Nơi làm việc,Loại nghỉ,Có lương,Từ ngày,Đến ngày,Ngày làm việc,Trạng thái'
    : 'Request,Member,Department,Site,Leave type,Paid,From,To,Working days,Status');
  expect(rows.some((row) => row.includes(PERSONAS.lan.name) && row.includes('2026-07-13'))).toBe(true);
});

test('HR\'s allocation, holiday and leave-type pages read well and pass axe', async ({ page, backend }, testInfo) => {
  const lang = langOf(testInfo);
  const l = (key, params) => t(lang, key, params);
  await signInAs(page, backend, PERSONAS.hoa, lang);
  for (const [path, name] of [['/hr/benefits/allocations', 'allocations'], ['/hr/benefits/holidays', 'holidays'], ['/hr/benefits/types', 'leave-types']]) {
    await page.goto(path);
    await expect(page.getByTestId(name)).toBeVisible();
    await expectAccessible(page);
    await expectNoHorizontalScroll(page);
    await snapshot(page, testInfo, `leave-hr-${name}-${lang}`);
  }
  await page.goto('/hr/benefits/holidays');
  await page.getByRole('button', { name: l('leave.holidays_confirm') }).click();
  await expect(page.getByTestId('holidays-state')).toHaveText(l('leave.holidays_confirmed'));
});

test('the team calendar shows who is off, pending marked, and fits a phone', async ({ page, backend }, testInfo) => {
  const lang = langOf(testInfo);
  const l = (key, params) => t(lang, key, params);
  await signInAs(page, backend, PERSONAS.minh, lang);
  await page.goto('/benefits/team');
  await page.getByRole('button', { name: l('leave.next_month') }).click();
  await expect(page.getByTestId('team-calendar').locator('.chip.pending').first()).toBeVisible();
  await expect(page.getByTestId('team-absences')).toContainText('Đỗ Nhật Quang');
  await expectAccessible(page);
  await expectNoHorizontalScroll(page);
  await snapshot(page, testInfo, `leave-team-${lang}`);
});

test('a partner supplier reads that annual leave is not for him, and why', { tag: '@phone' }, async ({ page, backend }, testInfo) => {
  const lang = langOf(testInfo);
  const l = (key, params) => t(lang, key, params);
  await signInAs(page, backend, PERSONAS.an, lang);
  await page.goto('/benefits');
  const annual = page.getByTestId('balances').locator('li', { hasText: lang === 'vi' ? 'Phép năm' : 'Annual leave' });
  await expect(annual).toContainText(l('leave.not_for_you'));
  await expect(annual.locator('.reasons li')).toHaveCount(1);
  await expectAccessible(page);
  await snapshot(page, testInfo, `leave-partner-${lang}`);
});
