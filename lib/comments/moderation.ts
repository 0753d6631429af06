import 'server-only';
import { and, asc, count, desc, eq, gte, inArray, like, ne, or, sql, type SQL } from 'drizzle-orm';
import { getDb } from '@/db';
import { articles, blocklist, comments, moderationLog, type BlocklistKind, type CommentStatus } from '@/db/schema';
import { articleTag, COMMENT_COUNTS_TAG } from '@/lib/articles/cache-tags';
import { invalidateCacheTags } from '@/lib/cache/invalidate';
import { logStaffAction } from '@/lib/staff/log';
import { standingsOf, TRUST_ACTOR, withdrawTrustForSpam, type TrustStanding } from './commenters';
import { kickReplyNotifications, recordReplyNotifications } from './notifications';
import { dismissReports, openReportCount, reopenLatestDismissal } from './reports';
import { replyPlacement } from './thread';

// The moderation console's reads and writes. The reads return private fields (email, IP hash);
// only admin pages and actions, after requireStaff(), may call them. The command line
// (scripts/comments.ts) and the dashboard call the same writes: each writes moderation_log and
// invalidates exactly the articles whose public comments changed. Callers check who is acting.

export const ADMIN_PAGE_SIZE = 50;

export interface ModerationRow {
  id: number;
  status: CommentStatus;
  articleSlug: string;
  articleTitle: string;
  authorName: string;
  authorEmail: string;
  authorUrl: string | null;
  body: string;
  heldReasons: string[];
  ipHash: string | null;
  sameIpCount: number;
  isStaff: boolean;
  createdAt: Date;
  editedAt: Date | null;
  parentId: number | null;
  /** The comment this one answers, so a moderator reads a reply in its context. */
  parentAuthor: string | null;
  parentBody: string | null;
  parentStatus: CommentStatus | null;
  /** Readers' reports not yet dismissed. */
  reportCount: number;
  /** Whether the address is proven and trusted (lib/comments/commenters.ts); none for an address nobody proved or marked. */
  standing?: TrustStanding;
  /** Published at once by trust, not by a moderator. */
  publishedByTrust: boolean;
  /** Posted from the browser that proved the address (anyone can type an address). */
  proven: boolean;
}

const rowColumns = {
  id: comments.id,
  status: comments.status,
  articleSlug: articles.slug,
  articleTitle: articles.title,
  authorName: comments.authorName,
  authorEmail: comments.authorEmail,
  authorUrl: comments.authorUrl,
  body: comments.body,
  heldReasons: comments.heldReasons,
  ipHash: comments.ipHash,
  // Other comments from the same IP hash: a quick sign of a sock puppet or a shared office.
  sameIpCount: sql<number>`(SELECT count(*) FROM comments o WHERE o.ip_hash = ${comments.ipHash} AND o.id != ${comments.id})`,
  isStaff: comments.isStaff,
  createdAt: comments.createdAt,
  editedAt: comments.editedAt,
  parentId: comments.parentId,
  parentAuthor: sql<string | null>`(SELECT p.author_name FROM comments p WHERE p.id = ${comments.parentId})`,
  parentBody: sql<string | null>`(SELECT substr(p.body, 1, 280) FROM comments p WHERE p.id = ${comments.parentId})`,
  parentStatus: sql<CommentStatus | null>`(SELECT p.status FROM comments p WHERE p.id = ${comments.parentId})`,
  reportCount: openReportCount,
  publishedByTrust: sql<boolean>`${comments.moderatedBy} = ${TRUST_ACTOR}`.mapWith(Boolean),
  proven: comments.proven,
};

/** Adds each row's address standing: proven, trusted. */
function withStandings(rows: Omit<ModerationRow, 'standing'>[]): ModerationRow[] {
  const standings = standingsOf(rows.filter((r) => !r.isStaff).map((r) => r.authorEmail));
  return rows.map((r) => ({ ...r, standing: standings.get(r.authorEmail) }));
}

/** One tab of the console, newest first. */
export function listModerationQueue({ status, page = 1, email }: { status: CommentStatus; page?: number; email?: string }) {
  const db = getDb();
  const where: SQL | undefined = and(eq(comments.status, status), email ? eq(comments.authorEmail, email) : undefined);
  const total = db.select({ n: count() }).from(comments).where(where).get()?.n ?? 0;
  const rows: ModerationRow[] = withStandings(
    db
      .select(rowColumns)
      .from(comments)
      .innerJoin(articles, eq(articles.id, comments.articleId))
      .where(where)
      .orderBy(desc(comments.createdAt), desc(comments.id))
      .limit(ADMIN_PAGE_SIZE)
      .offset((page - 1) * ADMIN_PAGE_SIZE)
      .all(),
  );
  return { rows, total, page, pageCount: Math.max(1, Math.ceil(total / ADMIN_PAGE_SIZE)) };
}

/** Every comment by one email address, any status: the commenter's history. */
export function listCommentsByEmail({ email }: { email: string }): ModerationRow[] {
  return withStandings(
    getDb()
      .select(rowColumns)
      .from(comments)
      .innerJoin(articles, eq(articles.id, comments.articleId))
      .where(eq(comments.authorEmail, email.trim().toLowerCase()))
      .orderBy(desc(comments.createdAt))
      .limit(500)
      .all(),
  );
}

export function getModerationRow(id: number): ModerationRow | null {
  const row = getDb()
    .select(rowColumns)
    .from(comments)
    .innerJoin(articles, eq(articles.id, comments.articleId))
    .where(eq(comments.id, id))
    .get();
  return row ? withStandings([row])[0]! : null;
}

function touch(slug: string, wasOrIsApproved: boolean) {
  if (wasOrIsApproved) invalidateCacheTags([articleTag(slug), COMMENT_COUNTS_TAG]);
}

/** Replaces a comment's text (staff edit), logged. */
export function editCommentBody({ id, body, actor }: { id: number; body: string; actor: string }): boolean {
  const now = new Date();
  const row = getDb().transaction(
    (tx) => {
      const found = tx
        .select({ status: comments.status, slug: articles.slug })
        .from(comments)
        .innerJoin(articles, eq(articles.id, comments.articleId))
        .where(eq(comments.id, id))
        .get();
      if (!found) return null;
      tx.update(comments)
        .set({ body, editedAt: now, updatedAt: now, moderatedBy: actor, moderatedAt: now })
        .where(eq(comments.id, id))
        .run();
      logStaffAction(tx, { actor, action: 'edit', commentIds: [id], at: now });
      return found;
    },
    { behavior: 'immediate' },
  );
  if (row) touch(row.slug, row.status === 'approved');
  return row !== null;
}

/** A staff reply, published at once with a Staff badge. */
export type StaffReplyResult = { ok: true; id: number; approvedParent: boolean } | { ok: false; message: string };

/**
 * Publishes a staff reply. Readers must never see an answer to a comment they cannot see: a reply
 * to a pending comment approves that comment in the same transaction (the console's button says
 * "Approve and reply"), and a reply to spam or trash is refused.
 */
export function replyAsStaff({
  parentId,
  body,
  actor,
  name,
}: {
  parentId: number;
  body: string;
  actor: string;
  name: string;
}): StaffReplyResult {
  const now = new Date();
  const result = getDb().transaction(
    (tx): StaffReplyResult & { slug?: string } => {
      const parent = tx
        .select({
          id: comments.id,
          articleId: comments.articleId,
          depth: comments.depth,
          parentId: comments.parentId,
          status: comments.status,
          slug: articles.slug,
        })
        .from(comments)
        .innerJoin(articles, eq(articles.id, comments.articleId))
        .where(eq(comments.id, parentId))
        .get();
      if (!parent) return { ok: false, message: 'That comment no longer exists.' };
      if (parent.status === 'spam' || parent.status === 'trash')
        return { ok: false, message: `That comment is in ${parent.status}: restore or approve it before replying.` };
      const approvedParent = parent.status === 'pending';
      if (approvedParent) {
        tx.update(comments)
          .set({ status: 'approved', moderatedAt: now, moderatedBy: actor, updatedAt: now })
          .where(eq(comments.id, parent.id))
          .run();
        logStaffAction(tx, { actor, action: 'approve', commentIds: [parent.id], detail: 'approved to reply to it', at: now });
      }
      const row = tx
        .insert(comments)
        .values({
          articleId: parent.articleId,
          ...replyPlacement(parent),
          authorName: name,
          authorEmail: actor,
          body,
          status: 'approved',
          isStaff: true,
          createdAt: now,
          updatedAt: now,
          moderatedAt: now,
          moderatedBy: actor,
        })
        .returning({ id: comments.id })
        .get();
      logStaffAction(tx, { actor, action: 'reply', commentIds: [row.id], detail: `in reply to #${parentId}`, at: now });
      // The approved parent may itself answer someone; the staff reply answers the parent's author.
      recordReplyNotifications(tx, approvedParent ? [parent.id, row.id] : [row.id], now);
      return { ok: true, id: row.id, approvedParent, slug: parent.slug };
    },
    { behavior: 'immediate' },
  );
  if (result.ok && result.slug) touch(result.slug, true);
  if (!result.ok) return result;
  kickReplyNotifications();
  return { ok: true, id: result.id, approvedParent: result.approvedParent };
}

export function listBlocklist() {
  return getDb().select().from(blocklist).orderBy(asc(blocklist.kind), asc(blocklist.value)).all();
}

export function addBlock({ kind, value, actor, note }: { kind: BlocklistKind; value: string; actor: string; note?: string }) {
  const normalised = kind === 'ip' ? value.trim() : value.trim().toLowerCase();
  if (!normalised) return false;
  const now = new Date();
  getDb().transaction(
    (tx) => {
      tx.insert(blocklist)
        .values({ kind, value: normalised, note: note ?? null, createdBy: actor, createdAt: now })
        .onConflictDoNothing()
        .run();
      logStaffAction(tx, { actor, action: `block-${kind}`, detail: kind === 'ip' ? 'an IP hash' : normalised, at: now });
    },
    { behavior: 'immediate' },
  );
  return true;
}

export function removeBlock({ id, actor }: { id: number; actor: string }) {
  const now = new Date();
  return getDb().transaction(
    (tx) => {
      const row = tx.delete(blocklist).where(eq(blocklist.id, id)).returning().get();
      if (row) logStaffAction(tx, { actor, action: `unblock-${row.kind}`, detail: row.kind === 'ip' ? 'an IP hash' : row.value, at: now });
      return Boolean(row);
    },
    { behavior: 'immediate' },
  );
}

/**
 * The staff log, newest first. `newsroomOnly` keeps to articles and pictures: what an editor sees,
 * since comment entries (a blocked address, say) are for moderators.
 */
/** The log's newsroom entries (articles, pictures, site pages, authors), which editors see too. */
const NEWSROOM_ACTION_PREFIXES = ['article', 'media', 'page', 'author'];

export function listModerationLog({
  actor,
  action,
  page = 1,
  newsroomOnly = false,
}: {
  actor?: string;
  action?: string;
  page?: number;
  newsroomOnly?: boolean;
}) {
  const db = getDb();
  const newsroom = newsroomOnly ? or(...NEWSROOM_ACTION_PREFIXES.map((prefix) => like(moderationLog.action, `${prefix}-%`))) : undefined;
  const where = and(actor ? eq(moderationLog.actor, actor) : undefined, action ? eq(moderationLog.action, action) : undefined, newsroom);
  const total = db.select({ n: count() }).from(moderationLog).where(where).get()?.n ?? 0;
  const rows = db
    .select()
    .from(moderationLog)
    .where(where)
    .orderBy(desc(moderationLog.createdAt), desc(moderationLog.id))
    .limit(ADMIN_PAGE_SIZE)
    .offset((page - 1) * ADMIN_PAGE_SIZE)
    .all();
  const actions = db
    .selectDistinct({ action: moderationLog.action })
    .from(moderationLog)
    .where(newsroom)
    .orderBy(moderationLog.action)
    .all()
    .map((r) => r.action);
  const actors = db
    .selectDistinct({ actor: moderationLog.actor })
    .from(moderationLog)
    .where(newsroom)
    .orderBy(moderationLog.actor)
    .all()
    .map((r) => r.actor);
  // Where each comment on this page is on the site, so an entry links to what it acted on.
  const commentIds = [...new Set(rows.flatMap((r) => r.commentIds))];
  const commentArticles = new Map(
    commentIds.length
      ? db
          .select({
            id: comments.id,
            slug: articles.slug,
            title: articles.title,
            authorName: comments.authorName,
            excerpt: sql<string>`substr(${comments.body}, 1, 160)`,
          })
          .from(comments)
          .innerJoin(articles, eq(articles.id, comments.articleId))
          .where(inArray(comments.id, commentIds))
          .all()
          .map(({ id, ...c }) => [id, c] as const)
      : [],
  );
  return { rows, total, page, pageCount: Math.max(1, Math.ceil(total / ADMIN_PAGE_SIZE)), actions, actors, commentArticles };
}

/** Comments received in the last seven days, spam aside. */
export function countCommentsThisWeek(now = Date.now()): number {
  const since = new Date(now - 7 * 86_400_000);
  return (
    getDb()
      .select({ n: count() })
      .from(comments)
      .where(and(gte(comments.createdAt, since), ne(comments.status, 'spam')))
      .get()?.n ?? 0
  );
}

export const MODERATION_ACTIONS = ['approve', 'unapprove', 'spam', 'not-spam', 'trash', 'restore', 'delete'] as const;
export type ModerationAction = (typeof MODERATION_ACTIONS)[number];

const TARGET: Record<Exclude<ModerationAction, 'delete'>, CommentStatus> = {
  approve: 'approved',
  unapprove: 'pending',
  spam: 'spam',
  'not-spam': 'pending',
  trash: 'trash',
  restore: 'pending',
};

/** Which current statuses each action applies to (e.g. delete forever only from the trash). */
const FROM: Record<ModerationAction, CommentStatus[]> = {
  approve: ['pending', 'reported', 'spam', 'trash'],
  unapprove: ['approved'],
  spam: ['pending', 'approved', 'reported', 'trash'],
  'not-spam': ['spam'],
  trash: ['pending', 'approved', 'reported', 'spam'],
  restore: ['trash'],
  delete: ['trash'],
};

export interface ModerationResult {
  changed: number[];
  skipped: number[];
  /** Each changed comment's status before, for Undo (empty after delete forever, which cannot be undone). */
  previous: { id: number; status: CommentStatus }[];
}

export function moderateComments({ ids, action, actor }: { ids: number[]; action: ModerationAction; actor: string }): ModerationResult {
  const unique = [...new Set(ids)].filter((id) => Number.isSafeInteger(id) && id > 0);
  if (unique.length === 0) return { changed: [], skipped: [], previous: [] };
  const now = new Date();
  const { result, touched } = getDb().transaction(
    (tx) => {
      const rows = tx
        .select({ id: comments.id, status: comments.status, slug: articles.slug })
        .from(comments)
        .innerJoin(articles, eq(articles.id, comments.articleId))
        .where(inArray(comments.id, unique))
        .all();
      const eligible = rows.filter((r) => FROM[action].includes(r.status));
      const changed = eligible.map((r) => r.id);
      if (changed.length > 0) {
        // Spam from an address that trust let through: no more trust, no more credentials (read
        // before the change, which overwrites who published it).
        if (action === 'spam') withdrawTrustForSpam(tx, changed, actor, now);
        if (action === 'delete') {
          tx.delete(comments).where(inArray(comments.id, changed)).run();
        } else {
          tx.update(comments)
            .set({ status: TARGET[action], moderatedAt: now, moderatedBy: actor, updatedAt: now })
            .where(inArray(comments.id, changed))
            .run();
        }
        // Approving a comment readers' reports took down restores it: those reports are done with.
        if (action === 'approve') dismissReports(tx, changed, actor, now);
        // A reply now visible tells the author of the comment it answers, if they asked.
        if (action === 'approve') recordReplyNotifications(tx, changed, now);

        logStaffAction(tx, { actor, action, commentIds: changed, at: now });
      }
      // Only articles whose public comments changed need their pages rebuilt.
      const touched = new Set(
        eligible.filter((r) => r.status === 'approved' || (action !== 'delete' && TARGET[action] === 'approved')).map((r) => r.slug),
      );
      const previous = action === 'delete' ? [] : eligible.map((r) => ({ id: r.id, status: r.status }));
      return { result: { changed, skipped: unique.filter((id) => !changed.includes(id)), previous }, touched };
    },
    { behavior: 'immediate' },
  );
  if (touched.size > 0) invalidateCacheTags([...[...touched].map(articleTag), COMMENT_COUNTS_TAG]);
  if (action === 'approve' && result.changed.length > 0) kickReplyNotifications();
  return result;
}

/**
 * Undoes a moderation action: puts each comment back to the status it had, if it is still where
 * the action left it (another moderator may have moved it since: that comment is left alone).
 * Logged as its own entry. Returns the comments put back.
 */
export function undoModeration({
  action,
  previous,
  actor,
}: {
  action: Exclude<ModerationAction, 'delete'>;
  previous: { id: number; status: CommentStatus }[];
  actor: string;
}): number[] {
  const now = new Date();
  const { restored, touched } = getDb().transaction(
    (tx) => {
      const restored: number[] = [];
      const touched = new Set<string>();
      for (const { id, status } of previous) {
        if (!FROM[action].includes(status)) continue;
        const row = tx
          .update(comments)
          .set({ status, moderatedAt: now, moderatedBy: actor, updatedAt: now })
          .where(and(eq(comments.id, id), eq(comments.status, TARGET[action])))
          .returning({ id: comments.id, articleId: comments.articleId })
          .get();
        if (!row) continue;
        restored.push(row.id);
        if (status === 'approved') recordReplyNotifications(tx, [row.id], now);
        // Back to the Reported tab: the reports the Restore dismissed are open again.
        if (status === 'reported') reopenLatestDismissal(tx, [row.id]);
        // Approved before or after: the article's public thread changes.
        if (status === 'approved' || TARGET[action] === 'approved') {
          const article = tx.select({ slug: articles.slug }).from(articles).where(eq(articles.id, row.articleId)).get();
          if (article) touched.add(article.slug);
        }
      }
      if (restored.length > 0) logStaffAction(tx, { actor, action: `undo-${action}`, commentIds: restored, at: now });
      return { restored, touched };
    },
    { behavior: 'immediate' },
  );
  if (touched.size > 0) invalidateCacheTags([...[...touched].map(articleTag), COMMENT_COUNTS_TAG]);
  return restored;
}

export function countCommentsByStatus(): Record<CommentStatus, number> {
  const rows = getDb().select({ status: comments.status, n: count() }).from(comments).groupBy(comments.status).all();
  const out: Record<CommentStatus, number> = { pending: 0, approved: 0, reported: 0, spam: 0, trash: 0 };
  for (const r of rows) out[r.status] = r.n;
  return out;
}

export function getCommentStatus(id: number): CommentStatus | null {
  return (
    getDb()
      .select({ status: comments.status })
      .from(comments)
      .where(and(eq(comments.id, id)))
      .get()?.status ?? null
  );
}
