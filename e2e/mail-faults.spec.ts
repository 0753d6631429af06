import { test as base, expect as baseExpect } from './support/fixtures';
import { CONFIRM_SUBJECT, newAddress, outboxRows, signUpInFooter, SUCCESS } from './support/newsletter';
import { openSignInLink } from './support/staff';

// Faults: the provider misbehaves while a reader signs up. The site runs with a 1 s
// retry base and a 0.5 s sweep (playwright.config.ts), so faults heal in seconds. Each failure is
// scoped to the test's own address, so tests in other workers are not disturbed.

// The machine is shared and slow: a sign-up renders two emails, so allow its answer time.
const expect = baseExpect.configure({ timeout: 15_000 });

const test = base.extend({
  // (`provide`, not `use`: the React hooks lint rule would take it for React's use().)
  extraHTTPHeaders: async ({ clientIp }, provide) => {
    await provide({ 'X-Forwarded-For': clientIp });
  },
});

// Journeys wait for email through retries on a shared, busy machine.
test.describe.configure({ timeout: 120_000 });

test('provider down during a sign-up: the reader sees success, and the email arrives once it is back', async ({
  page,
  mailbox,
  siteDb,
}) => {
  const email = newAddress('down');
  await mailbox.fail({ status: 500, count: 3, match: email });

  await page.goto('/');
  const box = await signUpInFooter(page, email);
  await expect(box.getByRole('status')).toHaveText(SUCCESS);

  await mailbox.waitForEmail(email, { subject: CONFIRM_SUBJECT, timeout: 45_000 });
  const requests = await mailbox.requests(email);
  // Three failures, then success (a try that timed out on a starved machine may repeat the 200:
  // the provider deduplicates it by key).
  const statuses = requests.map((r) => r.status);
  expect(statuses.slice(0, 4)).toEqual([500, 500, 500, 200]);
  expect(statuses.slice(4).every((s) => s === 200)).toBe(true);
  // Every try carried the same key, so the provider could never send it twice.
  const [row] = outboxRows(siteDb, email);
  expect(new Set(requests.map((r) => r.headers['idempotency-key']))).toEqual(new Set([`outbox/${row!.id}`]));
  expect(await mailbox.emails(email)).toHaveLength(1);
  expect(row).toMatchObject({ kind: 'newsletter_confirm', status: 'sent', attempts: requests.length, lastError: null });
  // Its history keeps each failed attempt, with the provider's answer.
  const history = siteDb.$client
    .prepare<[number], { event: string; detail: string }>('SELECT event, detail FROM email_events WHERE outbox_id = ? ORDER BY at, id')
    .all(row!.id);
  expect(history.slice(0, 3).map((h) => h.event)).toEqual(['attempt failed', 'attempt failed', 'attempt failed']);
  expect(history[0]!.detail).toMatch(/^500: .*; next try in \d+ s$/);
});

test('429 with Retry-After: 2 is not retried before two seconds', async ({ page, mailbox, siteDb }) => {
  const email = newAddress('limited');
  await mailbox.fail({ status: 429, count: 1, retryAfter: 2, match: email });

  await page.goto('/');
  const box = await signUpInFooter(page, email);
  await expect(box.getByRole('status')).toHaveText(SUCCESS);

  await mailbox.waitForEmail(email, { subject: CONFIRM_SUBJECT, timeout: 30_000 });
  const requests = await mailbox.requests(email);
  expect(requests.map((r) => r.status).slice(0, 2)).toEqual([429, 200]);
  expect(requests[1]!.at - requests[0]!.at).toBeGreaterThanOrEqual(2000);
  expect(requests[1]!.headers['idempotency-key']).toBe(requests[0]!.headers['idempotency-key']);
  expect(outboxRows(siteDb, email)[0]).toMatchObject({ status: 'sent', attempts: requests.length });
  expect(await mailbox.emails(email)).toHaveLength(1);
});

test('422 fails at once, is not retried, and shows as failed in the outbox', async ({ page, mailbox, siteDb, settings }) => {
  const email = newAddress('rejected');
  await mailbox.fail({ status: 422, count: 1, match: email });

  await page.goto('/');
  const box = await signUpInFooter(page, email);
  // The reader's answer does not depend on the provider.
  await expect(box.getByRole('status')).toHaveText(SUCCESS);

  await expect.poll(() => outboxRows(siteDb, email)[0]?.status, { timeout: 20_000 }).toBe('failed');
  const [row] = outboxRows(siteDb, email);
  expect(row).toMatchObject({ kind: 'newsletter_confirm', attempts: 1 });
  expect(row!.lastError).toMatch(/422/);

  // Several sweeps and retry periods later, still one request and no email.
  await page.waitForTimeout(4000);
  expect(await mailbox.requests(email)).toHaveLength(1);
  expect(await mailbox.emails(email)).toHaveLength(0);
  expect(outboxRows(siteDb, email)[0]).toMatchObject({ status: 'failed', attempts: 1 });

  // Staff see it on the dashboard's outbox page, with the provider's error.
  const admin = settings.adminEmail;
  const before = (await mailbox.emails(admin)).filter((e) => /sign-in link/i.test(e.subject)).length;
  await page.goto('/admin/sign-in');
  await page.getByLabel('Email').fill(admin);
  await page.getByRole('button', { name: 'Send sign-in link' }).click();
  const signIn = await mailbox.waitForEmail(admin, { subject: /sign-in link/i, count: before + 1, timeout: 30_000 });
  const url = signIn.text.match(/https?:\/\/\S+\/admin\/sign-in\/continue\S+/)?.[0];
  expect(url, 'a sign-in link').toBeTruthy();
  await openSignInLink(page, url!);
  await page.goto('/admin/outbox');
  const line = page.getByRole('row').filter({ hasText: email });
  await expect(line).toHaveCount(1);
  await expect(line.locator('.status')).toHaveText('failed');
  await expect(line).toContainText('422');
  await expect(line.getByRole('button', { name: 'Retry' })).toBeVisible();

  // "Did my email go out?": found by part of the address, with its history, step by step.
  await page.getByRole('searchbox', { name: 'Recipient' }).fill(email.split('@')[0]!);
  await page.getByRole('button', { name: 'Find emails' }).click();
  await expect(page).toHaveURL(/\/admin\/outbox\?recipient=/);
  const found = page.getByRole('row').filter({ hasText: email });
  await expect(found).toHaveCount(1);
  const steps = found.locator('.email-history li');
  await expect(steps).toHaveCount(2);
  await expect(steps.nth(0)).toContainText('queued');
  await expect(steps.nth(1)).toContainText(/failed.*422/);
  await found.getByRole('button', { name: 'Retry' }).click();
  await expect(page.getByRole('main').locator('.flash').getByRole('status')).not.toBeEmpty();
  await page.reload();
  await expect(page.getByRole('row').filter({ hasText: email }).locator('.email-history li').nth(2)).toContainText(`retried by ${admin}`);
});

test('with a provider configured, the local mailbox pages do not exist', async ({ request }) => {
  for (const path of ['/dev/mail', '/dev/mail/1']) expect((await request.get(path)).status(), path).toBe(404);
});
