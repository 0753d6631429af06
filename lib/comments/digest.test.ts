import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { getDb } from '@/db';
import { migrateDatabase } from '@/db/migrate';
import { articles, comments, emailOutbox } from '@/db/schema';
import { seedDatabaseIfEmpty } from '@/db/seed';
import { DIGEST_INTERVAL_MS, sendCommentsDigestIfDue } from './digest';

const MINUTE = 60 * 1000;
const STAFF = ['editor@ledger.example', 'moderator@ledger.example'];
const db = () => getDb();
const digests = () => db().select().from(emailOutbox).where(eq(emailOutbox.kind, 'comments_digest')).orderBy(emailOutbox.id).all();

/** A pending comment written at `at` (defaults to now), as the comment form would leave it. */
function pendingComment({ name, body, at = Date.now() }: { name: string; body: string; at?: number }) {
  const article = db()
    .select({ id: articles.id, title: articles.title })
    .from(articles)
    .where(eq(articles.status, 'published'))
    .orderBy(articles.id)
    .limit(1)
    .get()!;
  db()
    .insert(comments)
    .values({
      articleId: article.id,
      authorName: name,
      authorEmail: `${name.toLowerCase()}@example.com`,
      body,
      status: 'pending',
      createdAt: new Date(at),
      updatedAt: new Date(at),
    })
    .run();
  return article;
}

beforeAll(() => {
  migrateDatabase();
  seedDatabaseIfEmpty();
});

beforeEach(() => {
  db().delete(emailOutbox).where(eq(emailOutbox.kind, 'comments_digest')).run();
  db().update(comments).set({ status: 'approved' }).where(eq(comments.status, 'pending')).run();
});

describe('sendCommentsDigestIfDue', () => {
  it('sends nothing when no comment is pending, or when there are no staff', async () => {
    expect(await sendCommentsDigestIfDue({ recipients: STAFF })).toBe(0);
    pendingComment({ name: 'Ana', body: 'First.' });
    expect(await sendCommentsDigestIfDue({ recipients: [] })).toBe(0);
    expect(digests()).toEqual([]);
  });

  it('emails every moderator the pending comments with a link to the moderation queue', async () => {
    const article = pendingComment({ name: 'Ana', body: 'Who paid for the recovery?' });
    pendingComment({ name: 'Ben', body: '<script>alert(1)</script> & more' });

    expect(await sendCommentsDigestIfDue({ recipients: STAFF })).toBe(2);

    const sent = digests();
    expect(sent.map((d) => d.recipient)).toEqual(STAFF);
    for (const digest of sent) {
      expect(digest.subject).toBe('2 comments are waiting for moderation on The Ledger');
      expect(digest.html).toContain('href="http://localhost:3000/admin/comments?status=pending"');
      expect(digest.text).toContain('http://localhost:3000/admin/comments?status=pending');
      expect(digest.text).toContain('Ana');
      expect(digest.text).toContain('Who paid for the recovery?');
      expect(digest.text).toContain(article.title);
      // Comment text is escaped, never markup.
      expect(digest.html).not.toContain('<script>');
      expect(digest.html).toContain('&lt;script&gt;');
      // A commenter's private email is not in it.
      expect(digest.html).not.toContain('ana@example.com');
    }
  });

  it('sends at most one digest every 10 minutes', async () => {
    expect(DIGEST_INTERVAL_MS).toBe(10 * MINUTE);
    const start = Date.now();
    pendingComment({ name: 'Ana', body: 'One.', at: start - MINUTE });
    expect(await sendCommentsDigestIfDue({ recipients: STAFF, now: new Date(start) })).toBe(2);

    // More comments arrive, but the last digest is too recent.
    pendingComment({ name: 'Ben', body: 'Two.', at: start + MINUTE });
    expect(await sendCommentsDigestIfDue({ recipients: STAFF, now: new Date(start + 2 * MINUTE) })).toBe(0);
    expect(await sendCommentsDigestIfDue({ recipients: STAFF, now: new Date(start + 9 * MINUTE) })).toBe(0);
    expect(digests()).toHaveLength(2);

    // Ten minutes on, the next digest lists both.
    expect(await sendCommentsDigestIfDue({ recipients: STAFF, now: new Date(start + 10 * MINUTE + 1000) })).toBe(2);
    const latest = digests().at(-1)!;
    expect(latest.subject).toBe('2 comments are waiting for moderation on The Ledger');
    expect(latest.text).toContain('Two.');
  });

  it('does not repeat itself when nothing new has arrived since the last digest', async () => {
    const start = Date.now();
    pendingComment({ name: 'Ana', body: 'Still waiting.', at: start - MINUTE });
    expect(await sendCommentsDigestIfDue({ recipients: STAFF, now: new Date(start) })).toBe(2);
    expect(await sendCommentsDigestIfDue({ recipients: STAFF, now: new Date(start + 30 * MINUTE) })).toBe(0);
  });

  it('sends one digest when two sweeps run at once', async () => {
    pendingComment({ name: 'Ana', body: 'Race.', at: Date.now() - MINUTE });
    const results = await Promise.all([sendCommentsDigestIfDue({ recipients: STAFF }), sendCommentsDigestIfDue({ recipients: STAFF })]);
    expect(results.sort()).toEqual([0, 2]);
    expect(digests()).toHaveLength(2);
  });

  it('says "comment is" for one', async () => {
    pendingComment({ name: 'Ana', body: 'Alone.' });
    await sendCommentsDigestIfDue({ recipients: ['editor@ledger.example'] });
    expect(digests()[0]!.subject).toBe('1 comment is waiting for moderation on The Ledger');
  });
});
