// Training, as Tuấn, Lan, Minh and HR use it: food safety "for you" for a
// seasonal worker on the factory floor, its lessons, a failed then a
// passed quiz and the certificate, checked signed out at /verify; a full
// session that puts Lan on the waitlist until Minh's cancel seats her;
// an event's calendar file; a lesson whose HTML stays text; HR's pages,
// a learning path, a session at a named site. The learning, waitlist,
// event and session-site journeys run on both backends (@journey); the
// rest on the demo, phone (Vietnamese) and desktop (English).
import { expect } from '@playwright/test';
import { test, PERSONAS, signInAs, signOutFromProfile, expectAccessible, snapshot, t, escapeRegExp, expectNoHorizontalScroll } from './helpers.mjs';

const langOf = (testInfo) => (testInfo.project.name.startsWith('phone') ? 'vi' : 'en');

/** Two server projects share one database: each learns as its own seasonal worker. */
const LEARNERS = {
  'desktop-server': { email: 'hanh.vu@noibo.example', name: 'Vũ Thị Hạnh', department: 'Sản xuất', hr: false },
};

/** Food safety's quiz: the right option of each question, and always the first (three wrong). */
const RIGHT = [1, 0, 0, 1, 1];
const WRONG = [0, 0, 0, 0, 0];
const WRONG_COUNT = 3;

async function signOut(page, l) {
  await page.goto('/profile');
  await signOutFromProfile(page, l('action.sign_out'));
}

async function answer(page, options) {
  const questions = page.getByTestId('training-question');
  await expect(questions).toHaveCount(options.length);
  for (const [i, option] of options.entries()) {
    await questions.nth(i).getByRole('radio').nth(option).check();
  }
  await page.getByTestId('training-submit-quiz').click();
  await expect(page.getByTestId('training-verdict')).toBeVisible();
}

test('a seasonal worker finds food safety for him, does its lessons, fails then passes the quiz, and his certificate checks out signed out', { tag: '@journey' }, async ({ page, backend }, testInfo) => {
  test.setTimeout(90_000);
  const lang = langOf(testInfo);
  const l = (key, params) => t(lang, key, params);
  const learner = LEARNERS[testInfo.project.name] ?? PERSONAS.tuan;
  await signInAs(page, backend, learner, lang);
  await page.goto('/training');
  await page.getByTestId('training-for-you').check();
  const course = page.getByTestId('training-course').filter({ hasText: lang === 'vi' ? 'An toàn thực phẩm' : 'Food safety' });
  await expect(course.getByTestId('training-badge')).toHaveText(l('training.for_you'));
  await expectAccessible(page);
  await expectNoHorizontalScroll(page);
  await snapshot(page, testInfo, `training-catalogue-${lang}`);

  await course.getByRole('link').click();
  await expect(page.getByTestId('training-lessons').locator('li')).toHaveCount(3);
  await expectAccessible(page);
  await snapshot(page, testInfo, `training-course-${lang}`);
  await page.getByTestId('training-resume').click();
  for (let lesson = 1; lesson <= 3; lesson++) {
    await expect(page.getByTestId('training-lesson-body')).toBeVisible();
    if (lesson === 2) {
      await expectAccessible(page);
      await snapshot(page, testInfo, `training-lesson-${lang}`);
    }
    await page.getByTestId('training-complete-lesson').click();
    await expect(page.getByTestId('training-lesson-done')).toBeVisible();
    await page.getByTestId('training-next').click();
  }
  await expect(page).toHaveURL(/\/quiz$/);
  await answer(page, WRONG);
  await expect(page.getByTestId('training-verdict')).toContainText(l('training.quiz_failed_title'));
  await expect(page.getByTestId('training-wrong')).toHaveCount(WRONG_COUNT);
  await expect(page.getByTestId('training-verdict')).toContainText(l('training.attempts_left', { n: 2 }));
  await expectAccessible(page);
  await snapshot(page, testInfo, `training-quiz-failed-${lang}`);
  await page.getByTestId('training-quiz-again').click();
  await answer(page, RIGHT);
  await expect(page.getByTestId('training-verdict')).toContainText(l('training.quiz_passed_title'));
  await expect(page.getByTestId('training-wrong')).toHaveCount(0);
  const link = page.getByTestId('training-verdict').getByTestId('training-certificate-link');
  const code = (await link.innerText()).trim();
  expect(code).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
  await link.click();
  const printed = page.getByTestId('training-certificate-print');
  await expect(printed).toContainText(learner.name);
  await expect(printed.locator('svg.qr path')).toHaveCount(1);
  await expect(page.getByTestId('training-verify-url')).toContainText(`/verify/${code}`);
  await expectAccessible(page);
  await snapshot(page, testInfo, `training-certificate-${lang}`);
  // As printed: on screen with print media, and as the PDF a browser prints.
  await page.emulateMedia({ media: 'print' });
  await page.screenshot({ path: `artifacts/${testInfo.project.name}-training-certificate-print-${lang}.png` });
  if (testInfo.project.name === 'desktop') await page.pdf({ path: `artifacts/training-certificate-${lang}.pdf`, preferCSSPageSize: true });
  await page.emulateMedia({ media: 'screen' });

  await signOut(page, l);
  await page.goto(`/verify/${code}`);
  const result = page.getByTestId('verify-result');
  await expect(result).toContainText(learner.name);
  await expect(page.getByTestId('verify-status')).toHaveText(l('training.certificate_valid'));
  // The four facts and nothing else about the person.
  await expect(result).not.toContainText(learner.email);
  await expect(result).not.toContainText(learner.department);
  await expectAccessible(page);
  await expectNoHorizontalScroll(page);
  await snapshot(page, testInfo, `training-verify-${lang}`);
  await page.goto('/verify');
  await page.getByLabel(l('training.code')).fill('ZZZZ-ZZZZ-ZZZZ');
  await page.getByTestId('verify-submit').click();
  await expect(page).toHaveURL(/\/verify\/ZZZZ-ZZZZ-ZZZZ$/);
  await expect(page.getByText(l('training.verify_unknown'))).toBeVisible();
});

test('a full session puts Lan on the waitlist, and Minh cancelling his seat gives it to her', { tag: '@journey' }, async ({ page, backend }, testInfo) => {
  // One shared database for the server projects: the seat frees once.
  test.skip(testInfo.project.name === 'desktop-server', 'the server projects share one session');
  test.setTimeout(90_000);
  const lang = langOf(testInfo);
  const l = (key, params) => t(lang, key, params);
  const sales = lang === 'vi' ? 'Kỹ năng bán hàng' : 'Sales skills';
  const hanoi = 'Phòng họp Sen, tầng 5';
  await signInAs(page, backend, PERSONAS.lan, lang);
  await page.goto('/training');
  await page.getByTestId('training-course').filter({ hasText: sales }).getByRole('link').click();
  const session = page.getByTestId('training-session').filter({ hasText: hanoi });
  await expect(session.getByTestId('training-seats')).toContainText(l('training.seats_left', { n: 0, waiting: 0 }));
  await session.getByTestId('training-enrol').click();
  await expect(session.getByTestId('training-place')).toHaveText(l('training.waiting', { n: 1 }));
  await expectAccessible(page);
  await snapshot(page, testInfo, `training-waitlist-${lang}`);

  await signOut(page, l);
  await signInAs(page, backend, PERSONAS.minh, lang);
  await page.goto('/training');
  await page.getByTestId('training-course').filter({ hasText: sales }).getByRole('link').click();
  const mine = page.getByTestId('training-session').filter({ hasText: hanoi });
  await expect(mine.getByTestId('training-place')).toHaveText(l('training.enrolled'));
  await mine.getByRole('button', { name: l('training.cancel') }).click();
  await mine.getByRole('button', { name: l('training.cancel_yes') }).click();
  await expect(mine.getByTestId('training-enrol')).toBeVisible();

  await signOut(page, l);
  await signInAs(page, backend, PERSONAS.lan, lang);
  await expect(page.getByTestId('training-promotion')).toContainText(sales);
  await expectAccessible(page);
  await snapshot(page, testInfo, `training-home-card-${lang}`);
  await page.goto('/training');
  await page.getByTestId('training-course').filter({ hasText: sales }).getByRole('link').click();
  await expect(page.getByTestId('training-session').filter({ hasText: hanoi }).getByTestId('training-place')).toHaveText(l('training.enrolled'));
});

test('an event is answered, and its calendar file downloads with a stable UID, a SEQUENCE and its start', { tag: '@journey' }, async ({ page, backend }, testInfo) => {
  const lang = langOf(testInfo);
  const l = (key, params) => t(lang, key, params);
  await signInAs(page, backend, PERSONAS.lan, lang);
  await page.goto('/training/events');
  const event = page.getByTestId('training-event').first();
  await event.getByTestId('training-rsvp-maybe').check();
  await expect(event.getByTestId('training-rsvp-maybe')).toBeChecked();
  await expectAccessible(page);
  await expectNoHorizontalScroll(page);
  await snapshot(page, testInfo, `training-events-${lang}`);
  const [download] = await Promise.all([page.waitForEvent('download'), event.getByTestId('training-ics').click()]);
  expect(download.suggestedFilename()).toMatch(/\.ics$/);
  const ics = (await import('node:fs')).readFileSync(await download.path(), 'utf8');
  expect(ics.startsWith('BEGIN:VCALENDAR')).toBe(true);
  const field = (name) => ics.match(new RegExp(`^${name}[^:]*:(.*)$`, 'm'))?.[1]?.trim();
  expect(field('UID')).toMatch(/^training-event-\d+@/);
  expect(Number(field('SEQUENCE'))).toBeGreaterThanOrEqual(0);
  expect(field('DTSTART')).toMatch(/^\d{8}T\d{6}Z?$/);
  expect(ics).toContain('END:VEVENT');
});

test('HR writes a lesson with HTML in it, and it shows as text', async ({ page, backend }, testInfo) => {
  const lang = langOf(testInfo);
  const l = (key, params) => t(lang, key, params);
  const payload = `<script>window.pwned=1</script><img src=x onerror="window.pwned=2"> ${testInfo.project.name}`;
  await signInAs(page, backend, PERSONAS.hoa, lang);
  await page.goto('/hr/training');
  const excel = page.getByTestId('training-hr-course').filter({ hasText: lang === 'vi' ? 'Excel trong công việc' : 'Excel at work' });
  await excel.getByTestId('training-new-lesson').click();
  const form = page.getByTestId('training-lesson-form');
  // Sent empty first: each rule's message at its field, and a summary.
  await form.getByLabel(l('training.hr_title_vi')).fill('');
  await page.getByTestId('training-save').click();
  await expect(page.locator('.error-summary')).toBeFocused();
  await expectAccessible(page);
  await form.getByLabel(l('training.hr_title_vi')).fill('Bài có HTML');
  await form.getByLabel(l('training.hr_title_en')).fill('A lesson with HTML');
  await form.getByLabel(l('training.hr_body_vi')).fill(`## Thử\n\n${payload}`);
  await form.getByLabel(l('training.hr_body_en')).fill(`## Try\n\n${payload}`);
  await page.getByTestId('training-save').click();
  await expect(page.getByTestId('training-saved')).toBeVisible();
  await expect(page).toHaveURL(/\/hr\/training\/courses\/\d+\/lessons\/\d+$/);
  const [, course, lesson] = page.url().match(/courses\/(\d+)\/lessons\/(\d+)$/);
  await snapshot(page, testInfo, `training-hr-lesson-${lang}`);

  await page.goto(`/training/courses/${course}/lessons/${lesson}`);
  const body = page.getByTestId('training-lesson-body');
  await expect(body).toContainText('<script>window.pwned=1</script>');
  await expect(body).toContainText('onerror="window.pwned=2"');
  await expect(body.locator('script, img')).toHaveCount(0);
  expect(await page.evaluate(() => window.pwned)).toBeUndefined();
  await expectAccessible(page);
});

test('HR\'s training pages render: the catalogue, a course, a quiz, a session\'s roster, an event, its attendees, certificates and completion', async ({ page, backend }, testInfo) => {
  test.setTimeout(120_000);
  const lang = langOf(testInfo);
  const l = (key, params) => t(lang, key, params);
  await signInAs(page, backend, PERSONAS.hoa, lang);
  await page.goto('/hr/training');
  await expect(page.getByTestId('training-hr-courses')).toBeVisible();
  await expectAccessible(page);
  await expectNoHorizontalScroll(page);
  await snapshot(page, testInfo, `training-hr-catalogue-${lang}`);
  for (const path of ['/hr/training/courses/2', '/hr/training/courses/2/quiz', '/hr/training/courses/3/sessions/2', '/hr/training/events/1', '/hr/training/courses/new', '/hr/training/events/new']) {
    await page.goto(path);
    await expect(page.getByTestId('training-save')).toBeVisible();
    await expectAccessible(page);
    await snapshot(page, testInfo, `training-hr-${path.replaceAll('/', '-').slice(13)}-${lang}`);
  }
  await page.goto('/hr/training/sessions/2/roster');
  await expect(page.getByTestId('training-roster-entry')).toHaveCount(4);
  await expectAccessible(page);
  await snapshot(page, testInfo, `training-hr-roster-${lang}`);
  await page.goto('/hr/training/events/1/attendees');
  await expect(page.getByTestId('training-attendees')).toBeVisible();
  await expectAccessible(page);
  await page.goto('/hr/training/certificates');
  await page.getByLabel(l('training.hr_certificate_status')).selectOption('valid');
  const certificate = page.getByTestId('training-hr-certificate').first();
  await expect(certificate).toContainText(l('training.certificate_valid'));
  await certificate.getByRole('button', { name: l('training.hr_revoke') }).click();
  await certificate.getByRole('button', { name: l('training.hr_revoke_confirm') }).click();
  await expect(certificate.locator('.field-error').getByText(t(lang, 'store.rule.required'))).toBeVisible();
  await certificate.getByLabel(l('training.hr_reason')).fill('Thi hộ');
  await expectAccessible(page);
  await snapshot(page, testInfo, `training-hr-certificates-${lang}`);
  await certificate.getByRole('button', { name: l('training.hr_revoke_confirm') }).click();
  await expect(certificate.getByText(l('training.certificate_revoked'))).toBeFocused();
  await expect(certificate.getByRole('button', { name: l('training.hr_revoke') })).toHaveCount(0);
  await page.goto('/hr/training/completion');
  await expect(page.getByTestId('training-completion')).toBeVisible();
  await expectAccessible(page);
  await snapshot(page, testInfo, `training-hr-completion-${lang}`);
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('training-completions-csv').click()]);
  expect(download.suggestedFilename()).toBe('completions.csv');
  await expect(page.locator('.tabs a')).toHaveCount(3);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(l('hr_training.completion'));
});

test('a new course becomes its edit page after the first save, with every mistake at its field', { tag: '@desktop' }, async ({ page, backend }, testInfo) => {
  const lang = langOf(testInfo);
  const l = (key, params) => t(lang, key, params);
  await signInAs(page, backend, PERSONAS.hoa, lang);
  await page.goto('/hr/training/courses/new');
  await page.getByLabel(l('training.hr_renewal')).fill('abc');
  await page.getByTestId('training-save').click();
  const summary = page.locator('.error-summary');
  await expect(summary).toBeFocused();
  await summary.getByRole('link', { name: new RegExp(escapeRegExp(l('training.hr_renewal'))) }).click();
  await expect(page.getByLabel(l('training.hr_renewal'))).toBeFocused();
  for (const [label, text] of [['training.hr_title_vi', 'An toàn điện'], ['training.hr_title_en', 'Electrical safety'], ['training.hr_summary_vi', 'Cơ bản'], ['training.hr_summary_en', 'The basics']]) {
    await page.getByLabel(l(label)).fill(text);
  }
  await page.getByLabel(l('training.hr_renewal')).fill('24');
  await page.getByTestId('training-save').click();
  await expect(page.getByTestId('training-saved')).toBeVisible();
  await expect(page).toHaveURL(/\/hr\/training\/courses\/\d+$/);
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(l('training.hr_edit_course'));
  await expect(page.getByLabel(l('training.hr_title_en'))).toHaveValue('Electrical safety');
  await expectAccessible(page);
});

test('HR writes a learning path: its courses in order by keyboard, whether the order is kept and whom it is for, and it becomes its edit page', async ({ page, backend }, testInfo) => {
  const lang = langOf(testInfo);
  const l = (key, params) => t(lang, key, params);
  const [food, excel] = lang === 'vi' ? ['An toàn thực phẩm', 'Excel trong công việc'] : ['Food safety', 'Excel at work'];
  await signInAs(page, backend, PERSONAS.hoa, lang);
  await page.goto('/hr/training');
  await page.getByTestId('training-new-path').click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(l('training.hr_new_path'));
  // Sent empty: each mistake at its field, the missing courses among them.
  await page.getByTestId('training-save').click();
  await expect(page.locator('.error-summary')).toBeFocused();
  await expect(page.locator('#path-courses-error')).not.toBeEmpty();
  for (const [label, text] of [['training.hr_title_vi', 'Xưởng an toàn'], ['training.hr_title_en', 'A safe floor'], ['training.hr_summary_vi', 'Hai khóa'], ['training.hr_summary_en', 'Two courses']]) {
    await page.getByLabel(l(label)).fill(text);
  }
  for (const course of [food, excel]) {
    await page.getByLabel(l('training.hr_path_course_to_add')).selectOption({ label: course });
    await page.getByRole('button', { name: l('training.hr_path_add_course') }).click();
  }
  const steps = page.getByTestId('training-path-course');
  await expect(steps).toHaveText([new RegExp(escapeRegExp(food)), new RegExp(escapeRegExp(excel))]);
  // Excel first, by keyboard: the button says which course it moves.
  await page.getByRole('button', { name: l('training.hr_path_move_up', { course: excel }) }).focus();
  await page.keyboard.press('Enter');
  await expect(steps).toHaveText([new RegExp(escapeRegExp(excel)), new RegExp(escapeRegExp(food))]);
  await expect(page.getByRole('button', { name: l('training.hr_path_move_down', { course: excel }) })).toBeFocused();
  await page.getByRole('group', { name: l('audience.types') }).getByLabel(l('employment.seasonal')).check();
  await expectAccessible(page);
  await expectNoHorizontalScroll(page);
  await snapshot(page, testInfo, `training-hr-path-${lang}`);
  await page.getByTestId('training-save').click();
  await expect(page.getByTestId('training-saved')).toBeVisible();
  await expect(page).toHaveURL(/\/hr\/training\/paths\/\d+$/);
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(l('training.hr_edit_path'));
  await expect(steps).toHaveText([new RegExp(escapeRegExp(excel)), new RegExp(escapeRegExp(food))]);
  await expect(page.getByRole('group', { name: l('audience.types') }).getByLabel(l('employment.seasonal'))).toBeChecked();
});

test('HR places a session at a site chosen by name, with a link on a lesson, and a member sees the site by name', { tag: '@journey' }, async ({ page, backend }, testInfo) => {
  const lang = langOf(testInfo);
  const l = (key, params) => t(lang, key, params);
  const site = lang === 'vi' ? 'Chi nhánh TP.HCM' : 'Ho Chi Minh City branch';
  const room = `Phòng ${testInfo.project.name}`;
  await signInAs(page, backend, PERSONAS.hoa, lang);
  await page.goto('/hr/training/courses/3/sessions/new');
  await page.getByLabel(l('training.hr_site')).selectOption({ label: site });
  await page.getByLabel(l('training.hr_room')).fill(room);
  await expectAccessible(page);
  await snapshot(page, testInfo, `training-hr-session-site-${lang}`);
  await page.getByTestId('training-save').click();
  await expect(page.getByTestId('training-saved')).toBeVisible();
  await expect(page).toHaveURL(/\/hr\/training\/courses\/3\/sessions\/\d+$/);

  if (backend === 'demo') {
    // A lesson's links: https only, said at the field.
    await page.goto('/hr/training');
    const excel = page.getByTestId('training-hr-course').filter({ hasText: lang === 'vi' ? 'Excel trong công việc' : 'Excel at work' });
    await excel.locator('ol a').first().click();
    await page.getByRole('button', { name: l('training.hr_add_link') }).click();
    const link = page.getByTestId('training-link').last();
    await expect(link.getByLabel(l('training.hr_link_kind'))).toBeFocused();
    await link.getByLabel(l('training.hr_link_title_vi')).fill('Bảng tính mẫu');
    await link.getByLabel(l('training.hr_link_title_en')).fill('Sample workbook');
    await link.getByLabel(l('training.hr_link_url')).fill('http://example.com/mau.xlsx');
    await page.getByTestId('training-save').click();
    await expect(link.locator('.field-error').getByText(l('training.rule_link_scheme'))).toBeVisible();
    await expectAccessible(page);
    await snapshot(page, testInfo, `training-hr-lesson-links-${lang}`);
    await link.getByLabel(l('training.hr_link_url')).fill('https://example.com/mau.xlsx');
    await page.getByTestId('training-save').click();
    await expect(page.getByTestId('training-saved')).toBeVisible();
  }

  await signOut(page, l);
  await signInAs(page, backend, PERSONAS.lan, lang);
  await page.goto('/training/courses/3');
  const session = page.getByTestId('training-session').filter({ hasText: room });
  await expect(session.getByTestId('training-session-place')).toHaveText(l('training.room_at_site', { room, site }));
  await expectAccessible(page);
});
