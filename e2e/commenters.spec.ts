import { createHash, randomBytes } from 'node:crypto';
import type { Browser, BrowserContext } from '@playwright/test';
import { and, eq } from 'drizzle-orm';
import { commenterCredentials, commenters, comments, emailOutbox, replyNotifications } from '../db/schema';
import { uniqueClientIp } from '../test/support/client-ip';
import { invalidateTags, type SiteDb } from '../test/support/site-db';
import { insertComment, openArticle, uniqueTag } from './support/admin-data';
import { CommentForm, commentWith, eventually, moderate, SUCCESS_MESSAGE } from './support/comments';
import { expect, test } from './support/fixtures';
import { linkIn } from './support/mailbox';

// Commenters who prove their address from a browser: the confirmation, reply notifications with
// one-click unsubscribe, trust that publishes at once, and what spam takes away. Setting up a
// proven, trusted commenter goes straight to the database (a credential and its cookie) where the
// test is about something else; the first test walks the real confirmation.

const CONFIRM_SUBJECT = /^Confirm your email for The Ledger's comments$/;
const REPLY_SUBJECT = /replied to your comment on “/;
const PUBLISHED = 'Thank you. Your comment is published.';
const A_DECADE_AGO = Date.now() - 10 * 365 * 24 * 3600 * 1000;

test.describe.configure({ timeout: 150_000 });

async function reader(browser: Browser, { javaScript = true } = {}): Promise<BrowserContext> {
  return browser.newContext({ javaScriptEnabled: javaScript, extraHTTPHeaders: { 'X-Forwarded-For': uniqueClientIp(11) } });
}

/** A proven address with `approved` approved comments, and a browser context holding its credential. */
async function provenCommenter(browser: Browser, db: SiteDb, settings: { siteUrl: string }, { approved = 0, articleId = 0 } = {}) {
  const email = `${uniqueTag('proven')}@example.org`;
  const name = `Regular ${uniqueTag('name')}`;
  const commenterId = db.insert(commenters).values({ email, name, provenAt: new Date() }).returning({ id: commenters.id }).get().id;
  const credential = randomBytes(32).toString('base64url');
  db.insert(commenterCredentials)
    .values({ commenterId, tokenHash: createHash('sha256').update(credential).digest('hex') })
    .run();
  for (let i = 0; i < approved; i++)
    insertComment(db, {
      articleId,
      authorName: name,
      authorEmail: email,
      body: `Earlier approved ${i} ${email}`,
      status: 'approved',
      createdAt: A_DECADE_AGO,
    });
  const context = await reader(browser);
  await context.addCookies([{ name: 'ledger_commenter', value: credential, url: settings.siteUrl, httpOnly: true }]);
  return { email, name, commenterId, context, credential };
}

test('a commenter ticks "Email me when someone replies", confirms from the email, and the form then knows them; another browser with the same address is still moderated', async ({
  browser,
  siteDb,
  mailbox,
  settings,
}) => {
  const article = openArticle(siteDb, 9);
  const url = `/articles/${article.slug}`;
  const email = `${uniqueTag('asks')}@example.org`;
  const context = await reader(browser);
  const page = await context.newPage();
  const form = new CommentForm(page);
  await form.open(url);
  await form.fill({ name: 'Asking Reader', email, body: `Will anyone answer? ${email}` });
  await form.form.getByRole('checkbox', { name: 'Email me when someone replies' }).check();
  await form.post();
  await expect(form.status).toHaveText(SUCCESS_MESSAGE);
  expect(siteDb.select({ notify: comments.notifyReplies }).from(comments).where(eq(comments.authorEmail, email)).get()?.notify).toBe(true);

  const confirmation = await mailbox.waitForEmail(email, { subject: CONFIRM_SUBJECT, timeout: 30_000 });
  const link = linkIn(confirmation, `${settings.siteUrl}/comments/confirm?token=`);
  // A mail scanner opening the link proves nothing.
  expect((await page.request.get(link)).status()).toBe(200);
  expect(siteDb.select().from(commenters).where(eq(commenters.email, email)).get()?.provenAt).toBeNull();
  await page.goto(link);
  await page.getByRole('button', { name: 'Confirm my email' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Your email is confirmed');

  await form.open(url);
  await expect(form.form.getByText(`Commenting as Asking Reader (${email}, confirmed).`)).toBeVisible();
  await expect(form.email).toHaveCount(0);

  // The same address from a browser that never confirmed it: moderated, and told nothing.
  const other = await reader(browser);
  const otherForm = new CommentForm(await other.newPage());
  await otherForm.open(url);
  await expect(otherForm.form.getByText('Commenting as')).toHaveCount(0);
  await otherForm.send({ name: 'Impostor', email, body: `Pretending to be them ${email}` });
  await expect(otherForm.status).toHaveText(SUCCESS_MESSAGE);
  expect(siteDb.select({ status: comments.status }).from(comments).where(eq(comments.authorName, 'Impostor')).all().at(-1)?.status).toBe(
    'pending',
  );

  // "Not you?" forgets the address in this browser.
  await form.form.getByRole('button', { name: 'Not you?' }).click();
  await expect(form.email).toBeVisible();
  await form.open(url);
  await expect(form.form.getByText('Commenting as')).toHaveCount(0);
  await context.close();
  await other.close();
});

test('a reply approved by a moderator sends its author one email with a working one-click unsubscribe; pending and spam replies send none', async ({
  browser,
  siteDb,
  mailbox,
  settings,
}) => {
  const article = openArticle(siteDb, 10);
  const author = await provenCommenter(browser, siteDb, settings);
  const parent = insertComment(siteDb, {
    articleId: article.id,
    authorName: author.name,
    authorEmail: author.email,
    body: `Question ${author.email}`,
    status: 'approved',
    createdAt: A_DECADE_AGO,
  });
  siteDb.update(comments).set({ notifyReplies: true }).where(eq(comments.id, parent)).run();
  const reply = (text: string) =>
    insertComment(siteDb, {
      articleId: article.id,
      authorName: 'Helpful Reader',
      authorEmail: `${uniqueTag('helper')}@example.org`,
      body: text,
      parentId: parent,
    });

  const approved = reply(`The answer ${author.email}`);
  const pending = reply(`Not yet approved ${author.email}`);
  const spam = reply(`Spammy ${author.email}`);
  await moderate(settings, 'spam', [spam]);
  await moderate(settings, 'approve', [approved]);

  const email = await mailbox.waitForEmail(author.email, { subject: REPLY_SUBJECT, timeout: 30_000 });
  expect(email.text).toContain(`The answer ${author.email}`);
  expect(email.text).toContain(`/articles/${article.slug}#comment-${approved}`);
  const header = email.headers?.['List-Unsubscribe'] ?? '';
  const oneClick = /<(https?:\/\/[^>]+)>/.exec(header)?.[1] ?? '';
  expect(oneClick).toContain('/api/comments/unsubscribe?what=thread');
  expect(siteDb.select().from(replyNotifications).where(eq(replyNotifications.replyId, pending)).all()).toEqual([]);
  expect(siteDb.select().from(replyNotifications).where(eq(replyNotifications.replyId, spam)).all()).toEqual([]);

  // RFC 8058: a POST with List-Unsubscribe=One-Click, no cookie.
  const context = await reader(browser);
  const answer = await context.request.post(oneClick.replace(new URL(oneClick).origin, settings.siteUrl), {
    form: { 'List-Unsubscribe': 'One-Click' },
  });
  expect(answer.status()).toBe(200);
  expect(siteDb.select({ notify: comments.notifyReplies }).from(comments).where(eq(comments.id, parent)).get()?.notify).toBe(false);
  await moderate(settings, 'approve', [pending]);
  expect(siteDb.select().from(replyNotifications).where(eq(replyNotifications.replyId, pending)).all()).toEqual([]);
  // One email in all.
  expect((await mailbox.emails(author.email)).filter((e) => REPLY_SUBJECT.test(e.subject))).toHaveLength(1);
  await context.close();
  await author.context.close();
});

test('a trusted commenter’s comment is public at once to another reader; spam by a moderator takes the trust and the credential away', async ({
  browser,
  siteDb,
  settings,
  staffPage,
}) => {
  const article = openArticle(siteDb, 11);
  const url = `/articles/${article.slug}`;
  const trusted = await provenCommenter(browser, siteDb, settings, { approved: 2, articleId: article.id });
  invalidateTags(siteDb, [`article:${article.slug}`, 'comment-counts']);
  const page = await trusted.context.newPage();
  const form = new CommentForm(page);
  await form.open(url);
  await expect(form.form.getByText(`Commenting as ${trusted.name} (${trusted.email}, confirmed).`)).toBeVisible();
  const text = `Published at once ${trusted.email}`;
  // The name comes from the credential's last use; the address is the credential's.
  await expect(form.name).toHaveValue(trusted.name);
  await form.body.fill(text);
  await form.post();
  await expect(form.status).toHaveText(PUBLISHED);
  const id = siteDb
    .select({ id: comments.id })
    .from(comments)
    .where(and(eq(comments.authorEmail, trusted.email), eq(comments.body, text)))
    .get()!.id;

  const stranger = await reader(browser);
  const strangerPage = await stranger.newPage();
  await eventually(strangerPage, url, async () => {
    await expect(commentWith(strangerPage, text)).toBeVisible({ timeout: 1000 });
  });

  await staffPage.goto(`/admin/comments/history?email=${encodeURIComponent(trusted.email)}`);
  await expect(staffPage.getByText('Trusted: comments from a browser holding its credential are published at once.')).toBeVisible();
  await expect(staffPage.getByText('published by trust')).toBeVisible();

  await moderate(settings, 'spam', [id]);
  await eventually(strangerPage, url, async () => {
    await expect(commentWith(strangerPage, text)).toHaveCount(0, { timeout: 1000 });
  });
  expect(
    siteDb
      .select()
      .from(commenterCredentials)
      .where(eq(commenterCredentials.commenterId, trusted.commenterId))
      .all()
      .every((c) => c.revokedAt),
  ).toBe(true);
  await staffPage.reload();
  await expect(staffPage.getByText(/Moderated: 2 approved of the 2 that earn trust, and 1 spam or trashed in 90 days\./)).toBeVisible();

  // The browser still holding the revoked credential (from a new address, past the flood rule)
  // now posts like anyone else.
  const same = await reader(browser);
  await same.addCookies([{ name: 'ledger_commenter', value: trusted.credential, url: settings.siteUrl, httpOnly: true }]);
  const again = new CommentForm(await same.newPage());
  await again.open(url);
  await expect(again.form.getByText('Commenting as')).toHaveCount(0);
  await again.send({ name: trusted.name, email: trusted.email, body: `After the spam ${trusted.email}` });
  await expect(again.status).toHaveText(SUCCESS_MESSAGE);
  await same.close();
  await stranger.close();
  await trusted.context.close();
});

test('without JavaScript the form posts the reply box too, and the confirmation email goes', async ({ browser, siteDb, mailbox }) => {
  const article = openArticle(siteDb, 12);
  const email = `${uniqueTag('nojs-notify')}@example.org`;
  const context = await reader(browser, { javaScript: false });
  const form = new CommentForm(await context.newPage(), { javaScript: false });
  await form.open(`/articles/${article.slug}`);
  await form.fill({ name: 'Plain Reader', email, body: `No script here ${email}` });
  await form.form.getByRole('checkbox', { name: 'Email me when someone replies' }).check();
  await form.post();
  await expect(form.page).toHaveURL(/\/comment-received$/);
  expect(siteDb.select({ notify: comments.notifyReplies }).from(comments).where(eq(comments.authorEmail, email)).get()?.notify).toBe(true);
  await mailbox.waitForEmail(email, { subject: CONFIRM_SUBJECT, timeout: 30_000 });
  expect(
    siteDb
      .select()
      .from(emailOutbox)
      .where(and(eq(emailOutbox.recipient, email), eq(emailOutbox.kind, 'commenter_confirm')))
      .all(),
  ).toHaveLength(1);
  await context.close();
});
