import { randomUUID } from 'node:crypto';
import { and, count, desc, eq, lte } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/db';
import { migrateDatabase } from '@/db/migrate';
import { articles, blocklist, comments, type BlocklistKind } from '@/db/schema';
import { seedDatabaseIfEmpty } from '@/db/seed';
import { commentInputSchema, createFormStamp } from './rules';
import { RANGE_FACTOR } from '@/lib/security/rate-limit';
import { COMMENT_MESSAGES, floodMessage, HOURLY_LIMIT, storeComment, type SubmitOutcome } from './store';

// storeComment against a real, seeded SQLite file: every rule that needs the database.

const SECRET = 'unit-test-secret-0123456789';
const db = () => getDb();

// Each submission happens a minute after the one before, on one clock for the whole file, so a
// test's flood window never sees another test's comments unless it means to.
let clock = Date.now();
const nextMinute = () => new Date((clock += 60_000));

type CommentRow = typeof comments.$inferSelect;

const rowOf = (id: number): CommentRow => db().select().from(comments).where(eq(comments.id, id)).get()!;
const commentCount = () => db().select({ n: count() }).from(comments).get()!.n;
const articleIdOf = (slug: string) => db().select({ id: articles.id }).from(articles).where(eq(articles.slug, slug)).get()!.id;

let openSlugs: string[] = [];
let closedSlug = '';
let draftSlug = '';
let scheduledSlug = '';
let nextOpen = 0;
/** A different published article with comments open for each test that wants its own. */
const openArticle = () => openSlugs[nextOpen++ % openSlugs.length]!;

const unique = () => randomUUID().slice(0, 8);
const uniqueEmail = (label = 'reader') => `${label}-${unique()}@example.net`;
const uniqueIpHash = () => `ip-hash-${unique()}`;

interface Submission {
  slug: string;
  name?: string;
  email?: string;
  website?: string;
  body?: string;
  parentId?: number;
  ipHash?: string;
  ipRangeHash?: string | null;
  /** How long before `now` the form was shown; null posts without a stamp. */
  stampAge?: number | null;
  stamp?: string;
  now?: Date;
}

function submit(s: Submission): SubmitOutcome {
  const now = s.now ?? nextMinute();
  const input = commentInputSchema.parse({
    name: s.name ?? 'Ada Reader',
    email: s.email ?? uniqueEmail(),
    website: s.website ?? '',
    body: s.body ?? `A considered comment ${unique()}.`,
    parentId: s.parentId === undefined ? '' : String(s.parentId),
  });
  const stampAge = s.stampAge === undefined ? 5_000 : s.stampAge;
  return storeComment({
    articleSlug: s.slug,
    input,
    stamp: s.stamp ?? (stampAge === null ? null : createFormStamp(SECRET, now.getTime() - stampAge)),
    ipHash: s.ipHash ?? uniqueIpHash(),
    ipRangeHash: s.ipRangeHash ?? null,
    userAgent: 'Mozilla/5.0 (unit test)',
    stampKey: SECRET,
    now,
  });
}

function stored(outcome: SubmitOutcome): CommentRow {
  if (!outcome.ok) throw new Error(`expected the comment to be stored, got "${outcome.reason}"`);
  if (outcome.id === null) throw new Error('expected a new comment, got a duplicate');
  return rowOf(outcome.id);
}

const setStatus = (id: number, status: CommentRow['status']) => db().update(comments).set({ status }).where(eq(comments.id, id)).run();
const approve = (id: number) => setStatus(id, 'approved');
const block = (kind: BlocklistKind, value: string) => db().insert(blocklist).values({ kind, value }).run();

beforeAll(() => {
  migrateDatabase();
  seedDatabaseIfEmpty();
  const published = db()
    .select({ slug: articles.slug, open: articles.commentsOpen })
    .from(articles)
    .where(and(eq(articles.status, 'published'), lte(articles.publishedAt, new Date())))
    .orderBy(desc(articles.publishedAt))
    .all();
  openSlugs = published.filter((a) => a.open).map((a) => a.slug);
  closedSlug = published.find((a) => !a.open)!.slug;
  draftSlug = db().select({ slug: articles.slug }).from(articles).where(eq(articles.status, 'draft')).limit(1).get()!.slug;
  // A published article whose release time has not come yet.
  scheduledSlug = `scheduled-${unique()}`;
  const { authorId, sectionId } = db()
    .select({ authorId: articles.authorId, sectionId: articles.sectionId })
    .from(articles)
    .limit(1)
    .get()!;
  db()
    .insert(articles)
    .values({
      slug: scheduledSlug,
      title: 'Not out yet',
      body: 'Embargoed.',
      status: 'published',
      authorId,
      sectionId,
      commentsOpen: true,
      publishedAt: new Date(Date.now() + 365 * 24 * 60 * 60 * 1000),
    })
    .run();
  expect(openSlugs.length).toBeGreaterThan(10);
});

describe('storing a comment', () => {
  it('stores it as pending, with what was typed and the private fields kept apart', () => {
    const slug = openArticle();
    const email = uniqueEmail('ada');
    const row = stored(
      submit({
        slug,
        name: '  Ada Reader  ',
        email: email.toUpperCase(),
        website: 'https://ada.example.org',
        body: 'Line one\nline two',
        ipHash: 'hash-1',
      }),
    );
    expect(row).toMatchObject({
      articleId: articleIdOf(slug),
      parentId: null,
      depth: 1,
      authorName: 'Ada Reader',
      authorEmail: email,
      authorUrl: 'https://ada.example.org',
      body: 'Line one\nline two',
      status: 'pending',
      heldReasons: [],
      ipHash: 'hash-1',
      userAgent: 'Mozilla/5.0 (unit test)',
    });
  });

  it('answers with the new id, its status and the article', () => {
    const slug = openArticle();
    const outcome = submit({ slug });
    expect(outcome).toEqual({ ok: true, id: expect.any(Number), status: 'pending', articleSlug: slug });
  });

  it('stores no website when none was given', () => {
    expect(stored(submit({ slug: openArticle(), website: '' })).authorUrl).toBeNull();
  });
});

describe('the form stamp', () => {
  it('holds a comment posted under 3 s after the form was shown as spam, with the reason', () => {
    const row = stored(submit({ slug: openArticle(), stampAge: 1_200 }));
    expect(row.status).toBe('spam');
    expect(row.heldReasons).toEqual(['posted 1200 ms after the form was shown']);
  });

  it('holds a comment with a missing or forged stamp as spam', () => {
    for (const outcome of [
      submit({ slug: openArticle(), stampAge: null }),
      submit({ slug: openArticle(), stamp: createFormStamp('not-our-secret', Date.now() - 60_000) }),
      submit({ slug: openArticle(), stamp: `${Date.now() - 60_000}.forged` }),
    ]) {
      const row = stored(outcome);
      expect(row.status).toBe('spam');
      expect(row.heldReasons).toEqual(['missing or forged form stamp']);
    }
  });

  it('asks for the comment again when the form is over a day old, and stores nothing', () => {
    const before = commentCount();
    expect(submit({ slug: openArticle(), stampAge: 25 * 60 * 60 * 1000 })).toEqual({ ok: false, reason: 'expired' });
    expect(commentCount()).toBe(before);
    expect(COMMENT_MESSAGES.expired).toBe('This form was open for more than a day. Please post your comment again.');
  });
});

describe('flood', () => {
  it('refuses a second comment from the same IP within 15 s, with the exact message', () => {
    const ipHash = uniqueIpHash();
    const first = nextMinute();
    stored(submit({ slug: openArticle(), ipHash, now: first }));
    const before = commentCount();
    const second = submit({ slug: openArticle(), ipHash, email: uniqueEmail(), now: new Date(first.getTime() + 14_000) });
    // One comment per 15 s: 14 s after the first, the wait is the last second.
    expect(second).toEqual({ ok: false, reason: 'flood', retryAfterMs: 1000 });
    expect(floodMessage(1000)).toBe('You are posting comments too quickly. Please wait 1 second, then post it again.');
    expect(floodMessage(90_000)).toBe('You are posting comments too quickly. Please wait 2 minutes, then post it again.');
    expect(commentCount()).toBe(before);
    // After the window the same reader may post again.
    expect(submit({ slug: openArticle(), ipHash, now: new Date(first.getTime() + 15_001) }).ok).toBe(true);
  });

  it('does not tie the flood rule to the email typed: another IP may post as the same address at once', () => {
    const email = uniqueEmail('flood');
    const first = nextMinute();
    stored(submit({ slug: openArticle(), email, now: first }));
    stored(submit({ slug: openArticle(), email, ipHash: uniqueIpHash(), now: new Date(first.getTime() + 2_000) }));
  });

  it('counts duplicates as attempts: a repeated post still holds the IP to one post in 15 s', () => {
    const ipHash = uniqueIpHash();
    const slug = openArticle();
    const body = `Posted twice ${unique()}.`;
    const first = nextMinute();
    stored(submit({ slug, ipHash, body, now: first }));
    // 15 s later the same text again: accepted silently (not stored), and it counts.
    const repeat = new Date(first.getTime() + 15_001);
    expect(submit({ slug, ipHash, body, now: repeat })).toMatchObject({ ok: true, id: null });
    expect(submit({ slug: openArticle(), ipHash, now: new Date(repeat.getTime() + 5_000) })).toMatchObject({ ok: false, reason: 'flood' });
  });

  it('allows at most 30 posts an hour from one address', () => {
    const ipHash = uniqueIpHash();
    const start = nextMinute();
    for (let i = 0; i < HOURLY_LIMIT; i++) stored(submit({ slug: openArticle(), ipHash, now: new Date(start.getTime() + i * 16_000) }));
    const later = new Date(start.getTime() + HOURLY_LIMIT * 16_000);
    expect(submit({ slug: openArticle(), ipHash, now: later })).toMatchObject({ ok: false, reason: 'flood' });
    clock = start.getTime() + 2 * 60 * 60_000;
  });

  it('holds an IPv6 /48 to eight times the limit of one /64', () => {
    const range = uniqueIpHash();
    const now = nextMinute();
    for (let i = 0; i < RANGE_FACTOR; i++) stored(submit({ slug: openArticle(), ipHash: uniqueIpHash(), ipRangeHash: range, now }));
    expect(submit({ slug: openArticle(), ipHash: uniqueIpHash(), ipRangeHash: range, now })).toMatchObject({ ok: false, reason: 'flood' });
    expect(submit({ slug: openArticle(), ipHash: uniqueIpHash(), ipRangeHash: uniqueIpHash(), now }).ok).toBe(true);
  });

  it('lets two different readers post at the same moment', () => {
    const now = nextMinute();
    const slug = openArticle();
    expect(submit({ slug, now }).ok).toBe(true);
    expect(submit({ slug, now }).ok).toBe(true);
  });
});

describe('duplicates', () => {
  it('stores the same text from the same IP on the same article once, and answers as for a new comment', () => {
    const slug = openArticle();
    const ipHash = uniqueIpHash();
    const body = `I said this once ${unique()}.`;
    stored(submit({ slug, ipHash, body }));
    const before = commentCount();
    // An hour later, with another address typed: still the same post from the same reader.
    const again = submit({ slug, ipHash, body: `  ${body}\n`, email: uniqueEmail(), now: new Date(nextMinute().getTime() + 60 * 60_000) });
    expect(again).toEqual({ ok: true, id: null, status: 'pending', articleSlug: slug });
    expect(commentCount()).toBe(before);
  });

  it('answers a guessed email exactly as a stranger: the outcome never depends on who wrote a text', () => {
    const slug = openArticle();
    const email = uniqueEmail('victim');
    const body = `A published remark ${unique()}.`;
    approve(stored(submit({ slug, email, body })).id);
    // An attacker, on another IP, posts the same text with the right and with a wrong address.
    const right = submit({ slug, email, body, now: nextMinute() });
    const wrong = submit({ slug, email: uniqueEmail('guess'), body, now: nextMinute() });
    expect(right.ok && wrong.ok).toBe(true);
    expect({ ...right, id: 0 }).toEqual({ ...wrong, id: 0 });
  });

  it('allows the same text on another article, or from another reader', () => {
    const slug = openArticle();
    const email = uniqueEmail('dup');
    const body = `Common words ${unique()}.`;
    stored(submit({ slug, email, body }));
    expect(submit({ slug: openArticle(), email, body }).ok).toBe(true);
    stored(submit({ slug, email, body }));
  });
});

describe('held for a moderator, with the reason', () => {
  it('holds a comment with more than 2 links', () => {
    const row = stored(submit({ slug: openArticle(), body: 'See https://a.example, http://b.example and www.c.example' }));
    expect(row.status).toBe('pending');
    expect(row.heldReasons).toEqual(['3 links']);
  });

  it('does not flag 2 links', () => {
    const row = stored(submit({ slug: openArticle(), body: 'See https://a.example and https://b.example' }));
    expect(row.status).toBe('pending');
    expect(row.heldReasons).toEqual([]);
  });

  it('holds a comment with a blocklisted word, in the text, the name or the website', () => {
    const word = `spamword${unique()}`;
    block('word', word);
    for (const fields of [
      { body: `Visit my ${word.toUpperCase()} today` },
      { name: `${word} seller` },
      { website: `https://${word}.example.org` },
    ]) {
      const row = stored(submit({ slug: openArticle(), ...fields }));
      expect(row.status, JSON.stringify(fields)).toBe('pending');
      expect(row.heldReasons).toEqual([`blocked word: ${word}`]);
    }
    // Part of a longer word is not the word.
    expect(stored(submit({ slug: openArticle(), body: `${word}ish is fine` })).heldReasons).toEqual([]);
  });

  it('records every reason that applies', () => {
    const word = `spamword${unique()}`;
    block('word', word);
    const row = stored(submit({ slug: openArticle(), body: `${word}: https://a.example https://b.example https://c.example` }));
    expect(row.heldReasons).toEqual([`blocked word: ${word}`, '3 links']);
  });
});

describe('blocklisted senders', () => {
  it('marks a comment from a blocklisted email as spam', () => {
    const email = uniqueEmail('blocked');
    block('email', email);
    const row = stored(submit({ slug: openArticle(), email: email.toUpperCase() }));
    expect(row.status).toBe('spam');
    expect(row.heldReasons).toEqual(['blocked email address']);
  });

  it('marks a comment from a blocklisted IP as spam', () => {
    const ipHash = uniqueIpHash();
    block('ip', ipHash);
    const row = stored(submit({ slug: openArticle(), ipHash }));
    expect(row.status).toBe('spam');
    expect(row.heldReasons).toEqual(['blocked IP address']);
  });
});

describe('articles that take no comments', () => {
  it.each([
    ['an unknown article', () => `no-such-article-${unique()}`, 'noArticle'],
    ['a draft', () => draftSlug, 'noArticle'],
    ['an article scheduled for later', () => scheduledSlug, 'noArticle'],
    ['an article with comments closed', () => closedSlug, 'closed'],
  ] as const)('refuses a comment on %s and stores nothing', (_label, slug, reason) => {
    const before = commentCount();
    expect(submit({ slug: slug() })).toEqual({ ok: false, reason });
    expect(commentCount()).toBe(before);
  });

  it('says why in plain words', () => {
    expect(COMMENT_MESSAGES.noArticle).toBe('This article cannot be found, so comments cannot be posted to it.');
    expect(COMMENT_MESSAGES.closed).toBe('Comments are closed on this article.');
  });
});

describe('replies', () => {
  it('threads replies three levels deep; a reply to a level-3 comment joins level 3', () => {
    const slug = openArticle();
    const top = stored(submit({ slug }));
    approve(top.id);
    const second = stored(submit({ slug, parentId: top.id }));
    expect(second).toMatchObject({ parentId: top.id, depth: 2, status: 'pending' });
    approve(second.id);
    const third = stored(submit({ slug, parentId: second.id }));
    expect(third).toMatchObject({ parentId: second.id, depth: 3 });
    approve(third.id);
    // Replying to the level-3 comment puts the reply beside it, under the same level-2 parent.
    const fourth = stored(submit({ slug, parentId: third.id }));
    expect(fourth).toMatchObject({ parentId: second.id, depth: 3 });
  });

  it('refuses a reply to a comment that is not approved, not on this article, or gone, and stores nothing', () => {
    const slug = openArticle();
    const pending = stored(submit({ slug }));
    const elsewhere = stored(submit({ slug: openArticle() }));
    approve(elsewhere.id);
    const spam = stored(submit({ slug, stampAge: 0 }));
    approve(spam.id);
    setStatus(spam.id, 'spam');
    const before = commentCount();
    for (const parentId of [pending.id, elsewhere.id, spam.id, 999_999_999]) {
      expect(submit({ slug, parentId }), `reply to #${parentId}`).toEqual({ ok: false, reason: 'noParent' });
    }
    expect(commentCount()).toBe(before);
    expect(COMMENT_MESSAGES.noParent).toBe('The comment you are replying to is no longer available.');
  });
});
