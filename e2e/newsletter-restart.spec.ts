import fs from 'node:fs';
import path from 'node:path';
import { and, count, eq, inArray } from 'drizzle-orm';
import { emailOutbox } from '../db/schema';
import { startFakeResend, type FakeResend } from '../test/support/fake-resend';
import { startAppServer, type AppServer } from '../test/support/app-server';
import { freePort } from '../test/support/ports';
import { openSiteDb, type SiteDb } from '../test/support/site-db';
import { expect, test } from './support/fixtures';
import { E2E_TMP } from './support/env';
import { issueStatus } from './support/admin-data';
import { seedConfirmedSubscribers, signInAsStaff } from './support/newsletter-send';

// A server restarted mid-send sends nobody two copies.
//
// The Playwright-managed server cannot be restarted, so this spec runs its own production server (the
// same production build) on its own database and port, sending through its own in-process fake
// Resend API, slowly (one request a second). It starts a send to 300 subscribers from the
// dashboard, and kills the server's whole process group with SIGKILL at the worst moment: the
// fake has accepted the first batch of 100 but holds its answer, so the server dies not knowing
// whether those 100 went. A new server on the same database must finish the issue, re-sending
// that batch as the same request (the fake, like Resend, sends nothing twice for one
// Idempotency-Key), and everyone must end up with exactly one copy.

const run = `rs${Date.now().toString(36)}`;
const subject = `Restart-proof issue (${run})`;

/** This spec's server: slow mail on purpose, and a sending lease short enough to wait out. */
function startRestartServer({
  port,
  databasePath,
  resendUrl,
  logPath,
  adminEmail,
}: {
  port: number;
  databasePath: string;
  resendUrl: string;
  logPath: string;
  adminEmail: string;
}): Promise<AppServer> {
  return startAppServer({
    port,
    databasePath,
    logPath,
    env: {
      AUTH_SECRET: 'e2e-restart-secret-not-for-production-0123456789',
      TRUST_PROXY: '1',
      ADMIN_EMAILS: adminEmail,
      RESEND_API_KEY: 're_e2e_restart_key',
      RESEND_BASE_URL: resendUrl,
      MAIL_FROM: 'The Ledger <newsroom@ledger.example>',
      // Slow on purpose: one batch request a second, so the kill lands mid-send.
      MAIL_RATE_PER_SECOND: '1',
      MAIL_RETRY_BASE_MS: '1000',
      MAIL_SWEEP_MS: '500',
      MAIL_SEND_TIMEOUT_MS: '5000',
      // What the dead server left 'sending' is taken up again after 15 s, not 5 minutes.
      MAIL_SENDING_LEASE_MS: '15000',
    },
  });
}

test('a server killed mid-send resumes after a restart, and nobody gets two copies', async ({ browser, settings }) => {
  test.setTimeout(420_000);
  const dir = path.join(E2E_TMP, `restart-${run}-${process.pid}`);
  fs.mkdirSync(dir, { recursive: true });
  const databasePath = path.join(dir, 'site.db');
  const logPath = path.join(dir, 'server.log');
  const port = await freePort();
  const siteUrl = `http://localhost:${port}`;
  const fake: FakeResend = await startFakeResend();
  const servers: AppServer[] = [];
  let db: SiteDb | null = null;
  const context = await browser.newContext({ baseURL: siteUrl });
  let passed = false;

  try {
    servers.push(await startRestartServer({ port, databasePath, resendUrl: fake.url, logPath, adminEmail: settings.adminEmail }));
    db = openSiteDb(databasePath);
    const subscribers = seedConfirmedSubscribers(db, run, 300);

    // Compose and send from the dashboard, as an admin.
    await signInAsStaff(context, db, siteUrl, settings.adminEmail);
    const page = await context.newPage();
    await page.goto('/admin/newsletters');
    const form = page.getByRole('form', { name: 'Newsletter issue' });
    await form.getByLabel('Subject').fill(subject);
    await form.getByRole('checkbox').first().check();
    await form.getByRole('button', { name: 'Save draft' }).click();
    await expect(page).toHaveURL(/\/admin\/newsletters\/\d+$/, { timeout: 60_000 });
    const issueId = Number(/(\d+)$/.exec(page.url())![1]);

    // The first batch of this issue is accepted, and its answer held back for two minutes.
    fake.fail({ status: 200, count: 1, delayMs: 120_000, match: run });
    await page.getByRole('link', { name: 'Send…' }).click();
    await page.getByRole('button', { name: 'Yes, send to 300 subscribers' }).click();

    const batches = () => fake.requests().filter((r) => r.path === '/emails/batch' && JSON.stringify(r.body).includes(run));
    await expect.poll(() => batches().length, { timeout: 60_000, intervals: [20] }).toBeGreaterThan(0);
    servers[0]!.kill('SIGKILL');
    await servers[0]!.exited;
    await page.close();

    const firstKey = batches()[0]!.headers['idempotency-key']!;
    const acceptedBeforeKill = fake.emails().filter((e) => e.subject === subject).length;
    expect(acceptedBeforeKill).toBeGreaterThanOrEqual(100);
    const status = () => issueStatus(db!, issueId);
    expect(status()).toBe('sending');
    const unfinished = db
      .select({ n: count() })
      .from(emailOutbox)
      .where(and(eq(emailOutbox.groupKey, `issue:${issueId}`), inArray(emailOutbox.status, ['queued', 'sending'])))
      .get()!.n;
    expect(unfinished, 'the kill left part of the issue unsent').toBeGreaterThanOrEqual(100);

    // A new server on the same database finishes the issue.
    servers.push(await startRestartServer({ port, databasePath, resendUrl: fake.url, logPath, adminEmail: settings.adminEmail }));
    await expect.poll(status, { timeout: 240_000, intervals: [1000] }).toBe('sent');

    const copies = new Map<string, number>();
    for (const e of fake.emails().filter((m) => m.subject === subject)) for (const to of e.to) copies.set(to, (copies.get(to) ?? 0) + 1);
    const twice = [...copies.entries()].filter(([, n]) => n > 1).map(([to]) => to);
    const none = subscribers.filter((s) => !copies.has(s.email)).map((s) => s.email);
    expect(twice, 'got the issue twice').toEqual([]);
    expect(none, 'never got the issue').toEqual([]);
    expect(copies.size).toBe(300);

    // The batch in doubt was sent again after the restart, as the same request.
    expect(fake.requests().filter((r) => r.headers['idempotency-key'] === firstKey).length).toBeGreaterThanOrEqual(2);
    expect(batches().every((r) => (r.body as unknown[]).length <= 100)).toBe(true);
    const rows = db
      .select({ status: emailOutbox.status, n: count() })
      .from(emailOutbox)
      .where(eq(emailOutbox.groupKey, `issue:${issueId}`))
      .groupBy(emailOutbox.status)
      .all();
    expect(rows).toEqual([{ status: 'sent', n: 300 }]);
    passed = true;
  } finally {
    await context.close();
    for (const s of servers) s.kill('SIGKILL');
    await Promise.all(servers.map((s) => s.exited));
    db?.$client.close();
    await fake.close();
    // Kept after a failure, with the servers' log, for a look.
    if (passed) fs.rmSync(dir, { recursive: true, force: true });
  }
});
