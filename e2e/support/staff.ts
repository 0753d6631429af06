import { expect, type BrowserContext, type Page } from '@playwright/test';
import { SESSION_COOKIE } from '../../test/support/site-data';
import type { E2ESettings } from './env';
import { linkIn, type Mailbox } from './mailbox';

// Staff sign-in as a moderator does it: ask for a link at /admin/sign-in, read the email the site
// sent through the fake Resend API, open the link.

export const SIGN_IN_SENT = 'Check your email for a sign-in link.';
export const SIGN_IN_SUBJECT = /^Your sign-in link for The Ledger$/;

/** Fills in the sign-in form and waits for the answer, which is the same for every address. */
export async function requestSignInLink(page: Page, email: string, { callbackUrl }: { callbackUrl?: string } = {}): Promise<void> {
  await page.goto(callbackUrl ? `/admin/sign-in?callbackUrl=${encodeURIComponent(callbackUrl)}` : '/admin/sign-in');
  await submitSignInForm(page, email);
  await expect(page.getByRole('main').getByRole('status')).toHaveText(SIGN_IN_SENT);
}

/** Types the address and presses the button on a sign-in page that is already open. */
export async function submitSignInForm(page: Page, email: string): Promise<void> {
  await page.getByLabel('Email').fill(email);
  await page.getByRole('button', { name: 'Send sign-in link' }).click();
}

/** The link in the `n`-th sign-in email to `email` (1 = the first this address got). */
export async function signInLinkFor(mailbox: Mailbox, settings: E2ESettings, email: string, n = 1): Promise<string> {
  const message = await mailbox.waitForEmail(email, { subject: SIGN_IN_SUBJECT, count: n, timeout: 30_000 });
  return linkIn(message, `${settings.siteUrl}/admin/sign-in/continue`);
}

/**
 * Follows a sign-in link as a person does: the link opens a page with a Sign in button (so mail
 * scanners that open links use nothing up), and the button signs in.
 */
export async function openSignInLink(page: Page, link: string): Promise<void> {
  await page.goto(link);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/admin/sign-in/continue') && !url.pathname.startsWith('/api/auth'));
}

export async function sentSignInEmails(mailbox: Mailbox, email: string): Promise<number> {
  return (await mailbox.emails(email)).filter((m) => SIGN_IN_SUBJECT.test(m.subject)).length;
}

/**
 * Signs `email` in on `page` through the UI and the email. The address must already be staff.
 * With `callbackUrl`, the page starts at /admin/sign-in?callbackUrl=…, as the proxy sends it.
 */
export async function signInWithEmailLink(
  page: Page,
  email: string,
  { mailbox, settings, callbackUrl }: { mailbox: Mailbox; settings: E2ESettings; callbackUrl?: string },
): Promise<string> {
  const before = await sentSignInEmails(mailbox, email);
  await requestSignInLink(page, email, { callbackUrl });
  const link = await signInLinkFor(mailbox, settings, email, before + 1);
  await openSignInLink(page, link);
  await expect(page).toHaveURL(new RegExp(`^${settings.siteUrl}/admin`));
  await expect(page.getByRole('navigation', { name: 'Dashboard' })).toBeVisible();
  return link;
}

/** Puts an existing database session into a browser context (see createSession). */
export async function addSessionCookie(context: BrowserContext, settings: E2ESettings, token: string): Promise<void> {
  await context.addCookies([{ name: SESSION_COOKIE, value: token, url: settings.siteUrl, httpOnly: true, sameSite: 'Lax' }]);
}
