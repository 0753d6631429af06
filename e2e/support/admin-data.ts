import { randomBytes, randomUUID } from 'node:crypto';
import type { SiteDb } from './site-db';
import { COMMENT_SPEC_ARTICLES, commentableArticles } from './comments';

// Rows the dashboard specs put straight into the site's database: staff members, their sessions,
// comments waiting for a moderator, subscribers and failed emails. Each test tags what it creates
// with its own unique text, so tests running side by side never act on each other's rows.

export type StaffRole = 'admin' | 'moderator';
export type CommentStatus = 'pending' | 'approved' | 'spam' | 'trash';

/** Auth.js's session cookie on an http:// site (on https it gets the __Secure- prefix). */
export const SESSION_COOKIE = 'authjs.session-token';

/** Short text unique to one test (or one worker): goes into addresses and comment bodies. */
export function uniqueTag(label: string): string {
  return `${label}-${Date.now().toString(36)}${randomBytes(3).toString('hex')}`;
}

/** Adds (or changes) a staff member, as `npm run staff -- add` does. Returns the user id. */
export function addStaffMember(db: SiteDb, email: string, role: StaffRole | null): string {
  const row = db
    .prepare<[string, string, string | null], { id: string }>(
      `INSERT INTO users (id, email, role) VALUES (?, ?, ?)
       ON CONFLICT(email) DO UPDATE SET role = excluded.role RETURNING id`,
    )
    .get(randomUUID(), email.toLowerCase(), role);
  return row!.id;
}

export function roleOf(db: SiteDb, email: string): StaffRole | null | undefined {
  return db.prepare<[string], { role: StaffRole | null }>('SELECT role FROM users WHERE email = ?').get(email.toLowerCase())?.role;
}

/**
 * A database session for a user, as Auth.js writes one when a magic link is used. The sign-in
 * spec signs in through the email link itself; other specs start from a session made here, so
 * they do not spend the per-IP sign-in allowance (20 requests in 15 minutes, shared by the run).
 */
export function createSession(db: SiteDb, userId: string, { expiresInMs = 12 * 60 * 60 * 1000 } = {}): string {
  const token = randomUUID();
  db.prepare('INSERT INTO sessions (session_token, user_id, expires) VALUES (?, ?, ?)').run(token, userId, Date.now() + expiresInMs);
  return token;
}

export function sessionCount(db: SiteDb, email: string): number {
  return db
    .prepare<[string], { n: number }>('SELECT count(*) AS n FROM sessions s JOIN users u ON u.id = s.user_id WHERE u.email = ?')
    .get(email.toLowerCase())!.n;
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
  const now = c.createdAt ?? Date.now();
  const row = db
    .prepare<unknown[], { id: number }>(
      `INSERT INTO comments (article_id, parent_id, depth, author_name, author_email, body, status, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
    )
    .get(
      c.articleId,
      c.parentId ?? null,
      c.parentId ? 2 : 1,
      c.authorName,
      c.authorEmail.toLowerCase(),
      c.body,
      c.status ?? 'pending',
      now,
      now,
    );
  return row!.id;
}

export function commentStatus(db: SiteDb, id: number): CommentStatus | undefined {
  return db.prepare<[number], { status: CommentStatus }>('SELECT status FROM comments WHERE id = ?').get(id)?.status;
}

export interface StoredComment {
  id: number;
  status: CommentStatus;
  body: string;
  heldReasons: string;
  isStaff: number;
  moderatedBy: string | null;
  parentId: number | null;
}

export function commentsByEmail(db: SiteDb, email: string): StoredComment[] {
  return db
    .prepare<[string], StoredComment>(
      `SELECT id, status, body, held_reasons AS heldReasons, is_staff AS isStaff, moderated_by AS moderatedBy, parent_id AS parentId
       FROM comments WHERE author_email = ? ORDER BY id`,
    )
    .all(email.toLowerCase());
}

export function insertSubscriber(
  db: SiteDb,
  s: {
    email: string;
    status?: 'pending' | 'confirmed' | 'unsubscribed' | 'bounced' | 'complained';
    consentSource?: string;
    createdAt?: number;
  },
): number {
  const now = s.createdAt ?? Date.now();
  const row = db
    .prepare<unknown[], { id: number }>(
      `INSERT INTO subscribers (email, status, unsubscribe_token, consent_source, consent_at, created_at, updated_at, confirmed_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
    )
    .get(
      s.email.toLowerCase(),
      s.status ?? 'confirmed',
      randomBytes(24).toString('base64url'),
      s.consentSource ?? '/newsletter',
      now,
      now,
      now,
      s.status === 'confirmed' || !s.status ? now : null,
    );
  return row!.id;
}

/** An email the deliverer gave up on, as the outbox page lists it. */
export function insertFailedEmail(db: SiteDb, recipient: string): number {
  const row = db
    .prepare<unknown[], { id: number }>(
      `INSERT INTO email_outbox (kind, recipient, subject, html, text, status, attempts, last_error)
       VALUES ('e2e_fixture', ?, 'A test email', '<p>A test email</p>', 'A test email', 'failed', 8, 'fake failure 500') RETURNING id`,
    )
    .get(recipient);
  return row!.id;
}

export function insertBlock(db: SiteDb, kind: 'email' | 'ip' | 'word', value: string): number {
  return db
    .prepare<unknown[], { id: number }>(`INSERT INTO blocklist (kind, value, created_by) VALUES (?, ?, 'e2e') RETURNING id`)
    .get(kind, value)!.id;
}

export function outboxRowsTo(db: SiteDb, recipient: string): { kind: string; status: string }[] {
  return db
    .prepare<[string], { kind: string; status: string }>('SELECT kind, status FROM email_outbox WHERE recipient = ? ORDER BY id')
    .all(recipient);
}

/** A draft newsletter issue holding one article; returns its id. */
export function insertDraftIssue(db: SiteDb, subject: string, articleId: number): number {
  const now = Date.now();
  const id = Number(
    db
      .prepare("INSERT INTO newsletter_issues (subject, intro, status, created_at, updated_at) VALUES (?, '', 'draft', ?, ?)")
      .run(subject, now, now).lastInsertRowid,
  );
  db.prepare('INSERT INTO newsletter_issue_articles (issue_id, article_id, position) VALUES (?, ?, 0)').run(id, articleId);
  return id;
}
