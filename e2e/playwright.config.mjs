// Playwright against the release build, in Debian's Chromium (Playwright's
// own browser download cannot work on these machines).
import { defineConfig } from '@playwright/test';

const chromium = {
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--no-first-run'],
};

export const ROOT_PORT = 4173;
export const SUBPATH_PORT = 4174;
export const SERVER_PORT = 4175;
/** The instant every clock reads in these tests (the browser's, through
 * `page.clock`, and the reference server's, through `--now`): the demo data
 * reads the same on any day. */
export const E2E_NOW = '2026-11-20T10:00:00+07:00';

const phone = { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 };
const desktop = { viewport: { width: 1280, height: 800 } };
// The server projects run the Foundation and store scenarios again through the HTTP
// backend against the reference server (what `make serve-full` runs).
const server = { baseURL: `http://127.0.0.1:${SERVER_PORT}`, backend: 'http' };

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
    { name: 'phone', use: phone },
    { name: 'desktop', use: desktop },
    { name: 'phone-server', use: { ...phone, ...server }, testMatch: /(foundation|store)\.spec\.mjs/ },
    { name: 'desktop-server', use: { ...desktop, ...server }, testMatch: /(foundation|store)\.spec\.mjs/ },
  ],
  webServer: [
    { command: `node serve.mjs ../dist ${ROOT_PORT}`, port: ROOT_PORT, reuseExistingServer: false },
    { command: `node serve.mjs ../dist-subpath ${SUBPATH_PORT} /noibo/`, url: `http://127.0.0.1:${SUBPATH_PORT}/noibo/`, reuseExistingServer: false },
    {
      // A fresh file database each run, not `sqlite::memory:`: an in-memory
      // database lives on one connection, and a request the browser aborts
      // mid-transaction can cost the pool that connection and all the data.
      command: `rm -f ../target/e2e-server.db* && ../target/debug/noibo-server --listen 127.0.0.1:${SERVER_PORT} --database sqlite://../target/e2e-server.db --seed demo --static ../dist-full --now ${E2E_NOW}`,
      url: `http://127.0.0.1:${SERVER_PORT}/api/v1/health`,
      reuseExistingServer: false,
    },
  ],
});
