import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { and, desc, eq } from 'drizzle-orm';
import { getDb } from '@/db';
import { migrateDatabase } from '@/db/migrate';
import { seedDatabaseIfEmpty } from '@/db/seed';
import { articles, cacheInvalidations, commentReports, comments, type CommentStatus } from '@/db/schema';
import { clientKeysFor } from '@/lib/security/client';
import { uniqueClientIp } from '@/test/support/client-ip';
import { getCommentStatus, moderateComments, undoModeration } from './moderation';
import { listApprovedComments } from './queries';
import { openReportsFor, reportComment, reportInputSchema, REPORTS_PER_HOUR, reportsWaiting } from './reports';
import { idsIn } from './thread';

// Readers' reports on a real SQLite file: what counts, when a comment leaves the public page, and
// what a moderator's decision does to the reports. COMMENT_HIDE_AFTER_REPORTS is its default, 3.

const db = () => getDb();
let slug = '';
let serial = 0;

function addComment(status: CommentStatus = 'approved', { isStaff = false } = {}): number {
  const articleId = db().select({ id: articles.id }).from(articles).where(eq(articles.slug, slug)).get()!.id;
  serial++;
  return db()
    .insert(comments)
    .values({
      articleId,
      authorName: 'Reported Reader',
      authorEmail: `reported-${serial}@example.net`,
      body: `Comment ${serial}`,
      status,
      isStaff,
    })
    .returning({ id: comments.id })
    .get().id;
}

const input = (reason = 'abuse', extra: Record<string, string> = {}) => reportInputSchema.parse({ reason, note: '', ...extra });
const fromNewAddress = () => clientKeysFor(uniqueClientIp());
/** Every comment id on the article's public thread, all pages. */
async function publicIds(): Promise<Set<number>> {
  const ids = new Set<number>();
  for (let page = 1; ; page++) {
    const thread = await listApprovedComments({ slug, page });
    if (!thread) return ids;
    for (const id of idsIn(thread.comments)) ids.add(id);
  }
}
const invalidated = () =>
  db()
    .select({ tag: cacheInvalidations.tag })
    .from(cacheInvalidations)
    .all()
    .map((r) => r.tag);

beforeAll(() => {
  migrateDatabase();
  seedDatabaseIfEmpty();
  slug = db()
    .select({ slug: articles.slug })
    .from(articles)
    .where(and(eq(articles.status, 'published'), eq(articles.commentsOpen, true)))
    .orderBy(desc(articles.publishedAt))
    .get()!.slug;
});

beforeEach(() => db().delete(cacheInvalidations).run());

describe('reporting a comment', () => {
  it('takes a comment off the public page once readers at three addresses have reported it, and not before', async () => {
    const id = addComment();
    expect((await publicIds()).has(id)).toBe(true);
    expect(reportComment({ slug, commentId: id, input: input('spam'), client: fromNewAddress() })).toEqual({
      kind: 'received',
      hidden: false,
    });
    expect(reportComment({ slug, commentId: id, input: input('abuse', { note: 'Names a neighbour.' }), client: fromNewAddress() })).toEqual(
      {
        kind: 'received',
        hidden: false,
      },
    );
    expect(getCommentStatus(id)).toBe('approved');
    expect(invalidated()).toEqual([]);

    expect(reportComment({ slug, commentId: id, input: input('personal'), client: fromNewAddress() })).toEqual({
      kind: 'received',
      hidden: true,
    });
    expect(getCommentStatus(id)).toBe('reported');
    expect(invalidated()).toEqual(expect.arrayContaining([`article:${slug}`, 'comment-counts']));
    expect((await publicIds()).has(id)).toBe(false);
    expect(
      openReportsFor([id])
        .get(id)
        ?.map((r) => [r.reason, r.note]),
    ).toEqual([
      ['spam', null],
      ['abuse', 'Names a neighbour.'],
      ['personal', null],
    ]);
  });

  it('counts one report per comment for an address, and for a browser whatever its address', () => {
    const id = addComment();
    const reader = fromNewAddress();
    for (let i = 0; i < 5; i++) reportComment({ slug, commentId: id, input: input(), client: reader });
    const browser = 'b'.repeat(32);
    for (let i = 0; i < 5; i++) reportComment({ slug, commentId: id, input: input('spam', { browser }), client: fromNewAddress() });
    expect(db().select().from(commentReports).where(eq(commentReports.commentId, id)).all()).toHaveLength(2);
    expect(getCommentStatus(id)).toBe('approved');
    // The reporter is kept as hashes only.
    const [row] = db().select().from(commentReports).where(eq(commentReports.commentId, id)).all();
    expect(row!.ipHash).toBe(reader.ipHash);
  });

  it('thanks an address over its hourly limit the same way, and stores nothing', () => {
    const reader = fromNewAddress();
    const ids = Array.from({ length: REPORTS_PER_HOUR + 2 }, () => addComment());
    for (const id of ids) expect(reportComment({ slug, commentId: id, input: input(), client: reader }).kind).toBe('received');
    const stored = db().select().from(commentReports).where(eq(commentReports.ipHash, reader.ipHash)).all();
    expect(stored).toHaveLength(REPORTS_PER_HOUR);
  });

  it('answers not-found for a comment readers cannot see, or one on another article', () => {
    for (const status of ['pending', 'spam', 'trash', 'reported'] as const) {
      expect(reportComment({ slug, commentId: addComment(status), input: input(), client: fromNewAddress() })).toEqual({
        kind: 'not-found',
      });
    }
    expect(reportComment({ slug: 'another-article', commentId: addComment(), input: input(), client: fromNewAddress() })).toEqual({
      kind: 'not-found',
    });
  });

  it('counts an IPv6 line once: reports from three /64s of one /48 are one network', () => {
    const id = addComment();
    for (const address of ['2001:db8:7:1::1', '2001:db8:7:2::1', '2001:db8:7:3::1']) {
      reportComment({ slug, commentId: id, input: input(), client: clientKeysFor(address) });
    }
    expect(db().select().from(commentReports).where(eq(commentReports.commentId, id)).all()).toHaveLength(3);
    expect(getCommentStatus(id)).toBe('approved');
    reportComment({ slug, commentId: id, input: input(), client: fromNewAddress() });
    expect(getCommentStatus(id)).toBe('approved');
    reportComment({ slug, commentId: id, input: input(), client: fromNewAddress() });
    expect(getCommentStatus(id)).toBe('reported');
  });

  it('lets reports older than 30 days lapse, and leaves staff comments up for a moderator to judge', () => {
    const old = addComment();
    const longAgo = new Date(Date.now() - 31 * 86_400_000);
    for (let i = 0; i < 2; i++) reportComment({ slug, commentId: old, input: input(), client: fromNewAddress(), now: longAgo });
    reportComment({ slug, commentId: old, input: input(), client: fromNewAddress() });
    expect(getCommentStatus(old)).toBe('approved');

    const staff = addComment('approved', { isStaff: true });
    for (let i = 0; i < 3; i++) reportComment({ slug, commentId: staff, input: input(), client: fromNewAddress() });
    expect(getCommentStatus(staff)).toBe('approved');
    expect(openReportsFor([staff]).get(staff)).toHaveLength(3);
  });

  it('checks the reason and the note', () => {
    expect(reportInputSchema.safeParse({ reason: 'boring', note: '' }).success).toBe(false);
    expect(reportInputSchema.safeParse({ reason: 'other', note: 'x'.repeat(501) }).success).toBe(false);
    expect(reportInputSchema.parse({ reason: 'other', note: '  ', browser: 'not valid!' })).toEqual({
      reason: 'other',
      note: null,
      browser: undefined,
    });
  });
});

describe('a moderator decides', () => {
  const hide = () => {
    const id = addComment();
    for (let i = 0; i < 3; i++) reportComment({ slug, commentId: id, input: input(), client: fromNewAddress() });
    expect(getCommentStatus(id)).toBe('reported');
    return id;
  };

  it('restores it: back on the page, the reports dismissed, so three new ones are needed to take it down again', async () => {
    const id = hide();
    db().delete(cacheInvalidations).run();
    expect(moderateComments({ ids: [id], action: 'approve', actor: 'mod@ledger.example' }).changed).toEqual([id]);
    expect((await publicIds()).has(id)).toBe(true);
    expect(invalidated()).toContain(`article:${slug}`);
    expect(openReportsFor([id]).get(id)).toBeUndefined();
    reportComment({ slug, commentId: id, input: input(), client: fromNewAddress() });
    reportComment({ slug, commentId: id, input: input(), client: fromNewAddress() });
    expect(getCommentStatus(id)).toBe('approved');
    reportComment({ slug, commentId: id, input: input(), client: fromNewAddress() });
    expect(getCommentStatus(id)).toBe('reported');
  });

  it('puts it back in the Reported tab, reports and all, when the Restore is undone', () => {
    const id = hide();
    const { previous } = moderateComments({ ids: [id], action: 'approve', actor: 'mod@ledger.example' });
    expect(openReportsFor([id]).get(id)).toBeUndefined();
    expect(undoModeration({ action: 'approve', previous, actor: 'mod@ledger.example' })).toEqual([id]);
    expect(getCommentStatus(id)).toBe('reported');
    expect(openReportsFor([id]).get(id)).toHaveLength(3);
  });

  it('removes it: to the trash, with its reports kept for the record; and the overview counts what waits', () => {
    const before = reportsWaiting();
    const id = hide();
    const open = addComment();
    reportComment({ slug, commentId: open, input: input(), client: fromNewAddress() });
    expect(reportsWaiting()).toEqual({ hidden: before.hidden + 1, openOnPublic: before.openOnPublic + 1 });
    moderateComments({ ids: [id], action: 'trash', actor: 'mod@ledger.example' });
    expect(getCommentStatus(id)).toBe('trash');
    expect(openReportsFor([id]).get(id)).toHaveLength(3);
    expect(reportsWaiting().hidden).toBe(before.hidden);
  });
});
