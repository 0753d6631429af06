import Database from 'better-sqlite3';

// Direct access to a suite's scratch database, for seeding and for checking what the site stored.
// Never the site's own database: suites only get paths under bench/.tmp/.

export type ScratchDb = Database.Database;

export function openScratchDb(file: string): ScratchDb {
  const db = new Database(file, { fileMustExist: true });
  db.pragma('busy_timeout = 5000');
  return db;
}

/**
 * What the newsroom tools do after a change: every server process drops its cached pages with
 * these tags (lib/cache/next-cache-handler.mjs polls this table every 200 ms). Pages rendered in
 * the second after an invalidation are treated as stale too (its race margin), so wait about
 * 1.5 s before warming a page up again.
 */
export function invalidateTags(db: ScratchDb, tags: string[], now = Date.now()): void {
  const upsert = db.prepare(
    `INSERT INTO cache_invalidations (tag, invalidated_at) VALUES (?, ?)
     ON CONFLICT(tag) DO UPDATE SET invalidated_at = max(invalidated_at, excluded.invalidated_at)`,
  );
  db.transaction(() => tags.forEach((tag) => upsert.run(tag, now)))();
}

export interface LiveArticle {
  id: number;
  slug: string;
  publishedAt: number;
  approvedComments: number;
}

/** Published articles open for comments, newest first, with their approved comment counts. */
export function openArticles(db: ScratchDb): LiveArticle[] {
  return db
    .prepare<[number], LiveArticle>(
      `SELECT a.id, a.slug, a.published_at AS publishedAt,
              (SELECT count(*) FROM comments c WHERE c.article_id = a.id AND c.status = 'approved') AS approvedComments
       FROM articles a
       WHERE a.status = 'published' AND a.published_at <= ? AND a.comments_open = 1
       ORDER BY a.published_at DESC, a.id DESC`,
    )
    .all(Date.now());
}

/** A staff user with a database session, as Auth.js stores it after a magic-link sign-in. */
export function insertStaffSession(db: ScratchDb, { role = 'moderator', hours = 12 }: { role?: 'moderator' | 'admin'; hours?: number } = {}) {
  const userId = `bench-${role}-${process.pid}-${Date.now()}`;
  const token = `bench-session-${crypto.randomUUID()}`;
  const now = Date.now();
  db.transaction(() => {
    db.prepare('INSERT INTO users (id, name, email, role, created_at) VALUES (?, ?, ?, ?, ?)').run(userId, 'Bench Moderator', `${userId}@example.com`, role, now);
    db.prepare('INSERT INTO sessions (session_token, user_id, expires) VALUES (?, ?, ?)').run(token, userId, now + hours * 3_600_000);
  })();
  return { userId, token, cookie: `authjs.session-token=${token}` };
}
