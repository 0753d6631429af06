import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { and, desc, eq } from 'drizzle-orm';
import { getDb } from '@/db';
import { migrateDatabase } from '@/db/migrate';
import { seedDatabaseIfEmpty } from '@/db/seed';
import { articles, cacheInvalidations, comments, moderationLog, type CommentStatus } from '@/db/schema';
import {
  countCommentsByStatus,
  getCommentStatus,
  listModerationLog,
  listModerationQueue,
  moderateComments,
  replyAsStaff,
  undoModeration,
  type ModerationAction,
} from './moderation';
import { listApprovedComments } from './queries';
import { idsIn } from './thread';

// The moderators' operations (shared by the CLI and the dashboard) on a real SQLite file: which
// statuses each action moves, the log it writes, and which cache tags it invalidates.

const db = () => getDb();
const ACTOR = 'moderator@ledger.example';

let slugA = '';
let slugB = '';
let serial = 0;

function addComment(slug: string, status: CommentStatus, parentId: number | null = null): number {
  const articleId = db().select({ id: articles.id }).from(articles).where(eq(articles.slug, slug)).get()!.id;
  serial++;
  return db()
    .insert(comments)
    .values({
      articleId,
      parentId,
      depth: parentId ? 2 : 1,
      authorName: 'Test Reader',
      authorEmail: `mod-${serial}@example.net`,
      body: `Comment ${serial}`,
      status,
    })
    .returning({ id: comments.id })
    .get().id;
}

const invalidatedTags = () =>
  db()
    .select({ tag: cacheInvalidations.tag })
    .from(cacheInvalidations)
    .orderBy(cacheInvalidations.tag)
    .all()
    .map((r) => r.tag);
const logRows = () =>
  db()
    .select({ actor: moderationLog.actor, action: moderationLog.action, commentIds: moderationLog.commentIds })
    .from(moderationLog)
    .orderBy(moderationLog.id)
    .all();
const moderatedBy = (id: number) =>
  db().select({ by: comments.moderatedBy, at: comments.moderatedAt }).from(comments).where(eq(comments.id, id)).get();

beforeAll(() => {
  migrateDatabase();
  seedDatabaseIfEmpty();
  const slugs = db()
    .select({ slug: articles.slug })
    .from(articles)
    .where(and(eq(articles.status, 'published'), eq(articles.commentsOpen, true)))
    .orderBy(desc(articles.publishedAt))
    .limit(2)
    .all();
  [slugA, slugB] = [slugs[0]!.slug, slugs[1]!.slug];
});

beforeEach(() => {
  db().delete(cacheInvalidations).run();
  db().delete(moderationLog).run();
});

/** Every action, from every status: the status it ends in, or null when the action does not apply. */
const TRANSITIONS: Record<ModerationAction, Record<CommentStatus, CommentStatus | null | 'deleted'>> = {
  approve: { pending: 'approved', approved: null, reported: 'approved', spam: 'approved', trash: 'approved' },
  unapprove: { pending: null, approved: 'pending', reported: null, spam: null, trash: null },
  spam: { pending: 'spam', approved: 'spam', reported: 'spam', spam: null, trash: 'spam' },
  'not-spam': { pending: null, approved: null, reported: null, spam: 'pending', trash: null },
  trash: { pending: 'trash', approved: 'trash', reported: 'trash', spam: 'trash', trash: null },
  restore: { pending: null, approved: null, reported: null, spam: null, trash: 'pending' },
  delete: { pending: null, approved: null, reported: null, spam: null, trash: 'deleted' },
};

describe('undoModeration', () => {
  it('puts each comment back where it was, logs it, and refreshes the public thread it changes', () => {
    const wasPending = addComment(slugA, 'pending');
    const wasSpam = addComment(slugB, 'spam');
    const { previous } = moderateComments({ ids: [wasPending, wasSpam], action: 'approve', actor: ACTOR });
    db().delete(cacheInvalidations).run();
    expect(undoModeration({ action: 'approve', previous, actor: ACTOR }).sort((a, b) => a - b)).toEqual([wasPending, wasSpam]);
    expect([getCommentStatus(wasPending), getCommentStatus(wasSpam)]).toEqual(['pending', 'spam']);
    expect(logRows().at(-1)).toEqual({ actor: ACTOR, action: 'undo-approve', commentIds: expect.arrayContaining([wasPending, wasSpam]) });
    expect(invalidatedTags()).toEqual([`article:${slugA}`, `article:${slugB}`, 'comment-counts'].sort());
  });

  it('leaves alone a comment moderated again since, and a status the action could not have come from', () => {
    const id = addComment(slugA, 'pending');
    const other = addComment(slugA, 'pending');
    const { previous } = moderateComments({ ids: [id, other], action: 'trash', actor: ACTOR });
    moderateComments({ ids: [id], action: 'restore', actor: ACTOR });
    expect(undoModeration({ action: 'trash', previous, actor: ACTOR })).toEqual([other]);
    expect(getCommentStatus(id)).toBe('pending');
    // A forged list cannot move a comment by a route no action takes (approved is not a source of restore).
    const trashed = addComment(slugA, 'approved');
    moderateComments({ ids: [trashed], action: 'trash', actor: ACTOR });
    db().update(comments).set({ status: 'pending' }).where(eq(comments.id, trashed)).run();
    expect(undoModeration({ action: 'restore', previous: [{ id: trashed, status: 'approved' }], actor: ACTOR })).toEqual([]);
    expect(getCommentStatus(trashed)).toBe('pending');
  });
});

describe('moderateComments', () => {
  const cases = Object.entries(TRANSITIONS).flatMap(([action, from]) =>
    Object.entries(from).map(([status, to]) => [action as ModerationAction, status as CommentStatus, to] as const),
  );

  it.each(cases)('%s on a %s comment → %s', (action, status, to) => {
    const id = addComment(slugA, status);
    const result = moderateComments({ ids: [id], action, actor: ACTOR });

    if (to === null) {
      expect(result).toEqual({ changed: [], skipped: [id], previous: [] });
      expect(getCommentStatus(id)).toBe(status);
      expect(logRows()).toEqual([]);
      expect(invalidatedTags()).toEqual([]);
      return;
    }
    expect(result).toEqual({ changed: [id], skipped: [], previous: to === 'deleted' ? [] : [{ id, status }] });
    expect(getCommentStatus(id)).toBe(to === 'deleted' ? null : to);
    expect(logRows()).toEqual([{ actor: ACTOR, action, commentIds: [id] }]);
    if (to !== 'deleted') expect(moderatedBy(id)).toMatchObject({ by: ACTOR, at: expect.any(Date) });

    // The article's page and the listings' counts change only when the public thread changes:
    // the comment was approved before, or is approved now.
    const publicChanged = status === 'approved' || to === 'approved';
    expect(invalidatedTags()).toEqual(publicChanged ? [`article:${slugA}`, 'comment-counts'] : []);
  });

  it('acts on several comments at once, invalidating each article touched and no other', () => {
    const a1 = addComment(slugA, 'pending');
    const a2 = addComment(slugA, 'pending');
    const b1 = addComment(slugB, 'spam');
    const result = moderateComments({ ids: [a1, a2, b1, a1], action: 'approve', actor: ACTOR });
    expect(result.changed.sort((x, y) => x - y)).toEqual([a1, a2, b1]);
    expect(logRows()).toEqual([{ actor: ACTOR, action: 'approve', commentIds: expect.arrayContaining([a1, a2, b1]) }]);
    expect(invalidatedTags()).toEqual([`article:${slugA}`, `article:${slugB}`, 'comment-counts'].sort());
  });

  it('invalidates only the article whose public comments changed in a mixed batch', () => {
    const approvedOnA = addComment(slugA, 'approved');
    const pendingOnB = addComment(slugB, 'pending');
    moderateComments({ ids: [approvedOnA, pendingOnB], action: 'spam', actor: ACTOR });
    expect(invalidatedTags()).toEqual([`article:${slugA}`, 'comment-counts']);
  });

  it('skips ids that do not exist, and ignores ids that are not positive integers', () => {
    const id = addComment(slugA, 'pending');
    expect(moderateComments({ ids: [id, 987_654_321], action: 'approve', actor: ACTOR })).toEqual({
      changed: [id],
      skipped: [987_654_321],
      previous: [{ id, status: 'pending' }],
    });
    expect(moderateComments({ ids: [0, -1, 1.5, Number.NaN], action: 'approve', actor: ACTOR })).toEqual({
      changed: [],
      skipped: [],
      previous: [],
    });
    expect(logRows()).toHaveLength(1);
  });

  it('keeps the replies of a comment deleted for good, moved up to the top level', () => {
    const parent = addComment(slugA, 'approved');
    const reply = addComment(slugA, 'approved', parent);
    moderateComments({ ids: [parent], action: 'trash', actor: ACTOR });
    moderateComments({ ids: [parent], action: 'delete', actor: ACTOR });
    expect(getCommentStatus(parent)).toBeNull();
    expect(
      db().select({ parentId: comments.parentId, status: comments.status }).from(comments).where(eq(comments.id, reply)).get(),
    ).toEqual({ parentId: null, status: 'approved' });
  });

  it('writes one log row per call, in order', () => {
    const id = addComment(slugA, 'pending');
    moderateComments({ ids: [id], action: 'approve', actor: 'cli:alice' });
    moderateComments({ ids: [id], action: 'unapprove', actor: 'cli:bob' });
    moderateComments({ ids: [id], action: 'trash', actor: 'cli:alice' });
    moderateComments({ ids: [id], action: 'restore', actor: 'cli:bob' });
    expect(logRows()).toEqual([
      { actor: 'cli:alice', action: 'approve', commentIds: [id] },
      { actor: 'cli:bob', action: 'unapprove', commentIds: [id] },
      { actor: 'cli:alice', action: 'trash', commentIds: [id] },
      { actor: 'cli:bob', action: 'restore', commentIds: [id] },
    ]);
    expect(getCommentStatus(id)).toBe('pending');
  });
});

describe('moderators’ lists', () => {
  it('list comments by status with the private fields a moderator needs', () => {
    const id = addComment(slugB, 'spam');
    const { rows, total } = listModerationQueue({ status: 'spam' });
    const row = rows.find((r) => r.id === id)!;
    expect(row).toMatchObject({ status: 'spam', articleSlug: slugB, authorEmail: expect.stringMatching(/@example\.net$/) });
    expect(total).toBe(countCommentsByStatus().spam);
  });
});

describe('a staff reply', () => {
  const reply = (parentId: number) => replyAsStaff({ parentId, body: 'Thanks, we have corrected it.', actor: ACTOR, name: 'The Ledger' });
  const publicIds = async (slug: string) => [...idsIn((await listApprovedComments({ slug, page: 1 }))!.comments)];

  it('to a pending comment approves it in the same step: readers see the question with its answer', async () => {
    const question = addComment(slugA, 'pending');
    const answer = reply(question);
    expect(answer).toMatchObject({ ok: true, approvedParent: true });
    expect(getCommentStatus(question)).toBe('approved');
    const visible = await publicIds(slugA);
    expect(visible).toContain(question);
    expect(visible).toContain(answer.ok ? answer.id : -1);
    expect(logRows().map((r) => r.action)).toEqual(['approve', 'reply']);
  });

  it('shows in the public thread only while its article is live', async () => {
    const kept = addComment(slugB, 'approved');
    expect(await publicIds(slugB)).toContain(kept);
    const status = db().select({ status: articles.status }).from(articles).where(eq(articles.slug, slugB)).get()!.status;
    db().update(articles).set({ status: 'draft' }).where(eq(articles.slug, slugB)).run();
    try {
      // The cached read checks this itself: Next lets anyone with its id call it (README, "How it works").
      expect(await publicIds(slugB)).toEqual([]);
    } finally {
      db().update(articles).set({ status }).where(eq(articles.slug, slugB)).run();
    }
  });

  it('to an approved comment leaves it as it is', () => {
    const question = addComment(slugA, 'approved');
    expect(reply(question)).toMatchObject({ ok: true, approvedParent: false });
    expect(logRows().map((r) => r.action)).toEqual(['reply']);
  });

  it('to spam or trash is refused, and nothing is published', () => {
    for (const status of ['spam', 'trash'] as const) {
      const question = addComment(slugB, status);
      const before = db().select().from(comments).all().length;
      const answer = reply(question);
      expect(answer.ok).toBe(false);
      expect(!answer.ok && answer.message).toMatch(new RegExp(`in ${status}`));
      expect(getCommentStatus(question)).toBe(status);
      expect(db().select().from(comments).all().length).toBe(before);
    }
  });

  it('in the console says which comment it answers, with its text', () => {
    const question = addComment(slugB, 'approved');
    const pendingReply = addComment(slugB, 'pending', question);
    const row = listModerationQueue({ status: 'pending' }).rows.find((r) => r.id === pendingReply);
    expect(row).toMatchObject({ parentId: question, parentAuthor: 'Test Reader', parentStatus: 'approved' });
    expect(row?.parentBody).toMatch(/^Comment \d+$/);
  });
});

describe('the staff log', () => {
  it('filters by one staff member from its list, and knows where each comment sits', () => {
    const id = addComment(slugA, 'pending');
    moderateComments({ ids: [id], action: 'approve', actor: ACTOR });
    moderateComments({ ids: [addComment(slugB, 'pending')], action: 'trash', actor: 'other@ledger.example' });
    const log = listModerationLog({ actor: ACTOR });
    expect(log.actors).toEqual(expect.arrayContaining([ACTOR, 'other@ledger.example']));
    expect(log.rows.every((r) => r.actor === ACTOR)).toBe(true);
    expect(log.commentArticles.get(id)).toMatchObject({
      slug: slugA,
      authorName: 'Test Reader',
      excerpt: expect.stringMatching(/^Comment \d+$/),
    });
    // An editor's view keeps to the newsroom: no comment entry, no commenter in the list.
    expect(listModerationLog({ newsroomOnly: true }).rows).toEqual([]);
  });
});
