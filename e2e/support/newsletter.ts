import { randomBytes } from 'node:crypto';
import { expect, type APIRequestContext, type Page } from '@playwright/test';
import { eq } from 'drizzle-orm';
import { emailOutbox, subscribers } from '../../db/schema';
import { decodeEntities, fillForm, findForm } from '../../test/support/forms';
import type { SiteDb } from '../../test/support/site-db';
import type { Mailbox } from './mailbox';
import { linkIn } from './mailbox';

// Helpers for the newsletter and mail-fault journeys. Every test signs up its own addresses and
// comes from its own network (X-Forwarded-For: the server hashes its last entry), so the per-IP
// limit of 10 an hour never trips across tests and parallel tests never read each other's email.

export const CONFIRM_SUBJECT = /^Confirm your subscription to The Ledger$/;
export const WELCOME_SUBJECT = /^Welcome to The Ledger$/;
export const ALREADY_SUBJECT = /^You are already subscribed to The Ledger$/;
export const SUCCESS = 'Almost done: check your inbox to confirm your subscription.';
export const CONFIRMED = 'Thank you! Your subscription has been confirmed.';

export const newAddress = (prefix = 'nl') => `${prefix}-${randomBytes(6).toString('hex')}@example.net`;

/** The footer's sign-up box (article pages have a second one after the story). */
export const footerNewsletter = (page: Page) => page.getByRole('contentinfo').getByRole('region', { name: 'Newsletter' });

/** Fills in the footer box and presses Subscribe; returns the box. */
export async function signUpInFooter(page: Page, email: string) {
  const box = footerNewsletter(page);
  await box.getByLabel('Email address').fill(email);
  await box.getByRole('button', { name: 'Subscribe' }).click();
  return box;
}

export const subscriberRow = (db: SiteDb, email: string) => db.select().from(subscribers).where(eq(subscribers.email, email)).get();

export const outboxRows = (db: SiteDb, recipient: string) =>
  db.select().from(emailOutbox).where(eq(emailOutbox.recipient, recipient)).orderBy(emailOutbox.id).all();

/** Waits for the n-th confirmation email to `email` and returns its link. */
export async function confirmationLink(mailbox: Mailbox, siteUrl: string, email: string, count = 1): Promise<string> {
  const message = await mailbox.waitForEmail(email, { subject: CONFIRM_SUBJECT, count, timeout: 30_000 });
  return linkIn(message, `${siteUrl}/newsletter/confirm?token=`);
}

/**
 * Posts the footer form the way a browser without JavaScript does (a multipart POST to the page,
 * carrying React's hidden action fields), so a test can send what no browser would type: line
 * breaks, more than 254 characters, forged Host headers. Returns the HTML page the site answers with.
 */
export async function postSignUpForm(
  request: APIRequestContext,
  { email, headers = {} }: { email: string; headers?: Record<string, string> },
) {
  const page = await request.get('/search', { headers });
  expect(page.status()).toBe(200);
  const form = findForm(await page.text(), 'name="nickname"');
  expect(form.actionId, 'the form carries its server action').not.toBeNull();
  // A browser sends its Origin with a form post; Next compares it with the Host (CSRF).
  const origin = new URL(page.url()).origin;
  return request.post('/search', {
    headers: { Origin: origin, ...headers },
    multipart: Object.fromEntries(fillForm(form, { source: '/search', nickname: '', email })),
  });
}

/** The value the page's footer form shows in its email field, from a no-JavaScript answer. */
export function emailFieldValue(html: string): string | null {
  const footer = html.slice(html.indexOf('<footer'));
  const raw = /<input[^>]*name="email"[^>]*value="([^"]*)"/.exec(footer)?.[1];
  return raw === undefined ? null : decodeEntities(raw);
}
