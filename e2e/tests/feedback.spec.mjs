// Anonymous feedback, as Lan, Minh and HR use it: a conversation with HR
// whose anonymous calls carry no credentials, answered under a name and
// read back with the key, also from another device through the recovery
// code; pulse results that show only large enough groups; a survey
// answered; an idea voted on and given a status. The conversation and
// the results run on both backends; the rest on the demo, phone
// (Vietnamese) and desktop (English).
import { expect } from '@playwright/test';
import { test, PERSONAS, signInAs, signOutFromProfile, expectAccessible, snapshot, t, expectNoHorizontalScroll } from './helpers.mjs';
import { E2E_NOW } from '../playwright.config.mjs';

const langOf = (testInfo) => (testInfo.project.name.startsWith('phone') ? 'vi' : 'en');

async function signOut(page, l) {
  await page.goto('/profile');
  await signOutFromProfile(page, l('action.sign_out'));
}

/** Every request to an anonymous endpoint, with the headers the browser really sent. */
function recordAnonymousCalls(page) {
  const calls = [];
  page.on('request', (request) => {
    if (request.url().includes('/feedback/anonymous/')) calls.push(request);
  });
  return calls;
}

async function expectNoCredentials(calls, backend, persona) {
  if (backend === 'demo') {
    // The demo's "server" is in the page: nothing goes over the network.
    expect(calls).toHaveLength(0);
    return;
  }
  expect(calls.length).toBeGreaterThan(0);
  for (const call of calls) {
    const headers = await call.allHeaders();
    expect(headers.cookie, call.url()).toBeUndefined();
    expect(headers.authorization, call.url()).toBeUndefined();
    expect(headers.referer, call.url()).toBeUndefined();
    const sent = `${call.url()} ${call.postData() ?? ''}`;
    for (const trace of [persona.email, persona.name, '"member"']) expect(sent).not.toContain(trace);
  }
}

test('Lan writes to HR with no credentials on the way, Hoa replies under her name, Lan reads and answers, and her recovery code opens it on another device', { tag: '@journey' }, async ({ page, backend, browser }, testInfo) => {
  // Three people in turn, and each anonymous call waits a few seconds after
  // its token was issued (the wallet's rule): longer than one page's test.
  test.setTimeout(90_000);
  const lang = langOf(testInfo);
  const l = (key, params) => t(lang, key, params);
  const words = `${lang === 'vi' ? 'Lối thoát hiểm kho B bị chặn' : 'The fire exit in warehouse B is blocked'} (${testInfo.project.name})`;
  const calls = recordAnonymousCalls(page);
  // The server projects share one database, and with it each member's
  // monthly message allowance: on the second, Hạnh writes in Lan's place.
  const writer = testInfo.project.name === 'desktop-server' ? { email: 'hanh.vu@noibo.example', name: 'Vũ Thị Hạnh' } : PERSONAS.lan;
  await signInAs(page, backend, writer, lang);
  await page.goto('/feedback');
  const form = page.getByTestId('write-message');
  await form.getByLabel(l('feedback.recipient.hr')).check();
  await form.getByLabel(l('feedback.topic'), { exact: true }).selectOption({ label: l('feedback.topic.safety') });
  await form.getByLabel(l('feedback.message'), { exact: true }).fill(words);
  await expect(page.getByTestId('keep-warning')).toContainText(l('feedback.keep_warning'));
  await expectAccessible(page);
  await snapshot(page, testInfo, `feedback-write-${lang}`);
  await form.getByRole('button', { name: l('feedback.send_anonymously') }).click();
  await expect(page.getByTestId('message-sent')).toBeVisible({ timeout: 20_000 });
  const code = (await page.getByTestId('recovery-code').innerText()).trim();
  expect(code.replace(/[-\s]/g, '')).toHaveLength(26);
  await expectAccessible(page);
  await expectNoHorizontalScroll(page);
  await snapshot(page, testInfo, `feedback-sent-${lang}`);
  await expectNoCredentials(calls, backend, writer);

  await signOut(page, l);
  await signInAs(page, backend, PERSONAS.hoa, lang);
  await page.goto('/hr/feedback');
  const thread = page.getByTestId('thread').filter({ hasText: words });
  await expect(thread).toContainText(l('feedback_hr.anonymous_member'));
  const reply = lang === 'vi' ? 'Đã báo bộ phận Vận hành dọn ngay hôm nay.' : 'Operations will clear it today.';
  await thread.getByLabel(l('feedback_hr.reply_label')).fill(reply);
  await thread.getByRole('button', { name: l('feedback_hr.reply_send') }).click();
  await expect(thread).toContainText(l('feedback_hr.reply_sent'));
  await expectAccessible(page);
  await snapshot(page, testInfo, `feedback-inbox-${lang}`);

  await signOut(page, l);
  await signInAs(page, backend, writer, lang);
  await page.goto('/feedback');
  const mine = page.getByTestId('my-threads').locator('li').filter({ has: page.getByTestId('new-reply') }).first();
  await mine.getByRole('link').click();
  const messages = page.getByTestId('messages');
  await expect(messages).toContainText(reply);
  await expect(messages).toContainText(PERSONAS.hoa.name);
  const answer = lang === 'vi' ? 'Cảm ơn chị!' : 'Thank you!';
  await page.getByLabel(l('feedback.your_answer')).fill(answer);
  await page.getByRole('button', { name: l('feedback.send_answer') }).click();
  await expect(messages.locator('li').last()).toContainText(answer, { timeout: 20_000 });
  await expectAccessible(page);
  await snapshot(page, testInfo, `feedback-thread-${lang}`);
  await expectNoCredentials(calls, backend, writer);

  // Another device: a browser that has never seen the conversation. On the
  // demo the "server" lives in the browser, so the other device is this one
  // with Lan's wallet gone.
  let other = page;
  let context;
  if (backend === 'demo') {
    await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('noibo.feedback.wallet')).forEach((k) => localStorage.removeItem(k)));
  } else {
    context = await browser.newContext({ ...testInfo.project.use });
    other = await context.newPage();
    await other.clock.setFixedTime(new Date(E2E_NOW));
    await signInAs(other, backend, writer, lang);
  }
  await other.goto('/feedback/open');
  await other.getByLabel(l('feedback.code'), { exact: true }).fill(code.toLowerCase());
  await other.getByRole('button', { name: l('feedback.open'), exact: true }).click();
  await expect(other.getByTestId('messages')).toContainText(answer);
  await context?.close();
});

test('HR reads a closed pulse broken down by department, with small departments hidden, and a survey too small to show says so', { tag: '@journey' }, async ({ page, backend }, testInfo) => {
  const lang = langOf(testInfo);
  const l = (key, params) => t(lang, key, params);
  await signInAs(page, backend, PERSONAS.hoa, lang);
  await page.goto('/hr/feedback/surveys');
  await expect(page.getByTestId('survey')).toHaveCount(4);
  await page.goto('/hr/feedback/surveys/2/results');
  await expect(page.getByTestId('results-respondents').first()).toHaveText(l('feedback_hr.results_respondents', { n: 16 }));
  await expect(page.getByTestId('results-question').first()).toBeVisible();
  await page.getByLabel(l('feedback_hr.results_breakdown')).selectOption({ label: l('feedback_hr.dimension.department') });
  const groups = page.getByTestId('results-groups');
  await expect(groups.getByText(l('feedback_hr.group_hidden'))).not.toHaveCount(0);
  expect(await groups.getByText(l('feedback_hr.group_hidden')).count()).toBeGreaterThanOrEqual(2);
  await expect(groups, 'departments go by their names').toContainText(lang === 'vi' ? 'Kinh doanh' : 'Sales');
  await expect(groups).not.toContainText(l('feedback_hr.department_number', { n: 1 }));
  await expect(page.getByTestId('results-trend')).toBeVisible();
  await expectAccessible(page);
  await expectNoHorizontalScroll(page);
  await snapshot(page, testInfo, `feedback-results-${lang}`);

  await page.goto('/hr/feedback/surveys/3/results');
  await expect(page.getByTestId('results-hidden')).toHaveText(l('feedback_hr.results_hidden_total', { k: 5 }));
  await expectAccessible(page);
});

test('Lan answers the November pulse anonymously and the portal remembers she did', async ({ page, backend }, testInfo) => {
  const lang = langOf(testInfo);
  const l = (key, params) => t(lang, key, params);
  await signInAs(page, backend, PERSONAS.lan, lang);
  await page.goto('/feedback');
  await page.getByTestId('open-surveys').getByRole('link').first().click();
  const questions = page.getByTestId('question');
  await expect(questions).toHaveCount(4);
  const agree = questions.nth(0).getByLabel(`4 – ${l('feedback.agree4')}`, { exact: true });
  await agree.check();
  await page.reload();
  await expect(agree, 'an answer given survives a reload').toBeChecked();
  await questions.nth(2).getByLabel('9', { exact: true }).check();
  await questions.nth(3).getByRole('textbox').fill(lang === 'vi' ? 'Thêm chỗ để xe' : 'More parking');
  await expectAccessible(page);
  await snapshot(page, testInfo, `feedback-survey-${lang}`);
  await page.getByRole('button', { name: l('feedback.send_answers') }).click();
  await expect(page.getByTestId('survey-answered')).toContainText(l('feedback.survey_thanks'), { timeout: 20_000 });
  await page.goto('/feedback');
  await expect(page.getByTestId('open-surveys')).toContainText(l('feedback.answered'));
});

test('Minh votes once for Lan\'s idea, and the status HR sets is what Lan sees', { tag: '@phone' }, async ({ page, backend }, testInfo) => {
  const lang = langOf(testInfo);
  const l = (key, params) => t(lang, key, params);
  const title = 'Góc đọc sách ở văn phòng Hà Nội';
  await signInAs(page, backend, PERSONAS.minh, lang);
  await page.goto('/feedback/ideas');
  const idea = page.getByTestId('idea').filter({ hasText: title });
  await expect(idea.getByTestId('votes')).toHaveText(l('feedback.votes', { n: 5 }));
  await idea.getByRole('button', { name: l('feedback.vote') }).click();
  await expect(idea.getByTestId('votes')).toHaveText(l('feedback.votes', { n: 6 }), { timeout: 20_000 });
  await expect(idea.getByRole('button', { name: l('feedback.vote') })).toHaveCount(0);
  await expectAccessible(page);
  await snapshot(page, testInfo, `feedback-ideas-${lang}`);

  await signOut(page, l);
  await signInAs(page, backend, PERSONAS.hoa, lang);
  await page.goto('/hr/feedback/ideas');
  const admin = page.getByTestId('idea').filter({ hasText: title });
  await admin.getByLabel(l('feedback_hr.idea_status_label')).selectOption({ label: l('feedback.status.planned') });
  await admin.getByRole('button', { name: l('feedback_hr.idea_status_save') }).click();
  await expect(admin).toContainText(l('feedback_hr.idea_status_saved'));
  await expectAccessible(page);

  await signOut(page, l);
  await signInAs(page, backend, PERSONAS.lan, lang);
  await page.goto('/feedback/ideas');
  await expect(page.getByTestId('idea').filter({ hasText: title }).getByTestId('idea-status')).toHaveText(l('feedback.status.planned'));
});

test('Minh, a manager, reaches his department\'s results from his feedback home and sees only his department, by name', { tag: '@journey' }, async ({ page, backend }, testInfo) => {
  const lang = langOf(testInfo);
  const l = (key, params) => t(lang, key, params);
  await signInAs(page, backend, PERSONAS.minh, lang);
  await page.goto('/feedback');
  await page.getByRole('link', { name: l('feedback.team_results_link') }).click();
  await expect(page).toHaveURL(/\/feedback\/results$/);
  const october = page.getByTestId('survey').filter({ hasText: lang === 'vi' ? 'Nhịp đập tháng 10' : 'October pulse' });
  await october.getByRole('link', { name: new RegExp(l('feedback_hr.survey_results_link')) }).click();
  await expect(page).toHaveURL(/\/feedback\/results\/2$/);
  await expect(page.getByText(l('feedback_hr.results_own_department', { name: lang === 'vi' ? 'Kinh doanh' : 'Sales' }))).toBeVisible();
  await expect(page.getByTestId('results-question').first()).toBeVisible();
  await expect(page.getByLabel(l('feedback_hr.results_filter')), 'a manager cannot look at other departments').toHaveCount(0);
  await expectAccessible(page);
  await expectNoHorizontalScroll(page);
  await snapshot(page, testInfo, `feedback-manager-results-${lang}`);
});

test('HR hides an abusive comment with a reason it must give, and members read the reason in its place', { tag: '@desktop' }, async ({ page, backend }, testInfo) => {
  const lang = langOf(testInfo);
  const l = (key, params) => t(lang, key, params);
  const said = 'Có thể thử một tháng trước không?';
  const reason = lang === 'vi' ? 'Nêu tên một đồng nghiệp' : 'Names a colleague';
  await signInAs(page, backend, PERSONAS.hoa, lang);
  await page.goto('/hr/feedback/ideas');
  const idea = page.getByTestId('idea').filter({ hasText: 'Làm việc từ xa vào thứ Sáu' });
  await expect(idea).toContainText(said);
  await idea.getByRole('button', { name: l('feedback_hr.hide_comment') }).click();
  const question = idea.getByRole('form', { name: l('feedback_hr.hide_comment_question') });
  await expect(question).toBeFocused();
  await question.getByRole('button', { name: l('feedback_hr.hide_yes'), exact: true }).click();
  const field = question.getByLabel(l('feedback_hr.reason_label'));
  await expect(field, 'no reason, no hiding').toBeFocused();
  await expect(field).toHaveAttribute('aria-invalid', 'true');
  await expectAccessible(page);
  await snapshot(page, testInfo, `feedback-moderate-${lang}`);
  await field.fill(reason);
  await question.getByRole('button', { name: l('feedback_hr.hide_yes'), exact: true }).click();
  await expect(idea).toContainText(reason);
  await expect(idea).not.toContainText(said);
  await expectAccessible(page);

  await signOut(page, l);
  await signInAs(page, backend, PERSONAS.lan, lang);
  await page.goto('/feedback/ideas');
  const board = page.getByTestId('idea').filter({ hasText: 'Làm việc từ xa vào thứ Sáu' });
  await expect(board).toContainText(l('feedback.hidden_because', { reason }));
  await expect(board).not.toContainText(said);
});

test('HR writes a survey: every mistake is named at its field, the saved survey becomes its edit page, and Tuấn, whom it asks, finds it open', { tag: '@desktop' }, async ({ page, backend }, testInfo) => {
  const lang = langOf(testInfo);
  const l = (key, params) => t(lang, key, params);
  const title = lang === 'vi' ? 'Ca mùa vụ tháng 11' : 'Seasonal shifts in November';
  await signInAs(page, backend, PERSONAS.hoa, lang);
  await page.goto('/hr/feedback/surveys');
  await page.getByRole('link', { name: l('feedback_hr.survey_new') }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(l('feedback_hr.editor_new_title'));
  await page.getByRole('button', { name: l('feedback_hr.survey_save') }).click();
  const summary = page.getByRole('alert').filter({ has: page.locator('#error-summary-title') });
  await expect(summary).toBeFocused();
  const question = page.getByTestId('survey-question');
  await expect(question, 'a new survey starts with one question').toHaveCount(1);
  const links = summary.getByRole('link');
  await expect(links).toHaveCount(4);
  for (const [n, label] of [l('feedback_hr.title_vi'), l('feedback_hr.title_en'), l('feedback_hr.question_text_vi'), l('feedback_hr.question_text_en')].entries()) {
    await expect(links.nth(n)).toContainText(label);
  }
  await links.nth(2).click();
  await expect(question.getByLabel(l('feedback_hr.question_text_vi')), 'each mistake leads to its field').toBeFocused();
  await expectAccessible(page);
  await snapshot(page, testInfo, `feedback-editor-errors-${lang}`);

  await page.getByLabel(l('feedback_hr.title_vi'), { exact: true }).fill('Ca mùa vụ tháng 11');
  await page.getByLabel(l('feedback_hr.title_en'), { exact: true }).fill('Seasonal shifts in November');
  await question.getByLabel(l('feedback_hr.question_text_vi')).fill('Tôi được hướng dẫn đủ trước ca đầu tiên');
  await question.getByLabel(l('feedback_hr.question_text_en')).fill('I was shown enough before my first shift');
  await page.getByRole('group', { name: l('audience.types') }).getByLabel(l('employment.seasonal')).check();
  await page.getByLabel(l('feedback_hr.opens'), { exact: true }).fill('2026-11-20');
  await page.getByLabel(l('feedback_hr.closes'), { exact: true }).fill('2026-11-30');
  await page.getByRole('button', { name: l('feedback_hr.survey_save') }).click();
  await expect(page.getByText(l('feedback_hr.saved'))).toBeVisible();
  await expect(page).toHaveURL(/\/hr\/feedback\/surveys\/5$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(l('feedback_hr.editor_edit_title'));
  await page.getByRole('button', { name: l('feedback_hr.survey_save') }).click();
  await page.goto('/hr/feedback/surveys');
  await expect(page.getByTestId('survey').filter({ hasText: title }), 'saving twice keeps one survey').toHaveCount(1);

  await signOut(page, l);
  await signInAs(page, backend, PERSONAS.tuan, lang);
  await page.goto('/feedback');
  await expect(page.getByTestId('open-surveys')).toContainText(title);
  await signOut(page, l);
  await signInAs(page, backend, PERSONAS.lan, lang);
  await page.goto('/feedback');
  await expect(page.getByTestId('open-surveys'), 'not for permanent staff').not.toContainText(title);
});
