import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { eq } from 'drizzle-orm';
import { verificationTokens } from '../db/schema';
import { addStaffMember, SESSION_COOKIE } from '../test/support/site-data';
import { ROOT } from '../test/support/paths';
import { insertComment, openArticle, outboxRowsTo, roleOf, sessionCount, uniqueTag } from './support/admin-data';
import { expect, test } from './support/fixtures';
import { linkIn } from './support/mailbox';
import {
  openSignInLink,
  requestSignInLink,
  SIGN_IN_SENT,
  SIGN_IN_SUBJECT,
  sentSignInEmails,
  signInLinkFor,
  submitSignInForm,
} from './support/staff';

// Staff sign-in: a magic link by email, only for staff, once, for 10 minutes, throttled,
// returning only to this site; signing out ends the session in the database.
//
// The site allows 20 sign-in requests per IP in 15 minutes, and every request in the run comes
// from this machine: these tests use about 15 of them. Other specs start from a database session
// (see the staffPage fixture) instead of signing in.

const LINK_FAILED = 'That sign-in link has expired or has already been used. Enter your email to get a new one.';

test('/admin without a session goes to sign-in, and remembers where it was going', async ({ page, context, settings }) => {
  await page.goto('/admin/comments?status=spam');
  await expect(page).toHaveURL(`/admin/sign-in?callbackUrl=${encodeURIComponent('/admin/comments?status=spam')}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Sign in to the dashboard');
  await expect(page.getByLabel('Email')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Send sign-in link' })).toBeVisible();

  // A cookie that names no session gets past the proxy's quick check, and the page itself refuses.
  await context.addCookies([{ name: SESSION_COOKIE, value: 'no-such-session', url: settings.siteUrl }]);
  await page.goto('/admin');
  await expect(page).toHaveURL('/admin/sign-in');
  await expect(page.getByRole('navigation', { name: 'Dashboard' })).toHaveCount(0);
});

test('ADMIN_EMAILS makes its addresses admins at start', async ({ siteDb, settings }) => {
  expect(roleOf(siteDb, settings.adminEmail)).toBe('admin');
});

test('a moderator added with `npm run staff` signs in with the link from the email', async ({ page, settings, siteDb, mailbox }) => {
  const email = `${uniqueTag('new-moderator')}@ledger.example`;
  const { stdout } = await promisify(execFile)('npm', ['run', '--silent', 'staff', '--', 'add', email, '--role', 'moderator'], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_PATH: settings.databasePath },
  });
  expect(stdout).toContain(`${email} is now a moderator.`);
  expect(roleOf(siteDb, email)).toBe('moderator');

  await requestSignInLink(page, email);
  const message = await mailbox.waitForEmail(email, { subject: SIGN_IN_SUBJECT });
  expect(message.text).toContain('It works once, for 10 minutes.');
  const link = linkIn(message, `${settings.siteUrl}/admin/sign-in/continue?`);
  expect(new URL(link).searchParams.get('token')).toMatch(/^\w{32,}$/);

  // Opening the link signs nobody in (a mail scanner does just that); the button does.
  await page.goto(link);
  await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible();
  expect(sessionCount(siteDb, email)).toBe(0);
  await openSignInLink(page, link);
  await expect(page).toHaveURL('/admin');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Overview');
  await expect(page.getByRole('banner')).toContainText(`${email} (moderator)`);
  // Moderators moderate; only admins see the staff page in the menu.
  const menu = page.getByRole('navigation', { name: 'Dashboard' });
  await expect(menu.getByRole('link', { name: 'Comments' })).toBeVisible();
  await expect(menu.getByRole('link', { name: 'Staff' })).toHaveCount(0);
  expect(sessionCount(siteDb, email)).toBe(1);
});

test('a mail scanner opening the link (GET and HEAD, no scripts, no clicks) uses nothing up', async ({
  page,
  request,
  siteDb,
  mailbox,
  settings,
}) => {
  const email = `${uniqueTag('scanned')}@ledger.example`;
  addStaffMember(siteDb, email, 'moderator');
  await requestSignInLink(page, email);
  const link = await signInLinkFor(mailbox, settings, email);
  for (const method of ['GET', 'HEAD']) {
    const response = await request.fetch(link, { method, maxRedirects: 5 });
    expect(response.status(), method).toBe(200);
  }
  expect(sessionCount(siteDb, email)).toBe(0);
  // The person's click still works afterwards.
  await openSignInLink(page, link);
  await expect(page).toHaveURL('/admin');
  expect(sessionCount(siteDb, email)).toBe(1);
});

test('a sign-in link works only once', async ({ page, browser, siteDb, signInAs }) => {
  const email = `${uniqueTag('once')}@ledger.example`;
  addStaffMember(siteDb, email, 'moderator');
  const link = await signInAs(page, email);

  // The same link again, in another browser: refused, and nobody is signed in there.
  const other = await browser.newContext();
  const second = await other.newPage();
  await openSignInLink(second, link);
  await expect(second).toHaveURL(/\/admin\/sign-in\?error=Verification$/);
  await expect(second.getByRole('main').getByRole('alert')).toHaveText(LINK_FAILED);
  await second.goto('/admin');
  await expect(second).toHaveURL(/\/admin\/sign-in/);
  expect(sessionCount(siteDb, email)).toBe(1);
  await other.close();
});

test('an expired sign-in link fails', async ({ page, siteDb, mailbox, settings }) => {
  const email = `${uniqueTag('expired')}@ledger.example`;
  addStaffMember(siteDb, email, 'moderator');
  await requestSignInLink(page, email);
  const link = await signInLinkFor(mailbox, settings, email);

  // Eleven minutes later, as far as the token is concerned.
  const aged = siteDb
    .update(verificationTokens)
    .set({ expires: new Date(Date.now() - 60_000) })
    .where(eq(verificationTokens.identifier, email))
    .run().changes;
  expect(aged).toBe(1);

  await openSignInLink(page, link);
  await expect(page).toHaveURL(/\/admin\/sign-in\?error=Verification$/);
  await expect(page.getByRole('main').getByRole('alert')).toHaveText(LINK_FAILED);
  expect(sessionCount(siteDb, email)).toBe(0);
  await page.goto('/admin');
  await expect(page).toHaveURL(/\/admin\/sign-in/);
});

test('an address that is not staff sees the same answer and gets no email', async ({ page, browser, siteDb, mailbox, settings }) => {
  const stranger = `${uniqueTag('stranger')}@example.com`;
  const staff = `${uniqueTag('staff')}@ledger.example`;
  addStaffMember(siteDb, staff, 'moderator');

  await requestSignInLink(page, stranger);
  const strangerScreen = await page.getByRole('main').innerText();
  // The email is written to the outbox inside the request that answered: nothing was queued.
  expect(outboxRowsTo(siteDb, stranger)).toEqual([]);

  const other = await (await browser.newContext()).newPage();
  await requestSignInLink(other, staff);
  expect(await other.getByRole('main').innerText()).toBe(strangerScreen);
  await other.context().close();

  // The staff member's email arrives; by then the stranger's would have, had there been one.
  await signInLinkFor(mailbox, settings, staff);
  expect(await mailbox.emails(stranger)).toEqual([]);
});

test('the sixth sign-in request for one address within 15 minutes is refused', async ({ page, siteDb, mailbox }) => {
  const email = `${uniqueTag('throttled')}@ledger.example`;
  addStaffMember(siteDb, email, 'moderator');
  for (let i = 0; i < 5; i++) await requestSignInLink(page, email);

  await page.goto('/admin/sign-in');
  await submitSignInForm(page, email);
  const form = page.getByRole('main').locator('form');
  await expect(form.getByText('Too many sign-in requests. Please wait 15 minutes and try again.')).toBeVisible();
  await expect(page.getByLabel('Email')).toHaveValue(email);
  await expect(page.getByRole('main').getByText(SIGN_IN_SENT)).toHaveCount(0);

  // Five emails, not six.
  await mailbox.waitForEmail(email, { subject: SIGN_IN_SUBJECT, count: 5 });
  expect(outboxRowsTo(siteDb, email)).toHaveLength(5);
  await page.waitForTimeout(1_500);
  expect(await sentSignInEmails(mailbox, email)).toBe(5);
});

test('Auth.js’s own sign-in endpoint cannot be used to get round the throttle', async ({ playwright, siteDb, settings }) => {
  const email = `${uniqueTag('endpoint')}@ledger.example`;
  addStaffMember(siteDb, email, 'moderator');
  const api = await playwright.request.newContext({ baseURL: settings.siteUrl });
  const { csrfToken } = (await (await api.get('/api/auth/csrf')).json()) as { csrfToken: string };
  const response = await api.post('/api/auth/signin/email', {
    form: { csrfToken, email, callbackUrl: `${settings.siteUrl}/admin` },
    maxRedirects: 0,
  });
  expect(response.status()).toBe(405);
  expect(outboxRowsTo(siteDb, email)).toEqual([]);
  await api.dispose();
});

test('a callbackUrl pointing at another site is ignored', async ({ page, siteDb, mailbox, settings }) => {
  const email = `${uniqueTag('callback')}@ledger.example`;
  addStaffMember(siteDb, email, 'moderator');
  const evil = 'https://evil.example/phish';

  // The sign-in page does not carry a foreign address into its form…
  await page.goto(`/admin/sign-in?callbackUrl=${encodeURIComponent(evil)}`);
  await expect(page.locator('input[name="callbackUrl"]')).toHaveValue('/admin');

  // …nor does the action take one from a tampered form…
  await page.locator('input[name="callbackUrl"]').evaluate((input: HTMLInputElement, url) => (input.value = url), evil);
  await submitSignInForm(page, email);
  await expect(page.getByRole('main').getByRole('status')).toHaveText(SIGN_IN_SENT);
  const link = new URL(await signInLinkFor(mailbox, settings, email));
  expect(link.origin).toBe(settings.siteUrl);
  expect(link.searchParams.get('callbackUrl')).toBe(`${settings.siteUrl}/admin`);

  // …nor does the link, edited by hand, send a signed-in moderator away.
  link.searchParams.set('callbackUrl', evil);
  await openSignInLink(page, link.toString());
  await expect(page).toHaveURL('/admin');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Overview');

  // Once signed in, the sign-in page sends you on only within the dashboard.
  for (const target of [evil, '//evil.example/x', '/\\evil.example/x', 'javascript:alert(1)', '/articles/anything']) {
    await page.goto(`/admin/sign-in?callbackUrl=${encodeURIComponent(target)}`);
    await expect(page, target).toHaveURL('/admin');
  }
});

test('signing out ends the session in the database', async ({ page, browser, siteDb, signInAs, settings }) => {
  const email = `${uniqueTag('sign-out')}@ledger.example`;
  addStaffMember(siteDb, email, 'moderator');
  await signInAs(page, email);
  expect(sessionCount(siteDb, email)).toBe(1);
  const cookie = (await page.context().cookies()).find((c) => c.name === SESSION_COOKIE);
  expect(cookie).toBeDefined();

  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL('/admin/sign-in?signedOut=1');
  await expect(page.getByRole('main')).toContainText('You have signed out.');
  expect(sessionCount(siteDb, email)).toBe(0);
  await page.goto('/admin');
  await expect(page).toHaveURL(/\/admin\/sign-in/);

  // The old cookie, kept by someone who copied it, opens nothing either.
  const copy = await browser.newContext();
  await copy.addCookies([{ name: SESSION_COOKIE, value: cookie!.value, url: settings.siteUrl }]);
  const stolen = await copy.newPage();
  await stolen.goto('/admin/comments');
  await expect(stolen).toHaveURL(/\/admin\/sign-in/);
  await copy.close();
});

test('the pending-comments digest links straight into the Pending tab', async ({ page, siteDb, mailbox, settings }) => {
  // A pending comment makes the site email every staff member a digest (at most one every 10
  // minutes, so the one this run sent may predate this test: any digest will do).
  const tag = uniqueTag('digest');
  insertComment(siteDb, {
    articleId: openArticle(siteDb, 0).id,
    authorName: 'Dee Gest',
    authorEmail: `${tag}@example.com`,
    body: `Waiting ${tag}`,
  });
  const digest = await mailbox.waitForEmail(settings.adminEmail, { subject: /waiting for moderation on The Ledger$/, timeout: 30_000 });
  const link = linkIn(digest, `${settings.siteUrl}/admin`);
  expect(link).toBe(`${settings.siteUrl}/admin/comments?status=pending`);

  // A moderator follows it without a session: sign-in first, then straight to the Pending tab.
  const email = `${uniqueTag('digest-reader')}@ledger.example`;
  addStaffMember(siteDb, email, 'moderator');
  await page.goto(link);
  await expect(page).toHaveURL(`/admin/sign-in?callbackUrl=${encodeURIComponent('/admin/comments?status=pending')}`);
  await submitSignInForm(page, email);
  await expect(page.getByRole('main').getByRole('status')).toHaveText(SIGN_IN_SENT);
  await openSignInLink(page, await signInLinkFor(mailbox, settings, email));
  await expect(page).toHaveURL(link);
  const tabs = page.getByRole('navigation', { name: 'Comment status' });
  await expect(tabs.getByRole('link', { name: /^Pending/ })).toHaveAttribute('aria-current', 'page');
});
