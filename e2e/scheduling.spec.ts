import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { and, eq, like } from 'drizzle-orm';
import { moderationLog } from '../db/schema';
import { fromZonedInput, toZonedInput } from '../lib/articles/editorial-rules';
import type { SiteDb } from '../test/support/site-db';
import { articleRow, newsroomSeedChoices, uniqueTag } from './support/admin-data';
import { expect } from './support/fixtures';
import { editorFields, editorMessage, editorState, fillArticle, openNewArticle, savedArticleId } from './support/newsroom';
import { ownSiteTest } from './support/own-site';

// Scheduled publishing, on a site of this spec's own whose clock the test moves: the server reads
// "now" for publishing from TEST_CLOCK_FILE (lib/site/clock.ts), so an article scheduled for
// tomorrow 09:00 goes live as soon as the file says it is 09:00:30, without waiting a day and
// without a restart. Every server process runs the publishing sweep every 500 ms (MAIL_SWEEP_MS).

const ZONE = 'Europe/London';

/** The newsroom's clock on this site: TEST_CLOCK_FILE, which the test moves. */
interface Clock {
  /** The clock file's time once a test has set it, else the real time. */
  now(): Date;
  set(at: Date): void;
}

const test = ownSiteTest('scheduling', { env: (dir) => ({ TEST_CLOCK_FILE: path.join(dir, 'clock') }) }).extend<object, { clock: Clock }>({
  clock: [
    async ({ ownSite }, provide) => {
      const file = path.join(ownSite.dir, 'clock');
      await provide({
        now: () => (fs.existsSync(file) ? new Date(fs.readFileSync(file, 'utf8').trim()) : new Date()),
        set: (at) => fs.writeFileSync(file, at.toISOString()),
      });
    },
    { scope: 'worker' },
  ],
});

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
async function writeArticle(page: Page, db: SiteDb, title: string) {
  const { section, authors } = newsroomSeedChoices(db);
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
async function schedule(page: Page, db: SiteDb, at: string) {
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
  return { id, slug: articleRow(db, id)!.slug };
}

/** The schedule's log rows for an article: one per publication. */
const publications = (db: SiteDb, slug: string) =>
  db
    .select({ actor: moderationLog.actor, detail: moderationLog.detail })
    .from(moderationLog)
    .where(and(eq(moderationLog.action, 'article-publish'), like(moderationLog.detail, `%(/articles/${slug}, %`)))
    .all();

test('an article scheduled for tomorrow 09:00 is refused a past time, stays hidden, and goes live when the clock reaches it', async ({
  editorPage: page,
  page: readerPage,
  siteDb,
  clock,
}) => {
  test.setTimeout(90_000);
  const tag = uniqueTag('embargo');
  const title = `Budget released at nine ${tag}`;
  const f = editorFields(page);

  await test.step('a time in the past is refused', async () => {
    await writeArticle(page, siteDb, title);
    await f.scheduleAt.fill(toZonedInput(new Date(clock.now().getTime() - 3600_000), ZONE));
    await f.button('Schedule').click();
    await expect(editorMessage(page)).toHaveText('That time has passed: choose a time in the future, or Publish now.');
    await expect(f.scheduleAt).toHaveAttribute('aria-invalid', 'true');
    await expect(page).toHaveURL('/admin/articles/new');
  });

  const at = nineNextMorning(clock.now());
  const { slug } = await schedule(page, siteDb, at);
  const main = readerPage.getByRole('main');

  await test.step('readers cannot see it before its time', async () => {
    await readerPage.goto('/');
    await expect(main.getByRole('article').first()).toBeVisible();
    await expect(main.getByRole('link', { name: title })).toHaveCount(0);
    expect((await readerPage.request.get(`/articles/${slug}`)).status()).toBe(404);
    // The editors see it waiting.
    await page.goto('/admin/articles?tab=scheduled');
    await expect(page.getByRole('link', { name: title })).toBeVisible();
  });

  await test.step('when the clock reaches it, it is on the front page and at its address, without a restart', async () => {
    clock.set(new Date(instant(at).getTime() + 30_000));
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
  expect(publications(siteDb, slug)).toEqual([{ actor: 'schedule', detail: expect.stringContaining('as scheduled') }]);
});

test('two server processes on one database publish a scheduled article exactly once', async ({
  editorPage: page,
  siteDb,
  ownSite,
  clock,
}) => {
  test.setTimeout(180_000);
  const second = await ownSite.startAnother();
  try {
    const title = `Report released once ${uniqueTag('once')}`;
    const at = nineNextMorning(clock.now());
    await writeArticle(page, siteDb, title);
    const { id, slug } = await schedule(page, siteDb, at);

    clock.set(new Date(instant(at).getTime() + 30_000));
    // Both servers answer with it once either has published it (each reads the same database).
    for (const baseUrl of [ownSite.server.baseUrl, second.baseUrl]) {
      await expect.poll(async () => (await fetch(`${baseUrl}/articles/${slug}`)).status, { timeout: 5_000, intervals: [250] }).toBe(200);
    }
    expect(articleRow(siteDb, id)!.status).toBe('published');
    // Each server has swept several times since (every 500 ms): still one publication.
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    expect(publications(siteDb, slug)).toEqual([{ actor: 'schedule', detail: expect.stringContaining('as scheduled') }]);
  } finally {
    await second.stop();
  }
});
