import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from '@playwright/test';
import { and, eq, like } from 'drizzle-orm';
import { moderationLog } from '../db/schema';
import { fromZonedInput, toZonedInput } from '../lib/articles/editorial-rules';
import { openSiteDb, type SiteDb } from '../test/support/site-db';
import { addStaffMember, createSession } from '../test/support/site-data';
import { articleRow, uniqueTag } from './support/admin-data';
import { e2eSettings } from './support/env';
import { expect, test as base } from './support/fixtures';
import {
  editorFields,
  editorMessage,
  editorState,
  fillArticle,
  newsroomSeedChoices,
  openNewArticle,
  savedArticleId,
} from './support/newsroom';
import { startOwnSite, type OwnSite } from './support/own-site';
import { addSessionCookie } from './support/staff';

// Scheduled publishing, on a site of this spec's own whose clock the test moves: the server reads
// "now" for publishing from TEST_CLOCK_FILE (lib/site/clock.ts), so an article scheduled for
// tomorrow 09:00 goes live as soon as the file says it is 09:00:30, without waiting a day and
// without a restart. Every server process runs the publishing sweep every 500 ms (MAIL_SWEEP_MS).

const ZONE = 'Europe/London';

interface Site extends OwnSite {
  db: SiteDb;
  clockFile: string;
  /** The newsroom's "now": the clock file's time once a test has set it, else the real time. */
  now(): Date;
  setClock(at: Date): void;
}

const test = base.extend<{ serverLog: void }, { site: Site }>({
  site: [
    async ({}, provide) => {
      const own = await startOwnSite('scheduling', e2eSettings(), { env: (dir) => ({ TEST_CLOCK_FILE: path.join(dir, 'clock') }) });
      const clockFile = path.join(own.dir, 'clock');
      const db = openSiteDb(own.settings.databasePath);
      await provide({
        ...own,
        db,
        clockFile,
        now: () => (fs.existsSync(clockFile) ? new Date(fs.readFileSync(clockFile, 'utf8').trim()) : new Date()),
        setClock: (at) => fs.writeFileSync(clockFile, at.toISOString()),
      });
      db.$client.close();
      await own.stop();
    },
    { scope: 'worker', timeout: 180_000 },
  ],
  baseURL: async ({ site }, provide) => provide(site.settings.siteUrl),
  serverLog: [
    async ({ site }, provide, testInfo) => {
      await provide();
      if (testInfo.status !== testInfo.expectedStatus) {
        for (const log of fs.readdirSync(site.dir).filter((f) => f.endsWith('.log')))
          await testInfo.attach(log, { path: path.join(site.dir, log) });
      }
    },
    { auto: true },
  ],
});

/** A browser signed in as an editor of the spec's site, with a database session. */
async function editorOf(browser: Browser, site: Site): Promise<Page> {
  const email = `${uniqueTag('scheduler')}@ledger.example`;
  const token = createSession(site.db, addStaffMember(site.db, email, 'editor'));
  const context = await browser.newContext();
  await addSessionCookie(context, site.settings, token);
  return context.newPage();
}

/** 09:00 in London on the day after `from` (in London), as the editor's datetime field takes it. */
function nineNextMorning(from: Date): string {
  return `${toZonedInput(new Date(from.getTime() + 24 * 3600_000), ZONE).slice(0, 10)}T09:00`;
}

function instant(wallClock: string): Date {
  const parsed = fromZonedInput(wallClock, ZONE);
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.at;
}

/** Opens a new article and writes it, ready to schedule. */
async function writeArticle(page: Page, site: Site, title: string) {
  const { section, authors } = newsroomSeedChoices(site.db);
  await openNewArticle(page);
  await fillArticle(page, {
    title,
    summary: 'Released at nine.',
    body: 'The embargo lifts at nine in the morning.',
    sectionName: section.name,
    authorNames: [authors[0].name],
    tags: 'Embargoes',
  });
}

/** Schedules the open article for `at` (wall clock in London); returns its id and slug. */
async function schedule(page: Page, site: Site, at: string) {
  const f = editorFields(page);
  await f.scheduleAt.fill(at);
  await f.button('Schedule').click();
  // "7 December 2026 at 09:00 GMT": the day asked for, at nine, London time.
  const when = new Intl.DateTimeFormat('en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZone: ZONE,
    timeZoneName: 'short',
  }).format(instant(at));
  expect(when).toMatch(new RegExp(`^${Number(at.slice(8, 10))} \\w+ ${at.slice(0, 4)}\\D+09:00 (GMT|BST)$`));
  await expect(editorMessage(page)).toHaveText(`Scheduled for ${when}.`);
  await expect(editorState(page)).toContainText(`Scheduled for ${at.replace('T', ' ')} (${ZONE})`);
  const id = await savedArticleId(page);
  return { id, slug: articleRow(site.db, id)!.slug };
}

/** The schedule's log rows for an article: one per publication. */
const publications = (db: SiteDb, slug: string) =>
  db
    .select({ actor: moderationLog.actor, detail: moderationLog.detail })
    .from(moderationLog)
    .where(and(eq(moderationLog.action, 'article-publish'), like(moderationLog.detail, `%(/articles/${slug}, %`)))
    .all();

test('an article scheduled for tomorrow 09:00 is refused a past time, stays hidden, and goes live when the clock reaches it', async ({
  browser,
  site,
}) => {
  test.setTimeout(90_000);
  const page = await editorOf(browser, site);
  const tag = uniqueTag('embargo');
  const title = `Budget released at nine ${tag}`;
  const f = editorFields(page);

  await test.step('a time in the past is refused', async () => {
    await writeArticle(page, site, title);
    await f.scheduleAt.fill(toZonedInput(new Date(site.now().getTime() - 3600_000), ZONE));
    await f.button('Schedule').click();
    await expect(editorMessage(page)).toHaveText('That time has passed: choose a time in the future, or Publish now.');
    await expect(f.scheduleAt).toHaveAttribute('aria-invalid', 'true');
    await expect(page).toHaveURL('/admin/articles/new');
  });

  const at = nineNextMorning(site.now());
  const { slug } = await schedule(page, site, at);
  const reader = await browser.newContext();
  const readerPage = await reader.newPage();
  const main = readerPage.getByRole('main');

  await test.step('readers cannot see it before its time', async () => {
    await readerPage.goto('/');
    await expect(main.getByRole('article').first()).toBeVisible();
    await expect(main.getByRole('link', { name: title })).toHaveCount(0);
    expect((await reader.request.get(`/articles/${slug}`)).status()).toBe(404);
    // The editors see it waiting.
    await page.goto('/admin/articles?tab=scheduled');
    await expect(page.getByRole('link', { name: title })).toBeVisible();
  });

  await test.step('when the clock reaches it, it is on the front page and at its address, without a restart', async () => {
    site.setClock(new Date(instant(at).getTime() + 30_000));
    await expect(async () => {
      await readerPage.goto('/');
      await expect(main.getByRole('article').first().getByRole('heading')).toHaveText(title, { timeout: 500 });
    }).toPass({ timeout: 5_000, intervals: [250, 500] });
    const response = await readerPage.goto(`/articles/${slug}`);
    expect(response?.status()).toBe(200);
    await expect(main.getByRole('heading', { level: 1 })).toHaveText(title);
    // Published at the time it was scheduled for, not when the sweep noticed.
    await expect(main.locator('.article__meta time').first()).toHaveAttribute('datetime', instant(at).toISOString());
  });
  expect(publications(site.db, slug)).toEqual([{ actor: 'schedule', detail: expect.stringContaining('as scheduled') }]);
  await reader.close();
  await page.context().close();
});

test('two server processes on one database publish a scheduled article exactly once', async ({ browser, site }) => {
  test.setTimeout(180_000);
  const second = await site.startAnother();
  try {
    const page = await editorOf(browser, site);
    const title = `Report released once ${uniqueTag('once')}`;
    const at = nineNextMorning(site.now());
    await writeArticle(page, site, title);
    const { id, slug } = await schedule(page, site, at);
    await page.context().close();

    site.setClock(new Date(instant(at).getTime() + 30_000));
    // Both servers answer with it once either has published it (each reads the same database).
    for (const baseUrl of [site.server.baseUrl, second.baseUrl]) {
      await expect.poll(async () => (await fetch(`${baseUrl}/articles/${slug}`)).status, { timeout: 5_000, intervals: [250] }).toBe(200);
    }
    expect(articleRow(site.db, id)!.status).toBe('published');
    // Each server has swept several times since (every 500 ms): still one publication.
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    expect(publications(site.db, slug)).toEqual([{ actor: 'schedule', detail: expect.stringContaining('as scheduled') }]);
  } finally {
    await second.stop();
  }
});
