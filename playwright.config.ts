import fs from 'node:fs';
import path from 'node:path';
import { defineConfig, devices } from '@playwright/test';
import { chromiumExecutable, e2eSettings, siteServerEnv } from './e2e/support/env';
import { ROOT } from './test/support/paths';

// End-to-end runs start the production server (`next start`) on a fresh database. `npm test`
// builds first; run `npm run build` yourself before `npx playwright test` after changing the app.

const settings = e2eSettings();

const executablePath = chromiumExecutable();

if (!fs.existsSync(path.join(ROOT, '.next', 'BUILD_ID'))) {
  throw new Error('No production build: run `npm run build` before the end-to-end tests (`npm test` does both).');
}

/** The site under test. Later servers (the fake Resend API) go next to it in `webServer`. */
const siteServer = {
  command: `node scripts/server.mjs -p ${settings.port}`,
  cwd: ROOT,
  // robots.txt answers as soon as the server is up, without rendering (and caching) a page.
  url: `${settings.siteUrl}/robots.txt`,
  reuseExistingServer: false,
  timeout: 120_000,
  stdout: 'pipe' as const,
  stderr: 'pipe' as const,
  env: siteServerEnv(settings),
};

/** The fake Resend API: records every request, answers like Resend, fails on request. */
const fakeResend = {
  command: `npx --no-install tsx test/support/fake-resend.ts --port ${new URL(settings.resendUrl).port}`,
  cwd: ROOT,
  url: `${settings.resendUrl}/__fake/emails`,
  reuseExistingServer: false,
  timeout: 30_000,
  stdout: 'pipe' as const,
  stderr: 'pipe' as const,
};

export default defineConfig({
  testDir: './e2e',
  outputDir: './test-results',
  timeout: 30_000,
  expect: { timeout: 5_000 },
  fullyParallel: false,
  forbidOnly: !!process.env.CI,
  // One retry in CI only: these machines are shared and noisy; a test that fails twice still fails,
  // and Playwright reports any test that needed the retry as flaky.
  retries: process.env.CI ? 1 : 0,
  // Two cores: one worker would be slow, more would starve the server.
  workers: 2,
  reporter: [['list'], ['html', { open: 'never', outputFolder: 'playwright-report' }]],
  use: {
    baseURL: settings.siteUrl,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  projects: [
    {
      name: 'chromium',
      use: { ...devices['Desktop Chrome'], launchOptions: { executablePath } },
    },
  ],
  webServer: [fakeResend, siteServer],
});
