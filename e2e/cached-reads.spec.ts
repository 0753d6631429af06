import { eq } from 'drizzle-orm';
import { articles } from '../db/schema';
import { invalidateTags } from '../test/support/site-db';
import { insertArticle, insertComment, uniqueTag } from './support/admin-data';
import { builtActions, isCachedRead } from './support/admin-surface';
import { expect, test } from './support/fixtures';
import { expectNoInternals } from './support/responses';
import { callServerFunction } from './support/server-actions';

// Next lets anyone who has a `'use cache'` function's id call it as a server function, with any
// arguments (README, "How it works"). Here the comment thread's cached read is called that way,
// as an attacker would, against the built site: it answers what the article page shows, and
// nothing once the article is taken down, whatever it is asked.

test('the cached comment thread, called directly, answers only for a live article', async ({ settings, siteDb }) => {
  const reads = builtActions().filter((a) => isCachedRead(a) && a.file === 'lib/comments/queries.ts');
  expect(reads, 'lib/comments/queries.ts has one cached read, the public thread').toHaveLength(1);
  const [thread] = reads;
  expect(thread!.workers).toContain('app/(site)/articles/[slug]/page');

  const tag = uniqueTag('cached-read');
  const slug = `cached-read-${tag}`;
  const articleId = insertArticle(siteDb, {
    title: `Cached read ${tag}`,
    slug,
    status: 'published',
    publishedAt: new Date(Date.now() - 60_000),
    commentsOpen: true,
  });
  const body = `A published remark ${tag}`;
  insertComment(siteDb, { articleId, authorName: 'Reader', authorEmail: `${tag}@example.net`, body, status: 'approved' });
  const call = (args: unknown[]) => callServerFunction(settings.siteUrl, `/articles/${slug}`, thread!.id, args);

  // Live: the same thread the page shows (so the checks below could see a leak).
  const live = await call([{ slug, page: 1 }]);
  expect(live.status).toBe(200);
  expect(live.body).toContain(body);

  // Taken down, as the editor's Unpublish does it: the row changes and the article's tag is invalidated.
  siteDb.update(articles).set({ status: 'unpublished' }).where(eq(articles.id, articleId)).run();
  invalidateTags(siteDb, [`article:${slug}`]);
  await new Promise((resolve) => setTimeout(resolve, 1_500));
  const gone = await call([{ slug, page: 1 }]);
  expect(gone.status).toBe(200);
  expect(gone.body).not.toContain(body);

  // Arguments no page sends: no rows, no error, no internals.
  for (const args of [[{ slug: 'x'.repeat(400), page: 1 }], [{ slug, page: -1 }], [{ slug: '../admin', page: 1e12 }]]) {
    const odd = await call(args);
    expect(odd.status, JSON.stringify(args).slice(0, 60)).toBe(200);
    expect(odd.body).not.toContain(body);
    expectNoInternals(odd.body, `the thread read called with ${JSON.stringify(args).slice(0, 60)}`);
  }
});
