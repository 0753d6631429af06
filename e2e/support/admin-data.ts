import { randomBytes } from 'node:crypto';
import { asc, count, eq } from 'drizzle-orm';
import {
  articleAuthors,
  articleRevisions,
  articles,
  authors,
  blocklist,
  comments,
  emailOutbox,
  newsletterIssueArticles,
  newsletterIssues,
  sections,
  sessions,
  subscribers,
  users,
  type ArticleStatus,
  type BlocklistKind,
  type CommentStatus,
  type StaffRole,
  type SubscriberStatus,
} from '../../db/schema';
import type { ArticleFields } from '../../lib/articles/article-links';
import type { SiteDb } from '../../test/support/site-db';
import { COMMENT_SPEC_ARTICLES, commentableArticles } from './comments';

// Rows the dashboard specs put straight into the site's database: comments waiting for a
// moderator, subscribers and failed emails (staff members and their sessions come from
// test/support/site-data.ts). Each test tags what it creates with its own unique text, so tests
// running side by side never act on each other's rows.

/** Short text unique to one test (or one worker): goes into addresses and comment bodies. */
export function uniqueTag(label: string): string {
  return `${label}-${Date.now().toString(36)}${randomBytes(3).toString('hex')}`;
}

export function roleOf(db: SiteDb, email: string): StaffRole | null | undefined {
  return db.select({ role: users.role }).from(users).where(eq(users.email, email.toLowerCase())).get()?.role;
}

export function sessionCount(db: SiteDb, email: string): number {
  return db
    .select({ n: count() })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(eq(users.email, email.toLowerCase()))
    .get()!.n;
}

export interface OpenArticle {
  id: number;
  slug: string;
  title: string;
}

/**
 * A published article with comments open for the staff specs. `pick` spreads tests over the
 * articles the comment specs leave alone (past COMMENT_SPEC_ARTICLES in commentableArticles), so
 * moderating here never touches a page a comment spec expects to stay cached.
 */
export function openArticle(db: SiteDb, pick = 0): OpenArticle {
  const spare = commentableArticles(db).slice(COMMENT_SPEC_ARTICLES);
  if (spare.length === 0) throw new Error('No published article with comments open is left for the staff specs');
  const { id, slug, title } = spare[pick % spare.length]!;
  return { id, slug, title };
}

export interface NewComment {
  articleId: number;
  authorName: string;
  authorEmail: string;
  body: string;
  status?: CommentStatus;
  parentId?: number | null;
  createdAt?: number;
}

/** A comment as the public form would store it (without the IP hash and user agent). */
export function insertComment(db: SiteDb, c: NewComment): number {
  const now = new Date(c.createdAt ?? Date.now());
  return db
    .insert(comments)
    .values({
      articleId: c.articleId,
      parentId: c.parentId ?? null,
      depth: c.parentId ? 2 : 1,
      authorName: c.authorName,
      authorEmail: c.authorEmail.toLowerCase(),
      body: c.body,
      status: c.status ?? 'pending',
      createdAt: now,
      updatedAt: now,
    })
    .returning({ id: comments.id })
    .get().id;
}

export function commentStatus(db: SiteDb, id: number): CommentStatus | undefined {
  return db.select({ status: comments.status }).from(comments).where(eq(comments.id, id)).get()?.status;
}

export function commentsByEmail(db: SiteDb, email: string) {
  return db
    .select({
      id: comments.id,
      status: comments.status,
      body: comments.body,
      heldReasons: comments.heldReasons,
      isStaff: comments.isStaff,
      moderatedBy: comments.moderatedBy,
      parentId: comments.parentId,
    })
    .from(comments)
    .where(eq(comments.authorEmail, email.toLowerCase()))
    .orderBy(comments.id)
    .all();
}

export function insertSubscriber(
  db: SiteDb,
  s: { email: string; status?: SubscriberStatus; consentSource?: string; createdAt?: number },
): number {
  const now = new Date(s.createdAt ?? Date.now());
  const status = s.status ?? 'confirmed';
  return db
    .insert(subscribers)
    .values({
      email: s.email.toLowerCase(),
      status,
      unsubscribeToken: randomBytes(24).toString('base64url'),
      consentSource: s.consentSource ?? '/newsletter',
      consentAt: now,
      createdAt: now,
      updatedAt: now,
      confirmedAt: status === 'confirmed' ? now : null,
    })
    .returning({ id: subscribers.id })
    .get().id;
}

/** An email the deliverer gave up on, as the outbox page lists it. */
export function insertFailedEmail(db: SiteDb, recipient: string): number {
  return db
    .insert(emailOutbox)
    .values({
      kind: 'e2e_fixture',
      recipient,
      subject: 'A test email',
      html: '<p>A test email</p>',
      text: 'A test email',
      status: 'failed',
      attempts: 8,
      lastError: 'fake failure 500',
    })
    .returning({ id: emailOutbox.id })
    .get().id;
}

export function insertBlock(db: SiteDb, kind: BlocklistKind, value: string): number {
  return db.insert(blocklist).values({ kind, value, createdBy: 'e2e' }).returning({ id: blocklist.id }).get().id;
}

export function outboxRowsTo(db: SiteDb, recipient: string): { kind: string; status: string }[] {
  return db
    .select({ kind: emailOutbox.kind, status: emailOutbox.status })
    .from(emailOutbox)
    .where(eq(emailOutbox.recipient, recipient))
    .orderBy(emailOutbox.id)
    .all();
}

/** A draft newsletter issue holding one article; returns its id. */
export function insertDraftIssue(db: SiteDb, subject: string, articleId: number): number {
  const now = new Date();
  return db.transaction((tx) => {
    const { id } = tx
      .insert(newsletterIssues)
      .values({ subject, intro: '', status: 'draft', createdAt: now, updatedAt: now })
      .returning({ id: newsletterIssues.id })
      .get();
    tx.insert(newsletterIssueArticles).values({ issueId: id, articleId, position: 0 }).run();
    return id;
  });
}

/** The status of a newsletter issue. */
export function issueStatus(db: SiteDb, id: number) {
  return db.select({ status: newsletterIssues.status }).from(newsletterIssues).where(eq(newsletterIssues.id, id)).get()?.status;
}

export interface Choices {
  section: { id: number; slug: string; name: string };
  /** Two authors, for a double byline. */
  authors: [{ id: number; slug: string; name: string }, { id: number; slug: string; name: string }];
}

/** A section and two authors of the seed to file test articles under. */
export function newsroomSeedChoices(db: SiteDb, pick = 0): Choices {
  const allSections = db
    .select({ id: sections.id, slug: sections.slug, name: sections.name })
    .from(sections)
    .orderBy(asc(sections.id))
    .all();
  const people = db.select({ id: authors.id, slug: authors.slug, name: authors.name }).from(authors).orderBy(asc(authors.id)).all();
  const section = allSections[pick % allSections.length];
  const first = people[pick % people.length];
  const second = people[(pick + 1) % people.length];
  if (!section || !first || !second || first === second) throw new Error('The seed needs a section and two authors');
  return { section, authors: [first, second] };
}

export interface NewArticle {
  title: string;
  slug: string;
  body?: string;
  status?: ArticleStatus;
  publishedAt?: Date | null;
  version?: number;
  commentsOpen?: boolean;
  updatedBy?: string;
}

/** An article as the editor would have saved it (bylined to the first author, in the first section); returns its id. */
export function insertArticle(db: SiteDb, a: NewArticle): number {
  const {
    section,
    authors: [author],
  } = newsroomSeedChoices(db);
  const now = new Date();
  return db.transaction((tx) => {
    const { id } = tx
      .insert(articles)
      .values({
        slug: a.slug,
        title: a.title,
        body: a.body ?? `The text of ${a.title}.`,
        status: a.status ?? 'draft',
        publishedAt: a.publishedAt ?? null,
        version: a.version ?? 1,
        commentsOpen: a.commentsOpen ?? false,
        updatedBy: a.updatedBy ?? 'e2e',
        authorId: author.id,
        sectionId: section.id,
        createdAt: now,
        updatedAt: now,
      })
      .returning({ id: articles.id })
      .get();
    tx.insert(articleAuthors).values({ articleId: id, authorId: author.id, position: 0 }).run();
    return id;
  });
}

/** A kept revision of an article: the article's fields as they were at `version`; returns its id. */
export function insertRevision(db: SiteDb, articleId: number, version: number, fields: Pick<ArticleFields, 'title' | 'body'>): number {
  const article = db.select().from(articles).where(eq(articles.id, articleId)).get();
  if (!article) throw new Error(`No article ${articleId}`);
  const authorIds = db
    .select({ id: articleAuthors.authorId })
    .from(articleAuthors)
    .where(eq(articleAuthors.articleId, articleId))
    .orderBy(articleAuthors.position)
    .all()
    .map((r) => r.id);
  const kept: ArticleFields = {
    title: fields.title,
    summary: article.summary,
    slug: article.slug,
    sectionId: article.sectionId,
    tags: '',
    authorIds,
    body: fields.body,
    imageId: article.imageId,
    imageAlt: article.imageAlt,
    imageCaption: article.imageCaption,
    imageCredit: article.imageCredit,
    commentsOpen: article.commentsOpen,
    correction: article.correction,
  };
  return db
    .insert(articleRevisions)
    .values({ articleId, version, fields: kept as unknown as Record<string, unknown>, savedBy: 'e2e', createdAt: new Date() })
    .returning({ id: articleRevisions.id })
    .get().id;
}

/** The article's row as it stands: what a page reload in the editor would open. */
export function articleRow(db: SiteDb, id: number) {
  return db.select().from(articles).where(eq(articles.id, id)).get();
}
