import { and, eq } from 'drizzle-orm';
import type { Browser, Page } from '@playwright/test';
import { commentReports } from '../db/schema';
import { uniqueClientIp } from '../test/support/client-ip';
import { invalidateTags, type SiteDb } from '../test/support/site-db';
import { commentStatus, insertComment, openArticle, uniqueTag } from './support/admin-data';
import { expect, test } from './support/fixtures';

// Readers report a comment to the moderators, with JavaScript and without; enough reports from
// different readers take it off the article until a moderator restores it.

const THANKS = 'Thank you. A moderator will look at it.';
const A_DECADE_AGO = Date.now() - 10 * 365 * 24 * 3600 * 1000;

/** An approved comment, dated first in the thread so it is on the article's first page. */
function publishedComment(db: SiteDb, pick: number, text: string) {
  const article = openArticle(db, pick);
  const id = insertComment(db, {
    articleId: article.id,
    authorName: 'Reported Reader',
    authorEmail: `${uniqueTag('reported')}@example.org`,
    body: text,
    status: 'approved',
    createdAt: A_DECADE_AGO,
  });
  invalidateTags(db, [`article:${article.slug}`, 'comment-counts']);
  return { id, article };
}

const reportsOf = (db: SiteDb, id: number) =>
  db
    .select({ reason: commentReports.reason, note: commentReports.note })
    .from(commentReports)
    .where(eq(commentReports.commentId, id))
    .orderBy(commentReports.id)
    .all();

/** A reader at an address of their own, with or without JavaScript. */
async function reader(browser: Browser, { javaScript = true } = {}): Promise<Page> {
  const context = await browser.newContext({ javaScriptEnabled: javaScript, extraHTTPHeaders: { 'X-Forwarded-For': uniqueClientIp(7) } });
  return context.newPage();
}

async function sendReport(page: Page, reason: string, note = '') {
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Report a comment');
  await page.getByRole('radio', { name: reason }).check();
  if (note) await page.getByRole('textbox', { name: /Anything a moderator should know/ }).fill(note);
  await page.getByRole('button', { name: 'Send report' }).click();
  await expect(page.getByRole('status')).toContainText(THANKS);
}

test('a reader reports a comment from the article, with JavaScript and without; a reason is required', async ({ browser, siteDb }) => {
  const text = `Report me ${uniqueTag('report')}`;
  const { id, article } = publishedComment(siteDb, 3, text);

  const withScript = await reader(browser);
  await expect(async () => {
    await withScript.goto(`/articles/${article.slug}`);
    await expect(withScript.getByText(text)).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 15_000 });
  await withScript.getByRole('link', { name: 'Report the comment by Reported Reader' }).first().click();
  await expect(withScript).toHaveURL(new RegExp(`/articles/${article.slug}/report/${id}$`));
  await expect(withScript.getByText(text)).toBeVisible();
  await sendReport(withScript, 'Abuse or harassment', 'It names my neighbour.');
  expect(reportsOf(siteDb, id)).toEqual([{ reason: 'abuse', note: 'It names my neighbour.' }]);

  // Without JavaScript: the same page posts as a plain form and answers on the page.
  const plain = await reader(browser, { javaScript: false });
  await plain.goto(`/articles/${article.slug}/report/${id}`);
  await plain.getByRole('textbox', { name: /Anything a moderator should know/ }).fill('Kept when I forget the reason.');
  await plain.getByRole('button', { name: 'Send report' }).click();
  await expect(plain.getByText('Choose why you are reporting this comment.')).toBeVisible();
  await expect(plain.getByRole('textbox', { name: /Anything a moderator should know/ })).toHaveValue('Kept when I forget the reason.');
  await sendReport(plain, 'Spam');
  expect(reportsOf(siteDb, id).map((r) => r.reason)).toEqual(['abuse', 'spam']);
  // Two reports: still on the article.
  expect(commentStatus(siteDb, id)).toBe('approved');

  // Reporting again from the same browser is thanked and not counted twice.
  await withScript.goto(`/articles/${article.slug}/report/${id}`);
  await sendReport(withScript, 'Off topic');
  expect(reportsOf(siteDb, id)).toHaveLength(2);
  await withScript.context().close();
  await plain.context().close();
});

test('three readers’ reports take a comment off the article; a moderator sees why and restores it', async ({
  browser,
  siteDb,
  staffPage,
}) => {
  const text = `Take me down ${uniqueTag('report')}`;
  const { id, article } = publishedComment(siteDb, 7, text);
  for (const reason of ['Spam', 'Personal information', 'Other']) {
    const page = await reader(browser);
    await page.goto(`/articles/${article.slug}/report/${id}`);
    await sendReport(page, reason, reason === 'Other' ? 'Please look at this one.' : '');
    await page.context().close();
  }
  expect(commentStatus(siteDb, id)).toBe('reported');

  const fresh = await reader(browser);
  await expect(async () => {
    await fresh.goto(`/articles/${article.slug}`);
    await expect(fresh.getByText(text)).toHaveCount(0, { timeout: 500 });
  }).toPass({ timeout: 5_000 });

  await staffPage.goto('/admin');
  await expect(staffPage.getByRole('link', { name: /taken down by reports/ })).toHaveText(/^[1-9]\d*\s*taken down by reports$/);
  await staffPage.goto('/admin/comments?status=reported');
  const row = staffPage
    .locator('tr[data-comment-row]')
    .filter({ has: staffPage.getByRole('checkbox', { name: new RegExp(`^Select comment ${id} by`) }) });
  await expect(row).toContainText('Reported by readers 3 times: taken off the article until you restore or remove it');
  await expect(row).toContainText('Personal information');
  await expect(row).toContainText('Other: “Please look at this one.”');
  await row.getByRole('button', { name: 'Restore' }).click();
  await expect(staffPage.getByRole('main').locator('.flash').getByRole('status')).toHaveText('Approved: 1 comment.');
  expect(commentStatus(siteDb, id)).toBe('approved');
  expect(
    siteDb
      .select()
      .from(commentReports)
      .where(and(eq(commentReports.commentId, id)))
      .all()
      .every((r) => r.dismissedAt !== null),
  ).toBe(true);

  await expect(async () => {
    await fresh.goto(`/articles/${article.slug}`);
    await expect(fresh.getByText(text)).toBeVisible({ timeout: 500 });
  }).toPass({ timeout: 5_000 });
  await fresh.context().close();
});
