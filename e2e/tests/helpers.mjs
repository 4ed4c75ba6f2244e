import { test as base, expect } from '@playwright/test';

/**
 * `backend` is 'demo' (embedded) or 'http' (the reference server), per
 * project. Every page's clock reads `E2E_NOW`, as the server's does; timers
 * run as usual.
 */
export const test = base.extend({
  backend: ['demo', { option: true }],
  page: async ({ page }, use) => {
    await page.clock.setFixedTime(new Date(E2E_NOW));
    await use(page);
  },
});
import AxeBuilder from '@axe-core/playwright';
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { E2E_NOW } from '../playwright.config.mjs';

/**
 * The interface texts, read from `locales/<lang>.json` and each portal's
 * `locales/<portal>.<lang>.json` (flat objects of key → text, with `{name}`
 * placeholders), so a test expects what the app shows instead of a copy
 * that drifts. Data (names, departments, products, emails, prices) is not
 * in the locales and stays written out.
 */
function loadLocale(lang) {
  const dir = new URL('../../locales/', import.meta.url);
  const files = readdirSync(dir).filter((file) => file === `${lang}.json` || file.endsWith(`.${lang}.json`));
  return Object.assign({}, ...files.map((file) => JSON.parse(readFileSync(new URL(file, dir), 'utf8'))));
}

export const LANGS = ['vi', 'en'];
export const vi = loadLocale('vi');
export const en = loadLocale('en');
const LOCALES = { vi, en };

/** The raw text of `key` in `lang`; an unknown key is an error, not `undefined`. */
function raw(lang, key) {
  const text = LOCALES[lang]?.[key];
  if (typeof text !== 'string') throw new Error(`no text for ${JSON.stringify(key)} in locales/${lang}.json`);
  return text;
}

/** The pieces of a text: literal strings at even indexes, placeholder names at odd ones. */
function pieces(lang, key) {
  return raw(lang, key).split(/\{(\w+)\}/);
}

/** The text of `key` in `lang`, each `{name}` filled from `params` (as the app's `i18n::fill` does); every placeholder must be given. */
export function t(lang, key, params = {}) {
  return pieces(lang, key).map((piece, i) => {
    if (i % 2 === 0) return piece;
    if (!(piece in params)) throw new Error(`${lang} ${key}: no value for {${piece}}`);
    return String(params[piece]);
  }).join('');
}

/** `text` as a regular expression source that matches it literally. */
export function escapeRegExp(text) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * A regular expression for `key` in `lang`: the text matched literally, each
 * placeholder replaced by its param, a RegExp (its source, groups included)
 * or a string (matched literally). `whole` anchors it at both ends.
 */
export function pattern(lang, key, params = {}, { whole = false } = {}) {
  return new RegExp(anchor(source(lang, key, params), whole));
}

/** A regular expression matching the text of `key` in either language (see `pattern`). */
export function either(key, params = {}, { whole = false } = {}) {
  return new RegExp(anchor(`(?:${LANGS.map((lang) => source(lang, key, params)).join('|')})`, whole));
}

function source(lang, key, params) {
  return pieces(lang, key).map((piece, i) => {
    if (i % 2 === 0) return escapeRegExp(piece);
    if (!(piece in params)) throw new Error(`${lang} ${key}: no pattern for {${piece}}`);
    const value = params[piece];
    return value instanceof RegExp ? `(?:${value.source})` : escapeRegExp(String(value));
  }).join('');
}

const anchor = (src, whole) => (whole ? `^${src}$` : src);

/** Length of service as the app writes it (`i18n::format::tenure`): "4 năm 3 tháng", "1 year", "3 months". */
export function tenure(lang, months) {
  const [years, rest] = [Math.floor(months / 12), months % 12];
  const part = (n, one, many) => t(lang, n === 1 ? one : many, { n });
  const y = part(years, 'format.year_one', 'format.year_many');
  const m = part(rest, 'format.month_one', 'format.month_many');
  return years === 0 ? m : rest === 0 ? y : `${y} ${m}`;
}

export const PERSONAS = {
  lan: { email: 'lan.tran@noibo.example', name: 'Trần Thị Lan', department: 'Kinh doanh', usable: 7, hr: false },
  minh: { email: 'minh.le@noibo.example', name: 'Lê Văn Minh', department: 'Kinh doanh', usable: 6, hr: false },
  hoa: { email: 'hoa.nguyen@noibo.example', name: 'Nguyễn Thị Hoa', department: 'Nhân sự', usable: 7, hr: true },
  tuan: { email: 'tuan.pham@noibo.example', name: 'Phạm Văn Tuấn', department: 'Sản xuất', usable: 5, hr: false },
  an: { email: 'an.vo@noibo.example', name: 'Võ Thành An', department: 'Cung ứng & đối tác', usable: 1, hr: false },
};

/** On the sign-in page: picks the persona (demo) or types their email and password (http). */
export async function chooseAccount(page, backend, persona) {
  if (backend === 'demo') {
    await page.getByRole('button', { name: persona.name }).click();
  } else {
    await page.getByLabel(either('sign_in.email')).fill(persona.email);
    await page.getByLabel(either('sign_in.password')).fill('demo');
    await page.getByRole('button', { name: either('sign_in.submit', {}, { whole: true }) }).click();
  }
}

/**
 * On the profile page: signs out once the page has loaded, and waits for the
 * sign-in page. The details arrive above the button and push it down; a click
 * during that shift can press on the button and release off it, which is no
 * click at all. Going elsewhere before the sign-in page shows can cut the
 * sign-out short and leave the session in place.
 */
export async function signOutFromProfile(page, label) {
  await expect(page.getByTestId('profile-details')).toBeVisible();
  await page.getByRole('button', { name: label }).click();
  await expect(page).toHaveURL(/\/sign-in/);
}

/** Opens the sign-in page and signs in as `persona`, in `lang` when given. */
export async function signInAs(page, backend, persona, lang) {
  if (lang) await page.addInitScript((l) => localStorage.setItem('noibo.lang', l), lang);
  await page.goto('/sign-in');
  await chooseAccount(page, backend, persona);
  await expect(page.getByTestId('profile-card')).toBeVisible();
}

/** Fails on any axe-core violation, listing them. */
export async function expectAccessible(page) {
  const results = await new AxeBuilder({ page }).analyze();
  const summary = results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(summary, 'axe-core violations').toEqual([]);
}

/** Saves a full-page screenshot as a test artifact, to be looked at. */
export async function snapshot(page, testInfo, name) {
  mkdirSync('artifacts', { recursive: true });
  // A full-page capture is taller than the viewport: draw what
  // `content-visibility: auto` leaves undrawn off screen, then restore it.
  // Through the CSSOM: the reference server's CSP refuses inline styles.
  const unskip = (on) => page.evaluate((on) => {
    for (const element of document.querySelectorAll('*')) {
      if (on && getComputedStyle(element).contentVisibility === 'auto') element.style.contentVisibility = 'visible';
      else if (!on && element.style.contentVisibility === 'visible') element.style.contentVisibility = '';
    }
  }, on);
  await unskip(true);
  await page.screenshot({ path: `artifacts/${testInfo.project.name}-${name}.png`, fullPage: true });
  await unskip(false);
}

/** Nothing may stick out sideways on a narrow phone. */
export async function expectNoHorizontalScroll(page) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, 'page is wider than the viewport').toBeLessThanOrEqual(0);
}

/** Presses Tab (Shift+Tab with `back`) until `target` has focus (at most 30 times), as a keyboard user would. */
export async function tabTo(page, target, { back = false } = {}) {
  for (let i = 0; i < 30 && !(await target.evaluate((el) => el === document.activeElement)); i++) {
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
  }
  await expect(target).toBeFocused();
}
