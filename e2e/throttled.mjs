// What a phone on a slow network sees of the app served by the reference
// server (`noibo-server --static`, as `make serve-full` runs it): 1.6 Mbps
// down, 750 kbps up, 150 ms latency, the CPU slowed 4×, a 360×740 screen.
// Measures, as the median of 3 runs each in a fresh browser context (empty
// cache), the time and bytes from navigation to the sign-in page's heading,
// and, once signed in, from clicking the store link to the first product card.
//
// Usage (after `make dist` and `cargo build --release -p noibo-server`):
//   node e2e/throttled.mjs [SERVER_BINARY] [DIST]
// defaults: target/release/noibo-server and dist. DIST is copied to a temp
// folder whose config.json points the app at the server, as an operator would.
import { chromium } from 'playwright-core';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer } from './server.mjs';

const [serverBinary = 'target/release/noibo-server', dist = 'dist'] = process.argv.slice(2);
const RUNS = 3;
const NETWORK = { offline: false, latency: 150, downloadThroughput: 200_000, uploadThroughput: 93_750 };
const CPU_SLOWDOWN = 4;
const vi = JSON.parse(readFileSync(new URL('../locales/vi.json', import.meta.url), 'utf8'));

/** One run in a fresh context: the two timings, and the bytes received (headers included) during each. */
async function run(browser, baseURL) {
  const context = await browser.newContext({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true, locale: 'vi-VN' });
  const page = await context.newPage();
  await page.addInitScript(() => localStorage.setItem('noibo.lang', 'vi'));
  const cdp = await context.newCDPSession(page);
  let received = 0;
  cdp.on('Network.loadingFinished', ({ encodedDataLength }) => { received += encodedDataLength; });
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', NETWORK);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
  const timed = async (action, until) => {
    const [start, bytesBefore] = [performance.now(), received];
    await action();
    await until.waitFor({ state: 'visible', timeout: 120_000 });
    return { ms: Math.round(performance.now() - start), bytes: received - bytesBefore };
  };

  const heading = await timed(() => page.goto(`${baseURL}/sign-in`, { waitUntil: 'commit' }), page.getByRole('heading', { name: vi['sign_in.title'] }));
  await page.getByLabel(vi['sign_in.email']).fill('lan.tran@noibo.example');
  await page.getByLabel(vi['sign_in.password']).fill('demo');
  const signIn = await timed(() => page.getByRole('button', { name: vi['sign_in.submit'], exact: true }).click(), page.getByTestId('profile-card'));
  const store = await timed(() => page.getByRole('link', { name: vi['nav.store'], exact: true }).click(), page.getByTestId('product-list').locator('li').first());
  await context.close();
  return { heading, signIn, store };
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

const work = mkdtempSync(join(tmpdir(), 'noibo-throttled-'));
const site = join(work, 'dist');
cpSync(dist, site, { recursive: true });
writeFileSync(join(site, 'config.json'), '{"backend":"http","email_domain":"noibo.example"}\n');
const { origin: baseURL, child: server } = await startServer(serverBinary, `sqlite://${join(work, 'noibo.db')}`, ['--seed', 'demo', '--static', site]);
try {
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  const runs = [];
  for (let i = 0; i < RUNS; i++) {
    runs.push(await run(browser, baseURL));
    console.log(`run ${i + 1}: ${JSON.stringify(runs.at(-1))}`);
  }
  await browser.close();
  for (const step of ['heading', 'signIn', 'store']) {
    const ms = median(runs.map((r) => r[step].ms));
    const bytes = median(runs.map((r) => r[step].bytes));
    console.log(`${step.padEnd(8)} median ${String(ms).padStart(6)} ms ${(bytes / 1000).toFixed(1).padStart(8)} KB received`);
  }
} finally {
  server.kill();
  rmSync(work, { recursive: true, force: true });
}
