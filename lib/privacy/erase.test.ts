import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { and, eq, sql } from 'drizzle-orm';
import { getTableConfig, SQLiteTable } from 'drizzle-orm/sqlite-core';
import { getDb } from '@/db';
import { migrateDatabase } from '@/db/migrate';
import { seedDatabaseIfEmpty } from '@/db/seed';
import * as schema from '@/db/schema';
import {
  articles,
  blocklist,
  commenterCredentials,
  commenters,
  commentReports,
  comments,
  dataRequests,
  emailEvents,
  emailOutbox,
  moderationLog,
  subscribers,
} from '@/db/schema';
import { listApprovedComments } from '@/lib/comments/queries';
import { commentInputSchema, createFormStamp } from '@/lib/comments/rules';
import { storeComment } from '@/lib/comments/store';
import { idsIn, type ThreadComment } from '@/lib/comments/thread';
import { confirmSubscription, requestSubscription } from '@/lib/newsletter/subscriptions';
import { hashToken, newToken } from '@/lib/newsletter/tokens';
import { clientKeysFor } from '@/lib/security/client';
import { logStaffAction } from '@/lib/staff/log';
import { uniqueClientIp } from '@/test/support/client-ip';
import { describeErased, ERASED_RECIPIENT, eraseAddress, forgetSentErasureNotices } from './erase';
import { collectHoldings } from './holdings';
import { READER_COLUMNS, TABLES_WITHOUT_READER_DATA } from './personal-data';
import { isSuppressed } from './suppression';

// Erasure on a real SQLite file: every place an address can be, one transaction, the suppression
// list, and what readers see afterwards.

const db = () => getDb();
const unique = () => randomUUID().slice(0, 8);
const tables = (Object.values(schema) as unknown[]).filter((t): t is SQLiteTable => t instanceof SQLiteTable).map((t) => getTableConfig(t));

let slug = '';
let articleId = 0;

beforeAll(() => {
  migrateDatabase();
  seedDatabaseIfEmpty();
  const article = db().select({ id: articles.id, slug: articles.slug }).from(articles).where(eq(articles.status, 'published')).get()!;
  slug = article.slug;
  articleId = article.id;
});

function addComment(email: string, status: schema.CommentStatus, { parentId = null as number | null, ipHash = `ip-${unique()}` } = {}) {
  return db()
    .insert(comments)
    .values({
      articleId,
      parentId,
      authorName: `Name ${email}`,
      authorEmail: email,
      body: `Words by ${email}`,
      status,
      ipHash,
      userAgent: 'UA',
    })
    .returning({ id: comments.id })
    .get().id;
}

function addEmail(to: string, status: schema.OutboxStatus = 'sent', createdAt = new Date()) {
  return db()
    .insert(emailOutbox)
    .values({
      kind: 'newsletter_welcome',
      recipient: to,
      subject: 'Welcome to The Ledger',
      html: `<p>Hello ${to}</p>`,
      text: `Hello ${to}`,
      headers: { 'List-Unsubscribe': `<https://x.example/u?for=${to}>` },
      vars: { email: to },
      status,
      lastError: status === 'failed' ? `550 mailbox ${to} unknown` : null,
      createdAt,
    })
    .returning({ id: emailOutbox.id })
    .get().id;
}

/** Every row and text column in the database that contains `needle` (as typed or URL-encoded), as "table.column". */
function placesHolding(needle: string): string[] {
  return [...new Set([...placesHoldingExactly(needle), ...placesHoldingExactly(encodeURIComponent(needle))])];
}

function placesHoldingExactly(needle: string): string[] {
  const found: string[] = [];
  for (const table of tables)
    for (const column of table.columns.filter((c) => c.getSQLType() === 'text')) {
      const n = db().get<{ n: number }>(
        sql`select count(*) as n from ${sql.identifier(table.name)} where instr(lower(${sql.identifier(column.name)}), ${needle.toLowerCase()}) > 0`,
      ).n;
      if (n > 0) found.push(`${table.name}.${column.name}`);
    }
  return found;
}

/** A reader with everything the site can hold: comments in every status, a subscription, emails, staff log and blocklist entries. */
function seedReader() {
  const email = `erase-${unique()}@example.org`;
  const ipHash = `ip-${unique()}`;
  const other = `other-${unique()}@example.org`;
  const answered = addComment(email, 'approved', { ipHash });
  const reply = addComment(other, 'approved', { parentId: answered });
  const alone = addComment(email, 'approved', { ipHash });
  const pending = addComment(email, 'pending', { ipHash });
  const spam = addComment(email, 'spam', { ipHash });
  db()
    .insert(commentReports)
    .values({ commentId: answered, reason: 'abuse', note: `${email} is rude`, ipHash: 'r1', networkHash: 'r1' })
    .run();
  const subscriber = db()
    .insert(subscribers)
    .values({
      email,
      status: 'confirmed',
      unsubscribeToken: newToken(),
      consentSource: '/newsletter',
      consentAt: new Date(),
      confirmedAt: new Date(),
      ipHash,
    })
    .returning({ id: subscribers.id })
    .get().id;
  // Someone else's subscription waiting to move to this address.
  const mover = db()
    .insert(subscribers)
    .values({
      email: other,
      status: 'confirmed',
      unsubscribeToken: newToken(),
      newEmail: email,
      newEmailTokenHash: hashToken(newToken()),
      newEmailExpiresAt: new Date(Date.now() + 3600_000),
    })
    .returning({ id: subscribers.id })
    .get().id;
  const sent = addEmail(email, 'sent');
  const failed = addEmail(email, 'failed');
  const queued = addEmail(email, 'queued');
  db()
    .insert(emailEvents)
    .values({ outboxId: failed, event: 'bounced', detail: `550 ${email} unknown`, at: new Date() })
    .run();
  logStaffAction(db(), { actor: 'moderator@ledger.test', action: 'block-email', detail: email.toUpperCase() });
  logStaffAction(db(), {
    actor: 'moderator@ledger.test',
    action: 'commenter-trusted',
    detail: 'marked',
    link: `/admin/comments/history?email=${encodeURIComponent(email)}`,
  });
  db().insert(blocklist).values({ kind: 'email', value: email, createdBy: 'moderator@ledger.test' }).run();
  db()
    .insert(dataRequests)
    .values({ email, tokenHash: hashToken(newToken()), expiresAt: new Date(Date.now() + 3600_000) })
    .run();
  const commenterId = db()
    .insert(commenters)
    .values({ email, name: `Name ${email}`, provenAt: new Date(), trust: 'trusted', trustSetBy: 'moderator@ledger.test' })
    .returning({ id: commenters.id })
    .get().id;
  db()
    .insert(commenterCredentials)
    .values({ commenterId, tokenHash: hashToken(newToken()) })
    .run();
  return { email, ipHash, other, answered, reply, alone, pending, spam, subscriber, mover, sent, failed, queued };
}

async function publicThread(): Promise<ThreadComment[]> {
  const out: ThreadComment[] = [];
  for (let page = 1; ; page++) {
    const thread = await listApprovedComments({ slug, page });
    if (!thread) return out;
    out.push(...thread.comments);
  }
}
const flatten = (list: ThreadComment[]): ThreadComment[] => list.flatMap((c) => [c, ...flatten(c.replies)]);

describe('the schema and erasure', () => {
  it('knows what erasure does with every text column of every table that can hold a reader’s data', () => {
    const undecided: string[] = [];
    for (const table of tables) {
      if (table.name in TABLES_WITHOUT_READER_DATA) continue;
      for (const column of table.columns.filter((c) => c.getSQLType() === 'text'))
        if (!(`${table.name}.${column.name}` in READER_COLUMNS)) undecided.push(`${table.name}.${column.name}`);
    }
    expect(undecided, 'add these to lib/privacy/personal-data.ts, and to erasure if they can hold an address').toEqual([]);
    const names = new Set(tables.map((t) => t.name));
    expect(Object.keys(TABLES_WITHOUT_READER_DATA).filter((t) => !names.has(t))).toEqual([]);
    expect(Object.keys(READER_COLUMNS).filter((c) => !names.has(c.split('.')[0]!))).toEqual([]);
  });

  it('leaves the address nowhere in the database, nor the commenter’s IP hash', async () => {
    const r = seedReader();
    expect(placesHolding(r.email).length).toBeGreaterThan(5);

    const summary = await eraseAddress(r.email.toUpperCase(), { actor: 'the reader (My data)' });
    expect(summary).toEqual({ anything: true, comments: 3, commentsLeftAsRemoved: 1, subscription: true, commenter: true, emails: 3 });
    // Only the confirmation, queued to go, still names it; once it has gone, nothing does.
    expect(placesHolding(r.email)).toEqual(['email_outbox.recipient']);
    db().update(emailOutbox).set({ status: 'sent', sentAt: new Date() }).where(eq(emailOutbox.kind, 'data_erased')).run();
    expect(forgetSentErasureNotices(db())).toBeGreaterThanOrEqual(1);
    expect(placesHolding(r.email)).toEqual([]);
    expect(placesHolding(r.ipHash)).toEqual([]);
  });

  it('keeps the thread readable: an answered comment stays as "removed", the rest go, others’ replies stay', async () => {
    const r = seedReader();
    await eraseAddress(r.email, { actor: 'admin@ledger.test', notify: false });
    const rows = db()
      .select()
      .from(comments)
      .where(sql`${comments.id} in (${sql.join([r.answered, r.reply, r.alone, r.pending, r.spam], sql`, `)})`)
      .all();
    expect(rows.map((c) => c.id).sort()).toEqual([r.answered, r.reply].sort());
    const kept = rows.find((c) => c.id === r.answered)!;
    expect(kept).toMatchObject({
      authorName: '',
      authorEmail: '',
      body: '',
      authorUrl: null,
      ipHash: null,
      userAgent: null,
      status: 'approved',
    });
    expect(kept.erasedAt).toBeInstanceOf(Date);

    const shown = flatten(await publicThread());
    const removed = shown.find((c) => c.id === r.answered)!;
    expect(removed.removed).toBe(true);
    expect(removed.replies.map((c) => c.id)).toContain(r.reply);
    expect(idsIn(shown).has(r.alone)).toBe(false);
    expect(shown.some((c) => c.authorName.includes(r.email))).toBe(false);
    expect(db().select().from(commentReports).where(eq(commentReports.commentId, r.answered)).all()).toEqual([]);
  });

  it('scrubs the outbox without losing that emails went: cancels what was waiting, blanks the rest', async () => {
    const r = seedReader();
    await eraseAddress(r.email, { actor: 'admin@ledger.test', notify: false });
    const rows = db()
      .select()
      .from(emailOutbox)
      .where(sql`${emailOutbox.id} in (${r.sent}, ${r.failed}, ${r.queued})`)
      .all();
    expect(rows.map((e) => [e.id, e.status, e.recipient, e.html, e.text, e.subject])).toEqual([
      [r.sent, 'sent', ERASED_RECIPIENT, '', '', 'Welcome to The Ledger'],
      [r.failed, 'cancelled', ERASED_RECIPIENT, '', '', 'Welcome to The Ledger'],
      [r.queued, 'cancelled', ERASED_RECIPIENT, '', '', 'Welcome to The Ledger'],
    ]);
    // The other reader's subscription stays, without the change that would have moved it here.
    expect(db().select().from(subscribers).where(eq(subscribers.id, r.mover)).get()).toMatchObject({
      email: r.other,
      newEmail: null,
      newEmailTokenHash: null,
    });
    expect(db().select().from(subscribers).where(eq(subscribers.id, r.subscriber)).get()).toBeUndefined();
  });

  it('writes the staff log without the address, and replaces it where the log named it', async () => {
    const r = seedReader();
    await eraseAddress(r.email, { actor: 'admin@ledger.test', notify: false });
    const last = db()
      .select()
      .from(moderationLog)
      .orderBy(sql`${moderationLog.id} desc`)
      .get()!;
    expect(last).toMatchObject({ actor: 'admin@ledger.test', action: 'data-erase' });
    expect(last.detail).toBe(
      '4 comments (1 left as "removed" under replies), a newsletter subscription, the proof of the address for comments and the records of 3 emails',
    );
    const blockEntry = db()
      .select()
      .from(moderationLog)
      .where(and(eq(moderationLog.action, 'block-email'), sql`${moderationLog.detail} like '%[erased address]%'`))
      .all();
    expect(blockEntry.length).toBeGreaterThanOrEqual(1);
  });

  it('keeps a blocked address blocked, by its hash', async () => {
    const r = seedReader();
    await eraseAddress(r.email, { actor: 'admin@ledger.test', notify: false });
    const now = new Date(Date.now() + 10 * 60_000);
    const outcome = storeComment({
      articleSlug: slug,
      input: commentInputSchema.parse({ name: 'Back again', email: r.email, website: '', body: 'I am back with more.', parentId: '' }),
      stamp: createFormStamp('unit-secret-0123456789abcdef', now.getTime() - 5_000),
      stampKey: 'unit-secret-0123456789abcdef',
      ipHash: `ip-${unique()}`,
      ipRangeHash: null,
      userAgent: 'UA',
      now,
    });
    expect(outcome).toMatchObject({ ok: true, status: 'spam' });
  });

  it('is one transaction: when a step fails, nothing is erased', async () => {
    const r = seedReader();
    const client = db().$client;
    client.exec("CREATE TEMP TRIGGER refuse_erasure BEFORE DELETE ON data_requests BEGIN SELECT RAISE(ABORT, 'disk full'); END;");
    try {
      await expect(eraseAddress(r.email, { actor: 'admin@ledger.test' })).rejects.toThrow(/disk full/);
    } finally {
      client.exec('DROP TRIGGER refuse_erasure');
    }
    expect(collectHoldings(r.email)).toMatchObject({ subscription: { status: 'confirmed' } });
    expect(collectHoldings(r.email).comments).toHaveLength(4);
    expect(isSuppressed(db(), r.email)).toBe(false);
    expect(
      db()
        .select()
        .from(emailOutbox)
        .where(eq(emailOutbox.kind, 'data_erased'))
        .all()
        .filter((e) => e.recipient === r.email),
    ).toEqual([]);
  });

  it('answers "nothing was held" for an unknown address, and sends it nothing', async () => {
    const email = `nobody-${unique()}@example.org`;
    expect(await eraseAddress(email, { actor: 'admin@ledger.test' })).toMatchObject({ anything: false });
    expect(db().select().from(emailOutbox).where(eq(emailOutbox.recipient, email)).all()).toEqual([]);
  });
});

describe('the suppression list', () => {
  it('holds the erased address as a hash; a new sign-up goes through the double opt-in, and confirming lifts it', async () => {
    const r = seedReader();
    await eraseAddress(r.email, { actor: 'admin@ledger.test', notify: false });
    expect(isSuppressed(db(), r.email)).toBe(true);
    expect(isSuppressed(db(), r.email.toUpperCase())).toBe(true);
    expect(placesHolding(r.email)).toEqual([]);

    const outcome = await requestSubscription({ rawEmail: r.email, source: '/newsletter', client: clientKeysFor(uniqueClientIp()) });
    expect(outcome).toEqual({ ok: true });
    const row = db().select().from(subscribers).where(eq(subscribers.email, r.email)).get()!;
    expect(row.status).toBe('pending');
    const token = newToken();
    db()
      .update(subscribers)
      .set({ confirmTokenHash: hashToken(token) })
      .where(eq(subscribers.id, row.id))
      .run();
    expect(await confirmSubscription(token)).toBe('confirmed');
    expect(isSuppressed(db(), r.email)).toBe(false);
  });
});

describe('describeErased', () => {
  it('says what went, in words', () => {
    expect(describeErased({ comments: 1, commentsLeftAsRemoved: 0, subscription: false, commenter: false, emails: 0 })).toBe('1 comment');
    expect(describeErased({ comments: 0, commentsLeftAsRemoved: 0, subscription: true, commenter: false, emails: 1 })).toBe(
      'a newsletter subscription and the records of 1 email',
    );
    expect(describeErased({ comments: 0, commentsLeftAsRemoved: 0, subscription: false, commenter: false, emails: 0 })).toBe('nothing');
  });
});
