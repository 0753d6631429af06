import { test as base } from '@playwright/test';
import { e2eSettings, type E2ESettings } from './env';
import { Mailbox } from './mailbox';
import { openSiteDb, type SiteDb } from './site-db';

// Fixtures shared by every spec. Later flows add theirs here (for example a `mailbox` fixture for
// the fake Resend API), so specs import `test` and `expect` from this file only.

interface WorkerFixtures {
  settings: E2ESettings;
  /** The running site's SQLite file, opened once per worker. */
  siteDb: SiteDb;
  /** What the fake Resend API received (filter by your test's own addresses). */
  mailbox: Mailbox;
}

export const test = base.extend<object, WorkerFixtures>({
  settings: [
    // Playwright reads a fixture's dependencies from the destructuring pattern; this one has none.
    async ({}, use) => {
      await use(e2eSettings());
    },
    { scope: 'worker' },
  ],
  siteDb: [
    async ({ settings }, use) => {
      const db = openSiteDb(settings.databasePath);
      await use(db);
      db.close();
    },
    { scope: 'worker' },
  ],
  mailbox: [
    async ({ settings }, use) => {
      await use(new Mailbox(settings.resendUrl));
    },
    { scope: 'worker' },
  ],
});

export { expect } from '@playwright/test';
