import { test as base, type Page } from '@playwright/test';
import type { StaffRole } from '../../db/schema';
import { uniqueClientIp } from '../../test/support/client-ip';
import { openSiteDb, type SiteDb } from '../../test/support/site-db';
import { addStaffMember, createSession } from '../../test/support/site-data';
import { uniqueTag } from './admin-data';
import { e2eSettings, type E2ESettings } from './env';
import { Mailbox } from './mailbox';
import { addSessionCookie, signInWithEmailLink } from './staff';

// Fixtures shared by every spec. Later flows add theirs here (for example a `mailbox` fixture for
// the fake Resend API), so specs import `test` and `expect` from this file only.

/** A staff member of this worker's own, with a database session ready to use. */
export interface StaffMember {
  email: string;
  role: StaffRole;
  userId: string;
  sessionToken: string;
}

interface WorkerFixtures {
  settings: E2ESettings;
  /** The running site's SQLite file, opened once per worker. */
  siteDb: SiteDb;
  /** What the fake Resend API received (filter by your test's own addresses). */
  mailbox: Mailbox;
  /** A moderator of this worker's own, signed in (see `staffPage`). */
  moderator: StaffMember;
  /** An admin of this worker's own, signed in (see `adminPage`). */
  admin: StaffMember;
  /** An editor of this worker's own, signed in (see `editorPage`). */
  editor: StaffMember;
}

interface TestFixtures {
  /** A client address of this test's own, for X-Forwarded-For (per-IP limits never trip across tests). */
  clientIp: string;
  /** Signs a staff address in through /admin/sign-in and the emailed link; returns the link. */
  signInAs: (page: Page, email: string, options?: { callbackUrl?: string }) => Promise<string>;
  /** A page in its own browser context, signed in as this worker's moderator. */
  staffPage: Page;
  /** A page in its own browser context, signed in as this worker's admin. */
  adminPage: Page;
  /** A page in its own browser context, signed in as this worker's editor. */
  editorPage: Page;
}

function staffMember(
  role: StaffRole,
): [
  (args: { siteDb: SiteDb }, use: (member: StaffMember) => Promise<void>, workerInfo: { workerIndex: number }) => Promise<void>,
  { scope: 'worker' },
] {
  return [
    async ({ siteDb }, use, workerInfo) => {
      const email = `${uniqueTag(`${role}-w${workerInfo.workerIndex}`)}@ledger.example`;
      const userId = addStaffMember(siteDb, email, role);
      await use({ email, role, userId, sessionToken: createSession(siteDb, userId) });
    },
    { scope: 'worker' },
  ];
}

export const test = base.extend<TestFixtures, WorkerFixtures>({
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
      db.$client.close();
    },
    { scope: 'worker' },
  ],
  mailbox: [
    async ({ settings }, use) => {
      await use(new Mailbox(settings.resendUrl));
    },
    { scope: 'worker' },
  ],
  clientIp: async ({}, provide, testInfo) => {
    await provide(uniqueClientIp(testInfo.parallelIndex));
  },
  moderator: staffMember('moderator'),
  admin: staffMember('admin'),
  editor: staffMember('editor'),
  // `provide`, not `use`: React's hooks lint would take a named fixture's `use` for a hook.
  signInAs: async ({ mailbox, settings }, provide) => {
    await provide((page, email, options) => signInWithEmailLink(page, email, { mailbox, settings, ...options }));
  },
  staffPage: async ({ browser, settings, moderator }, provide) => {
    const context = await browser.newContext();
    await addSessionCookie(context, settings, moderator.sessionToken);
    await provide(await context.newPage());
    await context.close();
  },
  adminPage: async ({ browser, settings, admin }, provide) => {
    const context = await browser.newContext();
    await addSessionCookie(context, settings, admin.sessionToken);
    await provide(await context.newPage());
    await context.close();
  },
  editorPage: async ({ browser, settings, editor }, provide) => {
    const context = await browser.newContext();
    await addSessionCookie(context, settings, editor.sessionToken);
    await provide(await context.newPage());
    await context.close();
  },
});

export { expect } from '@playwright/test';
