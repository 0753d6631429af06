import { randomBytes, randomUUID } from 'node:crypto';
import { Webhook } from 'standardwebhooks';
import { expect, type BrowserContext, type Page } from '@playwright/test';
import { eq } from 'drizzle-orm';
import { subscribers, users } from '../../db/schema';
import type { SiteDb } from '../../test/support/site-db';
import type { PublishedArticle } from './site-content';
import { createSession, SESSION_COOKIE } from '../../test/support/site-data';

// Helpers for the newsletter-sending specs: subscribers and a staff session written straight into
// the site's database (sign-up and sign-in have journeys of their own), and Svix-signed webhooks.

export interface SeededSubscriber {
  id: number;
  email: string;
  token: string;
}

/** `n` confirmed subscribers (confirmed an hour ago) with unique addresses `<label>-<i>@example.com`. */
export function seedConfirmedSubscribers(db: SiteDb, label: string, n: number): SeededSubscriber[] {
  const confirmedAt = new Date(Date.now() - 60 * 60 * 1000);
  return db.transaction((tx) =>
    Array.from({ length: n }, (_, i) => {
      const email = `${label}-${i}@example.com`;
      // 32 random bytes, base64url: 43 characters, like the site's own tokens.
      const token = randomBytes(32).toString('base64url');
      const { id } = tx
        .insert(subscribers)
        .values({
          email,
          status: 'confirmed',
          unsubscribeToken: token,
          consentSource: 'e2e',
          consentAt: confirmedAt,
          confirmedAt,
          createdAt: confirmedAt,
          updatedAt: confirmedAt,
        })
        .returning({ id: subscribers.id })
        .get();
      return { id, email, token };
    }),
  );
}

export function subscriberStatus(db: SiteDb, id: number): string {
  return db.select({ status: subscribers.status }).from(subscribers).where(eq(subscribers.id, id)).get()!.status;
}

/** Signs `context` in as the staff member `email` with a database session, as Auth.js would. */
export async function signInAsStaff(context: BrowserContext, db: SiteDb, siteUrl: string, email: string): Promise<void> {
  const user = db.select({ id: users.id }).from(users).where(eq(users.email, email)).get();
  if (!user) throw new Error(`${email} is not in users`);
  const token = createSession(db, user.id);
  await context.addCookies([{ name: SESSION_COOKIE, value: token, url: siteUrl, httpOnly: true, sameSite: 'Lax' }]);
}

/** Svix's signature header value for a webhook, made as a Standard Webhooks sender makes it. */
export function svixSignature(secret: string, id: string, timestamp: number, body: string): string {
  return new Webhook(secret).sign(id, new Date(timestamp * 1000), body);
}

/** Headers Resend (through Svix) sends with a webhook event. */
export function svixHeaders(secret: string, body: string, { id = `msg_${randomUUID()}`, timestamp = Math.floor(Date.now() / 1000) } = {}) {
  return {
    'content-type': 'application/json',
    'svix-id': id,
    'svix-timestamp': String(timestamp),
    'svix-signature': svixSignature(secret, id, timestamp, body),
  };
}

/**
 * Composes an issue in the dashboard with these articles, in this order, for this audience ("Send
 * to": "Everyone" or "Subscribers of <section>"), and saves it. Returns its id.
 */
export async function composeIssue(
  page: Page,
  { subject, intro, articles, sendTo = 'Everyone' }: { subject: string; intro: string; articles: PublishedArticle[]; sendTo?: string },
): Promise<number> {
  await page.goto('/admin/newsletters');
  await expect(page.getByRole('heading', { level: 1, name: 'Newsletters' })).toBeVisible();
  const form = page.getByRole('form', { name: 'Newsletter issue' });
  await form.getByLabel('Subject').fill(subject);
  await form.getByLabel('Introduction (Markdown)').fill(intro);
  await form.getByLabel('Send to').selectOption({ label: sendTo });
  // Untick what the composer ticked by default (articles since the last issue), then tick ours.
  const wanted = new Set(articles.map((a) => a.title));
  for (const box of await form.getByRole('checkbox').all()) {
    const name = (await box.getAttribute('id'))!;
    const title = await form.locator(`label[for="${name}"]`).innerText();
    if (!wanted.has(title) && (await box.isChecked())) await box.uncheck();
  }
  for (const [i, a] of articles.entries()) {
    await form.getByRole('checkbox', { name: a.title, exact: true }).check();
    await form.getByRole('spinbutton', { name: `Order of “${a.title}”` }).fill(String(i + 1));
  }
  await form.getByRole('button', { name: 'Save draft' }).click();
  await expect(page).toHaveURL(/\/admin\/newsletters\/\d+$/, { timeout: 30_000 });
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(subject);
  return Number(/\/admin\/newsletters\/(\d+)$/.exec(page.url())![1]);
}

/**
 * Send… → "Yes, send to N <audience>" → progress to 100%. Returns N. `audience` is what the
 * button names: "subscribers", or "subscribers of Politics" for a section's issue.
 */
export async function sendIssue(page: Page, issueId: number, { audience = 'subscribers' } = {}): Promise<number> {
  await page.goto(`/admin/newsletters/${issueId}`);
  await page.getByRole('link', { name: 'Send…' }).click();
  const escaped = audience.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const confirm = page.getByRole('button', { name: new RegExp(`^Yes, send to \\d+ ${escaped}$`) });
  await expect(confirm).toBeVisible();
  const recipients = Number(/(\d+)/.exec((await confirm.textContent())!)![1]);
  await confirm.click();

  const bar = page.getByRole('progressbar', { name: 'Sending progress' });
  await expect(bar).toBeVisible({ timeout: 30_000 });
  // The bar fills as the fake Resend API answers; the page polls for progress every second.
  await expect(page.locator('.issue-progress').getByRole('status')).toContainText(/^100% · \d+ sent/, { timeout: 90_000 });
  await expect(page.getByRole('heading', { name: 'Sent', exact: true })).toBeVisible({ timeout: 30_000 });
  expect(await bar.getAttribute('value')).toBe(await bar.getAttribute('max'));
  return recipients;
}
