// `make bench-lighthouse`: the first load of the release build, measured by
// Lighthouse as a cheap phone on a slow network sees it. Writes
// bench-lighthouse.json and the "First load (Lighthouse)" section of
// BENCHMARKS.md at the repository root.
//
// How: Lighthouse (the npm package pinned in package.json), mobile form factor,
// simulated throttling with Lighthouse's mobile defaults (slow 4G: 150 ms RTT,
// 1.6 Mbps down; CPU 4× slower), performance category only, RUNS runs a page,
// the median of each number. The app is served as a host should serve it:
// the `.br` copies `make dist` writes, sent with `Content-Encoding: br`.
//
// Pages, on both backends: /sign-in signed out; /, /store (a direct link) as a
// member; /hr/store (a direct link) as HR. Plus the floor: the sign-in screen
// as the app drew it, saved as static HTML without any script or wasm, with
// the same stylesheet, as the least any page of ours could cost.
//
// Signed-out runs: a fresh browser profile, and Lighthouse clears all of the
// origin's storage and the HTTP cache before each run. Signed-in runs: the
// person signs in once through the app (Playwright over CDP on the same
// browser), then Lighthouse runs with `disableStorageReset` so the session
// stays; it then keeps the HTTP cache too, so the script empties it (CDP
// `Network.clearBrowserCache`) before each run, which makes every run a
// first load with a session, as a direct link from a chat opens. Each run's
// final URL is checked: a page that fell back to /sign-in fails the script.
//
// Usage: node e2e/lighthouse.mjs DIST_DEMO DIST_HTTP SERVER_BINARY [--label NAME]
// (paths relative to the repository root, or absolute; NAME defaults to
// `after`; each label keeps its own table, so "before" and "after" sit side
// by side). LH_RUNS=1 does one run a page, to try the script quickly.
import { chromium } from '@playwright/test';
// chrome-launcher comes with lighthouse: it starts Chromium with the flags
// Lighthouse's own CLI uses, on a fresh temporary profile.
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { basename, extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants } from 'node:zlib';
import { NOW, waitFor } from './server.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const args = process.argv.slice(2);
const labelAt = args.indexOf('--label');
const LABEL = labelAt >= 0 ? args.splice(labelAt, 2)[1] : 'after';
if (!LABEL || args.length !== 3) {
  console.error('usage: node e2e/lighthouse.mjs DIST_DEMO DIST_HTTP SERVER_BINARY [--label NAME]');
  process.exit(2);
}
const [DIST_DEMO, DIST_HTTP, SERVER_BINARY] = args.map((path) => resolve(ROOT, path));
const RUNS = Number(process.env.LH_RUNS ?? 5);
const CHROMIUM = process.env.CHROME_PATH ?? '/usr/bin/chromium';
const CHROME_FLAGS = ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--lang=vi-VN', '--accept-lang=vi-VN,vi'];
// Ports 4480–4489 only: other suites use the rest on this machine.
const DEMO_PORT = 4480;
const SERVER_PORT = 4481;
const FLOOR_PORT = 4482;
const CHROME_PORT = 4483;
const PERSONAS = {
  member: { name: 'Trần Thị Lan', email: 'lan.tran@noibo.example' },
  hr: { name: 'Nguyễn Thị Hoa', email: 'hoa.nguyen@noibo.example' },
};
const PAGES = [
  { path: '/sign-in', as: null, page: '/sign-in, signed out' },
  { path: '/', as: 'member', page: '/ (home), member' },
  { path: '/store', as: 'member', page: '/store, member, direct link' },
  { path: '/hr/store', as: 'hr', page: '/hr/store, HR, direct link' },
];

// --- A host serving a dist folder as production should ----------------------

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.wasm': 'application/wasm', '.css': 'text/css',
  '.json': 'application/json', '.svg': 'image/svg+xml', '.ico': 'image/x-icon', '.txt': 'text/plain; charset=utf-8',
};

const isFile = (path) => { try { return statSync(path).isFile(); } catch { return false; } };

/** Trunk's content hash in a file name, as the reference server tells it (static_site.rs `is_hashed`). */
const isHashed = (path) => /-[0-9a-f]{16}[._-]/.test(basename(path));

/**
 * Files from `dist`, `index.html` for any other path (the SPA fallback), the
 * `.br` copy with `Content-Encoding: br` when the request accepts brotli, a
 * year's immutable caching for hashed names and `no-cache` for the rest.
 */
function serveDist(dist, port) {
  const server = createServer((req, res) => {
    const { pathname } = new URL(req.url, 'http://localhost');
    const inside = normalize(decodeURIComponent(pathname)).replace(/^(\.\.(\/|$))+/, '');
    const wanted = join(dist, inside);
    const file = isFile(wanted) ? wanted : join(dist, 'index.html');
    const brotli = /\bbr\b/.test(req.headers['accept-encoding'] ?? '') && isFile(`${file}.br`);
    const body = readFileSync(brotli ? `${file}.br` : file);
    res.writeHead(200, {
      'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
      'content-length': body.length,
      'cache-control': file === wanted && isHashed(file) ? 'public, max-age=31536000, immutable' : 'no-cache',
      vary: 'accept-encoding',
      ...(brotli ? { 'content-encoding': 'br' } : {}),
    });
    res.end(req.method === 'HEAD' ? undefined : body);
  });
  return new Promise((done) => server.listen(port, '127.0.0.1', () => done(server)));
}

// --- Chromium and signing in --------------------------------------------------

/** What /json/version says, "HeadlessChrome/156.0.8078.114" (Lighthouse's own report rounds it). */
let browserVersion;

async function launchChrome() {
  // The previous browser may still hold the port for a moment after it was killed.
  for (let i = 0; i < 50 && (await fetch(`http://127.0.0.1:${CHROME_PORT}/json/version`).then(() => true, () => false)); i++) {
    await new Promise((r) => setTimeout(r, 100));
  }
  const chrome = await chromeLauncher.launch({ chromePath: CHROMIUM, chromeFlags: CHROME_FLAGS, port: CHROME_PORT, logLevel: 'silent' });
  browserVersion ??= (await fetch(`http://127.0.0.1:${CHROME_PORT}/json/version`).then((r) => r.json())).Browser;
  return chrome;
}

/** Runs `fn` with Playwright attached to the launched browser, then detaches (the browser stays). */
async function attached(fn) {
  const browser = await chromium.connectOverCDP(`http://127.0.0.1:${CHROME_PORT}`);
  try {
    return await fn(browser.contexts()[0]);
  } finally {
    await browser.close();
  }
}

/** Signs `who` in through the app's own sign-in page, in the browser Lighthouse will use. */
async function signIn(origin, backend, who) {
  const persona = PERSONAS[who];
  await attached(async (context) => {
    const page = await context.newPage();
    await page.goto(`${origin}/sign-in`);
    if (backend === 'demo') {
      await page.getByRole('button', { name: persona.name }).click();
    } else {
      await page.getByLabel('Email công ty').fill(persona.email);
      await page.getByLabel('Mật khẩu').fill('demo');
      await page.getByRole('button', { name: 'Đăng nhập', exact: true }).click();
    }
    await page.getByTestId('profile-card').waitFor({ timeout: 30_000 });
    const lang = await page.evaluate(() => document.documentElement.lang);
    if (lang !== 'vi') throw new Error(`the app speaks '${lang}', not Vietnamese`);
    await page.close();
  });
}

/** Empties the browser's HTTP cache (Lighthouse does not when told to keep storage). */
async function clearHttpCache() {
  await attached(async (context) => {
    const page = context.pages()[0] ?? await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.clearBrowserCache');
    await cdp.detach();
  });
}

// --- Lighthouse ---------------------------------------------------------------

/** One Lighthouse run of `url` in the launched browser. */
async function audit(url, keepStorage) {
  const result = await lighthouse(url, {
    port: CHROME_PORT,
    hostname: '127.0.0.1',
    output: 'json',
    logLevel: 'error',
    onlyCategories: ['performance'],
    // Lighthouse's defaults, written out: a mid-range phone, slow 4G and a 4× slower CPU, simulated.
    formFactor: 'mobile',
    throttlingMethod: 'simulate',
    ...(keepStorage ? { disableStorageReset: true } : { disableStorageReset: false, clearStorageTypes: ['all'] }),
  });
  const { lhr } = result;
  if (lhr.runtimeError) throw new Error(`${url}: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
  const audits = lhr.audits;
  const value = (id) => audits[id]?.numericValue ?? null;
  // The LCP element, as the LCP breakdown insight names it: what the page painted largest.
  const firstNode = (details) => {
    if (!details || typeof details !== 'object') return null;
    if (details.type === 'node') return [details.snippet, details.nodeLabel].filter(Boolean).join(' ') || null;
    for (const child of Object.values(details)) {
      const found = firstNode(child);
      if (found) return found;
    }
    return null;
  };
  const lcpElement = firstNode(audits['lcp-breakdown-insight']?.details);
  return {
    lighthouseVersion: lhr.lighthouseVersion,
    userAgent: lhr.environment.hostUserAgent,
    benchmarkIndex: lhr.environment.benchmarkIndex,
    finalUrl: lhr.finalDisplayedUrl,
    score: lhr.categories.performance.score === null ? null : Math.round(lhr.categories.performance.score * 100),
    fcpMs: value('first-contentful-paint'),
    lcpMs: value('largest-contentful-paint'),
    tbtMs: value('total-blocking-time'),
    cls: value('cumulative-layout-shift'),
    bytes: value('total-byte-weight'),
    requests: audits['network-requests']?.details?.items?.map((r) => ({ url: r.url, transferSize: r.transferSize })) ?? [],
    lcpElement,
    warnings: lhr.runWarnings,
    // The filmstrip: what the screen showed when, as Lighthouse's thumbnails (JPEG data URLs).
    frames: audits['screenshot-thumbnails']?.details?.items ?? [],
  };
}

/** The last run's filmstrip of a page, as e2e/artifacts/filmstrip/<backend>-<page>-<ms>.jpg, to look at. */
function saveFilmstrip(backend, path, frames) {
  const dir = new URL('./artifacts/filmstrip/', import.meta.url);
  mkdirSync(dir, { recursive: true });
  const slug = path.replace(/[^a-z0-9]+/gi, '-').replace(/^-|-$/g, '') || 'home';
  for (const { timing, data } of frames) {
    writeFileSync(new URL(`${backend}-${slug}-${String(Math.round(timing)).padStart(5, '0')}.jpg`, dir), Buffer.from(data.split(',')[1], 'base64'));
  }
}

const median = (values) => {
  const present = values.filter((v) => v !== null && v !== undefined).sort((a, b) => a - b);
  if (present.length === 0) return null;
  const mid = Math.floor(present.length / 2);
  return present.length % 2 ? present[mid] : (present[mid - 1] + present[mid]) / 2;
};

const METRICS = ['score', 'fcpMs', 'lcpMs', 'tbtMs', 'cls', 'bytes'];

/** RUNS runs of `path` on `origin`; fails when a run ends anywhere else (a signed-in page fallen back to /sign-in). */
async function measure(backend, origin, { path, page, as }) {
  const runs = [];
  for (let i = 0; i < RUNS; i++) {
    if (as) await clearHttpCache();
    const run = await audit(`${origin}${path}`, Boolean(as));
    const landed = new URL(run.finalUrl).pathname;
    if (landed !== path) throw new Error(`${backend} ${path}: Lighthouse audited ${run.finalUrl}, not ${path}${as ? ' (signed out?)' : ''}`);
    console.log(`  ${backend} ${path} run ${i + 1}/${RUNS}: score ${run.score}, FCP ${fmt(run.fcpMs / 1000, 2)} s, LCP ${fmt(run.lcpMs / 1000, 2)} s, `
      + `TBT ${fmt(run.tbtMs, 0)} ms, CLS ${fmt(run.cls, 3)}, ${fmt(run.bytes / 1000, 1)} KB`);
    const { requests, frames, ...kept } = run;
    if (i === RUNS - 1) saveFilmstrip(backend, path, frames);
    runs.push({ ...kept, requests: requests.map((r) => `${new URL(r.url).pathname} ${r.transferSize}`) });
  }
  return { backend, path, page, signedInAs: as, median: Object.fromEntries(METRICS.map((m) => [m, median(runs.map((r) => r[m]))])), runs };
}

/** Every page of PAGES on one backend: signed out first, then each person on a browser of their own. */
async function measureBackend(backend, origin) {
  const rows = [];
  for (const who of [null, 'member', 'hr']) {
    const pages = PAGES.filter((p) => p.as === who);
    const chrome = await launchChrome();
    try {
      if (who) await signIn(origin, backend, who);
      for (const page of pages) rows.push(await measure(backend, origin, page));
    } finally {
      chrome.kill();
    }
  }
  return rows;
}

// --- The floor: the sign-in screen without the app -----------------------------

/** The demo build's sign-in screen as drawn at 360×740, as static HTML with no script or wasm. */
async function floorPage(origin) {
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROME_FLAGS.filter((f) => !f.startsWith('--headless')) });
  try {
    const context = await browser.newContext({ viewport: { width: 360, height: 740 }, locale: 'vi-VN' });
    const page = await context.newPage();
    await page.goto(`${origin}/sign-in`);
    await page.locator('h1').first().waitFor();
    const html = await page.evaluate(() => document.documentElement.outerHTML);
    const stripped = html
      .replace(/<script\b[\s\S]*?<\/script>/gi, '')
      // Any preload of the app's code, whether Trunk wrote it or a boot script added it (prefetch too).
      .replace(/<link\b[^>]*>/gi, (link) => (/\brel="(modulepreload|preload|prefetch)"/i.test(link) && /\bhref="[^"]*\.(js|wasm)([?#][^"]*)?"/i.test(link) ? '' : link));
    if (/<script|\.wasm\b/i.test(stripped) || !/rel="stylesheet"/.test(stripped)) throw new Error('the floor page still loads the app, or lost its stylesheet');
    return `<!doctype html>\n${stripped}\n`;
  } finally {
    await browser.close();
  }
}

// --- Report ---------------------------------------------------------------------

function fmt(n, digits) {
  return n === null || n === undefined || Number.isNaN(n) ? '—' : n.toFixed(digits);
}

function table(entry) {
  const lines = ['| Backend | Page | Score | FCP (s) | LCP (s) | TBT (ms) | CLS | Bytes (KB) |', '|---|---|---|---|---|---|---|---|'];
  for (const row of entry.rows) {
    const m = row.median;
    lines.push(`| ${row.backend} | ${row.page} | ${fmt(m.score, 0)} | ${fmt(m.fcpMs / 1000, 1)} | ${fmt(m.lcpMs / 1000, 1)} | ${fmt(m.tbtMs, 0)} | ${fmt(m.cls, 3)} | ${fmt(m.bytes / 1000, 0)} |`);
  }
  return lines.join('\n');
}

function labelBlock(label, entry) {
  return [
    `<!-- lighthouse:label ${label} -->`,
    `### ${label}`,
    '',
    `${entry.date}, Lighthouse ${entry.lighthouseVersion}, ${entry.chromium}, ${entry.runsPerPage} run${entry.runsPerPage === 1 ? '' : 's'} a page, `
      + `reference server \`${entry.server.split('/').slice(-3).join('/')}\` (Lighthouse's benchmark index of the machine: median ${fmt(entry.benchmarkIndex, 0)}).`,
    '',
    table(entry),
    '',
  ].join('\n');
}

const HEADING = '## First load (Lighthouse)';
const START = '<!-- lighthouse:start -->';
const END = '<!-- lighthouse:end -->';

function intro(version) {
  return `Written by \`make bench-lighthouse\` (\`e2e/lighthouse.mjs\`); every run in \`bench-lighthouse.json\`. `
    + `Measured with Lighthouse ${version}, mobile form factor, simulated throttling (Lighthouse's mobile defaults: slow 4G, `
    + `150 ms round trip and 1.6 Mbps down, and a 4× slower CPU), performance category only, 5 runs a page and the median of each `
    + `number, in headless Chromium on this 2-core machine (other work on it moves TBT and LCP most). The release build is served `
    + `as a host should: the \`.br\` copies with \`Content-Encoding: br\`, hashed files cached a year, \`index.html\` and `
    + `\`config.json\` revalidated; the demo build by the script's own static server, the HTTP build by the reference server `
    + `(\`--static\`, which serves the same \`.br\` files itself). Every run is a first load: signed out, a fresh profile with `
    + `the origin's storage cleared; signed in, the session kept and the HTTP cache emptied before the run, and the audited URL `
    + `checked to be the page asked for. The floor row is the sign-in screen as the demo build draws it at 360×740, saved as `
    + `static HTML with the same stylesheet and no script or wasm: the least that screen can cost. Bytes are Lighthouse's `
    + `total transferred (\`total-byte-weight\`), 1 KB = 1,000 bytes.`;
}

/** Replaces this label's table in the Lighthouse section of BENCHMARKS.md, keeping the other labels' tables. */
function writeMarkdown(results) {
  const file = join(ROOT, 'BENCHMARKS.md');
  const text = existsSync(file) ? readFileSync(file, 'utf8') : '# Benchmarks\n';
  const entry = results.labels[LABEL];
  const blocks = new Map();
  const at = text.indexOf(START);
  const end = text.indexOf(END);
  if (at >= 0 && end > at) {
    const inside = text.slice(at + START.length, end);
    for (const part of inside.split(/(?=<!-- lighthouse:label )/).slice(1)) {
      const name = /<!-- lighthouse:label (.+?) -->/.exec(part)[1];
      blocks.set(name, part.trimEnd() + '\n');
    }
  }
  blocks.set(LABEL, labelBlock(LABEL, entry));
  // "before" first, then the rest in the order they were first written.
  const names = [...blocks.keys()].sort((a, b) => (b === 'before') - (a === 'before'));
  const section = [START, HEADING, '', intro(entry.lighthouseVersion), '', ...names.map((n) => blocks.get(n)), END].join('\n');
  const updated = at >= 0 && end > at
    ? text.slice(0, at) + section + text.slice(end + END.length)
    : `${text.trimEnd()}\n\n${section}\n`;
  writeFileSync(file, updated);
}

// --- Main ------------------------------------------------------------------------

const started = Date.now();
const work = mkdtempSync(join(tmpdir(), 'noibo-lighthouse-'));
const servers = [];
let reference;
try {
  for (const [dist, backend] of [[DIST_DEMO, 'demo'], [DIST_HTTP, 'http']]) {
    const config = JSON.parse(readFileSync(join(dist, 'config.json'), 'utf8'));
    if (config.backend !== backend) throw new Error(`${dist}/config.json says backend ${config.backend}, expected ${backend}`);
    if (!isFile(join(dist, 'index.html.br'))) throw new Error(`${dist} has no .br copies (make dist writes them)`);
  }

  // The demo build: our static server with brotli.
  servers.push(await serveDist(DIST_DEMO, DEMO_PORT));
  const demoOrigin = `http://127.0.0.1:${DEMO_PORT}`;

  // The HTTP build: the reference server alone, API and app on one origin. It
  // serves the `.br` copies itself (tower-http ServeDir precompressed_br, with
  // the same cache policy), so no static server stands in front of it.
  const httpOrigin = `http://127.0.0.1:${SERVER_PORT}`;
  reference = spawn(SERVER_BINARY, [
    '--listen', `127.0.0.1:${SERVER_PORT}`, '--database', `sqlite://${join(work, 'noibo.db')}?mode=rwc`,
    '--seed', 'demo', '--static', DIST_HTTP, '--now', NOW,
  ], { stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, RUST_LOG: 'warn' } });
  await waitFor(`${httpOrigin}/api/v1/health`);
  for (const origin of [demoOrigin, httpOrigin]) {
    const probe = await fetch(`${origin}/sign-in`, { headers: { 'accept-encoding': 'br' } });
    if (probe.headers.get('content-encoding') !== 'br') throw new Error(`${origin} does not serve brotli`);
  }

  // The floor: a copy of the demo build with floor.html (and its .br) beside it.
  const floorDist = join(work, 'floor');
  cpSync(DIST_DEMO, floorDist, { recursive: true });
  const floorHtml = await floorPage(demoOrigin);
  writeFileSync(join(floorDist, 'floor.html'), floorHtml);
  writeFileSync(join(floorDist, 'floor.html.br'), brotliCompressSync(Buffer.from(floorHtml), { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }));
  servers.push(await serveDist(floorDist, FLOOR_PORT));

  console.log(`Lighthouse, ${RUNS} run(s) a page, label "${LABEL}"`);
  const rows = [];
  rows.push(...await measureBackend('demo', demoOrigin));
  rows.push(...await measureBackend('http', httpOrigin));
  const chrome = await launchChrome();
  try {
    rows.push(await measure('floor', `http://127.0.0.1:${FLOOR_PORT}`, { path: '/floor.html', as: null, page: 'sign-in screen as static HTML, no wasm' }));
  } finally {
    chrome.kill();
  }

  const allRuns = rows.flatMap((r) => r.runs);
  const entry = {
    date: new Date().toISOString(),
    lighthouseVersion: allRuns[0].lighthouseVersion,
    chromium: `headless Chromium ${browserVersion.split('/')[1]}`,
    benchmarkIndex: median(allRuns.map((r) => r.benchmarkIndex)),
    runsPerPage: RUNS,
    dists: { demo: DIST_DEMO, http: DIST_HTTP },
    server: SERVER_BINARY,
    durationSeconds: Math.round((Date.now() - started) / 1000),
    settings: { formFactor: 'mobile', throttlingMethod: 'simulate', throttling: 'Lighthouse mobile default (slow 4G, 4× CPU)', onlyCategories: ['performance'] },
    rows,
  };
  const jsonFile = join(ROOT, 'bench-lighthouse.json');
  const results = existsSync(jsonFile) ? JSON.parse(readFileSync(jsonFile, 'utf8')) : { labels: {} };
  results.labels[LABEL] = entry;
  writeFileSync(jsonFile, `${JSON.stringify(results, null, 2)}\n`);
  writeMarkdown(results);
  console.log(`\n${table(entry)}\n\nwrote bench-lighthouse.json and BENCHMARKS.md (label "${LABEL}") in ${entry.durationSeconds} s`);
} finally {
  reference?.kill();
  for (const server of servers) {
    server.closeAllConnections();
    server.close();
  }
  rmSync(work, { recursive: true, force: true });
}
