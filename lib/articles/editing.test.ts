import { and, desc, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/db';
import { migrateDatabase } from '@/db/migrate';
import { articles, authors, media, moderationLog, sections, slugRedirects } from '@/db/schema';
import { seedDatabaseIfEmpty } from '@/db/seed';
import { listRevisions } from './admin-queries';
import { articleFormSchema, parseTagNames, restoreRevision, saveArticle, type ArticleForm } from './editing';
import { getArticleBySlug, getFrontPage, getTagPage, isLive } from './queries';
import { findMovedArticle } from './moved';
import { publishDueArticles } from './schedule';

const jo = { email: 'jo@ledger.example', name: 'Jo Editor' };
const sam = { email: 'sam@ledger.example', name: null };
let sectionId = 0;
let authorIds: number[] = [];
let counter = 0;

function form(fields: Partial<Record<string, string | string[]>>): ArticleForm {
  const title = `Test story ${++counter}`;
  const parsed = articleFormSchema.safeParse({
    id: '',
    version: '0',
    intent: 'save',
    title,
    summary: 'A standfirst.',
    slug: '',
    sectionId: String(sectionId),
    tags: 'Testing, Council budgets',
    authorIds: authorIds.map(String),
    body: 'The **body** of the story.',
    imageAlt: '',
    commentsOpen: 'on',
    ...fields,
  });
  if (!parsed.success) throw new Error(JSON.stringify(parsed.error.issues));
  return parsed.data;
}

function saved(result: ReturnType<typeof saveArticle>) {
  if (!result.ok) throw new Error(result.message);
  return result;
}

const row = (id: number) => getDb().select().from(articles).where(eq(articles.id, id)).get()!;
const live = (id: number) =>
  Boolean(
    getDb()
      .select({ id: articles.id })
      .from(articles)
      .where(and(eq(articles.id, id), isLive()))
      .get(),
  );

beforeAll(() => {
  migrateDatabase();
  seedDatabaseIfEmpty();
  sectionId = getDb().select({ id: sections.id }).from(sections).get()!.id;
  authorIds = getDb()
    .select({ id: authors.id })
    .from(authors)
    .limit(2)
    .all()
    .map((a) => a.id);
});

describe('saving and publishing', () => {
  it('saves a draft with a slug made from the title, readers do not see it', async () => {
    const draft = saved(saveArticle(form({ title: 'Councils buy AI: what £2m bought' }), jo));
    expect(draft.status).toBe('draft');
    expect(draft.slug).toBe('councils-buy-ai-what-2m-bought');
    expect(live(draft.id)).toBe(false);
    expect(await getArticleBySlug({ slug: draft.slug })).toBeNull();
  });

  it('publishes: live at once on the article, front page and its tags, with both bylines', async () => {
    const draft = saved(saveArticle(form({}), jo));
    const published = saved(
      saveArticle(form({ id: String(draft.id), version: String(draft.version), intent: 'publish', title: row(draft.id).title }), jo),
    );
    expect(published.status).toBe('published');
    const article = await getArticleBySlug({ slug: published.slug });
    expect(article?.bylines.map((b) => b.name)).toHaveLength(2);
    expect((await getFrontPage({ page: 1 }))?.latest.items[0]?.slug).toBe(published.slug);
    expect((await getTagPage({ slug: 'council-budgets', page: 1 }))?.list.items.map((a) => a.slug)).toContain(published.slug);
    const log = getDb().select().from(moderationLog).orderBy(desc(moderationLog.id)).get()!;
    expect(log).toMatchObject({ actor: jo.email, action: 'article-publish' });
  });

  it('refuses to publish without a body or an author, keeping the draft as it was', () => {
    const draft = saved(saveArticle(form({ body: '' }), jo));
    const before = row(draft.id);
    const refused = saveArticle(
      form({ id: String(draft.id), version: String(draft.version), intent: 'publish', body: '', authorIds: [] }),
      jo,
    );
    expect(refused.ok).toBe(false);
    expect(!refused.ok && 'fieldErrors' in refused && refused.fieldErrors).toMatchObject({
      body: [expect.any(String)],
      authorIds: [expect.any(String)],
    });
    expect(row(draft.id)).toEqual(before);
  });

  it('refuses a published picture without alt text', () => {
    const picture =
      getDb()
        .insert(media)
        .values({ hash: 'a'.repeat(64), format: 'jpeg', width: 1600, height: 900, bytes: 1000 })
        .onConflictDoNothing()
        .returning({ id: media.id })
        .get() ?? getDb().select({ id: media.id }).from(media).get()!;
    const refused = saveArticle(form({ intent: 'publish', imageId: String(picture.id), imageAlt: '' }), jo);
    expect(refused.ok).toBe(false);
    expect(!refused.ok && 'fieldErrors' in refused && refused.fieldErrors?.imageAlt?.[0]).toMatch(/alt text/);
    const ok = saved(saveArticle(form({ intent: 'publish', imageId: String(picture.id), imageAlt: 'A council chamber' }), jo));
    expect(row(ok.id).imageAlt).toBe('A council chamber');
  });

  it('never gives two articles one slug', () => {
    const first = saved(saveArticle(form({ slug: 'one-slug-only' }), jo));
    const second = saveArticle(form({ slug: 'one-slug-only' }), jo);
    expect(second.ok).toBe(false);
    expect(!second.ok && 'fieldErrors' in second && second.fieldErrors?.slug?.[0]).toMatch(/one-slug-only/);
    expect(first.slug).toBe('one-slug-only');
  });
});

describe('two editors at once', () => {
  it('refuses a save over a newer version, naming who and when, and keeps both texts', () => {
    const opened = saved(saveArticle(form({ body: 'First text.' }), jo));
    const title = row(opened.id).title;
    saved(saveArticle(form({ id: String(opened.id), version: String(opened.version), title, body: 'Jo’s text.' }), jo));
    const late = saveArticle(form({ id: String(opened.id), version: String(opened.version), title, body: 'Sam’s text.' }), sam);
    expect(late.ok).toBe(false);
    if (late.ok || !('conflict' in late)) throw new Error('expected a conflict');
    expect(late.message).toMatch(/^This article was changed by Jo Editor at .+ since you opened it/);
    expect(late.conflict.theirs.body).toBe('Jo’s text.');
    expect(row(opened.id).body).toBe('Jo’s text.');
  });
});

describe('updates, corrections and revisions', () => {
  it('keeps the first publication date, marks the update, keeps a revision and restores it', async () => {
    const first = new Date('2026-12-01T08:00:00Z');
    const later = new Date('2026-12-02T08:00:00Z');
    const published = saved(saveArticle(form({ intent: 'publish', body: 'Original text.' }), jo, first));
    const title = row(published.id).title;
    const updated = saved(
      saveArticle(
        form({
          id: String(published.id),
          version: String(published.version),
          intent: 'update',
          title,
          body: 'Corrected text.',
          correction: 'An earlier version gave the wrong year.',
        }),
        jo,
        later,
      ),
    );
    const after = row(published.id);
    expect(after.publishedAt).toEqual(first);
    expect(after.revisedAt).toEqual(later);
    expect(after.correctedAt).toEqual(later);
    const article = await getArticleBySlug({ slug: updated.slug });
    expect(article?.correction).toEqual({ text: 'An earlier version gave the wrong year.', at: later.toISOString() });

    const revisions = listRevisions({ articleId: published.id });
    expect(revisions).toHaveLength(1);
    const restored = saved(restoreRevision({ articleId: published.id, revisionId: revisions[0]!.id, version: updated.version }, jo));
    expect(row(published.id).body).toBe('Original text.');
    expect(restored.version).toBe(updated.version + 1);
    expect(listRevisions({ articleId: published.id })).toHaveLength(2);
  });

  it('redirects an old address only while the article is live; otherwise it is gone, and the new slug stays secret', () => {
    const published = saved(saveArticle(form({ intent: 'publish', slug: 'first-address' }), jo));
    const title = row(published.id).title;
    const moved = saved(
      saveArticle(
        form({ id: String(published.id), version: String(published.version), intent: 'update', title, slug: 'second-address' }),
        jo,
      ),
    );
    expect(findMovedArticle('first-address')).toEqual({ kind: 'moved', slug: 'second-address' });
    const gone = saved(saveArticle(form({ id: String(moved.id), version: String(moved.version), intent: 'unpublish', title }), jo));
    saved(
      saveArticle(
        form({
          id: String(gone.id),
          version: String(gone.version),
          intent: 'schedule',
          title,
          slug: 'embargoed-merger',
          scheduleAt: '2099-01-01T09:00',
        }),
        jo,
      ),
    );
    expect(findMovedArticle('first-address')).toEqual({ kind: 'gone' });
    expect(findMovedArticle('second-address')).toEqual({ kind: 'gone' });
    expect(findMovedArticle('embargoed-merger')).toBeNull();
  });

  it('keeps the old URL of a changed published slug as a redirect, and nobody else may take it', () => {
    const published = saved(saveArticle(form({ intent: 'publish', slug: 'old-address' }), jo));
    const title = row(published.id).title;
    saved(
      saveArticle(form({ id: String(published.id), version: String(published.version), intent: 'update', title, slug: 'new-address' }), jo),
    );
    expect(getDb().select().from(slugRedirects).where(eq(slugRedirects.slug, 'old-address')).get()?.articleId).toBe(published.id);
    const taker = saveArticle(form({ slug: 'old-address' }), jo);
    expect(taker.ok).toBe(false);
  });
});

describe('scheduling and unpublishing', () => {
  it('refuses a time in the past; publishes at its time, once, whoever runs the job', () => {
    const now = new Date('2026-12-06T10:00:00Z');
    const past = saveArticle(form({ intent: 'schedule', scheduleAt: '2026-12-06T09:00' }), jo, now);
    expect(past.ok).toBe(false);
    const scheduled = saved(saveArticle(form({ intent: 'schedule', scheduleAt: '2026-12-07T09:30' }), jo, now));
    expect(row(scheduled.id).scheduledAt).toEqual(new Date('2026-12-07T09:30:00Z'));
    expect(row(scheduled.id).publishedAt).toBeNull();
    expect(publishDueArticles(new Date('2026-12-07T09:29:00Z')).map((a) => a.slug)).not.toContain(scheduled.slug);
    expect(row(scheduled.id).status).toBe('scheduled');
    const due = new Date('2026-12-07T09:30:30Z');
    expect(publishDueArticles(due).map((a) => a.slug)).toContain(scheduled.slug);
    expect(publishDueArticles(due)).toEqual([]);
    expect(row(scheduled.id)).toMatchObject({ status: 'published', publishedAt: new Date('2026-12-07T09:30:00Z'), scheduledAt: null });
  });

  it('moves the version on when the schedule publishes, so an editor with it open cannot take it down unseen', () => {
    const now = new Date('2026-12-06T10:00:00Z');
    const scheduled = saved(saveArticle(form({ intent: 'schedule', scheduleAt: '2026-12-08T09:00' }), jo, now));
    publishDueArticles(new Date('2026-12-08T09:00:30Z'));
    const stale = saveArticle(
      form({ id: String(scheduled.id), version: String(scheduled.version), intent: 'unpublish', title: row(scheduled.id).title }),
      jo,
    );
    expect(stale.ok).toBe(false);
    expect(!stale.ok && 'conflict' in stale && stale.conflict.by).toBe('the schedule');
    expect(row(scheduled.id).status).toBe('published');
  });

  it('a republished article keeps its first date, and Publish now after a schedule puts it live now', async () => {
    const first = new Date('2026-12-01T08:00:00Z');
    const published = saved(saveArticle(form({ intent: 'publish' }), jo, first));
    const title = row(published.id).title;
    const gone = saved(
      saveArticle(form({ id: String(published.id), version: String(published.version), intent: 'unpublish', title }), jo, first),
    );
    const later = new Date('2026-12-02T08:00:00Z');
    const rescheduled = saved(
      saveArticle(
        form({ id: String(gone.id), version: String(gone.version), intent: 'schedule', title, scheduleAt: '2099-01-01T09:00' }),
        jo,
        later,
      ),
    );
    expect(row(published.id).publishedAt).toEqual(first);
    const now = new Date();
    const live = saved(saveArticle(form({ id: String(gone.id), version: String(rescheduled.version), intent: 'publish', title }), jo, now));
    expect(row(live.id)).toMatchObject({ status: 'published', publishedAt: first, revisedAt: now, scheduledAt: null });
    expect(await getArticleBySlug({ slug: live.slug })).not.toBeNull();
  });

  it('unpublishing changes only the status: unsaved edits in the form are not saved', () => {
    const published = saved(saveArticle(form({ intent: 'publish', body: 'The published text.' }), jo));
    const title = row(published.id).title;
    saved(
      saveArticle(
        form({ id: String(published.id), version: String(published.version), intent: 'unpublish', title: 'Half-typed', body: 'Half-ty' }),
        jo,
      ),
    );
    expect(row(published.id)).toMatchObject({ status: 'unpublished', title, body: 'The published text.' });
  });

  it('unpublishing takes an article off every listing', async () => {
    const published = saved(saveArticle(form({ intent: 'publish' }), jo));
    const title = row(published.id).title;
    saved(saveArticle(form({ id: String(published.id), version: String(published.version), intent: 'unpublish', title }), jo));
    expect(row(published.id).status).toBe('unpublished');
    expect(live(published.id)).toBe(false);
    expect(await getArticleBySlug({ slug: published.slug })).toBeNull();
    expect((await getFrontPage({ page: 1 }))?.latest.items.map((a) => a.slug)).not.toContain(published.slug);
  });
});

describe('tags', () => {
  it('are read from a comma list, de-duplicated by slug', () => {
    expect(parseTagNames('AI, ai ; Council  budgets,\n, procurement')).toEqual(['AI', 'Council budgets', 'procurement']);
  });
});

describe('line breaks', () => {
  it('are kept as LF whatever the form sent (multipart sends CRLF), so revisions compare line by line', () => {
    const parsed = articleFormSchema.parse({
      intent: 'save',
      title: 'Lines',
      sectionId: '1',
      body: 'one\r\ntwo\r\nthree',
      summary: 'a\r\nb',
      correction: 'x\ry',
    });
    expect(parsed.body).toBe('one\ntwo\nthree');
    expect(parsed.summary).toBe('a\nb');
    expect(parsed.correction).toBe('x\ny');
  });
});
