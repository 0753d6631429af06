import { randomBytes, randomUUID } from 'node:crypto';
import { Webhook } from 'standardwebhooks';
import type { BrowserContext } from '@playwright/test';
import { eq } from 'drizzle-orm';
import { subscribers, users } from '../../db/schema';
import type { SiteDb } from '../../test/support/site-db';
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
