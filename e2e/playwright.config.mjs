// Playwright against the release build, in Debian's Chromium (Playwright's
// own browser download cannot work on these machines).
import { defineConfig } from '@playwright/test';

const chromium = {
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--no-first-run'],
};

// Four ports from NOIBO_E2E_PORTS (4173 unless set), so that two checkouts
// on one machine can run their suites side by side.
const FIRST_PORT = Number(process.env.NOIBO_E2E_PORTS ?? 4173);
export const ROOT_PORT = FIRST_PORT;
export const SUBPATH_PORT = FIRST_PORT + 1;
export const SERVER_PORT = FIRST_PORT + 2;
export const POSTGRES_SERVER_PORT = FIRST_PORT + 3;
/** The instant every clock reads in these tests (the browser's, through
 * `page.clock`, and the reference server's, through `--now`): the demo data
 * reads the same on any day. */
export const E2E_NOW = '2026-11-20T10:00:00+07:00';

const phone = { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 };
const desktop = { viewport: { width: 1280, height: 800 } };
// Which scenarios run where, by tag, so that each portal's main journeys run
// on both backends and the rest once per device, not four times:
// - `@journey`: on the demo and again through the HTTP backend against the
//   reference server (what `make serve-full` runs), on a phone and a desktop;
// - no tag: on the demo, on a phone (in Vietnamese) and a desktop (in English);
// - `@phone` or `@desktop`: on the demo, on that device only.
const server = { baseURL: `http://127.0.0.1:${SERVER_PORT}`, backend: 'http' };
const journeys = { grep: /@journey/ };
// Under scripts/with-postgres.sh (as `make test` runs), the store's journeys
// run once more, on a desktop, against a reference server on PostgreSQL.
const postgres = Boolean(process.env.NOIBO_TEST_POSTGRES);
const serverCommand = (port, database) =>
  `../target/debug/noibo-server --listen 127.0.0.1:${port} --database ${database} --seed demo --static ../dist-full --now ${E2E_NOW}`;

export default defineConfig({
  testDir: './tests',
  outputDir: './test-results',
  fullyParallel: true,
  workers: 2,
  retries: 0,
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${ROOT_PORT}`,
    launchOptions: chromium,
    locale: 'vi-VN',
    timezoneId: 'Asia/Ho_Chi_Minh',
    trace: 'off',
  },
  projects: [
    { name: 'phone', use: phone, grepInvert: /@desktop/ },
    { name: 'desktop', use: desktop, grepInvert: /@phone/ },
    { name: 'phone-server', use: { ...phone, ...server }, ...journeys },
    { name: 'desktop-server', use: { ...desktop, ...server }, ...journeys },
    ...(postgres
      ? [{ name: 'desktop-postgres', use: { ...desktop, ...server, baseURL: `http://127.0.0.1:${POSTGRES_SERVER_PORT}` }, testMatch: /store\.spec\.mjs/, ...journeys }]
      : []),
  ],
  webServer: [
    { command: `node serve.mjs ../dist ${ROOT_PORT}`, port: ROOT_PORT, reuseExistingServer: false },
    { command: `node serve.mjs ../dist-subpath ${SUBPATH_PORT} /noibo/`, url: `http://127.0.0.1:${SUBPATH_PORT}/noibo/`, reuseExistingServer: false },
    {
      command: serverCommand(SERVER_PORT, '$(../scripts/test-database.sh sqlite e2e_server)'),
      url: `http://127.0.0.1:${SERVER_PORT}/api/v1/health`,
      reuseExistingServer: false,
    },
    ...(postgres
      ? [{
        command: serverCommand(POSTGRES_SERVER_PORT, '$(../scripts/test-database.sh postgres e2e_server)'),
        url: `http://127.0.0.1:${POSTGRES_SERVER_PORT}/api/v1/health`,
        reuseExistingServer: false,
      }]
      : []),
  ],
});
