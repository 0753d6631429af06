import fs from 'node:fs';
import { eq, or } from 'drizzle-orm';
import type { Browser, Page } from '@playwright/test';
import { emailOutbox, subscribers } from '../db/schema';
import { uniqueClientIp } from '../test/support/client-ip';
import { axeViolations } from '../test/support/axe';
import { invalidateTags, type SiteDb } from '../test/support/site-db';
import { commentsByEmail, insertComment, insertSubscriber, openArticle, uniqueTag } from './support/admin-data';
import { expect, test } from './support/fixtures';
import { linkIn } from './support/mailbox';
import { confirmationLink, CONFIRMED, footerNewsletter, SUCCESS } from './support/newsletter';

// My data, as a reader uses it: ask for a link, open it, see and download what is held, erase it;
// then the public pages, the dashboard and a new sign-up behave as for a stranger.

const SENT = 'If we hold anything for this address, a link is on its way. It works once, for one hour.';
const LINK_SUBJECT = /^Your data at The Ledger$/;
const ERASED_SUBJECT = /^Your data at The Ledger is erased$/;
const REMOVED = 'Comment removed at the author’s request.';
const A_DECADE_AGO = Date.now() - 10 * 365 * 24 * 3600 * 1000;

// Journeys wait for email through retries on a shared, busy machine.
test.describe.configure({ timeout: 150_000 });

/** A reader at an address of their own. */
async function reader(browser: Browser, { javaScript = true } = {}): Promise<Page> {
  const context = await browser.newContext({
    javaScriptEnabled: javaScript,
    acceptDownloads: true,
    extraHTTPHeaders: { 'X-Forwarded-For': uniqueClientIp(9) },
  });
  return context.newPage();
}

async function askForLink(page: Page, email: string) {
  await page.goto('/my-data');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('My data');
  const main = page.getByRole('main');
  await main.getByRole('textbox', { name: 'Email address' }).fill(email);
  await main.getByRole('button', { name: 'Email me a link' }).click();
  await expect(main.getByRole('status')).toHaveText(SENT, { timeout: 15_000 });
}

/** A commenter whose first comment someone answered, with a second comment and a subscription. */
function commenterWithEverything(db: SiteDb) {
  const tag = uniqueTag('mine');
  const email = `${tag}@example.org`;
  const article = openArticle(db, 5);
  const answered = `Answered words ${tag}`;
  const alone = `Lonely words ${tag}`;
  const reply = `A reply from someone else ${tag}`;
  const answeredId = insertComment(db, {
    articleId: article.id,
    authorName: `Owner ${tag}`,
    authorEmail: email,
    body: answered,
    status: 'approved',
    createdAt: A_DECADE_AGO,
  });
  insertComment(db, {
    articleId: article.id,
    authorName: 'Someone Else',
    authorEmail: `other-${tag}@example.org`,
    body: reply,
    status: 'approved',
    parentId: answeredId,
    createdAt: A_DECADE_AGO + 1000,
  });
  insertComment(db, {
    articleId: article.id,
    authorName: `Owner ${tag}`,
    authorEmail: email,
    body: alone,
    status: 'approved',
    createdAt: A_DECADE_AGO + 2000,
  });
  insertComment(db, {
    articleId: article.id,
    authorName: `Owner ${tag}`,
    authorEmail: email,
    body: `Still waiting ${tag}`,
    status: 'pending',
  });
  insertSubscriber(db, { email, status: 'confirmed', consentSource: '/newsletter' });
  invalidateTags(db, [`article:${article.slug}`, 'comment-counts']);
  return { tag, email, article, answered, alone, reply };
}

test('a reader sees, downloads and erases what is held for their address; pages and the dashboard forget it; signing up again is a new double opt-in', async ({
  browser,
  siteDb,
  mailbox,
  settings,
  adminPage,
}) => {
  const r = commenterWithEverything(siteDb);
  const articleUrl = `/articles/${r.article.slug}`;
  const page = await reader(browser);
  await page.goto(articleUrl);
  await expect(page.getByText(r.answered)).toBeVisible();

  await askForLink(page, r.email.toUpperCase());
  const linkEmail = await mailbox.waitForEmail(r.email, { subject: LINK_SUBJECT, timeout: 30_000 });
  const link = linkIn(linkEmail, `${settings.siteUrl}/my-data/open?token=`);

  await test.step('the link opens a page whose button shows the data', async () => {
    await page.goto(link);
    await page.getByRole('button', { name: 'Show my data' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(`What we hold for ${r.email}`);
    const comments = page.getByRole('region', { name: /^Comments/ });
    await expect(comments.getByRole('heading')).toHaveText('Comments (3)');
    await expect(comments.getByText(r.answered)).toBeVisible();
    await expect(comments.getByText('Waiting for a moderator')).toBeVisible();
    const newsletter = page.getByRole('region', { name: 'Newsletter' });
    await expect(newsletter.getByText('Subscribed')).toBeVisible();
    await expect(newsletter.getByText(/with the form on \/newsletter/)).toBeVisible();
    await expect(page.getByRole('region', { name: /^Emails we sent you/ }).getByText('Your data at The Ledger')).toBeVisible();
    expect(await axeViolations(page)).toEqual([]);
  });

  await test.step('Download my data gives one JSON file of all of it', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Download my data' }).click()]);
    const data = JSON.parse(fs.readFileSync((await download.path())!, 'utf8'));
    expect(data.email).toBe(r.email);
    expect(data.comments.map((c: { text: string }) => c.text)).toEqual(expect.arrayContaining([r.answered, r.alone]));
    expect(data.newsletter).toMatchObject({ status: 'confirmed', consent: { source: '/newsletter' } });
    expect(JSON.stringify(data)).not.toContain('ipHash');
  });

  await test.step('Erase my data asks once more, then erases and says what went', async () => {
    await page.getByRole('link', { name: 'Erase my data' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Erase everything we hold for ${r.email}?`);
    await page.getByRole('button', { name: 'Yes, erase my data' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Your data is erased');
    await expect(page.getByRole('status')).toContainText('3 comments');
    await expect(page.getByRole('status')).toContainText('your newsletter subscription');
    const notice = await mailbox.waitForEmail(r.email, { subject: ERASED_SUBJECT, timeout: 30_000 });
    expect(notice.text).toContain('3 comments');
    // The session ended with the erasure.
    await page.goto('/my-data/view');
    await expect(page.getByRole('status')).toContainText('This page opens from the link we email you');
  });

  await test.step('the article shows "removed" where others replied, and nothing else of theirs', async () => {
    const fresh = await reader(browser);
    await expect(async () => {
      await fresh.goto(articleUrl);
      await expect(fresh.getByText(r.answered)).toHaveCount(0, { timeout: 1000 });
    }).toPass({ timeout: 15_000 });
    await expect(fresh.getByText(r.alone)).toHaveCount(0);
    await expect(fresh.getByText(`Owner ${r.tag}`)).toHaveCount(0);
    await expect(fresh.getByText(REMOVED)).toBeVisible();
    await expect(fresh.getByText(r.reply)).toBeVisible();
    await fresh.context().close();
  });

  await test.step('the dashboard holds nothing for the address', async () => {
    expect(commentsByEmail(siteDb, r.email)).toEqual([]);
    await adminPage.goto(`/admin/comments/history?email=${encodeURIComponent(r.email)}`);
    await expect(adminPage.getByText('0 comments, every status')).toBeVisible();
    await adminPage.goto(`/admin/subscribers?q=${encodeURIComponent(r.email)}`);
    await expect(adminPage.getByText(/^0 subscribers/)).toBeVisible();
    await adminPage.goto(`/admin/privacy?email=${encodeURIComponent(r.email)}`);
    await expect(adminPage.getByText('This address was erased at its owner’s request')).toBeVisible();
    // Once the confirmation has gone, the outbox names the address nowhere.
    await expect
      .poll(() => siteDb.select({ id: emailOutbox.id }).from(emailOutbox).where(eq(emailOutbox.recipient, r.email)).all().length, {
        timeout: 30_000,
      })
      .toBe(0);
  });

  await test.step('a new sign-up with the address goes through the double opt-in again', async () => {
    await page.goto('/');
    const box = footerNewsletter(page);
    await box.getByLabel('Email address').fill(r.email);
    await box.getByRole('button', { name: 'Subscribe' }).click();
    await expect(box.getByRole('status')).toHaveText(SUCCESS, { timeout: 15_000 });
    expect(siteDb.select().from(subscribers).where(eq(subscribers.email, r.email)).get()?.status).toBe('pending');
    await page.goto(await confirmationLink(mailbox, settings.siteUrl, r.email));
    await expect(page.getByRole('main').getByText(CONFIRMED)).toBeVisible();
    expect(siteDb.select().from(subscribers).where(eq(subscribers.email, r.email)).get()?.status).toBe('confirmed');
  });
  await page.context().close();
});

test('an unknown address gets the same answer and no email', async ({ browser, siteDb }) => {
  const unknown = `${uniqueTag('stranger')}@example.org`;
  const page = await reader(browser);
  await askForLink(page, unknown);
  const rows = siteDb
    .select({ id: emailOutbox.id })
    .from(emailOutbox)
    .where(or(eq(emailOutbox.recipient, unknown), eq(emailOutbox.recipient, unknown.toLowerCase())))
    .all();
  expect(rows).toEqual([]);
  await page.context().close();
});

test('without JavaScript: the link page changes nothing until its button is pressed, and works once', async ({
  browser,
  siteDb,
  mailbox,
  settings,
}) => {
  const email = `${uniqueTag('nojs')}@example.org`;
  const article = openArticle(siteDb, 6);
  insertComment(siteDb, {
    articleId: article.id,
    authorName: 'No Script',
    authorEmail: email,
    body: `Plain words ${email}`,
    status: 'pending',
  });
  const page = await reader(browser, { javaScript: false });
  await askForLink(page, email);
  const link = linkIn(
    await mailbox.waitForEmail(email, { subject: LINK_SUBJECT, timeout: 30_000 }),
    `${settings.siteUrl}/my-data/open?token=`,
  );

  // A mail scanner fetching the link twice uses nothing up.
  for (let i = 0; i < 2; i++) expect((await page.request.get(link)).status()).toBe(200);
  await page.goto(link);
  await page.getByRole('button', { name: 'Show my data' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`What we hold for ${email}`);
  await expect(page.getByText(`Plain words ${email}`)).toBeVisible();

  const other = await reader(browser, { javaScript: false });
  await other.goto(link);
  await expect(other.getByRole('heading', { level: 1 })).toHaveText('This link has been used');
  // Another browser, without the session, sees nothing.
  await other.goto('/my-data/view');
  await expect(other.getByText(`Plain words ${email}`)).toHaveCount(0);
  expect((await other.request.get('/my-data/export')).status()).toBe(403);

  await page.getByRole('button', { name: 'Close' }).click();
  await expect(page.getByRole('main').getByText(/^Closed\. Nobody using this browser/)).toBeVisible();
  await page.goto('/my-data/view');
  await expect(page.getByText(`Plain words ${email}`)).toHaveCount(0);
  await page.context().close();
  await other.context().close();
});
